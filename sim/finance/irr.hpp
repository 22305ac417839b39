#pragma once
// Internal rate of return of a periodic cash-flow stream, with an honest status.
//
// The IRR is a root r > -1 of NPV(r) = sum_k a_k (1+r)^(-k). Polynomial root finders are never
// used: they are fragile for long streams and report complex roots nobody asked for. Instead the
// rate axis is split at r = 0 and each side is bounded by a Norstrom-type count (MODEL.md 9, 12):
//  - r > 0: the number of roots is at most the sign changes of the cumulative sums S_0..S_n
//    (Norstrom 1972: exactly one change and S_n != 0 => exactly one positive root);
//  - -1 < r < 0: the same argument in y = 1+r on the reversed stream bounds the roots by the sign
//    changes of the cumulative sums taken from the end.
// A side with bound 0 has no root; bound 1 has exactly one root iff NPV changes sign across it
// (bracketed by an expanding search); only a side with bound >= 2 is scanned on a grid. Every
// bracket is solved with Brent's method to ~1e-12.
#include <vector>

namespace sisim::finance {

enum class IrrStatus { ok, no_sign_change, total_loss, multiple_roots, no_convergence };
const char* to_string(IrrStatus s);

struct IrrResult {
  double rate;  // per period; -1 for total_loss; NaN for no_sign_change / no_convergence
  IrrStatus status;
};

// Per-period IRR of `flows` (period k = index k).
//  total_loss:      no inflow at all but some outflow (rate -1);
//  no_sign_change:  otherwise one-signed or all zero (rate NaN);
//  ok:              exactly one root;
//  multiple_roots:  several roots found; `rate` is the one nearest 0;
//  no_convergence:  a sign change but no root found in (-1, 1e6] (rate NaN).
IrrResult irr(const std::vector<double>& flows);

// (1+r)^12 - 1; -1 stays -1 and NaN stays NaN.
double annualise_monthly(double monthly_rate);

// Sign changes of the nonzero entries (Descartes' bound on the number of IRRs).
int sign_changes(const std::vector<double>& values);

// Norstrom's criterion: the cumulative sums S_0..S_n have exactly one sign change and S_n != 0,
// which guarantees exactly one root with r > 0.
bool norstrom_unique_positive(const std::vector<double>& flows);

}  // namespace sisim::finance
