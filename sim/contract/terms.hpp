#pragma once
// A contract and its finance resolved to plain numbers for one path (MODEL.md 7, 8, 12).
// Prices, termination risk and provider share may be uncertain Params: resolve_contract() takes
// the path's draws, so everything downstream works on doubles and can be built by hand in tests.
#include <array>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "sim/model/history.hpp"

namespace sisim::contract {

// How an outcome is counted on a history (MODEL.md 7).
struct CountRule {
  config::Metric metric = config::Metric::employment_month;
  int min_months = 1;           // job_start: a spell must reach this many consecutive months
  int months = 1;               // sustained_employment: cumulative months in E
  int max_per_participant = 0;  // employment_month: 0 = unlimited
  // Which jobs count (MODEL.md 8a): only those off benefit, only those of at least these hours.
  // benefit_month ignores both: it counts every month not in a job off benefit.
  bool self_sufficient_only = false;
  double min_hours_per_week = 0.0;
  bool counts(const model::Spell& s) const {
    return (!self_sufficient_only || !s.on_benefit) && s.hours_per_week >= min_hours_per_week;
  }
};

enum class DeductionKind { none, baseline, control_group };

struct RateLine {
  CountRule rule;
  double price = 0.0;
  double baseline_rate = 0.0;  // events per enrolled participant (DeductionKind::baseline)
};

// Threshold/tier payment on the measured improvement (config.hpp TierPayoff).
struct TierTerms {
  bool enabled = false;
  CountRule rule;  // the rate-card line's rule for `measure` if there is one, else the defaults
  int at_month = 0;
  double threshold = 0.0;
  std::vector<config::Tier> tiers;  // ascending `from`
  double baseline_rate = 0.0;  // contract.baseline.<measure> (DeductionKind::baseline)
  bool relative = false;       // measured as a relative improvement (config.hpp TierPayoff)
};

// Share of measured fiscal savings (config.hpp SavingsShare). `measured[t]` = savings measured by
// cutoff t (t < window), filled per path by the engine (measured_fiscal_savings); empty = none yet.
struct SavingsShareTerms {
  bool enabled = false;
  double share = 0.0;
  bool taxes = true;
  std::vector<double> measured;
};

// Cohort triggers (config.hpp CohortTriggers), with the counting rule of `measure`.
struct CohortTriggerTerms {
  bool enabled = false;
  CountRule rule;
  int cohort_months = 12;
  int follow_up_months = 12;
  double threshold = 0.0;
  double pooled_threshold = 0.0;
  double price = 0.0;
  double baseline_rate = 0.0;  // contract.baseline.<measure> (DeductionKind::baseline)
  // Month cohort k is measured (and accrues): (k+1) * cohort_months + follow_up_months - 1.
  int measured_month(int k) const { return (k + 1) * cohort_months + follow_up_months - 1; }
};

struct TrancheTerms {
  std::string name = "investor";
  double share = 1.0;                       // share of every drawdown
  std::optional<double> return_cap_annual;  // absent: uncapped (takes all that reaches it)
  double guarantee_share = 0.0;             // share of this tranche's nominal shortfall covered
  config::Budget guarantor = config::Budget::foundation;
  bool repayable = true;  // false: a grant, never repaid, outside the pooled investor
};

struct FinanceTerms {
  double provider_share = 0.0;
  double investor_discount_rate = 0.08;
  std::vector<TrancheTerms> tranches = {TrancheTerms{}};  // most senior first; >= 1
  double first_loss_max_investor_loss = 1.0;              // config.hpp Finance: 1 = no first-loss cover
  double first_loss_cap_share = 0.0;
  config::Budget first_loss_payer = config::Budget::foundation;
};

struct ContractTerms {
  bool present = false;                             // false: nobody pays; the investor still funds the costs
  int window = 0;                                   // outcome_window_months
  int interval = 6;                                 // payment_interval_months
  int lag = 0;                                      // payment_lag_months
  std::array<double, config::kBudgetCount> payer_shares{};  // indexed by Budget; sum 1
  std::vector<RateLine> lines;
  DeductionKind deduction = DeductionKind::none;
  int control_group_size = 0;
  double cap_total = std::numeric_limits<double>::infinity();
  double cap_per_participant = std::numeric_limits<double>::infinity();  // across rate-card lines
  double termination_probability_annual = 0.0;
  TierTerms tiers;
  SavingsShareTerms savings_share;
  CohortTriggerTerms cohort_triggers;
  int cohorts = 0;  // ceil(enrolment_months / cohort_months) with cohort triggers
  double baseline_drift_annual = 0.0;
  bool age_eligibility = false;  // only participants aged [min_age, max_age] at enrolment count
  int min_age = 0, max_age = 120;
  // Factor on baseline rates at cutoff month t: (1 + drift)^(t/12).
  double baseline_factor(int t) const;
  FinanceTerms finance;

  // The last month whose outcomes can change the entitlement: payment dates run to the first
  // date at or after it.
  int last_accrual_month() const;
};

// Throws std::invalid_argument for combinations MODEL.md 12 forbids (baseline together with a
// control group, payer shares not summing to 1, non-positive interval, tranche shares != 1).
ContractTerms resolve_contract(const config::Config& config, const std::vector<double>& draws);

// The counting rule of the first rate-card line with `metric`, or the defaults for it.
CountRule rule_for(const std::vector<config::Outcome>& outcomes, config::Metric metric);

}  // namespace sisim::contract
