#pragma once
// Which uncertain parameters drive a result: Spearman rank correlation of each sampled parameter
// column with a target column (e.g. investor NPV), over paths.
//
// Definitions:
// - Ranks are 1-based; tied values get the average of the ranks they span (so 1, 2, 2, 3 ranks as
//   1, 2.5, 2.5, 4). rho = Pearson correlation of the two rank vectors (exact with ties).
// - Paths where the parameter or the target is NaN are dropped pairwise, before ranking.
// - se = 1 / sqrt(n - 1): the standard deviation of rho under independence (the null), i.e. the
//   yardstick for "is this parameter distinguishable from noise" (|rho| > 4 se is clear).
// - ci_low/ci_high: 95 % interval from the Fisher z transform with the Fieller-Hartley-Pearson
//   variance 1.06 / (n - 3): tanh(atanh(rho) -+ 1.96 sqrt(1.06 / (n - 3))).
// - A constant column (or target), or n < 3, gives rho = NaN; n < 4 gives NaN for the interval.
#include <cstdint>
#include <string>
#include <vector>

namespace sisim::analysis {

struct SensitivityRow {
  std::string name;
  double rho = 0.0;     // Spearman rank correlation with the target
  double se = 0.0;      // 1 / sqrt(n - 1), see above
  double ci_low = 0.0;  // 95 % Fisher-z interval
  double ci_high = 0.0;
  std::int64_t n = 0;  // paths used (pairwise non-NaN)
};

// 1-based ranks with ties averaged; NaN inputs get NaN ranks and are ignored when ranking the rest.
std::vector<double> average_ranks(const std::vector<double>& x);

// Spearman's rho of two equal-length columns (std::invalid_argument otherwise), pairwise NaN removal.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// One row per column, sorted by |rho| descending (stable: equal |rho| keeps input order; NaN rho
// last). names.size() must equal columns.size() and every column must have target.size() entries
// (std::invalid_argument otherwise).
std::vector<SensitivityRow> rank_sensitivity(const std::vector<std::string>& names,
                                             const std::vector<std::vector<double>>& columns,
                                             const std::vector<double>& target);

// The share of the target's variance a linear model in the columns explains: R^2 of the ordinary
// least-squares fit of target on an intercept and every column (rows with any NaN dropped; a
// constant column adds nothing). NaN when fewer rows than columns + 2 remain. The same dimension
// checks as rank_sensitivity.
double linear_r_squared(const std::vector<std::vector<double>>& columns, const std::vector<double>& target);

}  // namespace sisim::analysis
