#pragma once
// Statistics of per-path results: mean, quantiles, probability of loss, VaR and expected shortfall,
// each with a Monte Carlo standard error. Pure and deterministic: the same input vector gives the
// same bits, whatever thread produced it.
//
// Definitions (fixed, so two readers of a result file agree):
// - NaN values are excluded from every statistic and counted in Summary::n_nan.
// - Quantile q_p: Hyndman-Fan type 7 (numpy's default "linear"): with the n values sorted
//   ascending x_(0) <= ... <= x_(n-1), h = (n-1) p, q_p = x_(floor h) + (h - floor h)
//   (x_(floor h + 1) - x_(floor h)).
// - VaR_a = q_a and ES_a = mean of the k = ceil(a n) smallest values (k at least 1), both in the
//   metric's own units and sign: every metric here is better when higher, so a loss shows as a
//   negative IRR or NPV (a MOIC below 1) and ES_a <= VaR_a. One convention for the table, the CSV,
//   the report and the result file.
// - p_loss: with loss_flags, the share of ALL paths (NaN values included: an undefined IRR on a
//   total loss is still a loss) whose flag is non-zero; without, the share of non-NaN values < 0.
// - se_mean = sd / sqrt(n) with sd the (n-1)-denominator sample standard deviation.
// - Quantile (and VaR) SE: from the distribution-free order-statistic interval. The rank of the
//   sample p-quantile is about Binomial(n, p), so the values at type-7 positions
//   h -+ z sqrt(n p (1-p)) (h = (n-1) p, z = 1.96, clipped to the sample) bound a 95 % interval;
//   SE = (upper - lower) / (the number of rank sds spanned, 2z unless clipped). It needs no
//   density estimate and holds at small n (tested against the spread over independent seeds); a
//   quantile inside a point mass (an IRR at the return cap) gets SE 0, as it should.
// - ES SE: the asymptotic variance of the tail mean, [Var(X | tail) + (1 - a)(q - m)^2] / (n a),
//   with a = k/n, m the tail mean and q the largest tail value (the influence function of
//   mean(X 1{X <= q}) / a).
// - p_loss SE: binomial sqrt(p (1 - p) / n) over the paths it counts (paths are independent).
// - With n < 4 every SE except se_mean is NaN.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace sisim::stats {

// Quantile levels of Summary::quantiles (and of the fan-chart bands in result files).
inline constexpr std::array<double, 9> kQuantileLevels = {0.01, 0.05, 0.10, 0.25, 0.50,
                                                          0.75, 0.90, 0.95, 0.99};
// Replicate groups of consecutive paths, for paired statistics without a closed form (the paired
// median change of sisim stress).
inline constexpr int kDefaultReplicateGroups = 32;

struct Summary {
  double mean = 0.0, sd = 0.0, se_mean = 0.0;
  std::array<double, 9> quantiles{};    // at kQuantileLevels
  std::array<double, 9> quantile_se{};  // order-statistic SE of each quantile
  double p_loss = 0.0, p_loss_se = 0.0;
  double var_05 = 0.0, es_05 = 0.0, var_01 = 0.0, es_01 = 0.0;
  double var_05_se = 0.0, es_05_se = 0.0, var_01_se = 0.0, es_01_se = 0.0;
  std::int64_t n = 0;      // non-NaN values used
  std::int64_t n_nan = 0;  // NaN values excluded
};

// Summary of one per-path column. loss_flags, if given, must have x.size() entries
// (std::invalid_argument otherwise). With n == 0 every statistic is NaN (p_loss too, unless
// loss_flags are given and non-empty).
Summary summarize(const std::vector<double>& x, const std::vector<std::uint8_t>* loss_flags = nullptr);

// Type-7 quantiles of x at `levels` (each in [0, 1], else std::invalid_argument); NaN values are
// dropped first; an empty (or all-NaN) x gives NaN for every level.
std::vector<double> quantiles_of(std::vector<double> x, std::span<const double> levels = kQuantileLevels);

// Type-7 quantile of an already ascending-sorted, NaN-free, non-empty range.
double quantile_sorted(std::span<const double> sorted, double level);

// Order-statistic SE of quantile_sorted(sorted, level) (see the top of this file); NaN if n < 4.
double quantile_se_sorted(std::span<const double> sorted, double level);

// Asymptotic SE of expected_shortfall_sorted(sorted, level); NaN if n < 4 or the tail has < 2 values.
double expected_shortfall_se_sorted(std::span<const double> sorted, double level);

// -mean of the ceil(level * n) smallest values of an ascending-sorted, NaN-free, non-empty range.
double expected_shortfall_sorted(std::span<const double> sorted, double level);

// Streaming mean and variance (Welford; blocks merged with Chan's formula). Floating-point merging
// is not exactly associative, so results are bit-reproducible when the caller forms the same blocks
// and merges them in the same fixed order (e.g. a left fold over block index), which does not depend
// on how many threads computed the blocks. NaN values are counted and otherwise ignored.
class MeanAccumulator {
 public:
  void add(double x);
  void merge(const MeanAccumulator& other);  // this = this (+) other, this block first

  std::int64_t count() const { return n_; }
  std::int64_t nan_count() const { return n_nan_; }
  double mean() const;      // NaN when count() == 0
  double variance() const;  // (n-1)-denominator; NaN when count() < 2
  double sd() const;
  double se_mean() const;  // sd / sqrt(n)

 private:
  std::int64_t n_ = 0, n_nan_ = 0;
  double mean_ = 0.0, m2_ = 0.0;  // m2 = sum of squared deviations from the mean
};

}  // namespace sisim::stats
