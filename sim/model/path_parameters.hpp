#pragma once
// Every number one Monte Carlo path needs, resolved once from the Config and the path's parameter
// draws (Param::value(draws)). Built by Model::resolve; read by the regime and participant code.
// Plain data: the engine may inspect or record any field.
#include <algorithm>
#include <cstdint>
#include <limits>
#include <vector>

#include "config/config.hpp"
#include "sim/model/flows.hpp"

namespace sisim::model {

// One constant monthly amount booked per person-month in a state: cost to `budget` (income < 0).
// With dated rules (public.rules) the tax entries are month 0's: the simulation books each month's
// own (person_month_tax of PathParameters::month_tax).
struct FlowEntry {
  config::Budget budget = config::Budget::municipality;
  int item = 0;  // LineItem value, or kFixedLineItems + index of a public.other_flows entry
  double amount = 0.0;
};

// The national tax numbers of one month (the scenario's, or with public.rules those in force then).
struct MonthTax {
  double labour_market_contribution = 0.0;
  double state_bottom_rate = 0.0;
  double allowance_monthly = 0.0;
  double employment_deduction_rate = 0.0;
  double employment_deduction_cap_monthly = 0.0;
};

// One person-month's taxes on benefit b and on a gross wage y (MODEL.md section 8), as costs to
// the budgets' lines are booked: municipal tax in full to the municipality, equalisation moving
// (1 - retention) of it to the other municipalities, the state's bottom tax; employed also the
// labour-market contribution. The employment deduction lowers the municipal base only.
struct PersonMonthTax {
  double municipal_b = 0.0, moved_b = 0.0, state_b = 0.0;                      // on benefit
  double contribution = 0.0, municipal_e = 0.0, moved_e = 0.0, state_e = 0.0;  // employed
};
inline PersonMonthTax person_month_tax(double municipal_rate, double retention, const MonthTax& t, double b,
                                       double y) {
  PersonMonthTax out;
  const double benefit_base = std::max(0.0, b - t.allowance_monthly);
  out.municipal_b = municipal_rate * benefit_base;
  out.moved_b = (1.0 - retention) * out.municipal_b;
  out.state_b = t.state_bottom_rate * benefit_base;
  out.contribution = t.labour_market_contribution * y;
  const double deduction = std::min(t.employment_deduction_rate * y, t.employment_deduction_cap_monthly);
  out.municipal_e = municipal_rate * std::max(0.0, y - out.contribution - deduction - t.allowance_monthly);
  out.moved_e = (1.0 - retention) * out.municipal_e;
  out.state_e = t.state_bottom_rate * std::max(0.0, y - out.contribution - t.allowance_monthly);
  return out;
}

// The earnings rule of one month (config.hpp EarningsRule), for one rate tier: a benefit b and
// monthly earnings y leave the top-up max(0, min(b - reduction_rate max(0, y - disregard),
// ceiling - y)), the ceiling applying when it is > 0 (MODEL.md 8a).
struct MonthEarnings {
  double reduction_rate = 1.0;
  double disregard[2] = {0.0, 0.0};  // [0] mindste-/grundsats, [1] forhoejet sats
  double ceiling[2] = {0.0, 0.0};    // ceiling share x max dagpenge; 0: none
};
inline double benefit_top_up(const MonthEarnings& e, int tier, double b, double y) {
  double top_up = b - e.reduction_rate * std::max(0.0, y - e.disregard[tier]);
  if (e.ceiling[tier] > 0.0) top_up = std::min(top_up, e.ceiling[tier] - y);
  return std::max(0.0, top_up);
}

// One person-month's taxes in partial employment (MODEL.md 8a): the top-up and the earnings are
// one income, with one personal allowance; the labour-market contribution and the employment
// deduction apply to the earnings only.
struct PartialMonthTax {
  double contribution = 0.0, municipal = 0.0, moved = 0.0, state = 0.0;
};
inline PartialMonthTax partial_month_tax(double municipal_rate, double retention, const MonthTax& t,
                                         double top_up, double y) {
  PartialMonthTax out;
  out.contribution = t.labour_market_contribution * y;
  const double deduction = std::min(t.employment_deduction_rate * y, t.employment_deduction_cap_monthly);
  const double income = top_up + y - out.contribution;
  out.municipal = municipal_rate * std::max(0.0, income - deduction - t.allowance_monthly);
  out.moved = (1.0 - retention) * out.municipal;
  out.state = t.state_bottom_rate * std::max(0.0, income - t.allowance_monthly);
  return out;
}

struct SegmentParameters {
  double share = 0.0;
  double benefit_monthly = 0.0;          // month 0's with dated rules
  std::vector<double> benefit_by_month;  // dated rules: one per month; empty: benefit_monthly
  double prior_benefit_weeks = 0.0;
  double wage_monthly = 0.0;
  double hours_fraction = 0.0;
  double job_finding_hazard = 0.0;
  double separation_hazard = 0.0;
  double exit_hazard = 0.0;
  // The segment's jobs can earn the result grant: result_grant_eligible in the scenario and
  // hours_fraction x full_time_hours_per_week >= min_hours_per_week.
  bool result_grant_eligible = false;
  int integration_months_at_enrolment = 0;
  int age_min = -1, age_max = -1;        // age at enrolment, uniform on [min, max]; -1: not stated
  std::vector<double> other_on_benefit;  // per public.other_flows entry (segment overrides applied)
  std::vector<double> other_employed;
  // Partial employment (MODEL.md 8a): P(a job is part-time with a benefit top-up), its hours and
  // monthly earnings; the earnings rule's tier (0 mindste-/grundsats, 1 forhoejet sats). Hours of a
  // job off benefit: hours_fraction x full time. result_grant_part_time: part-time jobs can earn
  // the result grant (as result_grant_eligible for the other jobs).
  double part_time_share = 0.0;
  double part_time_hours_per_week = 0.0;
  double part_time_earnings = 0.0;
  int earnings_tier = 0;
  double full_hours_per_week = 0.0;
  bool result_grant_part_time = false;
  // Per month, one part-time person-month's top-up and the taxes on top-up and earnings together
  // (MODEL.md 8a), computed once per path (empty without part-time jobs): what both arms book.
  struct PartTimeMonths {
    std::vector<double> top_up, municipal_tax, moved, state_tax;  // state_tax includes AM-bidrag
  } part_time_months;

