#pragma once
// Entitlement and payment schedule (MODEL.md 7, 12): what the payers owe at each payment date.
#include <vector>

#include "sim/contract/cohort_triggers.hpp"
#include "sim/contract/outcome_count.hpp"
#include "sim/contract/terms.hpp"
#include "sim/model/history.hpp"

namespace sisim::contract {

struct PaymentDate {
  int date;    // t_j = j*I - 1
  int cutoff;  // events and enrolment in months <= cutoff count (= date, or the termination month)
};

// Dates t_j = j*interval - 1 for j = 1.. up to the first t_j >= last_accrual_month. If the
// contract is terminated in month m >= 0 before that, the list ends at the first t_j >= m, and
// that settlement date counts accruals of months <= m only.
std::vector<PaymentDate> payment_dates(int interval, int last_accrual_month, int termination_month);

// The last payment date of an unterminated contract: the first t_j = j*interval - 1 at or after
// the last accrual month (max(window - 1, tiers.at_month)). The contract runs in months
// 0..contract_last_date; the payer can terminate it only then (MODEL.md 7).
int contract_last_date(const ContractTerms& terms);

// How far below a tier boundary (or the threshold) a measured rate may fall and still reach it:
// floating-point noise in a ratio of counts, not a margin (events per participant).
inline constexpr double kTierBoundaryTolerance = 1e-9;

// The tier schedule's payment for a measured improvement: 0 below the threshold (or NaN), else
// payment + per_unit * max(0, measured - from) of the highest tier whose `from` is reached; a
// boundary is reached when measured >= boundary - kTierBoundaryTolerance.
double tier_payment(const TierTerms& tiers, double measured);

// Entitlement as a function of the cutoff month, from the treated (and control) histories.
class Entitlement {
 public:
  // `control` is required when terms.deduction == control_group (std::invalid_argument otherwise).
  Entitlement(const ContractTerms& terms, const std::vector<model::ArmHistory>& treated,
              const std::vector<model::ArmHistory>* control);

  // sum over lines of price * net(line, cutoff), plus the tier payment once cutoff >= at_month.
  double at(int cutoff) const;
  long long counted(size_t line, int cutoff) const { return treated_[line].upto(cutoff); }
  long long counted_in_window(size_t line) const { return treated_[line].total(); }
  double deducted(size_t line, int cutoff) const;
  double net(size_t line, int cutoff) const;
  // Treated minus control rate per enrolled participant; NaN without a control group.
  double measured_effect(size_t line, int cutoff) const;
  double tier_measured() const { return tier_measured_; }
  double tier_amount() const { return tier_amount_; }
  const CohortTriggerOutcome& cohort_triggers() const { return cohorts_; }
  // Share x max(0, measured fiscal savings by cutoff); 0 without a savings share.
  double savings_share_at(int cutoff) const;

 private:
  void cap_per_participant(const std::vector<model::ArmHistory>& treated);

 public:
 private:
  double deduction_rate(const TierTerms* tier, size_t line, int cutoff) const;
  static double rate(const EventCurve& events, const EnrolmentCurve& enrolled, int cutoff);

  const ContractTerms* terms_;
  EnrolmentCurve treated_enrol_, control_enrol_;
  std::vector<EventCurve> treated_, control_;  // per rate-card line
  EventCurve tier_treated_, tier_control_;
  double tier_measured_;
  double tier_amount_ = 0.0;
  CohortTriggerOutcome cohorts_;
  // With contract.cap_per_participant: the rate-card lines' value by cutoff month, each person's
  // running total capped (capped_lines_[t], t < window); empty without the cap.
  std::vector<double> capped_lines_;
};

struct ScheduleResult {
  double entitlement_final = 0.0;  // entitlement at the last date
  double due_total = 0.0;          // sum of `due` (before cap_total, which run_finance applies)
  int final_date = -1;
  int final_cutoff = -1;  // the last date's cutoff (the termination month if terminated early)
  int final_payment_month = -1;
};

// Books due = max(0, E(cutoff) - the sum of earlier dues) at date + lag into `gross` (resized to
// horizon). cap_total is applied to actual payments by run_finance, not here. Throws
// std::invalid_argument if date + lag >= horizon.
ScheduleResult schedule_payments(const ContractTerms& terms, const Entitlement& entitlement,
                                 int termination_month, int horizon, std::vector<double>& gross);

}  // namespace sisim::contract
