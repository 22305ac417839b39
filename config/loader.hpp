#pragma once
// Loading a scenario: YAML file(s) -> extends -> --set overrides -> strict validation -> Config.
// Every error is collected (not just the first) with the file, line and column of the offending
// node, so a user can fix a whole file in one go. yaml-cpp is an implementation detail of config/.
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sisim::config {

struct ConfigError {
  std::string file;  // as given by the caller (or "--set" for a command-line override)
  int line = 0;      // 1-based (for "--set": the override's 1-based position on the command line)
  int column = 0;    // 1-based
  std::string message;
};

struct LoadResult {
  std::optional<Config> config;  // set iff errors is empty
  std::vector<ConfigError> errors;
  bool ok() const { return config.has_value(); }
};

// Loads `path` (relative paths in `extends:` resolve against the including file's folder) and
// applies `overrides`, each "key.path=value" with the value parsed as YAML. List items are
// addressed by their `name` or by index (cohort.segments.kontanthjaelp_30plus.share,
// contract.outcomes.0.price). Never throws for bad input.
LoadResult load_config(const std::string& path, const std::vector<std::string>& overrides = {});

// Same from a string; `virtual_name` is the file name used in errors and for resolving `extends`.
LoadResult load_config_from_string(const std::string& yaml, const std::string& virtual_name,
                                   const std::vector<std::string>& overrides = {});

// "file:line:col: error: message" lines (each ending in '\n'), stably sorted by file, line, col.
// Control characters in file names and messages are shown escaped (printable_text).
std::string format_errors(const std::vector<ConfigError>& errors);

// `text` with every control character escaped (\0, \n, \t, \x1b, ...): text from an input file
// shown on a terminal can then neither be cut at a NUL nor drive the terminal with escape codes.
std::string printable_text(const std::string& text);

// The fully resolved document (extends and overrides applied, every default written out, every
// distribution in its normalised spelling). Loading it back gives an identical Config.
// load_config fills Config::resolved_yaml with it.
std::string resolved_yaml(const Config& config);

// The candidate nearest to `typo` by Damerau-Levenshtein (optimal string alignment) distance, if
// that distance is <= max(2, typo.size() / 3); ties go to the earlier candidate.
std::optional<std::string> nearest_key(const std::string& typo, const std::vector<std::string>& candidates);

// Parses a budget / metric name as spelled in YAML; nullopt when unknown.
std::optional<Budget> budget_from_string(const std::string& s);
std::optional<Metric> metric_from_string(const std::string& s);

}  // namespace sisim::config
