#pragma once
// Cash-flow metrics of a monthly stream (MODEL.md 2, 9, 12). Month m is index m; inflows positive.
#include <limits>
#include <span>
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

// The factors of a DiscountCurve month by month, made once per path for the two dozen NPVs it
// takes on the one curve (issue 16: each npv(flows, curve) took three pow calls). The factors come
// from the very repeated multiplication npv(flows, curve) does, so npv(flows) here equals
// npv(flows, curve) bit for bit, for a stream of any length (beyond the table it carries on the
// same recurrence).
class DiscountFactors {
 public:
  DiscountFactors() = default;
  DiscountFactors(const DiscountCurve& curve, int months) { assign(curve, months); }
  void assign(const DiscountCurve& curve, int months);
  double npv(const std::vector<double>& monthly_flows) const;
  // out[i] = npv(*streams[i]) for each i, bit for bit; streams as long as the table are summed
  // four at a time in one pass (four independent chains of additions overlap, where one NPV
  // waits on each addition in turn).
  void npv_each(std::span<const std::vector<double>* const> streams, std::span<double> out) const;
  const std::vector<double>& factors() const { return factors_; }  // factors()[m]: month m's factor

 private:
  double step_ = 1.0, long_step_ = 1.0;
  int long_from_month_ = std::numeric_limits<int>::max();
  std::vector<double> factors_;
};

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
