#pragma once
// Internal to config/ (uses the YNode tree): path walking for shifts, shared by the stress, sweep
// and pricing readers.
#include <string>
#include <vector>

#include "config/detail/reader.hpp"
#include "config/stress.hpp"

namespace sisim::config::detail {

// One-line flow YAML of a node ("{dist: normal, mean: 0.1, sd: 0.02}").
std::string emit_flow(const YNode& node);

// The node at a dotted path (list items by `name` or index), or nullptr with `error` naming the
// first part that is missing and, if one is close, the nearest key.
const YNode* find_path(const YNode& root, const std::string& path, std::string& error);

// Replaces the node at `path` by `value`, creating missing map keys on the way (exactly like
// --set); the new key's location is `where`. Returns an error message, or "" on success.
std::string set_path(YNode& root, const std::string& path, YNode value, const SourceLocation& where);

// A message if `path` may not be stressed or swept: simulation.seed, simulation.paths and
// simulation.block_size (every case and point runs on the command's seed and paths, common random
// numbers, so a shift there would be silently not applied, or would only move the last bits).
std::optional<std::string> unshiftable(const std::string& path);

// Reads one shift map {path, set | scale | add}; nullopt after reporting an error.
std::optional<Shift> read_shift(Reader& r, const YNode& node, const std::string& where_path);

// The composed scenario document (extends and overrides applied), or nullopt with errors.
std::optional<YNode> composed_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                       std::vector<ConfigError>& errors,
                                       std::vector<std::string>* extended_files = nullptr);

}  // namespace sisim::config::detail
