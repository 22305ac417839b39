#include "sim/cli/load_scenario.hpp"

#include "sim/model/model.hpp"

namespace sisim::cli {

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult result = load_config(path, overrides);
  if (!result.ok()) return result;
  if (const auto problem = check_fixed_gap(*result.config)) {
    const SourceLocation& at = result.config->intervention.effect.gap.where;
    result.errors.push_back({at.file.empty() ? path : at.file, at.line, at.column, *problem});
    result.config.reset();
  }
  return result;
}

}  // namespace sisim::cli
