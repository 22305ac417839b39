#pragma once
// Loading a scenario for a command: the config loader's checks, plus the checks that need the
// model (an employment gap that no hazard ratio can reach), reported in the same error format.
#include <string>
#include <vector>

#include "config/loader.hpp"

namespace sisim::api {

config::LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides);

// The checks of a loaded scenario that need the model and the samplers, as errors at the offending
// keys (`scenario` names the file for keys without a location):
// - an employment gap that no hazard ratio can reach (all its inputs fixed);
// - the extreme draws of every distribution (its 1.1e-16 and 1 - 1.1e-16 quantiles) must stay in
//   the key's range (money: +-1e12); samplability itself is the loader's check (sim/rng).
std::vector<config::ConfigError> check_model_inputs(const config::Config& config,
                                                    const std::string& scenario);

}  // namespace sisim::api
