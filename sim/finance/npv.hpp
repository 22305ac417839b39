#pragma once
// Cash-flow metrics of a monthly stream (MODEL.md 2, 9, 12). Month m is index m; inflows positive.
#include <vector>

namespace sisim {

// sum_m flows[m] * (1 + annual_rate)^(-m/12).
double npv(const std::vector<double>& monthly_flows, double annual_rate);

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

}  // namespace sisim
