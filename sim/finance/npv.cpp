#include "sim/finance/npv.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

namespace sisim::finance {

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

double npv(const std::vector<double>& monthly_flows, const DiscountCurve& curve) {
  // Monthly steps compounded by repeated multiplication, as npv(flows, rate). The deflator's step is
  // exactly 1 at inflation 0, so the product step is then the plain rate's step bit for bit.
  const double deflator = std::pow(1.0 + curve.inflation, -1.0 / 12.0);
  const double step = std::pow(1.0 + curve.rate, -1.0 / 12.0) * deflator;
  const double long_step = std::pow(1.0 + curve.long_rate, -1.0 / 12.0) * deflator;
  double factor = 1.0, total = 0.0;
  for (size_t m = 0; m < monthly_flows.size(); ++m) {
    total += monthly_flows[m] * factor;
    factor *= static_cast<long long>(m) + 1 > curve.long_from_month ? long_step : step;
  }
  return total;
}

void DiscountFactors::assign(const DiscountCurve& curve, int months) {
  // The steps exactly as npv(flows, curve) computes them.
  const double deflator = std::pow(1.0 + curve.inflation, -1.0 / 12.0);
  step_ = std::pow(1.0 + curve.rate, -1.0 / 12.0) * deflator;
  long_step_ = std::pow(1.0 + curve.long_rate, -1.0 / 12.0) * deflator;
  long_from_month_ = curve.long_from_month;
  factors_.resize(static_cast<size_t>(std::max(0, months)));
  double factor = 1.0;
  for (size_t m = 0; m < factors_.size(); ++m) {
    factors_[m] = factor;
    factor *= static_cast<long long>(m) + 1 > long_from_month_ ? long_step_ : step_;
  }
}

double DiscountFactors::npv(const std::vector<double>& monthly_flows) const {
  double total = 0.0;
  const size_t tabled = std::min(monthly_flows.size(), factors_.size());
  for (size_t m = 0; m < tabled; ++m) total += monthly_flows[m] * factors_[m];
  if (tabled == monthly_flows.size()) return total;
  // Beyond the table: the same recurrence, from the last factor on.
  double factor = 1.0;
  size_t m = 0;
  if (!factors_.empty()) {
    m = factors_.size() - 1;
    factor = factors_.back();
  }
  for (; m < monthly_flows.size(); ++m) {
    if (m >= tabled) total += monthly_flows[m] * factor;
    factor *= static_cast<long long>(m) + 1 > long_from_month_ ? long_step_ : step_;
  }
  return total;
}

void DiscountFactors::npv_each(std::span<const std::vector<double>* const> streams,
                               std::span<double> out) const {
  const size_t months = factors_.size();
  const double* f = factors_.data();
  std::array<size_t, 4> group{};
  size_t grouped = 0;
  const auto flush = [&] {
    // Four NPVs month by month: each total gets the additions npv() makes, in the same order.
    const double* a = streams[group[0]]->data();
    const double* b = streams[group[1]]->data();
    const double* c = streams[group[2]]->data();
    const double* d = streams[group[3]]->data();
    double ta = 0.0, tb = 0.0, tc = 0.0, td = 0.0;
    for (size_t m = 0; m < months; ++m) {
      ta += a[m] * f[m];
      tb += b[m] * f[m];
      tc += c[m] * f[m];
      td += d[m] * f[m];
    }
    out[group[0]] = ta;
    out[group[1]] = tb;
    out[group[2]] = tc;
    out[group[3]] = td;
    grouped = 0;
  };
  for (size_t i = 0; i < streams.size(); ++i) {
    if (streams[i]->size() != months) {
      out[i] = npv(*streams[i]);
      continue;
    }
    group[grouped++] = i;
    if (grouped == group.size()) flush();
  }
  for (size_t k = 0; k < grouped; ++k) out[group[k]] = npv(*streams[group[k]]);
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

}  // namespace sisim::finance
