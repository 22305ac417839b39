#include "sim/finance/npv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace sisim {

double npv(const std::vector<double>& monthly_flows, double annual_rate) {
  // Monthly factor (1+r)^(-1/12), compounded by repeated multiplication: exact enough over 180
  // months (relative error ~1e-14) and much cheaper than a pow per month.
  const double step = std::pow(1.0 + annual_rate, -1.0 / 12.0);
  double factor = 1.0, total = 0.0;
  for (double f : monthly_flows) {
    total += f * factor;
    factor *= step;
  }
  return total;
}

int payback_month(const std::vector<double>& monthly_flows) {
  double cum = 0.0;
  int from = 0;  // candidate: first month of the current run of non-negative cumulative flow
  for (size_t m = 0; m < monthly_flows.size(); ++m) {
    cum += monthly_flows[m];
    if (cum < 0.0) from = static_cast<int>(m) + 1;
  }
  return cum < 0.0 ? -1 : from;
}

int discounted_payback_month(const std::vector<double>& monthly_flows, double annual_rate) {
  const double step = std::pow(1.0 + annual_rate, -1.0 / 12.0);
  double factor = 1.0, cum = 0.0;
  int from = 0;
  for (size_t m = 0; m < monthly_flows.size(); ++m) {
    cum += monthly_flows[m] * factor;
    factor *= step;
    if (cum < 0.0) from = static_cast<int>(m) + 1;
  }
  return cum < 0.0 ? -1 : from;
}

double peak_capital(const std::vector<double>& monthly_flows) {
  double cum = 0.0, peak = 0.0;
  for (double f : monthly_flows) {
    cum += f;
    peak = std::max(peak, -cum);
  }
  return peak;
}

double moic(double received, double invested) {
  return invested > 0.0 ? received / invested : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace sisim
