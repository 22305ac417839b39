#include "sim/contract/fiscal_savings.hpp"

#include <algorithm>

#include "sim/contract/outcome_count.hpp"

namespace sisim::contract {

using config::Metric;

using model::ArmHistory;
using model::FlowEntry;
using model::LineItem;
using model::PathParameters;
using model::SegmentParameters;

FiscalCosts fiscal_costs(const PathParameters& pp, bool taxes) {
  FiscalCosts out;
  auto sum = [&](const std::vector<FlowEntry>& flows) {
    double s = 0.0;
    for (const FlowEntry& f : flows) {
      const bool benefit = f.item == static_cast<int>(LineItem::benefit);
      const bool tax = f.item == static_cast<int>(LineItem::municipal_tax) ||
                       f.item == static_cast<int>(LineItem::state_tax);
      if (benefit || (taxes && tax)) s += f.amount;
    }
    return s;
  };
  for (const SegmentParameters& seg : pp.segments) {
    out.on_benefit.push_back(sum(seg.benefit_flows));
    out.employed.push_back(sum(seg.employed_flows));
  }
  return out;
}

std::vector<double> fiscal_cost_curve(const std::vector<ArmHistory>& people, const FiscalCosts& costs,
                                      int window) {
  std::vector<double> cum(static_cast<size_t>(std::max(0, window)), 0.0);
  CountRule benefit_rule, employed_rule;
  benefit_rule.metric = Metric::benefit_month;
  employed_rule.metric = Metric::employment_month;
  for (const ArmHistory& p : people) {
    const auto s = static_cast<size_t>(p.segment);
    const double b = s < costs.on_benefit.size() ? costs.on_benefit[s] : 0.0;
    const double e = s < costs.employed.size() ? costs.employed[s] : 0.0;
    for_each_event(p, benefit_rule, window, [&](int m) { cum[static_cast<size_t>(m)] += b; });
    for_each_event(p, employed_rule, window, [&](int m) { cum[static_cast<size_t>(m)] += e; });
  }
  for (size_t m = 1; m < cum.size(); ++m) cum[m] += cum[m - 1];
  return cum;
}

std::vector<double> measured_fiscal_savings(const std::vector<ArmHistory>& treated,
                                            const std::vector<ArmHistory>& comparison, bool per_person,
                                            const FiscalCosts& costs, int window) {
  const std::vector<double> t = fiscal_cost_curve(treated, costs, window);
  const std::vector<double> c = fiscal_cost_curve(comparison, costs, window);
  const EnrolmentCurve treated_enrolled(treated), comparison_enrolled(comparison);
  std::vector<double> out(t.size(), 0.0);
  for (size_t m = 0; m < t.size(); ++m) {
    double compared = c[m];
    if (per_person) {
      const int nc = comparison_enrolled.by(static_cast<int>(m));
      compared = nc > 0 ? c[m] / nc * treated_enrolled.by(static_cast<int>(m)) : t[m];
    }
    out[m] = compared - t[m];
  }
  return out;
}

}  // namespace sisim::contract
