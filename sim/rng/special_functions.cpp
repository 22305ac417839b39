#include "sim/rng/special_functions.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sisim::rng {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kHalfLog2Pi = 0.91893853320467274178;  // log(sqrt(2 pi))
constexpr double kTiny = 1e-300;                        // Lentz's guard against division by zero
constexpr double kEps = 1e-16;

// Continued fraction of I_x(a, b) (the part after x^a (1-x)^b / (a B(a,b))), evaluated with the
// modified Lentz method. Converges quickly for x < (a + 1) / (a + b + 2).
double beta_continued_fraction(double a, double b, double x) {
  const double apb = a + b, ap1 = a + 1.0, am1 = a - 1.0;
  double c = 1.0;
  double d = 1.0 - apb * x / ap1;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    // Even term.
    double coef = m * (b - m) * x / ((am1 + m2) * (a + m2));
    d = 1.0 + coef * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + coef / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    // Odd term.
    coef = -(a + m) * (apb + m) * x / ((a + m2) * (ap1 + m2));
    d = 1.0 + coef * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + coef / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::fabs(delta - 1.0) < kEps) break;
  }
  return h;
}

// I_x(a, b) and the density with log B(a, b) precomputed: the Newton loop below calls both each step.
double beta_inc_lb(double a, double b, double x, double lbeta) {
  if (!(x > 0.0)) return 0.0;
  if (!(x < 1.0)) return 1.0;
  const double front = std::exp(a * std::log(x) + b * std::log1p(-x) - lbeta);
  if (x < (a + 1.0) / (a + b + 2.0)) return front * beta_continued_fraction(a, b, x) / a;
  return 1.0 - front * beta_continued_fraction(b, a, 1.0 - x) / b;
}

// Starting point. For a, b >= 1 the normal-deviate approximation of Abramowitz & Stegun 26.5.22;
// otherwise the small-x expansion I_x ~ x^a / (a B(a, b)); the mean if either leaves (0, 1).
double beta_inv_guess(double a, double b, double p, double lbeta) {
  double x = -1.0;
  if (a >= 1.0 && b >= 1.0) {
    const double y = -normal_quantile(p);  // upper-tail deviate: Q(y) = p
    const double lambda = (y * y - 3.0) / 6.0;
    const double h = 2.0 / (1.0 / (2.0 * a - 1.0) + 1.0 / (2.0 * b - 1.0));
    const double w = y * std::sqrt(h + lambda) / h -
                     (1.0 / (2.0 * b - 1.0) - 1.0 / (2.0 * a - 1.0)) * (lambda + 5.0 / 6.0 - 2.0 / (3.0 * h));
    x = a / (a + b * std::exp(2.0 * w));
  } else {
    x = std::exp((std::log(p) + std::log(a) + lbeta) / a);
  }
  return x > 0.0 && x < 1.0 ? x : a / (a + b);
}

// Solves I_x(a, b) = p directly in x (so a tiny root keeps full relative precision).
double beta_inc_inv_direct(double a, double b, double p) {
  const double lbeta = log_beta(a, b);
  double x = beta_inv_guess(a, b, p, lbeta);
  double lo = 0.0, hi = 1.0;
  for (int iter = 0; iter < 400; ++iter) {
    const double f = beta_inc_lb(a, b, x, lbeta) - p;
    if (f == 0.0) return x;
    if (f < 0.0) {
      lo = x;
    } else {
      hi = x;
    }
    const double density = std::exp((a - 1.0) * std::log(x) + (b - 1.0) * std::log1p(-x) - lbeta);
    double next = x - f / density;
    if (!(next > lo && next < hi)) {
      // Newton left the bracket (or the density under/overflowed): bisect instead. Geometric
      // bisection when the bracket spans orders of magnitude, so tiny quantiles are reached fast.
      next = (lo > 0.0 && hi / lo > 4.0) ? std::sqrt(lo * hi) : 0.5 * (lo + hi);
      if (lo == 0.0) next = 0.0625 * hi;
    }
    if (std::fabs(next - x) <= 2e-16 * next || hi - lo <= 2e-16 * hi) return next;
    x = next;
  }
  return x;
}

}  // namespace

double log_gamma(double x) {
  if (x < 0.5) {  // reflection: Gamma(x) Gamma(1 - x) = pi / sin(pi x)
    return std::log(kPi / std::fabs(std::sin(kPi * x))) - log_gamma(1.0 - x);
  }
  static constexpr double g = 7.0;
  static constexpr double coef[9] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                                     771.32342877765313,   -176.61502916214059,   12.507343278686905,
                                     -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  const double z = x - 1.0;
  double sum = coef[0];
  for (int i = 1; i < 9; ++i) sum += coef[i] / (z + i);
  const double t = z + g + 0.5;
  return kHalfLog2Pi + (z + 0.5) * std::log(t) - t + std::log(sum);
}

double log_beta(double a, double b) {
  return log_gamma(a) + log_gamma(b) - log_gamma(a + b);
}

double beta_pdf(double a, double b, double x) {
  if (x <= 0.0 || x >= 1.0) {
    if ((x <= 0.0 && a < 1.0) || (x >= 1.0 && b < 1.0)) return std::numeric_limits<double>::infinity();
    if (x < 0.0 || x > 1.0) return 0.0;
    if (x == 0.0) return a == 1.0 ? std::exp(-log_beta(a, b)) : 0.0;
    return b == 1.0 ? std::exp(-log_beta(a, b)) : 0.0;
  }
  return std::exp((a - 1.0) * std::log(x) + (b - 1.0) * std::log1p(-x) - log_beta(a, b));
}

double beta_inc(double a, double b, double x) {
  return beta_inc_lb(a, b, x, log_beta(a, b));
}

double beta_inc_inv(double a, double b, double p) {
  if (!(p > 0.0)) return 0.0;
  if (!(p < 1.0)) return 1.0;
  // Mirror (solve I_y(b, a) = 1 - p for y = 1 - x) only when p > 1/2 and the root is above 1/2: then
  // the small tail 1 - p is exact and y keeps its precision. Otherwise solve directly: a small p keeps
  // its precision, and so does a tiny root at a large p (a = 0.001: p = 0.85 has x ~ 1e-72).
  if (p > 0.5 && p > beta_inc(a, b, 0.5)) return 1.0 - beta_inc_inv_direct(b, a, 1.0 - p);
  return beta_inc_inv_direct(a, b, p);
}

}  // namespace sisim::rng
