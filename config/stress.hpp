#pragma once
// Shifts: declarative changes to a loaded scenario, by parameter path. Stress cases are lists of
// them, a sweep point is one shift per swept path, and the price solver is one `scale` on the
// virtual path contract.outcome_prices. Every changed scenario is the base document with the
// shifts applied as overrides, so a case differs from the base exactly where its shifts say and
// (draws being addressed by parameter name) reuses every other random draw.
//
// Semantics of `scale: k` and `add: x` on a parameter's current value (docs/CONFIG.md, "stress"):
// - a number: v*k, v+x;
// - uniform, triangular, pert: min, mode and max scaled / shifted (shape unchanged);
// - normal: mean*k and sd*k / mean+x; truncation bounds likewise;
// - lognormal: median*k (mu + ln k, sigma unchanged), bounds*k; `add` is an error;
// - beta: the support [low, high] (and bounds) scaled / shifted, alpha and beta unchanged, so the
//   whole distribution (mean, sd) scales; a result outside the key's range (a probability above 1)
//   is the loader's usual support error, reported at the shift;
// - discrete: every value (and the bounds).
// `scale` on a distribution needs k > 0. Integer keys (cohort.size, ...) must stay integers.
#include <string>
#include <vector>

#include "config/loader.hpp"

namespace sisim::config {

enum class ShiftOp { set, scale, add };

struct Shift {
  std::string path;  // dotted key path, as for --set (list items by name or index)
  ShiftOp op = ShiftOp::set;
  std::string value_yaml;  // set: the new value as one-line YAML (a number or a distribution map)
  double amount = 0.0;     // scale: the factor k; add: the increment x
  SourceLocation where;    // where the shift is written (errors point here)
};

// Every rate-card price and every tier `payment` and `per_unit` (the price solver's multiplier).
// Only `scale` is allowed on it.
inline constexpr const char* kOutcomePricesPath = "contract.outcome_prices";

struct StressCase {
  std::string name;  // unique; letters, digits, '_', '-', '.'; not "base"
  std::string description;
  std::vector<Shift> shifts;  // may be empty: the case is then the base scenario again
  SourceLocation where;
};

struct StressCasesResult {
  std::vector<StressCase> cases;
  std::vector<ConfigError> errors;
  bool ok() const { return errors.empty(); }
};

// A cases file: a map with `cases: [{name, description, shifts: [{path, set|scale|add}]}]`.
StressCasesResult read_stress_file(const std::string& path);

// The scenario's own `stress:` section (same form: `stress: {cases: [...]}`), read from the
// composed document (extends and overrides applied) so positions point into the right file.
// No section: no cases and no errors.
StressCasesResult read_scenario_stress(const std::string& scenario,
                                       const std::vector<std::string>& overrides);

// Turns every shift into a `set` of the path's new value, computed from `base` (its resolved
// document: defaults included). contract.outcome_prices expands to one shift per price. Errors
// (unknown path with a suggestion, a non-number, add on a lognormal, ...) at each shift.
std::vector<Shift> resolve_shifts(const Config& base, const std::vector<Shift>& shifts,
                                  std::vector<ConfigError>& errors);

// load_config(path, overrides), then the resolved `set` shifts applied in order. A shift's value
// is checked like any value of the scenario, with errors at the shift's own location.
LoadResult load_config_with_shifts(const std::string& path, const std::vector<std::string>& overrides,
                                   const std::vector<Shift>& resolved);

// One line for the result file and the terminal: "intervention.dropout_hazard: scale 2".
std::string describe_shift(const Shift& shift);

}  // namespace sisim::config
