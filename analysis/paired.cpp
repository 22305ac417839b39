#include "analysis/paired.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/stats/statistics.hpp"

namespace sisim::analysis {
namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

PairedDifference paired_difference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size()) throw std::invalid_argument("paired_difference: columns of different length");
  stats::MeanAccumulator diff, greater;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    diff.add(a[i] - b[i]);
    greater.add(a[i] > b[i] ? 1.0 : 0.0);
  }
  PairedDifference out;
  out.n = diff.count();
  out.mean = diff.mean();
  out.se = out.n >= 2 ? diff.se_mean() : kNaN;
  out.p_greater = greater.mean();
  out.p_greater_se =
      out.n >= 2 ? std::sqrt(out.p_greater * (1.0 - out.p_greater) / static_cast<double>(out.n)) : kNaN;
  return out;
}

Ratio ratio_of_means(const std::vector<double>& x, const std::vector<double>& y) {
  if (x.size() != y.size()) throw std::invalid_argument("ratio_of_means: columns of different length");
  stats::MeanAccumulator mx, my;
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    mx.add(x[i]);
    my.add(y[i]);
  }
  Ratio out;
  out.n = mx.count();
  if (out.n < 2 || my.mean() == 0.0) return {kNaN, kNaN, out.n};
  out.value = mx.mean() / my.mean();
  stats::MeanAccumulator residual;
  for (size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    residual.add(x[i] - out.value * y[i]);
  }
  out.se = residual.sd() / (std::sqrt(static_cast<double>(out.n)) * std::fabs(my.mean()));
  return out;
}

}  // namespace sisim::analysis
