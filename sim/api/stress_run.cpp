#include "sim/api/stress_run.hpp"

#include <filesystem>
#include <stdexcept>

#include "sim/api/load_scenario.hpp"
#include "sim/model/model.hpp"

namespace sisim::api {

using engine::run_simulation;
using engine::RunOptions;
using engine::RunOutput;

using config::Config;
using config::ConfigError;
using config::load_config_with_shifts;
using config::LoadResult;
using config::resolve_shifts;
using config::Shift;

LoadResult load_shifted(const std::string& scenario, const std::vector<std::string>& overrides,
                        const Config& base, const std::vector<Shift>& shifts) {
  std::vector<ConfigError> errors;
  const std::vector<Shift> resolved = resolve_shifts(base, shifts, errors);
  if (!errors.empty()) {
    LoadResult failed;
    failed.errors = std::move(errors);
    return failed;
  }
  LoadResult result = load_config_with_shifts(scenario, overrides, resolved);
  if (!result.ok()) return result;
  result.errors = check_model_inputs(*result.config, scenario);
  if (!result.errors.empty()) result.config.reset();
  return result;
}

RunOptions paired_options(const RunSettings& settings, const Config& base, std::int64_t default_paths) {
  RunOptions options;
  options.paths = settings.paths      ? *settings.paths
                  : default_paths > 0 ? default_paths
                                      : base.simulation.paths;
  options.seed = settings.seed ? *settings.seed : base.simulation.seed;
  options.seed_set = true;
  options.threads = settings.threads;
  options.progress = false;  // the commands print one line per run instead
  options.label = base.name;
  return options;
}

RunOutput run_paired(const Config& config, const RunOptions& options) {
  RunOutput run = run_simulation(config, options);
  if (run.cancelled) throw RunInterrupted();
  return run;
}

}  // namespace sisim::api
