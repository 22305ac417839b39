#include "sim/contract/cohort_triggers.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "sim/contract/outcome_count.hpp"

namespace sisim::contract {

using config::fewer_is_better;

using model::ArmHistory;

namespace {

// Events of the members of cohort k (enrolled in [k L, (k+1) L)) in months <= t, and their number.
struct CohortCount {
  double events = 0.0;
  int people = 0;
};

CohortCount count_cohort(const std::vector<ArmHistory>& people, const CohortTriggerTerms& terms, int k) {
  CohortCount c;
  const int from = k * terms.cohort_months, to = (k + 1) * terms.cohort_months, t = terms.measured_month(k);
  for (const ArmHistory& p : people) {
    if (p.enrol_month < from || p.enrol_month >= to) continue;
    ++c.people;
    for_each_event(p, terms.rule, t + 1, [&](int) { c.events += 1.0; });
  }
  return c;
}

// Relative improvement of `treated` events over `expected` (the comparison's events scaled to the
// treated cohort): up for most metrics, down for benefit months.
double relative(double treated, double expected, bool fewer_better) {
  const double gain = fewer_better ? expected - treated : treated - expected;
  if (expected > 0.0) return gain / expected;
  return gain > 0.0 ? std::numeric_limits<double>::infinity() : 0.0;
}

}  // namespace

double CohortTriggerOutcome::at(int cutoff) const {
  double total = 0.0;
  for (const CohortResult& c : cohorts)
    if (c.month <= cutoff) total += c.payment;
  if (pooled_month >= 0 && pooled_month <= cutoff) total += pooled_payment;
  return total;
}

CohortTriggerOutcome evaluate_cohort_triggers(const CohortTriggerTerms& terms, int cohorts,
                                              DeductionKind deduction, const std::vector<ArmHistory>& treated,
                                              const std::vector<ArmHistory>* control,
                                              double baseline_drift_annual) {
  const auto baseline_factor = [&](int t) {
    return baseline_drift_annual == 0.0 ? 1.0 : std::pow(1.0 + baseline_drift_annual, t / 12.0);
  };
  CohortTriggerOutcome out;
  if (!terms.enabled || cohorts <= 0) return out;
  if (deduction == DeductionKind::control_group && control == nullptr)
    throw std::invalid_argument("cohort triggers: control-group comparison needs control histories");
  const bool fewer_better = fewer_is_better(terms.rule.metric);
  // A threshold reached up to rounding counts as reached (8.4 % vs 10 % is a decision, not a ulp).
  const double tol = 1e-12;
  double pooled_treated = 0.0, pooled_expected = 0.0, paid = 0.0;
  for (int k = 0; k < cohorts; ++k) {
    const CohortCount t = count_cohort(treated, terms, k);
    double rate = terms.baseline_rate * baseline_factor(terms.measured_month(k));
    if (deduction == DeductionKind::control_group) {
      const CohortCount c = count_cohort(*control, terms, k);
      rate = c.people > 0 ? c.events / c.people : std::nan("");
    }
    CohortResult r;
    r.month = terms.measured_month(k);
    r.people = t.people;
    const double expected = rate * t.people;
    r.improvement =
        std::isnan(rate) || t.people == 0 ? std::nan("") : relative(t.events, expected, fewer_better);
    r.extra = std::isnan(rate) ? 0.0 : (fewer_better ? expected - t.events : t.events - expected);
    if (!std::isnan(r.improvement) && r.improvement >= terms.threshold - tol)
      r.payment = terms.price * std::max(0.0, r.extra);
    if (!std::isnan(rate)) {
      pooled_treated += t.events;
      pooled_expected += expected;
    }
    paid += r.payment;
    out.cohorts.push_back(r);
  }
  out.pooled_month = out.cohorts.back().month;
  out.pooled_improvement = relative(pooled_treated, pooled_expected, fewer_better);
  if (out.pooled_improvement >= terms.pooled_threshold - tol) {
    const double pooled_extra =
        fewer_better ? pooled_expected - pooled_treated : pooled_treated - pooled_expected;
    out.pooled_payment = std::max(0.0, terms.price * std::max(0.0, pooled_extra) - paid);
  }
  return out;
}

}  // namespace sisim::contract
