#pragma once
// Comparisons of two per-path columns computed on the same paths (common random numbers), and
// ratios of means: the statistics behind the funding alternatives (docs/MODEL.md 15) and
// `sisim compare`. NaN on either side of a pair drops the pair.
#include <cstdint>
#include <vector>

namespace sisim::analysis {

struct PairedDifference {
  double mean = 0.0;          // mean of a_i - b_i
  double se = 0.0;            // sd(a_i - b_i) / sqrt(n): the paired standard error
  double p_greater = 0.0;     // share of pairs with a_i > b_i
  double p_greater_se = 0.0;  // sqrt(p (1 - p) / n), the SE of a mean of 0/1 flags
  std::int64_t n = 0;
};

// a and b must have the same length (std::invalid_argument otherwise). With n < 2 the SEs are NaN.
PairedDifference paired_difference(const std::vector<double>& a, const std::vector<double>& b);

struct Ratio {
  double value = 0.0;  // mean(x) / mean(y)
  double se = 0.0;     // delta method: sd(x_i - value y_i) / (sqrt(n) |mean(y)|)
  std::int64_t n = 0;
};

// Ratio of means over the pairs where both are defined; NaN when mean(y) is 0 or n < 2.
Ratio ratio_of_means(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace sisim::analysis
