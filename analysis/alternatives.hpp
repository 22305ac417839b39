#pragma once
// Summaries of society's account and of the funding alternatives (docs/MODEL.md 14-15), computed
// from the per-path columns of a run (as written under /paths/society and /paths/alternatives), so
// that `run`, `summarize` and `report` derive the same figures from the same columns.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/paired.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::analysis {

// Per-path columns by dataset path, e.g. "/paths/alternatives/own_funding".
using ColumnMap = std::map<std::string, std::vector<double>>;

struct NamedSummary {
  std::string name;   // dataset name, e.g. "own_funding"
  std::string label;  // what a reader sees, e.g. "(b) own funding"
  stats::Summary summary;
};

struct PartyMean {
  std::string name;  // "municipality", ..., "participants", ...
  double mean = 0.0, se = 0.0;
};

struct SocietySummary {
  stats::Summary society;                  // society's account NPV
  std::vector<NamedSummary> alternatives;  // (b), (c), (d) and the fund in (d), if present
  std::vector<PartyMean> division;         // public budgets, then the parties; they sum to society
  PairedDifference risk_transfer;          // (c) - (b), paired: mean, SE, P((c) > (b))
  Ratio cost_per_outcome;                  // programme costs / extra outcomes (ratio of means)
  Ratio value_per_outcome_municipality;    // municipal savings / extra outcomes
  Ratio value_per_outcome_public;          // public savings / extra outcomes
};

// nullopt when the columns are absent (a file written before society's account existed).
std::optional<SocietySummary> summarize_society(const ColumnMap& columns);

// The /paths datasets summarize_society reads (present or not), for readers of result files.
std::vector<std::string> society_column_paths();

}  // namespace sisim::analysis
