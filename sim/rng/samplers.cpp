#include "sim/rng/samplers.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numeric>
#include <vector>

#include "sim/rng/special_functions.hpp"

namespace sisim::rng {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Indices of a discrete distribution's values in ascending value order (stable for ties). Values are
// usually given sorted, so the common case costs one pass and no sorting.
std::vector<std::size_t> ascending_order(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  if (!std::is_sorted(values.begin(), values.end())) {
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return values[i] < values[j]; });
  }
  return order;
}

// Smallest value in [lo, hi] whose cumulative probability within [lo, hi] reaches p * (mass in
// [lo, hi]). Handling discrete truncation here (instead of via F(min-)) keeps it exact.
double discrete_quantile(const Distribution& d, double p, double lo, double hi) {
  const std::vector<std::size_t> order = ascending_order(d.values);
  double mass = 0.0;
  for (std::size_t i : order) {
    if (d.values[i] >= lo && d.values[i] <= hi) mass += d.probs[i];
  }
  const double target = p * mass;
  double cum = 0.0, last = std::nan("");
  for (std::size_t i : order) {
    if (d.values[i] < lo || d.values[i] > hi || d.probs[i] <= 0.0) continue;
    cum += d.probs[i];
    last = d.values[i];
    if (cum >= target) return last;
  }
  return last;  // rounding left cum a hair below target: the largest value in range
}

double triangular_quantile(double low, double mode, double high, double p) {
  const double width = high - low;
  if (!(width > 0.0)) return low;
  if (p * width < mode - low) return low + std::sqrt(p * width * (mode - low));
  return high - std::sqrt((1.0 - p) * width * (high - mode));
}

double triangular_cdf(double low, double mode, double high, double x) {
  if (x <= low) return 0.0;  // callers guarantee high > low
  if (x >= high) return 1.0;
  const double width = high - low;
  if (x <= mode) return (x - low) * (x - low) / (width * (mode - low));
  return 1.0 - (high - x) * (high - x) / (width * (high - mode));
}

// Step function of a point mass at v (left limit when `left`: P(X < x)).
double step(double v, double x, bool left) {
  return (left ? x > v : x >= v) ? 1.0 : 0.0;
}

double scaled_beta_cdf(double a, double b, double low, double high, double x, bool left) {
  if (!(high > low)) return step(low, x, left);
  return beta_inc(a, b, (x - low) / (high - low));
}

// P(X <= x), or P(X < x) when `left`, without truncation. The two differ only at atoms.
double base_cdf(const Distribution& d, double x, bool left) {
  switch (d.kind) {
    case DistKind::fixed:
      return step(d.value, x, left);
    case DistKind::uniform:
      if (!(d.high > d.low)) return step(d.low, x, left);
      return std::clamp((x - d.low) / (d.high - d.low), 0.0, 1.0);
    case DistKind::normal:
      if (!(d.sd > 0.0)) return step(d.mean, x, left);
      return normal_cdf((x - d.mean) / d.sd);
    case DistKind::lognormal:
      if (!(d.sigma > 0.0)) return step(std::exp(d.mu), x, left);
      return x > 0.0 ? normal_cdf((std::log(x) - d.mu) / d.sigma) : 0.0;
    case DistKind::beta:
      return scaled_beta_cdf(d.alpha, d.beta, d.low, d.high, x, left);
    case DistKind::triangular:
      if (!(d.high > d.low)) return step(d.low, x, left);
      return triangular_cdf(d.low, d.mode, d.high, x);
    case DistKind::pert: {
      const auto [a, b] = pert_shape(d);
      return scaled_beta_cdf(a, b, d.low, d.high, x, left);
    }
    case DistKind::discrete: {
      double cum = 0.0;
      for (std::size_t i = 0; i < d.values.size() && i < d.probs.size(); ++i) {
        if (left ? d.values[i] < x : d.values[i] <= x) cum += d.probs[i];
      }
      return std::min(cum, 1.0);
    }
  }
  return std::nan("");
}

