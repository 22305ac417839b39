#pragma once
// Rules every command that runs the engine shares: whether an output path may be written, and
// the investor's per-path loss flags (decided by the path itself, sim/contract/investor_metrics.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"

namespace sisim::cli {

// Refuses before a run, not after it: a user should not wait an hour to learn that the output
// exists or cannot be written (the writer checks again at the end).
bool output_is_usable(const std::string& path, bool force, std::string& why);

// The investor's nominal-loss flag of every path (/paths/investor/loss/nominal: receipts plus
// guarantee below the capital drawn), as the path wrote it.
std::vector<std::uint8_t> investor_loss(const RunOutput& run);

// A /paths column of a run by its dataset path (throws if the engine wrote none).
const std::vector<double>& column_of(const RunOutput& run, const std::string& path);

}  // namespace sisim::cli
