#include "sim/api/load_scenario.hpp"

#include <fmt/format.h>

#include "config/stress.hpp"
#include "config/sweep.hpp"
#include "sim/model/model.hpp"
#include "sim/rng/samplers.hpp"

namespace sisim::api {

using config::Config;
using config::ConfigError;
using config::load_config;
using config::LoadResult;
using config::read_stress_file;
using config::read_sweep;
using config::SourceLocation;
using config::UncertainParam;

using model::check_fixed_gap;

std::vector<ConfigError> check_model_inputs(const Config& config, const std::string& scenario) {
  std::vector<ConfigError> errors;
  auto error = [&](const SourceLocation& at, const std::string& message) {
    errors.push_back({at.file.empty() ? scenario : at.file, at.line, at.column, message});
  };
  if (const auto problem = check_fixed_gap(config)) error(config.intervention.effect.gap.where, *problem);
  // The loader has already refused distributions that cannot be sampled (rng::find_distribution_problem);
  // what remains is the range of what a valid distribution actually draws.
  for (const UncertainParam& u : config.uncertain) {
    const double lo = rng::quantile(u.dist, 0x1.0p-54), hi = rng::quantile(u.dist, 0x1.fffffffffffffp-1);
    if (lo < u.min_value || hi > u.max_value) {
      error(u.where,
            u.path + fmt::format(": the distribution draws values from {:.6g} to {:.6g} (its 1.1e-16 "
                                 "and 1 - 1.1e-16 quantiles), outside the allowed range [{:.6g}, "
                                 "{:.6g}]; narrow it or truncate it with min/max",
                                 lo, hi, u.min_value, u.max_value));
    }
  }
  return errors;
}

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
  result.errors = check_model_inputs(*result.config, path);
  if (!result.errors.empty()) result.config.reset();
  return result;
}

}  // namespace sisim::api
