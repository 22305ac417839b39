#include "sim/results/paired.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "sim/stats/statistics.hpp"

namespace sisim::results {
namespace {

double median_of(const std::vector<double>& x, size_t begin, size_t end) {
  std::vector<double> part(x.begin() + static_cast<std::ptrdiff_t>(begin),
                           x.begin() + static_cast<std::ptrdiff_t>(end));
  const double level = 0.5;
  return stats::quantiles_of(std::move(part), std::span<const double>(&level, 1)).at(0);
}

}  // namespace

PairedValue paired_mean(const std::vector<double>& base, const std::vector<double>& other) {
  stats::MeanAccumulator value, diff;
  for (size_t i = 0; i < base.size(); ++i) {
    value.add(other[i]);
    if (!std::isnan(base[i]) && !std::isnan(other[i])) diff.add(other[i] - base[i]);
  }
  return {value.mean(), diff.mean(), diff.count() >= 2 ? diff.se_mean() : std::nan("")};
}

PairedValue paired_median(const std::vector<double>& base, const std::vector<double>& other) {
  const size_t n = base.size();
  PairedValue out;
  out.value = median_of(other, 0, n);
  out.change = out.value - median_of(base, 0, n);
  const size_t groups = std::min<size_t>(stats::kDefaultReplicateGroups, n / 2);
  if (groups < 2) {
    out.change_se = std::nan("");
    return out;
  }
  stats::MeanAccumulator spread;
  for (size_t g = 0; g < groups; ++g) {
    const size_t lo = g * n / groups, hi = (g + 1) * n / groups;
    spread.add(median_of(other, lo, hi) - median_of(base, lo, hi));
  }
  out.change_se = spread.sd() / std::sqrt(static_cast<double>(groups));
  return out;
}

}  // namespace sisim::results
