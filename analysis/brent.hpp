#pragma once
// Brent's root finder (inverse quadratic interpolation, secant and bisection safeguards), written
// from the textbook description (Brent 1973, "Algorithms for Minimization without Derivatives",
// ch. 4). Used by the IRR so that every root comes from a verified bracket.
#include <cmath>
#include <optional>
#include <utility>

namespace sisim {

// A root of f in [a, b] given f(a), f(b) of opposite signs (or one of them zero). Returns nullopt
// if the bracket is invalid or max_iter is exhausted. `tol` is an absolute tolerance on x.
template <class F>
std::optional<double> brent_root(F&& f, double a, double b, double tol = 1e-12, int max_iter = 200) {
  double fa = f(a), fb = f(b);
  if (fa == 0.0) return a;
  if (fb == 0.0) return b;
  if ((fa > 0.0) == (fb > 0.0) || std::isnan(fa) || std::isnan(fb)) return std::nullopt;
  double c = a, fc = fa, d = b - a, e = d;
  for (int iter = 0; iter < max_iter; ++iter) {
    if ((fb > 0.0) == (fc > 0.0)) {  // keep the root between b and c
      c = a;
      fc = fa;
      d = e = b - a;
    }
    if (std::fabs(fc) < std::fabs(fb)) {  // b is the best estimate so far
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const double tol1 = 2.0 * 2.220446049250313e-16 * std::fabs(b) + 0.5 * tol;
    const double m = 0.5 * (c - b);
    if (std::fabs(m) <= tol1 || fb == 0.0) return b;
    if (std::fabs(e) >= tol1 && std::fabs(fa) > std::fabs(fb)) {
      // Interpolation step: secant when only two points are distinct, else inverse quadratic.
      double p, q;
      const double s = fb / fa;
      if (a == c) {
        p = 2.0 * m * s;
        q = 1.0 - s;
      } else {
        const double qa = fa / fc, r = fb / fc;
        p = s * (2.0 * m * qa * (qa - r) - (b - a) * (r - 1.0));
        q = (qa - 1.0) * (r - 1.0) * (s - 1.0);
      }
      if (p > 0.0) q = -q;
      p = std::fabs(p);
      // Accept the step only if it stays well inside the bracket and shrinks fast enough.
      if (2.0 * p < std::fmin(3.0 * m * q - std::fabs(tol1 * q), std::fabs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = d;
      }
    } else {
      d = m;
      e = d;
    }
    a = b;
    fa = fb;
    b += std::fabs(d) > tol1 ? d : (m > 0.0 ? tol1 : -tol1);
    fb = f(b);
  }
  return std::nullopt;
}

}  // namespace sisim
