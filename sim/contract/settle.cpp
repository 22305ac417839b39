#include "sim/contract/settle.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

#include "sim/contract/payments.hpp"
#include "sim/contract/waterfall.hpp"

namespace sisim::contract {

using config::kMetricCount;

using model::ArmHistory;

namespace {

void record_outcomes(const ContractTerms& terms, const Entitlement& entitlement, int cutoff,
                     ContractOutcome& out) {
  out.lines.assign(terms.lines.size(), LineOutcome{});
  out.gross_outcomes.fill(0);
  out.paid_outcomes.fill(0.0);
  out.measured_effect.fill(ContractOutcome::kNaN);
  std::array<bool, kMetricCount> seen{};
  for (size_t i = 0; i < terms.lines.size(); ++i) {
    LineOutcome& line = out.lines[i];
    line.counted = entitlement.counted(i, cutoff);
    line.in_window = entitlement.counted_in_window(i);
    line.deducted = entitlement.deducted(i, cutoff);
    line.net = entitlement.net(i, cutoff);
    const size_t metric = static_cast<size_t>(terms.lines[i].rule.metric);
    out.paid_outcomes[metric] += line.net;
    if (seen[metric]) continue;  // per-metric counts and effects: the metric's first line
    seen[metric] = true;
    out.gross_outcomes[metric] = line.counted;
    out.measured_effect[metric] = entitlement.measured_effect(i, cutoff);
  }
  out.tier_measured = entitlement.tier_measured();
  out.tier_payment = terms.tiers.enabled ? entitlement.tier_amount() : 0.0;
  out.cohort_pooled_improvement =
      terms.cohort_triggers.enabled && !entitlement.cohort_triggers().cohorts.empty()
          ? entitlement.cohort_triggers().pooled_improvement
          : ContractOutcome::kNaN;
}

}  // namespace

void settle_contract(const ContractTerms& terms, const std::vector<ArmHistory>& treated,
                     const std::vector<ArmHistory>* control, const std::vector<double>& drawdowns,
                     int termination_month, int horizon, ContractOutcome& out) {
  if (static_cast<int>(drawdowns.size()) != horizon) {
    throw std::invalid_argument("settle_contract: drawdowns must have one entry per month of the horizon");
  }
  out.termination_month = termination_month;
  // Eligibility by age at start: the contract only sees the eligible people (of both groups).
  std::vector<ArmHistory> eligible_treated, eligible_control;
  const std::vector<ArmHistory>* counted = &treated;
  if (terms.age_eligibility) {
    const auto eligible = [&](const ArmHistory& p) {
      return p.age_at_start >= terms.min_age && p.age_at_start <= terms.max_age;
    };
    std::copy_if(treated.begin(), treated.end(), std::back_inserter(eligible_treated), eligible);
    counted = &eligible_treated;
    if (control != nullptr) {
      std::copy_if(control->begin(), control->end(), std::back_inserter(eligible_control), eligible);
      control = &eligible_control;
    }
  }
  const Entitlement entitlement(terms, *counted, control);
  const ScheduleResult schedule =
      schedule_payments(terms, entitlement, termination_month, horizon, out.gross_payments);
  out.final_date = schedule.final_date;
  out.final_payment_month = schedule.final_payment_month;
  out.entitlement_total = schedule.entitlement_final;
  out.payments_due_total = schedule.due_total;
  record_outcomes(terms, entitlement, schedule.final_cutoff, out);
  run_finance(terms.finance, terms.payer_shares, out.gross_payments, drawdowns, schedule.final_payment_month,
              out, terms.cap_total);
}

}  // namespace sisim::contract
