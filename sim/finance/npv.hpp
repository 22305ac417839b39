#pragma once
// Cash-flow metrics of a monthly stream (MODEL.md 2, 9, 12). Month m is index m; inflows positive.
#include <limits>
#include <vector>

namespace sisim::finance {

// sum_m flows[m] * (1 + annual_rate)^(-m/12).
double npv(const std::vector<double>& monthly_flows, double annual_rate);

// The public discount curve (public.discount, MODEL.md 8): month m's factor is
//   (1 + inflation)^(-m/12) * (1 + rate)^(-min(m, L)/12) * (1 + long_rate)^(-max(0, m - L)/12),
// L = long_from_month. On a real basis `inflation` deflates the nominal flows to month-0 prices and
// `rate` is real; on a nominal basis inflation is 0 and `rate` nominal.
struct DiscountCurve {
  double rate = 0.0;
  double inflation = 0.0;
  double long_rate = 0.0;
  int long_from_month = std::numeric_limits<int>::max();
};

// sum_m flows[m] * factor(m) of the curve. With inflation 0 and no step inside the stream it is
// bit-identical to npv(flows, curve.rate).
double npv(const std::vector<double>& monthly_flows, const DiscountCurve& curve);

// First month from which the cumulative undiscounted flow stays >= 0 to the end; -1 if the
// final cumulative flow is negative (never paid back). An empty stream pays back in month 0.
int payback_month(const std::vector<double>& monthly_flows);

// The same on the flows discounted at `annual_rate` (month m by (1+r)^(-m/12)): the first month
// from which the investor has had its money back with that return; -1 never.
int discounted_payback_month(const std::vector<double>& monthly_flows, double annual_rate);

// Peak capital at risk: max over m of minus the cumulative flow, floored at 0 (a stream that is
// never under water has no capital at risk).
double peak_capital(const std::vector<double>& monthly_flows);

// Multiple on invested capital: received / invested; NaN when nothing was invested.
double moic(double received, double invested);

}  // namespace sisim::finance
