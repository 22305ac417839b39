#include "sim/rng/distribution_params.hpp"

#include <cmath>
#include <cstddef>
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

std::optional<DistributionProblem> find_distribution_problem(const Distribution& d) {
  if (Problem p = check_shape(d)) return p;
  if (!is_truncated(d)) return std::nullopt;
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
  return std::nullopt;
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
