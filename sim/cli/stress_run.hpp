#pragma once
// Pieces shared by the deal-design commands (stress, sweep, price): loading a scenario with
// shifts, run options that pair every run path by path (common random numbers), and the per-path
// columns their comparisons read.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/stress.hpp"
#include "sim/cli/args.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::cli {

// The base scenario with `shifts` applied (scale/add resolved against `base`), with the model's
// fixed-gap check as in load_scenario. Errors point at the shifts' own files and lines.
LoadResult load_shifted(const std::string& scenario, const std::vector<std::string>& overrides,
                        const Config& base, const std::vector<Shift>& shifts);

// Same seed and number of paths for every run of a command: --seed/--paths, else the BASE
// scenario's (a case that changes simulation.seed must not silently unpair the comparison).
RunOptions paired_options(const Args& args, const Config& base, std::int64_t default_paths = 0);

// Refuses before any run when the output exists (without --force) or its folder is missing.
bool output_is_usable(const std::string& path, bool force, std::string& why);

// A /paths column of a run (std::runtime_error if the engine did not produce it).
const std::vector<double>& column_of(const RunOutput& run, const std::string& path);

// 1 where the investor got back less than it put in (receipts + guarantee < drawdowns): the
// P(loss) convention of docs/HDF5.md 2.4.
std::vector<std::uint8_t> investor_loss(const RunOutput& run);

// Thrown by run_paired when the user pressed Ctrl-C: nothing is written (exit code 130).
struct RunInterrupted : std::runtime_error {
  RunInterrupted() : std::runtime_error("interrupted") {}
};

// Runs one configuration; throws RunInterrupted when cancelled.
RunOutput run_paired(const Config& config, const RunOptions& options);

}  // namespace sisim::cli
