#pragma once
// `sisim compare`: runs side by side (alternatives, deals, variants of one scenario), each metric
// as a value and as a change from the first run. Runs that share the seed and the number of paths
// met the same draws wherever their parameters agree (common random numbers), so their change is
// estimated from per-path differences (paired SE); otherwise the SEs of the two means combine.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/alternatives.hpp"

namespace sisim::analysis {

struct CompareRun {
  std::string name;
  std::uint64_t seed = 0;
  std::int64_t paths = 0;
  ColumnMap columns;  // the datasets of compare_column_paths() the file has
};

struct CompareCell {
  double value = 0.0;      // mean over paths (NaN: the metric is not in the run)
  double value_se = 0.0;   // its standard error
  double change = 0.0;     // value minus the first run's value
  double change_se = 0.0;  // paired or combined SE (0 for the first run)
};

struct CompareTable {
  std::vector<std::string> runs;
  std::vector<bool> paired;                     // per run: the change used paired paths
  std::vector<std::string> metrics;             // row labels
  std::vector<bool> probability;                // per metric: a probability (else money)
  std::vector<std::vector<CompareCell>> cells;  // [run][metric]
};

std::vector<std::string> compare_column_paths();
CompareTable compare_runs(const std::vector<CompareRun>& runs);

}  // namespace sisim::analysis
