#include "sim/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace sisim::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// z of the order-statistic interval behind a quantile's SE: the interval spans +-z binomial
// standard deviations of the rank, i.e. a 95 % distribution-free confidence interval.
constexpr double kRankZ = 1.959963984540054;

// Share of set flags (or of values < 0) with its binomial SE sqrt(p (1 - p) / n): paths are
// independent, so this is exact for the share's sampling distribution up to the use of p-hat.
std::pair<double, double> share_with_se(std::size_t set, std::size_t n) {
  if (n == 0) return {kNaN, kNaN};
  const double p = static_cast<double>(set) / static_cast<double>(n);
  if (n < 4) return {p, kNaN};
  return {p, std::sqrt(p * (1.0 - p) / static_cast<double>(n))};
}

std::pair<double, double> flag_share(const std::vector<std::uint8_t>& flags) {
  std::size_t set = 0;
  for (std::uint8_t f : flags) set += f != 0 ? 1 : 0;
  return share_with_se(set, flags.size());
}

}  // namespace

double quantile_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n == 0) return kNaN;
  const double h = static_cast<double>(n - 1) * level;
  const std::size_t lo = std::min(static_cast<std::size_t>(std::floor(h)), n - 1);
  const std::size_t hi = std::min(lo + 1, n - 1);
  const double frac = h - static_cast<double>(lo);
  return sorted[lo] + frac * (sorted[hi] - sorted[lo]);
}

namespace {
// The number of values in the worst `level` share: ceil(level n), at least 1. The 1e-9 guard keeps
// e.g. 0.05 * 100 from becoming ceil(5.0000000001) = 6 by rounding error.
std::size_t tail_count(std::size_t n, double level) {
  const auto k = static_cast<std::size_t>(std::ceil(level * static_cast<double>(n) - 1e-9));
  return std::clamp<std::size_t>(k, 1, n);
}
}  // namespace

double quantile_se_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n < 4 || !(level > 0.0 && level < 1.0)) return n < 4 ? kNaN : 0.0;
  const double last = static_cast<double>(n - 1);
  const double h = last * level;
  const double rank_sd = std::sqrt(static_cast<double>(n) * level * (1.0 - level));
  const double lo = std::max(0.0, h - kRankZ * rank_sd), hi = std::min(last, h + kRankZ * rank_sd);
  const double spanned_sds = (hi - lo) / rank_sd;  // 2z unless the interval hit an end
  if (!(spanned_sds > 0.0)) return kNaN;
  return (quantile_sorted(sorted, hi / last) - quantile_sorted(sorted, lo / last)) / spanned_sds;
}

double expected_shortfall_se_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n < 4) return kNaN;
  const std::size_t k = tail_count(n, level);
  if (k < 2) return kNaN;
  double mean = 0.0;
  for (std::size_t i = 0; i < k; ++i) mean += sorted[i];
  mean /= static_cast<double>(k);
  double ss = 0.0;
  for (std::size_t i = 0; i < k; ++i) ss += (sorted[i] - mean) * (sorted[i] - mean);
  const double tail_var = ss / static_cast<double>(k - 1), q = sorted[k - 1];
  const double a = static_cast<double>(k) / static_cast<double>(n);
  return std::sqrt((tail_var + (1.0 - a) * (q - mean) * (q - mean)) / (static_cast<double>(n) * a));
}

double expected_shortfall_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n == 0) return kNaN;
  const std::size_t k = tail_count(n, level);
  double sum = 0.0;
  for (std::size_t i = 0; i < k; ++i) sum += sorted[i];
  return -sum / static_cast<double>(k);
}

std::vector<double> quantiles_of(std::vector<double> x, std::span<const double> levels) {
  for (double p : levels)
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantiles_of: level outside [0, 1]");
  std::erase_if(x, [](double v) { return std::isnan(v); });
  std::sort(x.begin(), x.end());
  std::vector<double> out;
  out.reserve(levels.size());
  for (double p : levels) out.push_back(quantile_sorted(x, p));
  return out;
}

Summary summarize(const std::vector<double>& x, const std::vector<std::uint8_t>* loss_flags) {
  if (loss_flags != nullptr && loss_flags->size() != x.size())
    throw std::invalid_argument("summarize: loss_flags must have one entry per path");
  Summary s;
  std::vector<double> sorted;  // the non-NaN values, ascending
  sorted.reserve(x.size());
  MeanAccumulator acc;
  for (double v : x) {
    acc.add(v);
    if (!std::isnan(v)) sorted.push_back(v);
  }
  s.n = acc.count();
  s.n_nan = acc.nan_count();
  s.mean = acc.mean();
  s.sd = acc.sd();
  s.se_mean = acc.se_mean();
  std::sort(sorted.begin(), sorted.end());

  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    s.quantiles[i] = quantile_sorted(sorted, kQuantileLevels[i]);
    s.quantile_se[i] = quantile_se_sorted(sorted, kQuantileLevels[i]);
  }
  s.var_05 = s.quantiles[1];  // the metric's own sign: a loss is a low value (header)
  s.var_01 = s.quantiles[0];
  s.var_05_se = s.quantile_se[1];
  s.var_01_se = s.quantile_se[0];
  s.es_05 = -expected_shortfall_sorted(sorted, 0.05);
  s.es_01 = -expected_shortfall_sorted(sorted, 0.01);
  s.es_05_se = expected_shortfall_se_sorted(sorted, 0.05);
  s.es_01_se = expected_shortfall_se_sorted(sorted, 0.01);
  if (loss_flags != nullptr) {
    std::tie(s.p_loss, s.p_loss_se) = flag_share(*loss_flags);
  } else {
    const auto negative = std::lower_bound(sorted.begin(), sorted.end(), 0.0) - sorted.begin();
    std::tie(s.p_loss, s.p_loss_se) = share_with_se(static_cast<std::size_t>(negative), sorted.size());
  }
  return s;
}

void MeanAccumulator::add(double x) {
  if (std::isnan(x)) {
    ++n_nan_;
    return;
  }
  ++n_;
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

void MeanAccumulator::merge(const MeanAccumulator& other) {
  n_nan_ += other.n_nan_;
  if (other.n_ == 0) return;
  if (n_ == 0) {
    n_ = other.n_;
    mean_ = other.mean_;
    m2_ = other.m2_;
    return;
  }
  const double na = static_cast<double>(n_), nb = static_cast<double>(other.n_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  mean_ += delta * (nb / n);
  m2_ += other.m2_ + delta * delta * (na * nb / n);
  n_ += other.n_;
}

double MeanAccumulator::mean() const {
  return n_ == 0 ? kNaN : mean_;
}

double MeanAccumulator::variance() const {
  return n_ < 2 ? kNaN : m2_ / static_cast<double>(n_ - 1);
}

double MeanAccumulator::sd() const {
  return std::sqrt(variance());
}

double MeanAccumulator::se_mean() const {
  return n_ < 2 ? kNaN : sd() / std::sqrt(static_cast<double>(n_));
}

}  // namespace sisim::stats
