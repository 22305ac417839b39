#pragma once
// Cohort triggers (Peterborough, docs/MODEL.md 13): a payment per cohort only when that cohort's
// improvement over its comparison reaches a threshold, or, at the end, when all cohorts together
// reach a lower one. Peterborough: reconviction events down >= 10 % in a cohort, or >= 7.5 %
// across all cohorts; cohort 1 reached 8.4 % and was not paid.
#include <vector>

#include "sim/contract/terms.hpp"
#include "sim/model/history.hpp"

namespace sisim::contract {

struct CohortResult {
  int month = 0;           // measured (and accrued) in this month
  int people = 0;          // treated participants in the cohort
  double improvement = 0;  // relative improvement over the comparison (0.10 = 10 %); NaN: no comparison
  double extra = 0.0;      // extra events (avoided events for benefit months) vs the comparison
  double payment = 0.0;    // price x extra if the cohort's threshold is reached, else 0
};

struct CohortTriggerOutcome {
  std::vector<CohortResult> cohorts;
  int pooled_month = -1;
  double pooled_improvement = 0.0;
  double pooled_payment = 0.0;  // top-up paid at pooled_month: price x pooled extra - cohort payments
  // Entitlement from the triggers at cutoff month t.
  double at(int cutoff) const;
};

// `control` is required with DeductionKind::control_group (else the baseline rate is the comparison).
CohortTriggerOutcome evaluate_cohort_triggers(const CohortTriggerTerms& terms, int cohorts,
                                              DeductionKind deduction,
                                              const std::vector<model::ArmHistory>& treated,
                                              const std::vector<model::ArmHistory>* control,
                                              double baseline_drift_annual = 0.0);

}  // namespace sisim::contract
