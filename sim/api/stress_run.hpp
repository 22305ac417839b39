#pragma once
// Pieces shared by the deal-design commands (stress, sweep, price): loading a scenario with
// shifts, run options that pair every run path by path (common random numbers), and the per-path
// columns their comparisons read.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/stress.hpp"
#include "sim/api/run_checks.hpp"
#include "sim/api/run_settings.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::api {

// The base scenario with `shifts` applied (scale/add resolved against `base`), with the model's
// fixed-gap check as in load_scenario. Errors point at the shifts' own files and lines.
config::LoadResult load_shifted(const std::string& scenario, const std::vector<std::string>& overrides,
                                const config::Config& base, const std::vector<config::Shift>& shifts);

// Same seed and number of paths for every run of a command: --seed/--paths, else the BASE
// scenario's (a case that changes simulation.seed must not silently unpair the comparison).
engine::RunOptions paired_options(const RunSettings& settings, const config::Config& base,
                                  std::int64_t default_paths = 0);

// Thrown by run_paired when the user pressed Ctrl-C: nothing is written (exit code 130).
struct RunInterrupted : std::runtime_error {
  RunInterrupted() : std::runtime_error("interrupted") {}
};

// Runs one configuration; throws RunInterrupted when cancelled.
engine::RunOutput run_paired(const config::Config& config, const engine::RunOptions& options);

}  // namespace sisim::api
