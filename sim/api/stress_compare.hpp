#pragma once
// Paired comparison of two runs on the same seed and paths (common random numbers): path i of
// both runs saw the same draws wherever their parameters agree, so the change in a metric is
// estimated from per-path differences, whose spread is far smaller than either run's.
//
// Standard error of a change:
// - means and probabilities (P(loss) = mean of a 0/1 flag): sd of the per-path differences /
//   sqrt(n), over the paths where both values are defined;
// - the median IRR: 32 replicate groups of consecutive paths (the convention of
//   analysis/statistics.hpp): in each group the median of the case minus the median of the base;
//   SE = sd over groups / sqrt(32).
#include <string>
#include <vector>

#include "sim/api/summary_table.hpp"
#include "sim/engine/engine.hpp"
#include "sim/results/paired.hpp"

namespace sisim::api {

struct ComparisonMetric {
  const char* name;   // dataset name under /stress/comparison and /sweep-style tables
  const char* label;  // terminal column
  Unit unit;
  bool public_budget;  // a public NPV: its money is on public.discount's price basis
};

// In table order: investor_irr_p50, investor_p_loss, investor_npv_mean, municipality_npv_mean,
// municipality_p_loss, public_total_npv_mean, public_total_p_loss.
const std::vector<ComparisonMetric>& comparison_metrics();

using PairedValue = results::PairedValue;  // value, change and its SE (sim/results/paired.hpp)

// One entry per comparison_metrics() item. The runs must have the same number of paths.
std::vector<PairedValue> compare_paired(const engine::RunOutput& base, const engine::RunOutput& other);

// The terminal table: one row per case (the base first), value and change ± SE.
std::string format_comparison_table(const std::vector<std::string>& cases,
                                    const std::vector<std::vector<PairedValue>>& rows,
                                    const std::string& title);

}  // namespace sisim::api