  // Derived (MODEL.md section 6): per-month flows of a person-month in B (without refusion, which
  // depends on benefit weeks) and in E (without the one-off result grant).
  std::vector<FlowEntry> benefit_flows;
  std::vector<FlowEntry> employed_flows;
  // Refusion classes (see PathParameters::refusion_rates): first benefit-month count n at which
  // class c applies, for weeks counted from prior_benefit_weeks and from 0 (after a reset).
  std::vector<int> refusion_start_prior;
  std::vector<int> refusion_start_reset;
};

struct PathParameters {
  int horizon_months = 0;
  int enrolled = 0;  // N = round_half_up(size * fill_rate)
  int enrolment_months = 1;
  double fill_rate = 1.0;
  std::vector<SegmentParameters> segments;

  // Intervention. decay_half_life: +infinity = permanent effect, 0 = stops at the programme end.
  int duration_months = 0;
  double dropout_hazard = 0.0;
  double retention_multiplier = 1.0;
  double decay_half_life = std::numeric_limits<double>::infinity();
  double hazard_ratio = 1.0;  // effective HR (solved when the effect is an employment_gap)
  double arm_coupling = 1.0;  // P(a treated sojourn reuses the counterfactual's variate), MODEL.md 5.1
  bool gap_clamped = false;   // employment_gap unreachable on this path: HR clamped to 0 or HR_max
  double cost_setup = 0.0;
  double cost_fixed_monthly = 0.0;
  double cost_per_participant_monthly = 0.0;

  // Labour-market regime.
  double recession_start_probability = 0.0;
  double recession_end_probability = 1.0;
  double recession_job_finding_multiplier = 1.0;
  double recession_separation_multiplier = 1.0;
  int recession_start_month = -1;

  // Public budgets.
  // public.discount resolved for the path (MODEL.md 8): the rate of its basis, the inflation that
  // deflates nominal flows on a real basis (0 on a nominal one), and the long-term step.
  double public_discount_rate = 0.0;
  double public_inflation_annual = 0.0;
  double public_long_term_rate = 0.0;
  int public_long_term_from_month = std::numeric_limits<int>::max();
  double labour_market_contribution = 0.0;
  double municipal_rate = 0.0;
  double state_bottom_rate = 0.0;
  double allowance_monthly = 0.0;  // personal_allowance_annual / 12
  double municipal_retention = 1.0;
  double employment_deduction_rate = 0.0;
  double employment_deduction_cap_monthly = 0.0;  // employment_deduction_cap_annual / 12
  // public.equalisation (MODEL.md 8): its tax-base part sets municipal_retention; the
  // socio-economic part and the budget lag are booked per arm.
  double socioeconomic_value_monthly = 0.0;  // socioeconomic_value_annual / 12; 0: not booked
  int socioeconomic_lookback_months = 36;
  int budget_lag_months = 0;
  // Refusion classes: class 0 = below the first ladder step (rate 0), class c >= 1 = ladder step
  // c - 1 (ladder sorted by from_week).
  std::vector<double> refusion_rates;
  std::vector<double> refusion_from_week;  // per class; class 0 has -infinity
  int reset_after_months_off = 0;          // 0: never reset
  int reset_window_months = 0;             // 0: consecutive months off; > 0: accumulated within it
  // Result grant by tier: [0] job started before early_months of the integration programme,
  // [1] from then until eligible_months (0: no limit).
  double result_grant_amount[2] = {0.0, 0.0};
  int result_grant_early_months = 0;
  int result_grant_eligible_months = 0;
  int result_grant_after_months = 1;
  // Dated rules (public.rules), one entry per simulated month; empty without rules, when the
  // scalar numbers above hold in every month (with rules they are month 0's).
  std::vector<MonthTax> month_tax;
  std::vector<double> result_grant_by_month[2];
  // Partial employment (MODEL.md 8a): some segment has part-time jobs; the earnings rule (month 0's
  // with dated rules, which give one per month in month_earnings).
  bool part_time = false;
  MonthEarnings earnings;
  std::vector<MonthEarnings> month_earnings;
  int line_items = kFixedLineItems;  // kFixedLineItems + public.other_flows.size()
};

// Benefit duration in weeks after n benefit months counted from `base` weeks. Computed as
// base + (52 n)/12 so that 6 months is exactly 26 weeks (MODEL.md section 12).
inline double benefit_weeks(double base, int n) {
  return base + (52.0 * n) / 12.0;
}

// Enrolment month of participant i of n over `months` enrolment months: floor(i * months / n).
inline int enrolment_month(int i, int n, int months) {
  return static_cast<int>((static_cast<std::int64_t>(i) * months) / n);
}

}  // namespace sisim::model
