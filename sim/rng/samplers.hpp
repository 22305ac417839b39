#pragma once
// Inverse-CDF sampling of a scalar parameter's distribution: one uniform in, one variate out.
// Inversion (rather than rejection or Box-Muller) keeps common random numbers effective: the same
// uniform gives a nearby variate when a scenario shifts a parameter, so stress cases compare like
// with like. Truncation is renormalised: u is mapped onto [F(min), F(max)] and inverted there.
#include <limits>
#include <optional>

#include "sim/rng/distribution.hpp"
#include "sim/rng/distribution_params.hpp"

namespace sisim::rng {

// The p-quantile of d (truncation applied), for p in [0, 1]. p = 0 / 1 give the lower / upper end
// of the support (possibly infinite). Discrete: the smallest value whose cumulative probability
// (over values in ascending order) is >= p.
double quantile(const Distribution& d, double p);

// One variate from one uniform u in (0, 1): the same as quantile(d, u).
inline double sample(const Distribution& d, double u) {
  return quantile(d, u);
}

// P(X <= x) for d, truncation applied (renormalised to the truncation range).
double cdf(const Distribution& d, double x);

// P(X <= x) ignoring d.trunc_min / d.trunc_max.
double untruncated_cdf(const Distribution& d, double x);

// E[X] where a closed form exists (every kind untruncated; normal also when truncated).
std::optional<double> mean_of(const Distribution& d);

// True when d.trunc_min or d.trunc_max is finite.
inline bool is_truncated(const Distribution& d) {
  return d.trunc_min > -std::numeric_limits<double>::infinity() ||
         d.trunc_max < std::numeric_limits<double>::infinity();
}

}  // namespace sisim::rng
