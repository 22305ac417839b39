#include "sim/stats/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "sim/stats/order_statistics.hpp"

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

// The two order statistics a type-7 quantile of n >= 1 values reads (see the header) and the
// weight of the upper one. Every reader of a quantile, sorted or selected, goes through here, so a
// selection places exactly the ranks the arithmetic then reads.
struct Type7Position {
  std::size_t lo, hi;
  double frac;
};

Type7Position type7_position(std::size_t n, double level) {
  const double h = static_cast<double>(n - 1) * level;
  const std::size_t lo = std::min(static_cast<std::size_t>(std::floor(h)), n - 1);
  return {lo, std::min(lo + 1, n - 1), h - static_cast<double>(lo)};
}

// The order-statistic interval behind quantile_se_sorted for n >= 4 values and a level in (0, 1):
// the type-7 levels of its ends and the number of rank sds it spans (not > 0: no SE).
struct RankInterval {
  double lower_level, upper_level, spanned_sds;
};

RankInterval rank_interval(std::size_t n, double level) {
  const double last = static_cast<double>(n - 1);
  const double h = last * level;
  const double rank_sd = std::sqrt(static_cast<double>(n) * level * (1.0 - level));
  const double lo = std::max(0.0, h - kRankZ * rank_sd), hi = std::min(last, h + kRankZ * rank_sd);
  return {lo / last, hi / last, (hi - lo) / rank_sd};  // 2z sds unless the interval hit an end
}

bool has_rank_interval(std::size_t n, double level) {
  return n >= 4 && level > 0.0 && level < 1.0;
}

void add_quantile_ranks(std::size_t n, double level, std::vector<std::size_t>& ranks) {
  const Type7Position at = type7_position(n, level);
  ranks.push_back(at.lo);
  ranks.push_back(at.hi);
}

// The ranks quantile_se_sorted(n values, level) reads (none when it returns without reading).
void add_quantile_se_ranks(std::size_t n, double level, std::vector<std::size_t>& ranks) {
  if (!has_rank_interval(n, level)) return;
  const RankInterval interval = rank_interval(n, level);
  if (!(interval.spanned_sds > 0.0)) return;
  add_quantile_ranks(n, interval.lower_level, ranks);
  add_quantile_ranks(n, interval.upper_level, ranks);
}

}  // namespace

double quantile_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n == 0) return kNaN;
  const Type7Position at = type7_position(n, level);
  return sorted[at.lo] + at.frac * (sorted[at.hi] - sorted[at.lo]);
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
  if (!has_rank_interval(n, level)) return n < 4 ? kNaN : 0.0;
  const RankInterval interval = rank_interval(n, level);
  if (!(interval.spanned_sds > 0.0)) return kNaN;
  return (quantile_sorted(sorted, interval.upper_level) - quantile_sorted(sorted, interval.lower_level)) /
         interval.spanned_sds;
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

// The *_sorted functions read a range only where a full sort would have put the order statistics
// they use (type7_position, tail_count): below, those places are filled by selection instead, and
// the same functions then compute the same doubles from the same values.

std::vector<double> quantiles_of(std::vector<double> x, std::span<const double> levels) {
  for (double p : levels)
    if (!(p >= 0.0 && p <= 1.0)) throw std::invalid_argument("quantiles_of: level outside [0, 1]");
  std::erase_if(x, [](double v) { return std::isnan(v); });
  if (!x.empty()) {
    std::vector<std::size_t> ranks;
    for (double p : levels) add_quantile_ranks(x.size(), p, ranks);
    select_order_statistics(x, std::move(ranks));
  }
  std::vector<double> out;
  out.reserve(levels.size());
  for (double p : levels) out.push_back(quantile_sorted(x, p));
  return out;
}

Summary summarize(const std::vector<double>& x, const std::vector<std::uint8_t>* loss_flags) {
  if (loss_flags != nullptr && loss_flags->size() != x.size())
    throw std::invalid_argument("summarize: loss_flags must have one entry per path");
  Summary s;
  // The non-NaN values; after the selection below, where a full sort would put them wherever a
  // statistic reads.
  std::vector<double> ordered;
  ordered.reserve(x.size());
  MeanAccumulator acc;
  std::size_t negative = 0;
  for (double v : x) {
    acc.add(v);
    if (!std::isnan(v)) {
      ordered.push_back(v);
      negative += v < 0.0 ? 1 : 0;
    }
  }
  s.n = acc.count();
  s.n_nan = acc.nan_count();
  s.mean = acc.mean();
  s.sd = acc.sd();
  s.se_mean = acc.se_mean();
  if (const std::size_t n = ordered.size(); n > 0) {
    std::vector<std::size_t> ranks;
    for (double level : kQuantileLevels) {
      add_quantile_ranks(n, level, ranks);
      add_quantile_se_ranks(n, level, ranks);
    }
    // Expected shortfall sums its tail in ascending order: that order is part of the result's bits.
    select_order_statistics(ordered, std::move(ranks), std::max(tail_count(n, 0.05), tail_count(n, 0.01)));
  }

  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    s.quantiles[i] = quantile_sorted(ordered, kQuantileLevels[i]);
    s.quantile_se[i] = quantile_se_sorted(ordered, kQuantileLevels[i]);
  }
  s.var_05 = s.quantiles[1];  // the metric's own sign: a loss is a low value (header)
  s.var_01 = s.quantiles[0];
  s.var_05_se = s.quantile_se[1];
  s.var_01_se = s.quantile_se[0];
  s.es_05 = -expected_shortfall_sorted(ordered, 0.05);
  s.es_01 = -expected_shortfall_sorted(ordered, 0.01);
  s.es_05_se = expected_shortfall_se_sorted(ordered, 0.05);
  s.es_01_se = expected_shortfall_se_sorted(ordered, 0.01);
  if (loss_flags != nullptr) {
    std::tie(s.p_loss, s.p_loss_se) = flag_share(*loss_flags);
  } else {
    std::tie(s.p_loss, s.p_loss_se) = share_with_se(negative, ordered.size());
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
