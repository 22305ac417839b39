#include "sim/cli/load_scenario.hpp"

#include "config/stress.hpp"
#include "config/sweep.hpp"
#include "sim/model/model.hpp"

namespace sisim::cli {

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides) {
  LoadResult result = load_config(path, overrides);
  if (!result.ok()) {
    // Another kind of sisim file given where a scenario is expected: say which command reads it
    // instead of listing every scenario key it lacks.
    const char* hint =
        read_sweep(path).ok() ? "this is a sweep file: use `sisim sweep FILE -o OUT.h5`"
        : !read_stress_file(path).cases.empty() && read_stress_file(path).ok()
            ? "this is a stress cases file: use `sisim stress SCENARIO.yaml --cases FILE -o OUT.h5`"
            : nullptr;
    if (hint != nullptr) result.errors = {{path, 1, 1, hint}};
    return result;
  }
  if (const auto problem = check_fixed_gap(*result.config)) {
    const SourceLocation& at = result.config->intervention.effect.gap.where;
    result.errors.push_back({at.file.empty() ? path : at.file, at.line, at.column, *problem});
    result.config.reset();
  }
  return result;
}

}  // namespace sisim::cli