// Quantile without truncation, p in [0, 1].
double base_quantile(const Distribution& d, double p) {
  switch (d.kind) {
    case DistKind::fixed:
      return d.value;
    case DistKind::uniform:
      return p >= 1.0 ? d.high : d.low + p * (d.high - d.low);
    case DistKind::normal:
      return d.sd > 0.0 ? d.mean + d.sd * normal_quantile(p) : d.mean;
    case DistKind::lognormal:
      return d.sigma > 0.0 ? std::exp(d.mu + d.sigma * normal_quantile(p)) : std::exp(d.mu);
    case DistKind::beta:
      return d.low + (d.high - d.low) * beta_inc_inv(d.alpha, d.beta, p);
    case DistKind::triangular:
      return triangular_quantile(d.low, d.mode, d.high, p);
    case DistKind::pert: {
      if (!(d.high > d.low)) return d.low;
      const auto [a, b] = pert_shape(d);
      return d.low + (d.high - d.low) * beta_inc_inv(a, b, p);
    }
    case DistKind::discrete:
      return discrete_quantile(d, p, -kInf, kInf);
  }
  return std::nan("");
}

}  // namespace

double untruncated_cdf(const Distribution& d, double x) {
  return base_cdf(d, x, false);
}

double cdf(const Distribution& d, double x) {
  if (!is_truncated(d)) return base_cdf(d, x, false);
  if (x < d.trunc_min) return 0.0;
  if (x >= d.trunc_max) return 1.0;
  const double lo = base_cdf(d, d.trunc_min, true);  // P(X < min): an atom at min is kept
  const double hi = base_cdf(d, d.trunc_max, false);
  return std::clamp((base_cdf(d, x, false) - lo) / (hi - lo), 0.0, 1.0);
}

double quantile(const Distribution& d, double p) {
  p = std::clamp(p, 0.0, 1.0);
  if (!is_truncated(d) || d.kind == DistKind::fixed) return base_quantile(d, p);
  if (d.kind == DistKind::discrete) return discrete_quantile(d, p, d.trunc_min, d.trunc_max);
  // Continuous: invert F on the renormalised range [F(min), F(max)], then clamp away rounding.
  const double lo = base_cdf(d, d.trunc_min, true);
  const double hi = base_cdf(d, d.trunc_max, false);
  const double x = base_quantile(d, lo + p * (hi - lo));
  return std::clamp(x, d.trunc_min, d.trunc_max);
}

std::optional<double> mean_of(const Distribution& d) {
  if (is_truncated(d) && d.kind != DistKind::fixed) {
    if (d.kind != DistKind::normal || !(d.sd > 0.0)) return std::nullopt;
    // Truncated normal: mean + sd (phi(a) - phi(b)) / (Phi(b) - Phi(a)) in standard units.
    const double a = (d.trunc_min - d.mean) / d.sd, b = (d.trunc_max - d.mean) / d.sd;
    return d.mean + d.sd * (normal_pdf(a) - normal_pdf(b)) / (normal_cdf(b) - normal_cdf(a));
  }
  switch (d.kind) {
    case DistKind::fixed:
      return d.value;
    case DistKind::uniform:
      return 0.5 * (d.low + d.high);
    case DistKind::normal:
      return d.mean;
    case DistKind::lognormal:
      return std::exp(d.mu + 0.5 * d.sigma * d.sigma);
    case DistKind::beta:
      return d.low + (d.high - d.low) * d.alpha / (d.alpha + d.beta);
    case DistKind::triangular:
      return (d.low + d.mode + d.high) / 3.0;
    case DistKind::pert:
      return (d.low + d.lambda * d.mode + d.high) / (d.lambda + 2.0);
    case DistKind::discrete: {
      double m = 0.0;
      for (std::size_t i = 0; i < d.values.size() && i < d.probs.size(); ++i) m += d.values[i] * d.probs[i];
      return m;
    }
  }
  return std::nullopt;
}

}  // namespace sisim::rng
