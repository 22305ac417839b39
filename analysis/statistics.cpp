#include "analysis/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <tuple>
#include <utility>

namespace sisim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Per-group statistics, in this order: the 9 quantiles, ES 5 %, ES 1 %, share < 0.
constexpr std::size_t kEs05 = 9, kEs01 = 10, kNegShare = 11, kGroupStats = 12;
using GroupStats = std::array<double, kGroupStats>;

GroupStats stats_of_sorted(std::span<const double> sorted) {
  GroupStats s{};
  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) s[i] = quantile_sorted(sorted, kQuantileLevels[i]);
  s[kEs05] = expected_shortfall_sorted(sorted, 0.05);
  s[kEs01] = expected_shortfall_sorted(sorted, 0.01);
  const auto negative = std::lower_bound(sorted.begin(), sorted.end(), 0.0) - sorted.begin();
  s[kNegShare] = static_cast<double>(negative) / static_cast<double>(sorted.size());
  return s;
}

// Number of replicate groups for n values (see the header), 0 when no SE can be given.
std::size_t group_count(std::size_t n, int requested) {
  if (n < 4) return 0;
  const std::size_t g = std::min<std::size_t>(static_cast<std::size_t>(std::max(requested, 2)), n / 2);
  return std::max<std::size_t>(g, 2);
}

// Standard error of a statistic from its values in G replicate groups: sd over groups / sqrt(G).
double se_from_groups(const std::vector<double>& per_group) {
  const std::size_t g = per_group.size();
  if (g < 2) return kNaN;
  double mean = 0.0;
  for (double v : per_group) mean += v;
  mean /= static_cast<double>(g);
  double ss = 0.0;
  for (double v : per_group) ss += (v - mean) * (v - mean);
  return std::sqrt(ss / static_cast<double>(g - 1)) / std::sqrt(static_cast<double>(g));
}

// Replicate-group SEs of every GroupStats entry; NaN everywhere when groups == 0.
GroupStats replicate_ses(const std::vector<double>& values, std::size_t groups) {
  GroupStats se;
  se.fill(kNaN);
  if (groups == 0) return se;
  std::array<std::vector<double>, kGroupStats> per_stat;
  std::vector<double> group;
  for (std::size_t g = 0; g < groups; ++g) {
    const std::size_t begin = g * values.size() / groups, end = (g + 1) * values.size() / groups;
    group.assign(values.begin() + static_cast<std::ptrdiff_t>(begin),
                 values.begin() + static_cast<std::ptrdiff_t>(end));
    std::sort(group.begin(), group.end());
    const GroupStats s = stats_of_sorted(group);
    for (std::size_t k = 0; k < kGroupStats; ++k) per_stat[k].push_back(s[k]);
  }
  for (std::size_t k = 0; k < kGroupStats; ++k) se[k] = se_from_groups(per_stat[k]);
  return se;
}

// p_loss and its replicate SE from per-path flags (all paths, consecutive groups).
std::pair<double, double> flag_share(const std::vector<std::uint8_t>& flags, int replicate_groups) {
  if (flags.empty()) return {kNaN, kNaN};
  const auto share = [&](std::size_t begin, std::size_t end) {
    std::size_t set = 0;
    for (std::size_t i = begin; i < end; ++i) set += flags[i] != 0 ? 1 : 0;
    return static_cast<double>(set) / static_cast<double>(end - begin);
  };
  const double p = share(0, flags.size());
  const std::size_t groups = group_count(flags.size(), replicate_groups);
  if (groups == 0) return {p, kNaN};
  std::vector<double> per_group;
  for (std::size_t g = 0; g < groups; ++g)
    per_group.push_back(share(g * flags.size() / groups, (g + 1) * flags.size() / groups));
  return {p, se_from_groups(per_group)};
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

double expected_shortfall_sorted(std::span<const double> sorted, double level) {
  const std::size_t n = sorted.size();
  if (n == 0) return kNaN;
  // The 1e-9 guard keeps e.g. 0.05 * 100 from becoming ceil(5.0000000001) = 6 by rounding error.
  std::size_t k = static_cast<std::size_t>(std::ceil(level * static_cast<double>(n) - 1e-9));
  k = std::clamp<std::size_t>(k, 1, n);
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

Summary summarize(const std::vector<double>& x, const std::vector<std::uint8_t>* loss_flags,
                  int replicate_groups) {
  if (loss_flags != nullptr && loss_flags->size() != x.size())
    throw std::invalid_argument("summarize: loss_flags must have one entry per path");
  Summary s;
  std::vector<double> values;  // non-NaN, in path order (replicate groups follow the path index)
  values.reserve(x.size());
  MeanAccumulator acc;
  for (double v : x) {
    acc.add(v);
    if (!std::isnan(v)) values.push_back(v);
  }
  s.n = acc.count();
  s.n_nan = acc.nan_count();
  s.mean = acc.mean();
  s.sd = acc.sd();
  s.se_mean = acc.se_mean();

  std::vector<double> sorted = values;
  std::sort(sorted.begin(), sorted.end());
  GroupStats full;
  full.fill(kNaN);
  if (!sorted.empty()) full = stats_of_sorted(sorted);
  const GroupStats se = replicate_ses(values, group_count(values.size(), replicate_groups));

  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    s.quantiles[i] = full[i];
    s.quantile_se[i] = se[i];
  }
  s.var_05 = full[1];  // the metric's own sign: a loss is a low value (header)
  s.var_01 = full[0];
  s.var_05_se = se[1];
  s.var_01_se = se[0];
  s.es_05 = -full[kEs05];
  s.es_01 = -full[kEs01];
  s.es_05_se = se[kEs05];
  s.es_01_se = se[kEs01];
  if (loss_flags != nullptr) {
    std::tie(s.p_loss, s.p_loss_se) = flag_share(*loss_flags, replicate_groups);
  } else {
    s.p_loss = full[kNegShare];
    s.p_loss_se = se[kNegShare];
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

}  // namespace sisim::analysis
