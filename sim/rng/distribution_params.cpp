#include "sim/rng/distribution_params.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "sim/rng/samplers.hpp"

namespace sisim::rng {

namespace {

std::string num(double x) {
  std::ostringstream out;
  out.precision(12);
  out << x;
  return out.str();
}

using Problem = std::optional<DistributionProblem>;

Problem problem(const char* key, std::string message) {
  return DistributionProblem{key, std::move(message)};
}

Problem positive(const char* key, double v) {
  if (v > 0.0 && std::isfinite(v)) return std::nullopt;
  return problem(key, std::string(key) + " must be > 0, got " + num(v));
}

Problem finite(const char* key, double v) {
  if (std::isfinite(v)) return std::nullopt;
  return problem(key, std::string(key) + " must be finite, got " + num(v));
}

// min < max (and min <= mode <= max) for the kinds given by their support.
Problem support(const Distribution& d, bool with_mode) {
  if (!std::isfinite(d.low) || !std::isfinite(d.high)) return problem("min", "min and max must be finite");
  if (!(d.low < d.high))
    return problem("min", "min (" + num(d.low) + ") must be < max (" + num(d.high) + ")");
  if (with_mode && !(d.low <= d.mode && d.mode <= d.high)) {
    return problem("mode", "mode (" + num(d.mode) + ") must be within [min, max] = [" + num(d.low) + ", " +
                               num(d.high) + "]");
  }
  return std::nullopt;
}

Problem check_discrete(const Distribution& d) {
  if (d.values.empty()) return problem("values", "values must be a non-empty list of numbers");
  if (d.values.size() != d.probs.size()) {
    return problem("probs", "values and probs must have the same length (" + std::to_string(d.values.size()) +
                                " vs " + std::to_string(d.probs.size()) + ")");
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < d.probs.size(); ++i) {
    if (!std::isfinite(d.values[i]))
      return problem("values", "values must be finite, got " + num(d.values[i]));
    if (!(d.probs[i] >= 0.0 && d.probs[i] <= 1.0))
      return problem("probs", "probs must be in [0, 1], got " + num(d.probs[i]));
    sum += d.probs[i];
  }
  // Checked, never silently normalised (MODEL.md section 12).
  if (std::fabs(sum - 1.0) > 1e-9) return problem("probs", "probs must sum to 1, got " + num(sum));
  return std::nullopt;
}

// The parameters of the untruncated shape.
Problem check_shape(const Distribution& d) {
  switch (d.kind) {
    case DistKind::fixed:
      return finite("value", d.value);
    case DistKind::uniform:
      return support(d, false);
    case DistKind::triangular:
      return support(d, true);
    case DistKind::pert:
      if (Problem p = support(d, true)) return p;
      return positive("lambda", d.lambda);
    case DistKind::normal:
      if (Problem p = finite("mean", d.mean)) return p;
      return positive("sd", d.sd);
    case DistKind::lognormal:
      if (Problem p = finite("mu", d.mu)) return p;
      return positive("sigma", d.sigma);
    case DistKind::beta:
      if (Problem p = positive("alpha", d.alpha)) return p;
      if (Problem p = positive("beta", d.beta)) return p;
      if (!std::isfinite(d.low) || !std::isfinite(d.high))
        return problem("low", "low and high must be finite");
      if (!(d.low < d.high))
        return problem("low", "low (" + num(d.low) + ") must be < high (" + num(d.high) + ")");
      return std::nullopt;
    case DistKind::discrete:
      return check_discrete(d);
  }
  return problem("dist", "unknown distribution kind");
}

}  // namespace

Distribution lognormal_from_mean_sd(double mean, double sd) {
  if (!(mean > 0.0) || !(sd > 0.0) || !std::isfinite(mean) || !std::isfinite(sd)) {
    throw std::invalid_argument("lognormal needs mean > 0 and sd > 0 (got mean " + num(mean) + ", sd " +
                                num(sd) + ")");
  }
  const double cv = sd / mean;
  const double sigma2 = std::log1p(cv * cv);
  Distribution d;
  d.kind = DistKind::lognormal;
  d.sigma = std::sqrt(sigma2);
  d.mu = std::log(mean) - 0.5 * sigma2;
  return d;
}

Distribution lognormal_from_median_sigma(double median, double sigma) {
  if (!(median > 0.0) || !(sigma > 0.0) || !std::isfinite(median) || !std::isfinite(sigma)) {
    throw std::invalid_argument("lognormal needs median > 0 and sigma > 0 (got median " + num(median) +
                                ", sigma " + num(sigma) + ")");
  }
  Distribution d;
  d.kind = DistKind::lognormal;
  d.mu = std::log(median);
  d.sigma = sigma;
  return d;
}

std::optional<Distribution> beta_from_mean_sd(double mean, double sd, double low, double high) {
  if (beta_mean_sd_problem(mean, sd, low, high)) return std::nullopt;
  const double m = (mean - low) / (high - low);
  const double s = sd / (high - low);
  const double v = s * s;
  const double k = m * (1.0 - m) / v - 1.0;
  Distribution d;
  d.kind = DistKind::beta;
  d.alpha = m * k;
  d.beta = (1.0 - m) * k;
  d.low = low;
  d.high = high;
  return d;
}

std::pair<double, double> pert_shape(const Distribution& d) {
  const double width = d.high - d.low;
  if (!(width > 0.0)) return {1.0, 1.0};
  return {1.0 + d.lambda * (d.mode - d.low) / width, 1.0 + d.lambda * (d.high - d.mode) / width};
}

// Whether inverse-CDF sampling in double precision gives this distribution rather than a few
// values: a truncation window must hold at least 2^20 doubles of the CDF's range; the draws from the
// smallest and the largest uniform the generator produces (1.1e-16 from either end) must be finite;
// and seven quantiles from 1 % to 99 % must be strictly increasing. Catches what the parameter rules
// let through: lognormal sigma 700 (draws 0 or inf), beta(1e300, 1e300) and PERT lambda 1e300 (the
// incomplete beta degenerates), a normal truncated 8 sd into its upper tail (F rounds towards 1:
// every draw lands on a bound). Empty when the distribution samples correctly.
std::string check_sampling(const Distribution& d) {
  if (d.kind == DistKind::fixed || d.kind == DistKind::discrete) return {};
  if (is_truncated(d)) {
    // Inversion maps the uniforms onto [F(min), F(max)]: that range must hold many doubles, or the
    // draws take only a few values. In the upper tail F rounds towards 1 (steps of 1.1e-16).
    const double lo = untruncated_cdf(d, d.trunc_min), hi = untruncated_cdf(d, d.trunc_max);
    const double top = std::max(std::fabs(lo), std::fabs(hi));
    const double step = std::nextafter(top, 2.0) - top;
    const double distinct = step > 0 ? (hi - lo) / step : 0.0;
    if (!(distinct >= 1048576.0))
      return "cannot be sampled correctly in double precision: the truncation [" + num(d.trunc_min) + ", " +
             num(d.trunc_max) + "] keeps a probability of " + num(hi - lo) +
             ", which inverting the CDF resolves into only about " + num(std::floor(distinct)) +
             " distinct draws (at least 1048576 are needed); widen it or move it toward the centre";
  }
  const double u_min = 0x1.0p-54, u_max = 0x1.fffffffffffffp-1;  // philox.hpp to_open_unit
  const double q_min = quantile(d, u_min), q_max = quantile(d, u_max);
  if (!std::isfinite(q_min) || !std::isfinite(q_max)) {
    std::string hint;
    if (d.kind == DistKind::lognormal)
      hint = "; with mu " + num(d.mu) + ", sigma must be below " + num((709.0 - std::fabs(d.mu)) / 8.3);
    return "cannot be sampled: its extreme draws (the 1.1e-16 and 1 - 1.1e-16 quantiles) are " + num(q_min) +
           " and " + num(q_max) + ", not finite numbers" + hint;
  }
  // Seven quantiles from 1 % to 99 % must be strictly increasing: a CDF that inversion can resolve
  // only into a handful of values (a truncation 8 sd into the upper tail keeps 3 representable
  // probabilities) fails here, while every smooth distribution passes.
  const double levels[] = {0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99};
  double previous = quantile(d, levels[0]);
  bool increasing = std::isfinite(previous);
  for (std::size_t k = 1; k < std::size(levels) && increasing; ++k) {
    const double q = quantile(d, levels[k]);
    increasing = std::isfinite(q) && q > previous;
    previous = q;
  }
  const double q01 = quantile(d, 0.01), q99 = quantile(d, 0.99);
  if (!increasing)
    return "cannot be sampled correctly in double precision: inverting its CDF gives only a few values (the "
           "1 % "
           "and 99 % quantiles are " +
           num(q01) + " and " + num(q99) + "), so draws would pile up on them" +
           (is_truncated(d) ? std::string(" (the truncation keeps too little probability to invert the CDF; "
                                          "widen it or move it toward the centre)")
                            : std::string(" (use smaller shape parameters, or a fixed value)"));
  return {};
}

Problem sampling_problem(const Distribution& d) {
  const std::string message = check_sampling(d);
  if (message.empty()) return std::nullopt;
  const char* key = is_truncated(d)                 ? "min"
                    : d.kind == DistKind::lognormal ? "sigma"
                    : d.kind == DistKind::beta      ? "alpha"
                    : d.kind == DistKind::pert      ? "lambda"
                                                    : "dist";
  return problem(key, message);
}

std::optional<DistributionProblem> find_distribution_problem(const Distribution& d) {
  if (Problem p = check_shape(d)) return p;
  if (!is_truncated(d)) return sampling_problem(d);
  if (std::isnan(d.trunc_min) || std::isnan(d.trunc_max))
    return problem("min", "truncation bounds must be numbers");
  if (!(d.trunc_min < d.trunc_max)) {
    return problem("min",
                   "truncation min (" + num(d.trunc_min) + ") must be < max (" + num(d.trunc_max) + ")");
  }
  // Mass in [min, max], keeping an atom at min (P(X <= max) - P(X < min)); summed directly for the
  // kinds with atoms, so rounding cannot leave a phantom positive mass.
  double mass = 0.0;
  if (d.kind == DistKind::fixed) {
    mass = d.value >= d.trunc_min && d.value <= d.trunc_max ? 1.0 : 0.0;
  } else if (d.kind == DistKind::discrete) {
    for (std::size_t i = 0; i < d.values.size(); ++i) {
      if (d.values[i] >= d.trunc_min && d.values[i] <= d.trunc_max) mass += d.probs[i];
    }
  } else {
    mass = untruncated_cdf(d, d.trunc_max) - untruncated_cdf(d, d.trunc_min);
  }
  if (!(mass > 0.0)) {
    return problem("min", "truncation [" + num(d.trunc_min) + ", " + num(d.trunc_max) +
                              "] has zero probability under this distribution");
  }
  return sampling_problem(d);
}

std::string check_distribution(const Distribution& d) {
  const Problem p = find_distribution_problem(d);
  return p ? p->message : std::string();
}

std::optional<DistributionProblem> beta_mean_sd_problem(double mean, double sd, double low, double high) {
  if (!std::isfinite(low) || !std::isfinite(high)) return problem("low", "low and high must be finite");
  if (!(low < high)) return problem("low", "low (" + num(low) + ") must be < high (" + num(high) + ")");
  if (!(mean > low && mean < high)) return problem("mean", "beta mean must be inside (low, high)");
  if (!(sd > 0.0) || !std::isfinite(sd)) return problem("sd", "sd must be > 0, got " + num(sd));
  // Moments on the unit scale: m, v; possible only when v < m(1-m).
  const double w = high - low, m = (mean - low) / w, v = (sd / w) * (sd / w);
  if (!(v < m * (1.0 - m))) {
    return problem("sd", "no beta distribution has mean " + num(mean) + " and sd " + num(sd) +
                             " (sd must be < " + num(w * std::sqrt(m * (1.0 - m))) + ")");
  }
  return std::nullopt;
}

}  // namespace sisim::rng
