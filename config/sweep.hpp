#pragma once
// A sweep file: a base scenario and the points at which to run it (docs/CONFIG.md, "Sweep files").
//
//   scenario: ../herning-viborg.yaml        # relative to the sweep file
//   paths: 500                              # per point (default: the scenario's simulation.paths)
//   grid:                                   # Cartesian product, first dimension slowest
//     - {path: intervention.effect.employment_gap, values: [0.06, 0.12, 0.18]}
//     - {path: contract.outcome_prices, scale: [0.8, 1.0, 1.2]}
// or
//   latin_hypercube: {samples: 20, seed: 7, parameters: [{path: a.b, min: 0.1, max: 0.3}]}
//
// A grid dimension sets the path to each value (`values`), or scales / shifts its current value
// (`scale`, `add`; semantics in config/stress.hpp). Values are numbers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/stress.hpp"

namespace sisim::config {

struct SweepDimension {
  std::string path;
  ShiftOp op = ShiftOp::set;
  std::vector<double> values;
  SourceLocation where;
  // Column name in /sweep/points: the path for `values`, "scale(<path>)" or "add(<path>)".
  std::string column() const;
};

struct LatinParameter {
  std::string path;
  double min = 0.0, max = 1.0;
  SourceLocation where;
};

struct LatinHypercube {
  std::int64_t samples = 0;
  std::uint64_t seed = 1;
  std::vector<LatinParameter> parameters;
};

struct SweepSpec {
  std::string file;      // the sweep file as given
  std::string text;      // its contents (stored in result files)
  std::string scenario;  // resolved against the sweep file's folder
  std::optional<std::int64_t> paths;
  std::vector<SweepDimension> grid;     // non-empty for a grid sweep
  std::optional<LatinHypercube> latin;  // set for a Latin hypercube sweep
};

struct SweepReadResult {
  std::optional<SweepSpec> spec;
  std::vector<ConfigError> errors;
  bool ok() const { return spec.has_value(); }
};

SweepReadResult read_sweep(const std::string& path);

}  // namespace sisim::config
