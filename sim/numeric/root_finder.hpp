#pragma once
// The one root finder: a root of f on a bracket [a, b] over which f changes sign, with an
// absolute tolerance on x and a status. Used by the IRR (sim/finance/irr.cpp, Brent), the
// hazard-ratio calibration on every path (sim/model/calibration.cpp, Illinois) and the outcome
// price search on common random numbers (sim/api/price_solver.cpp, bisection of a step function).
// The three methods share the bracket, the tolerance and the status; each suits its function:
// - brent: inverse quadratic interpolation with secant and bisection safeguards (Brent 1973,
//   "Algorithms for Minimization without Derivatives", ch. 4): smooth f, superlinear.
// - illinois: regula falsi with the Illinois modification (Dowell & Jarratt 1971): the end kept
//   twice in a row has its f halved, so neither end sticks; smooth monotone f, one evaluation a
//   step and no bookkeeping (cheap enough for every path).
// - bisection: halves the bracket, reading only the sign of f: any f, including the step
//   functions a metric on a fixed set of paths is; the final bracket is returned, so a caller can
//   take the end whose sign it needs (the price search reports the end that meets its target).
// Header-only: the calibration runs on every path, and the call inlines.
#include <cmath>
#include <limits>

namespace sisim::numeric {

enum class RootMethod { brent, illinois, bisection };

enum class RootStatus {
  converged,       // the bracket is within x_tolerance (or |f| within f_tolerance, or f = 0 exactly)
  not_bracketed,   // f(a) and f(b) have the same sign, or one is NaN
  no_convergence,  // max_iterations ran out first
};

inline const char* to_string(RootStatus status) {
  switch (status) {
    case RootStatus::converged:
      return "converged";
    case RootStatus::not_bracketed:
      return "not_bracketed";
    case RootStatus::no_convergence:
      return "no_convergence";
  }
  return "?";
}

struct RootOptions {
  RootMethod method = RootMethod::brent;
  // Absolute tolerance on x: brent stops when the root is known to within about this (its step
  // also adds 4 ulp of |x|); illinois and bisection when the bracket is at most this wide.
  double x_tolerance = 1e-12;
  double f_tolerance = 0.0;  // illinois: also stop at an x with |f(x)| < f_tolerance
  int max_iterations = 200;
};

struct RootResult {
  RootStatus status = RootStatus::not_bracketed;
  // converged: brent's best point; illinois: the middle of the final bracket; bisection: the
  // middle of the final bracket. NaN unless converged (illinois: also after no_convergence).
  double root = std::numeric_limits<double>::quiet_NaN();
  // The final bracket: f(a) has the sign f had at the first end given, f(b) at the second
  // (illinois and bisection; brent leaves its own ends, unordered).
  double a = std::numeric_limits<double>::quiet_NaN(), b = std::numeric_limits<double>::quiet_NaN();
  int iterations = 0;
};

namespace detail {

template <class F>
RootResult brent(F& f, double a, double b, double fa, double fb, const RootOptions& o) {
  RootResult r;
  r.a = a;
  r.b = b;
  if (fa == 0.0 || fb == 0.0) {
    r.status = RootStatus::converged;
    r.root = fa == 0.0 ? a : b;
    return r;
  }
  if ((fa > 0.0) == (fb > 0.0) || std::isnan(fa) || std::isnan(fb)) return r;
  double c = a, fc = fa, d = b - a, e = d;
  for (int iter = 0; iter < o.max_iterations; ++iter) {
    r.iterations = iter;
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
    const double tol1 = 2.0 * 2.220446049250313e-16 * std::fabs(b) + 0.5 * o.x_tolerance;
    const double m = 0.5 * (c - b);
    if (std::fabs(m) <= tol1 || fb == 0.0) {
      r.status = RootStatus::converged;
      r.root = b;
      r.a = b;
      r.b = c;
      return r;
    }
    if (std::fabs(e) >= tol1 && std::fabs(fa) > std::fabs(fb)) {
      // Interpolation step: secant when only two points are distinct, else inverse quadratic.
      double p, q;
      const double s = fb / fa;
      if (a == c) {
        p = 2.0 * m * s;
        q = 1.0 - s;
      } else {
        const double qa = fa / fc, rr = fb / fc;
        p = s * (2.0 * m * qa * (qa - rr) - (b - a) * (rr - 1.0));
        q = (qa - 1.0) * (rr - 1.0) * (s - 1.0);
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
  r.status = RootStatus::no_convergence;
  r.iterations = o.max_iterations;
  return r;
}

template <class F>
RootResult illinois(F& f, double a, double b, double fa, double fb, const RootOptions& o) {
  RootResult r;
  // Which way f runs decides which end an f < 0 replaces (a flat f(a) = f(b) counts as rising).
  const bool rising = !(fa > fb);
  int kept = 0;  // the end kept last time (-1: a was replaced, +1: b was): Illinois halves the other
  r.status = RootStatus::no_convergence;
  int iter = 0;
  for (; iter < o.max_iterations && std::fabs(b - a) > o.x_tolerance; ++iter) {
    double x = fb != fa ? b - fb * (b - a) / (fb - fa) : 0.5 * (a + b);
    if (!(x > std::fmin(a, b) && x < std::fmax(a, b))) x = 0.5 * (a + b);
    const double fx = f(x);
    if (fx == 0.0) {
      a = b = x;
      break;
    }
    if ((fx < 0.0) == rising) {
      a = x;
      fa = fx;
      if (kept == -1) fb *= 0.5;
      kept = -1;
    } else {
      b = x;
      fb = fx;
      if (kept == +1) fa *= 0.5;
      kept = +1;
    }
    if (std::fabs(fx) < o.f_tolerance) {
      a = b = x;
      break;
    }
  }
  r.iterations = iter;
  if (std::fabs(b - a) <= o.x_tolerance) r.status = RootStatus::converged;
  r.a = a;
  r.b = b;
  r.root = 0.5 * (a + b);
  return r;
}

template <class F>
RootResult bisection(F& f, double a, double b, double fa, const RootOptions& o) {
  RootResult r;
  int iter = 0;
  for (; std::fabs(a - b) > o.x_tolerance; ++iter) {
    if (iter == o.max_iterations) {
      r.status = RootStatus::no_convergence;
      r.a = a;
      r.b = b;
      r.iterations = iter;
      return r;
    }
    const double mid = 0.5 * (a + b);
    const double fm = f(mid);
    if (fm == 0.0) {
      a = b = mid;
      break;
    }
    ((fm < 0.0) == (fa < 0.0) ? a : b) = mid;
  }
  r.status = RootStatus::converged;
  r.iterations = iter;
  r.a = a;
  r.b = b;
  r.root = 0.5 * (a + b);
  return r;
}

}  // namespace detail

// A root of f between a and b, given f(a) = fa and f(b) = fb (no evaluation at the ends).
template <class F>
RootResult find_root(F&& f, double a, double b, double fa, double fb, const RootOptions& options) {
  const bool bracketed =
      !std::isnan(fa) && !std::isnan(fb) && (fa == 0.0 || fb == 0.0 || (fa < 0.0) != (fb < 0.0));
  if (options.method == RootMethod::brent) return detail::brent(f, a, b, fa, fb, options);
  if (!bracketed) {
    RootResult r;
    r.a = a;
    r.b = b;
    return r;
  }
  if (options.method == RootMethod::illinois) return detail::illinois(f, a, b, fa, fb, options);
  return detail::bisection(f, a, b, fa, options);
}

// The same, evaluating f at both ends first.
template <class F>
RootResult find_root(F&& f, double a, double b, const RootOptions& options) {
  const double fa = f(a), fb = f(b);
  return find_root(f, a, b, fa, fb, options);
}

}  // namespace sisim::numeric
