#pragma once
// Rules every command that runs the engine shares: whether an output path may be written, and
// the investor's per-path loss flags (decided by the path itself, sim/contract/investor_metrics.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"

namespace sisim::api {

// A file a command reads, and what it is to the command ("the scenario", "the cases file").
struct InputFile {
  std::string path;
  std::string role;
};

// The scenario file and every file it extends, as inputs of a command.
std::vector<InputFile> scenario_inputs(const std::string& scenario, const config::Config& config);

// Refuses before a run, not after it: a user should not wait an hour to learn that the output
// exists, cannot be written, is not a regular file (sim/io/output_file.hpp) or is one of the
// command's own inputs (the writer checks again at the end).
bool output_is_usable(const std::string& path, bool force, const std::vector<InputFile>& inputs,
                      std::string& why);

// The investor's nominal-loss flag of every path (/paths/investor/loss/nominal: receipts plus
// guarantee below the capital drawn), as the path wrote it.
std::vector<std::uint8_t> investor_loss(const engine::RunOutput& run);

// A /paths column of a run by its dataset path (throws if the engine wrote none).
const std::vector<double>& column_of(const engine::RunOutput& run, const std::string& path);

}  // namespace sisim::api
