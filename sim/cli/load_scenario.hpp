#pragma once
// Loading a scenario for a command: the config loader's checks, plus the checks that need the
// model (an employment gap that no hazard ratio can reach), reported in the same error format.
#include <string>
#include <vector>

#include "config/loader.hpp"

namespace sisim::cli {

LoadResult load_scenario(const std::string& path, const std::vector<std::string>& overrides);

}  // namespace sisim::cli
