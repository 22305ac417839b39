#pragma once
// Special functions the samplers need, written here rather than taken from a library so that every
// platform computes the same bits (std::*_distribution and Boost are implementation-defined or heavy).
// The normal CDF and its inverse are inline: the model calls them in per-participant hot loops.
#include <cmath>

namespace sisim::rng {

// Standard normal CDF. erfc keeps full relative precision in the lower tail (Phi(-30) ~ 5e-198).
inline double normal_cdf(double x) {
  return 0.5 * std::erfc(-x * 0.70710678118654752440);
}

// Standard normal density.
inline double normal_pdf(double x) {
  return 0.39894228040143267794 * std::exp(-0.5 * x * x);
}

namespace detail {
// Horner evaluation of c[0] + c[1] r + ... + c[7] r^7.
inline double poly7(const double (&c)[8], double r) {
  return ((((((c[7] * r + c[6]) * r + c[5]) * r + c[4]) * r + c[3]) * r + c[2]) * r + c[1]) * r + c[0];
}
}  // namespace detail

// Inverse standard normal CDF: Wichura (1988), Algorithm AS 241 PPND16, relative accuracy about
// 1e-16 over (0, 1). Returns -inf / +inf at 0 / 1 and NaN outside [0, 1].
inline double normal_quantile(double p) {
  static constexpr double a[8] = {
      3.3871328727963666080e0,  1.3314166789178437745e+2, 1.9715909503065514427e+3, 1.3731693765509461125e+4,
      4.5921953931549871457e+4, 6.7265770927008700853e+4, 3.3430575583588128105e+4, 2.5090809287301226727e+3};
  static constexpr double b[8] = {1.0,
                                  4.2313330701600911252e+1,
                                  6.8718700749205790830e+2,
                                  5.3941960214247511077e+3,
                                  2.1213794301586595867e+4,
                                  3.9307895800092710610e+4,
                                  2.8729085735721942674e+4,
                                  5.2264952788528545610e+3};
  static constexpr double c[8] = {1.42343711074968357734e0,  4.63033784615654529590e0,
                                  5.76949722146069140550e0,  3.64784832476320460504e0,
                                  1.27045825245236838258e0,  2.41780725177450611770e-1,
                                  2.27238449892691845833e-2, 7.74545014278341407640e-4};
  static constexpr double d[8] = {1.0,
                                  2.05319162663775882187e0,
                                  1.67638483018380384940e0,
                                  6.89767334985100004550e-1,
                                  1.48103976427480074590e-1,
                                  1.51986665636164571966e-2,
                                  5.47593808499534494600e-4,
                                  1.05075007164441684324e-9};
  static constexpr double e[8] = {6.65790464350110377720e0,  5.46378491116411436990e0,
                                  1.78482653991729133580e0,  2.96560571828504891230e-1,
                                  2.65321895265761230930e-2, 1.24266094738807843860e-3,
                                  2.71155556874348757815e-5, 2.01033439929228813265e-7};
  static constexpr double f[8] = {1.0,
                                  5.99832206555887937690e-1,
                                  1.36929880922735805310e-1,
                                  1.48753612908506148525e-2,
                                  7.86869131145613259100e-4,
                                  1.84631831751005468180e-5,
                                  1.42151175831644588870e-7,
                                  2.04426310338993978564e-15};
  const double q = p - 0.5;
  if (std::fabs(q) <= 0.425) {  // central region: rational in q^2
    const double r = 0.180625 - q * q;
    return q * detail::poly7(a, r) / detail::poly7(b, r);
  }
  if (!(p > 0.0 && p < 1.0)) {
    if (p == 0.0) return -HUGE_VAL;
    if (p == 1.0) return HUGE_VAL;
    return std::nan("");
  }
  double r = std::sqrt(-std::log(q < 0.0 ? p : 1.0 - p));  // tails: rational in sqrt(-log(tail))
  double x;
  if (r <= 5.0) {
    r -= 1.6;
    x = detail::poly7(c, r) / detail::poly7(d, r);
  } else {
    r -= 5.0;
    x = detail::poly7(e, r) / detail::poly7(f, r);
  }
  return q < 0.0 ? -x : x;
}

// log Gamma(x) for x > 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15). Own implementation
// because std::lgamma writes the global `signgam` (a data race under threads).
double log_gamma(double x);

// log B(a, b) = log Gamma(a) + log Gamma(b) - log Gamma(a + b).
double log_beta(double a, double b);

// Regularised incomplete beta I_x(a, b) for a, b > 0, x clamped to [0, 1]: continued fraction
// (modified Lentz), using the symmetry I_x(a,b) = 1 - I_{1-x}(b,a) where it converges faster.
double beta_inc(double a, double b, double x);

// The x in [0, 1] with I_x(a, b) = p: Newton steps safeguarded by bisection on a shrinking bracket.
double beta_inc_inv(double a, double b, double p);

// Beta(a, b) density on (0, 1).
double beta_pdf(double a, double b, double x);

}  // namespace sisim::rng
