#include "sim/model/model.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <limits>
#include <stdexcept>
#include <type_traits>

namespace sisim::model {

using config::Budget;
using config::Config;
using config::EarningsRule;
using config::Effect;
using config::Equalisation;
using config::Intervention;
using config::kBenefitSupplements;
using config::OtherFlow;
using config::OtherFlowAmounts;
using config::Param;
using config::Public;
using config::PublicDiscount;
using config::Recession;
using config::RefusionStep;
using config::ResultGrant;
using config::rule_value;
using config::Rules;
using config::Segment;
using config::SegmentBenefit;

namespace {

CalibrationInputs make_calibration_inputs(const Config& c, const std::vector<double>& draws) {
  CalibrationInputs in;
  for (const Segment& seg : c.cohort.segments) {
    const double measured = c.intervention.effect.measure == Effect::Measure::self_sufficiency
                                ? 1.0 - seg.part_time_share.value(draws)
                                : 1.0;
    in.segments.push_back({seg.share, seg.job_finding_hazard.value(draws), seg.separation_hazard.value(draws),
                           seg.exit_hazard.value(draws), measured});
  }
  const Intervention& iv = c.intervention;
  in.duration_months = iv.duration_months;
  in.dropout_hazard = iv.dropout_hazard.value(draws);
  in.retention_multiplier = iv.retention_multiplier.value(draws);
  in.decay_half_life = iv.decay_half_life_months ? iv.decay_half_life_months->value(draws)
                                                 : std::numeric_limits<double>::infinity();
  in.at_month = iv.effect.at_month;
  in.gap = iv.effect.kind == Effect::Kind::employment_gap ? iv.effect.gap.value(draws) : 0.0;
  return in;
}

// Benefit-month counts at or beyond this are never reached: a horizon is at most 12,000 months.
constexpr int kNeverReached = 1000000;

// First benefit-month count n >= 0 at which benefit_weeks(base, n) >= from_week, computed with the
// very expression the simulation uses so the class boundaries are exact (26 weeks at n = 6), or
// kNeverReached for a class no horizon reaches. Both loops are bounded: the guess is within a step
// or two of n, and the count never passes kNeverReached (an unbounded count overflowed an int and
// never ended for from_week: 1e10).
int first_month_at_weeks(double base, double from_week) {
  if (benefit_weeks(base, 0) >= from_week) return 0;
  const double guess = std::ceil((from_week - base) * 12.0 / 52.0);
  if (!(guess < kNeverReached)) return kNeverReached;
  int n = static_cast<int>(std::max(guess, 0.0));
  while (n > 0 && benefit_weeks(base, n - 1) >= from_week) --n;
  while (n < kNeverReached && benefit_weeks(base, n) < from_week) ++n;
  return n;
}

// The same value to the bit (plain structs of doubles: no padding), so a result computed from one
// is the result computed from the other.
template <class T>
bool same_bits(const T& a, const T& b) {
  static_assert(sizeof(T) % sizeof(double) == 0 && std::is_trivially_copyable_v<T>);
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}
static_assert(sizeof(MonthTax) == 5 * sizeof(double) && sizeof(MonthEarnings) == 5 * sizeof(double));

// The months at which a run of identical (benefit, earnings rule, tax numbers) begins: 0, then every
// month whose inputs differ from the previous month's in some bit. `earnings` may be empty (one rule
// for every month).
std::vector<int> input_runs(const std::vector<double>& benefit, const std::vector<MonthEarnings>& earnings,
                            const std::vector<MonthTax>& tax) {
  std::vector<int> starts = {0};
  for (size_t m = 1; m < benefit.size(); ++m) {
    const bool same = same_bits(benefit[m], benefit[m - 1]) && same_bits(tax[m], tax[m - 1]) &&
                      (earnings.empty() || same_bits(earnings[m], earnings[m - 1]));
    if (!same) starts.push_back(static_cast<int>(m));
  }
  return starts;
}

void add_flow(std::vector<FlowEntry>& flows, Budget b, int item, double amount) {
  if (amount != 0.0) flows.push_back({b, item, amount});
}

// One person-month's flows on benefit b and employed at gross wage y, without refusion (booked by
// class) and the result grant (booked once); MODEL.md section 8. Income is a negative cost.
void person_month_flows(std::vector<FlowEntry>& benefit, std::vector<FlowEntry>& employed,
                        const PathParameters& pp, const MonthTax& t, double b, double y) {
  const PersonMonthTax x = person_month_tax(pp.municipal_rate, pp.municipal_retention, t, b, y);
  const int mun_tax = static_cast<int>(LineItem::municipal_tax),
            eq = static_cast<int>(LineItem::equalisation), state_tax = static_cast<int>(LineItem::state_tax);
  add_flow(benefit, Budget::municipality, static_cast<int>(LineItem::benefit), b);
  add_flow(benefit, Budget::municipality, mun_tax, -x.municipal_b);
  add_flow(benefit, Budget::municipality, eq, x.moved_b);
  add_flow(benefit, Budget::other_municipalities, eq, -x.moved_b);
  add_flow(benefit, Budget::state, state_tax, -x.state_b);
  add_flow(employed, Budget::state, state_tax, -x.contribution);
  add_flow(employed, Budget::municipality, mun_tax, -x.municipal_e);
  add_flow(employed, Budget::municipality, eq, x.moved_e);
  add_flow(employed, Budget::other_municipalities, eq, -x.moved_e);
  add_flow(employed, Budget::state, state_tax, -x.state_e);
}

// The rule-governed keys the model reads from public.rules, with the scenario's Param that overrides
// each and whether it is an amount (indexed after the last rule set) or a rate.
constexpr const char* kDatedKeys[] = {"tax.labour_market_contribution",
                                      "tax.state_bottom_rate",
                                      "tax.personal_allowance_annual",
                                      "tax.employment_deduction_rate",
                                      "tax.employment_deduction_cap_annual",
                                      "result_grant.amount",
                                      "result_grant.amount_late"};
constexpr bool kDatedAmount[] = {false, false, true, false, true, true, true};
constexpr int kDatedKeyCount = 7;

// The earnings rule's keys (MODEL.md 8a), looked up only when some segment has part-time jobs.
constexpr const char* kEarningsKeys[] = {
    "earnings.reduction_rate",      "earnings.disregard_lower_monthly", "earnings.disregard_higher_monthly",
    "earnings.ceiling_share_lower", "earnings.ceiling_share_higher",    "earnings.max_dagpenge_monthly"};
constexpr bool kEarningsAmount[] = {false, true, true, false, false, true};
constexpr int kEarningsKeyCount = 6;

const Param& earnings_param(const Public& pub, int k) {
  const EarningsRule& e = pub.earnings;
  const Param* params[kEarningsKeyCount] = {&e.reduction_rate,           &e.disregard_lower_monthly,
                                            &e.disregard_higher_monthly, &e.ceiling_share_lower,
                                            &e.ceiling_share_higher,     &e.max_dagpenge_monthly};
  return *params[k];
}

// values in kEarningsKeys order -> the rule of one month.
MonthEarnings month_earnings(const double* v) {
  MonthEarnings e;
  e.reduction_rate = v[0];
  e.disregard[0] = v[1];
  e.disregard[1] = v[2];
  e.ceiling[0] = v[3] * v[5];
  e.ceiling[1] = v[4] * v[5];
  return e;
}

bool has_part_time(const Config& c) {
  for (const Segment& s : c.cohort.segments)
    if (s.part_time) return true;
  return false;
}

const Param& dated_param(const Public& pub, int k) {
  const Param* params[kDatedKeyCount] = {&pub.tax.labour_market_contribution,
                                         &pub.tax.state_bottom_rate,
                                         &pub.tax.personal_allowance_annual,
                                         &pub.tax.employment_deduction_rate,
                                         &pub.tax.employment_deduction_cap_annual,
                                         &pub.result_grant.amount,
                                         &pub.result_grant.amount_late};
  return *params[k];
}

// (1 + index)^years for years = 0, 1, ... up to the largest in `years_after`.
std::vector<double> index_factors(const std::vector<int>& years_after, double index) {
  const int most = years_after.empty() ? 0 : *std::max_element(years_after.begin(), years_after.end());
  std::vector<double> f(static_cast<size_t>(most) + 1, 1.0);
  for (int y = 1; y <= most; ++y) f[static_cast<size_t>(y)] = f[static_cast<size_t>(y - 1)] * (1.0 + index);
  return f;
}

}  // namespace

void Model::build_dated_rules() {
  const Rules& rules = config_.public_.rules;
  if (!rules.present) return;
  const int months = config_.simulation.horizon_months;
  const int last_year = rules.sets.empty() ? 0 : rules.sets.back().in_force_from / 12;
  dated_.years_after.resize(static_cast<size_t>(months));
  for (int m = 0; m < months; ++m)
    dated_.years_after[static_cast<size_t>(m)] = std::max(0, (rules.start + m) / 12 - last_year);
  // Values before indexation (rule_value with rate 0); the indexation is applied per path.
  dated_.keys.assign(kDatedKeyCount, std::vector<double>(static_cast<size_t>(months)));
  for (int k = 0; k < kDatedKeyCount; ++k)
    for (int m = 0; m < months; ++m)
      dated_.keys[static_cast<size_t>(k)][static_cast<size_t>(m)] =
          rule_value(rules, kDatedKeys[k], rules.start + m, 0.0);
  if (has_part_time(config_)) {
    dated_.earnings.assign(kEarningsKeyCount, std::vector<double>(static_cast<size_t>(months)));
    for (int k = 0; k < kEarningsKeyCount; ++k)
      for (int m = 0; m < months; ++m)
        dated_.earnings[static_cast<size_t>(k)][static_cast<size_t>(m)] =
            rule_value(rules, kEarningsKeys[k], rules.start + m, 0.0);
  }
  for (const Segment& seg : config_.cohort.segments) {
    std::vector<double> b;
    if (seg.benefit) {
      // The rate's base amount plus each supplement weighted by the share of the segment's people
      // who draw it (config validation guarantees each drawn supplement applies to the rate).
      const SegmentBenefit& who = *seg.benefit;
      const double shares[] = {who.children, who.single_parent, who.single};
      b.resize(static_cast<size_t>(months));
      for (int m = 0; m < months; ++m) {
        double amount = rule_value(rules, "benefit.rates." + who.rate, rules.start + m, 0.0);
        for (size_t k = 0; k < std::size(shares); ++k)
          if (shares[k] > 0.0)
            amount +=
                shares[k] * rule_value(rules, std::string("benefit.supplements.") + kBenefitSupplements[k],
                                       rules.start + m, 0.0);
        b[static_cast<size_t>(m)] = amount;
      }
    }
    dated_.benefit.push_back(std::move(b));
  }
}

// With public.rules: the national numbers month by month (the scenario's own where it gives them).
Model::DatedValues Model::dated_values(const std::vector<double>& draws) const {
  const Public& pub = config_.public_;
  DatedValues out;
  std::vector<double> own_factors;
  const std::vector<double>& factor = index_factors_of(draws, own_factors);
  const int months = config_.simulation.horizon_months;
  std::vector<double> v[kDatedKeyCount];
  for (int k = 0; k < kDatedKeyCount; ++k) {
    v[k].resize(static_cast<size_t>(months));
    const bool given = pub.given.count(kDatedKeys[k]) > 0;
    const double own = given ? dated_param(pub, k).value(draws) : 0.0;
    for (int m = 0; m < months; ++m) {
      const size_t i = static_cast<size_t>(m);
      v[k][i] = given             ? own
                : kDatedAmount[k] ? dated_.keys[static_cast<size_t>(k)][i] *
                                        factor[static_cast<size_t>(dated_.years_after[i])]
                                  : dated_.keys[static_cast<size_t>(k)][i];
    }
  }
  out.month_tax.resize(static_cast<size_t>(months));
  for (int m = 0; m < months; ++m) {
    const size_t i = static_cast<size_t>(m);
    out.month_tax[i] = {v[0][i], v[1][i], v[2][i] / 12.0, v[3][i], v[4][i] / 12.0};
  }
  out.result_grant_by_month[0] = std::move(v[5]);
  out.result_grant_by_month[1] = std::move(v[6]);
  if (!dated_.earnings.empty()) {
    double own[kEarningsKeyCount];
    bool given[kEarningsKeyCount];
    for (int k = 0; k < kEarningsKeyCount; ++k) {
      given[k] = pub.given.count(kEarningsKeys[k]) > 0;
      own[k] = given[k] ? earnings_param(pub, k).value(draws) : 0.0;
    }
    out.month_earnings.resize(static_cast<size_t>(months));
    for (int m = 0; m < months; ++m) {
      const size_t i = static_cast<size_t>(m);
      double e[kEarningsKeyCount];
      for (int k = 0; k < kEarningsKeyCount; ++k)
        e[k] = given[k]             ? own[k]
               : kEarningsAmount[k] ? dated_.earnings[static_cast<size_t>(k)][i] *
                                          factor[static_cast<size_t>(dated_.years_after[i])]
                                    : dated_.earnings[static_cast<size_t>(k)][i];
      out.month_earnings[i] = month_earnings(e);
    }
  }
  return out;
}

bool Model::dated_values_are_fixed() const {
  const Public& pub = config_.public_;
  if (!pub.rules.indexation_annual.is_fixed()) return false;
  for (int k = 0; k < kDatedKeyCount; ++k)
    if (pub.given.count(kDatedKeys[k]) > 0 && !dated_param(pub, k).is_fixed()) return false;
  for (int k = 0; k < kEarningsKeyCount; ++k)
    if (pub.given.count(kEarningsKeys[k]) > 0 && !earnings_param(pub, k).is_fixed()) return false;
  return true;
}

const std::vector<double>& Model::index_factors_of(const std::vector<double>& draws,
                                                   std::vector<double>& storage) const {
  if (!fixed_index_factors_.empty()) return fixed_index_factors_;
  storage = index_factors(dated_.years_after, config_.public_.rules.indexation_annual.value(draws));
  return storage;
}

void Model::resolve_dated_rules(const std::vector<double>& draws, PathParameters& pp) const {
  if (fixed_dated_) {
    pp.month_tax = fixed_dated_->month_tax;
    for (int tier = 0; tier < 2; ++tier)
      pp.result_grant_by_month[tier] = fixed_dated_->result_grant_by_month[tier];
    pp.month_earnings = fixed_dated_->month_earnings;
  } else {
    DatedValues values = dated_values(draws);
    pp.month_tax = std::move(values.month_tax);
    for (int tier = 0; tier < 2; ++tier)
      pp.result_grant_by_month[tier] = std::move(values.result_grant_by_month[tier]);
    pp.month_earnings = std::move(values.month_earnings);
  }
  if (pp.horizon_months == 0) return;
  if (!pp.month_earnings.empty()) pp.earnings = pp.month_earnings.front();
  const MonthTax& first = pp.month_tax.front();  // the scalar fields: month 0's
  pp.labour_market_contribution = first.labour_market_contribution;
  pp.state_bottom_rate = first.state_bottom_rate;
  pp.allowance_monthly = first.allowance_monthly;
  pp.employment_deduction_rate = first.employment_deduction_rate;
  pp.employment_deduction_cap_monthly = first.employment_deduction_cap_monthly;
  for (int tier = 0; tier < 2; ++tier) pp.result_grant_amount[tier] = pp.result_grant_by_month[tier].front();
}

int cohort_size(int size, double fill_rate) {
  return static_cast<int>(std::floor(static_cast<double>(size) * fill_rate + 0.5));
}

Model::Model(const Config& config) : config_(config) {
  if (config_.cohort.segments.empty())
    throw std::invalid_argument("cohort.segments: at least one segment is needed");
  ladder_ = config_.public_.refusion.ladder;
  std::stable_sort(ladder_.begin(), ladder_.end(),
                   [](const RefusionStep& a, const RefusionStep& b) { return a.from_week < b.from_week; });
  const auto& flows = config_.public_.other_flows;
  for (const Segment& seg : config_.cohort.segments) {
    std::vector<OtherFlowAmounts> amounts;
    for (const OtherFlow& f : flows) amounts.push_back({f.on_benefit, f.employed});
    for (const auto& [name, over] : seg.other_flows) {
      const std::string& flow_name = name;  // clang 14 cannot capture a structured binding
      const auto it =
          std::find_if(flows.begin(), flows.end(), [&](const OtherFlow& f) { return f.name == flow_name; });
      if (it == flows.end()) {
        throw std::invalid_argument("cohort.segments." + seg.name + ".other_flows." + name +
                                    ": unknown name (not in public.other_flows)");
      }
      amounts[static_cast<size_t>(it - flows.begin())] = over;
    }
    other_flow_amounts_.push_back(std::move(amounts));
  }
  build_dated_rules();
  // With no draw in them, public.rules' values are the same on every path: made once here
  // (issue 16: they were a sixth of a path's fixed cost), copied into each path by resolve.
  if (config_.public_.rules.present && dated_values_are_fixed()) {
    fixed_index_factors_ =
        index_factors(dated_.years_after, config_.public_.rules.indexation_annual.value({}));
    fixed_dated_ = dated_values({});
    // Then a segment's benefit by month is fixed too (a named rule-set benefit times the fixed
    // factors, or the scenario's one amount), and so are the runs of its part-time months.
    const int months = config_.simulation.horizon_months;
    for (const std::vector<double>& named : dated_.benefit) {
      std::vector<double> benefit(static_cast<size_t>(months), 0.0);  // a constant amount: all alike
      for (int m = 0; m < months && !named.empty(); ++m) {
        const size_t i = static_cast<size_t>(m);
        benefit[i] = named[i] * fixed_index_factors_[static_cast<size_t>(dated_.years_after[i])];
      }
      fixed_part_time_runs_.push_back(
          input_runs(benefit, fixed_dated_->month_earnings, fixed_dated_->month_tax));
    }
  }
}

CalibrationInputs Model::calibration_inputs(const std::vector<double>& draws) const {
  return make_calibration_inputs(config_, draws);
}

PathParameters Model::resolve(const std::vector<double>& draws) const {
  PathParameters pp;
  const Config& c = config_;
  pp.horizon_months = c.simulation.horizon_months;
  pp.fill_rate = c.cohort.fill_rate.value(draws);
  pp.enrolled = std::max(0, cohort_size(c.cohort.size, pp.fill_rate));
  pp.enrolment_months = std::max(1, c.cohort.enrolment_months);

  // The intervention's numbers are read once, in the form the gap calibration needs.
  const Intervention& iv = c.intervention;
  const CalibrationInputs calibration = calibration_inputs(draws);
  pp.duration_months = calibration.duration_months;
  pp.dropout_hazard = calibration.dropout_hazard;
  pp.retention_multiplier = calibration.retention_multiplier;
  pp.decay_half_life = calibration.decay_half_life;
  if (iv.effect.kind == Effect::Kind::hazard_ratio) {
    pp.hazard_ratio = iv.effect.hazard_ratio.value(draws);
  } else {
    const GapSolution sol = solve_employment_gap(calibration);
    pp.hazard_ratio = sol.hazard_ratio;
    pp.gap_clamped = sol.clamped;
  }
  pp.arm_coupling = iv.arm_coupling.value(draws);
  pp.cost_setup = iv.cost.setup.value(draws);
  pp.cost_fixed_monthly = iv.cost.fixed_monthly.value(draws);
  pp.cost_per_participant_monthly = iv.cost.per_participant_monthly.value(draws);

  const Recession& rec = c.labour_market.recession;
  pp.recession_start_probability = rec.start_probability_monthly.value(draws);
  pp.recession_end_probability = rec.end_probability_monthly.value(draws);
  pp.recession_job_finding_multiplier = rec.job_finding_multiplier.value(draws);
  pp.recession_separation_multiplier = rec.separation_multiplier.value(draws);
  pp.recession_start_month = rec.start_month;

  const Public& pub = c.public_;
  pp.public_discount_rate = pub.discount.rate.value(draws);
  if (pub.discount.basis == PublicDiscount::Basis::real)
    pp.public_inflation_annual = pub.discount.inflation_annual.value(draws);
  if (pub.discount.long_term_rate) {
    pp.public_long_term_rate = *pub.discount.long_term_rate;
    pp.public_long_term_from_month = 12 * pub.discount.long_term_from_year;
  }
  pp.labour_market_contribution = pub.tax.labour_market_contribution.value(draws);
  pp.municipal_rate = pub.tax.municipal_rate.value(draws);
  pp.state_bottom_rate = pub.tax.state_bottom_rate.value(draws);
  pp.allowance_monthly = pub.tax.personal_allowance_annual.value(draws) / 12.0;
  pp.municipal_retention = pub.tax.municipal_retention.value(draws);
  if (const Equalisation& eq = pub.equalisation; eq.present) {
    // Tax-base part (L 196 2019-20 § 2): the others take 75 % (95 % below 90 % of the average base)
    // of the average rate times the base change: moved = rate x average x base = (1 - retention) x
    // municipal_rate x base.
    const double rate = eq.tax_base_below_90_percent ? 0.95 : 0.75;
    pp.municipal_retention =
        pp.municipal_rate > 0.0 ? 1.0 - rate * eq.average_tax_rate.value(draws) / pp.municipal_rate : 1.0;
    pp.socioeconomic_value_monthly = eq.socioeconomic_value_annual.value(draws) / 12.0;
    pp.socioeconomic_lookback_months = eq.socioeconomic_lookback_months;
    pp.budget_lag_months = eq.budget_lag_months;
  }
  pp.employment_deduction_rate = pub.tax.employment_deduction_rate.value(draws);
  pp.employment_deduction_cap_monthly = pub.tax.employment_deduction_cap_annual.value(draws) / 12.0;
  pp.refusion_rates = {0.0};
  pp.refusion_from_week = {-std::numeric_limits<double>::infinity()};
  for (const RefusionStep& step : ladder_) {
    pp.refusion_rates.push_back(step.rate);
    pp.refusion_from_week.push_back(step.from_week);
  }
  pp.reset_after_months_off = std::max(0, pub.refusion.reset_after_months_off);
  pp.reset_window_months = std::max(0, pub.refusion.reset_window_months);
  pp.result_grant_amount[0] = pub.result_grant.amount.value(draws);
  pp.result_grant_amount[1] = pub.result_grant.amount_late.value(draws);
  pp.result_grant_early_months = std::max(0, pub.result_grant.early_months);
  pp.result_grant_eligible_months = std::max(0, pub.result_grant.eligible_months);
  pp.result_grant_after_months = std::max(1, pub.result_grant.after_months_in_job);
  pp.line_items = line_items();
  pp.part_time = has_part_time(c);
  if (pp.part_time) {
    double e[kEarningsKeyCount];
    for (int k = 0; k < kEarningsKeyCount; ++k) e[k] = earnings_param(pub, k).value(draws);
    pp.earnings = month_earnings(e);
  }
  if (pub.rules.present) resolve_dated_rules(draws, pp);

  for (int s = 0; s < static_cast<int>(c.cohort.segments.size()); ++s) {
    pp.segments.push_back(resolve_segment(s, draws, pp));
  }
  return pp;
}

SegmentParameters Model::resolve_segment(int s, const std::vector<double>& draws,
                                         const PathParameters& pp) const {
  const Segment& seg = config_.cohort.segments[static_cast<size_t>(s)];
  SegmentParameters out;
  out.share = seg.share;
  out.benefit_monthly = seg.benefit_monthly.value(draws);
  out.prior_benefit_weeks = seg.prior_benefit_weeks.value(draws);
  out.wage_monthly = seg.wage_monthly.value(draws);
  out.hours_fraction = seg.hours_fraction.value(draws);
  out.job_finding_hazard = seg.job_finding_hazard.value(draws);
  out.separation_hazard = seg.separation_hazard.value(draws);
  out.exit_hazard = seg.exit_hazard.value(draws);
  const ResultGrant& grant = config_.public_.result_grant;
  out.result_grant_eligible = seg.result_grant_eligible &&
                              out.hours_fraction * grant.full_time_hours_per_week >= grant.min_hours_per_week;
  out.full_hours_per_week = out.hours_fraction * grant.full_time_hours_per_week;
  if (seg.part_time) {
    out.part_time_share = seg.part_time_share.value(draws);
    out.part_time_hours_per_week = seg.part_time_hours_per_week.value(draws);
    // Monthly earnings at the segment's full-time wage per hour.
    out.part_time_earnings = out.wage_monthly * out.part_time_hours_per_week / grant.full_time_hours_per_week;
    out.earnings_tier = seg.part_time_rate_type == "forhoejet" ? 1 : 0;
    out.result_grant_part_time =
        seg.result_grant_eligible && out.part_time_hours_per_week >= grant.min_hours_per_week;
  }
  out.integration_months_at_enrolment = seg.integration_months_at_enrolment;
  out.age_min = seg.age_min;
  out.age_max = seg.age_max;

  const double y = out.wage_monthly * out.hours_fraction;
  const MonthTax t{pp.labour_market_contribution, pp.state_bottom_rate, pp.allowance_monthly,
                   pp.employment_deduction_rate, pp.employment_deduction_cap_monthly};
  if (!pp.month_tax.empty()) {
    // Dated rules: the benefit by month (a named rule-set benefit, or the scenario's amount); the
    // simulation books each month's taxes from pp.month_tax. The entries below are month 0's.
    const int months = pp.horizon_months;
    const std::vector<double>& named = dated_.benefit[static_cast<size_t>(s)];
    std::vector<double> own_factors;
    const std::vector<double>& factor = index_factors_of(draws, own_factors);
    out.benefit_by_month.resize(static_cast<size_t>(months));
    for (int m = 0; m < months; ++m) {
      const size_t i = static_cast<size_t>(m);
      out.benefit_by_month[i] =
          named.empty() ? out.benefit_monthly : named[i] * factor[static_cast<size_t>(dated_.years_after[i])];
    }
    if (months > 0) out.benefit_monthly = out.benefit_by_month.front();
  }
  person_month_flows(out.benefit_flows, out.employed_flows, pp, t, out.benefit_monthly, y);
  if (out.part_time_share > 0.0) {
    // One part-time person-month of each month (MODEL.md 8a): its benefit, tax and earnings rule.
    // The rules change a few times over a horizon: the months come in runs whose inputs are the
    // same to the bit, so each run's results are computed once (issue 16).
    const int months = pp.horizon_months;
    const bool dated = !out.benefit_by_month.empty();
    std::vector<int> own_runs;
    const std::vector<int>* runs = &own_runs;
    if (!dated)
      own_runs = {0};  // the same numbers every month
    else if (!fixed_part_time_runs_.empty())
      runs = &fixed_part_time_runs_[static_cast<size_t>(s)];
    else
      own_runs = input_runs(out.benefit_by_month, pp.month_earnings, pp.month_tax);
    SegmentParameters::PartTimeMonths& pt = out.part_time_months;
    for (std::vector<double>* v : {&pt.top_up, &pt.municipal_tax, &pt.moved, &pt.state_tax})
      v->resize(static_cast<size_t>(months));
    for (size_t k = 0; k < runs->size(); ++k) {
      const int lo = (*runs)[k], hi = k + 1 < runs->size() ? (*runs)[k + 1] : months;
      if (lo >= hi) continue;
      const size_t i = static_cast<size_t>(lo);
      const double b = dated ? out.benefit_by_month[i] : out.benefit_monthly;
      const MonthEarnings& e = pp.month_earnings.empty() ? pp.earnings : pp.month_earnings[i];
      const MonthTax& tax = pp.month_tax.empty() ? t : pp.month_tax[i];
      const double top_up = benefit_top_up(e, out.earnings_tier, b, out.part_time_earnings);
      const PartialMonthTax x =
          partial_month_tax(pp.municipal_rate, pp.municipal_retention, tax, top_up, out.part_time_earnings);
      const auto fill = [lo, hi](std::vector<double>& v, double value) {
        std::fill(v.begin() + lo, v.begin() + hi, value);
      };
      fill(pt.top_up, top_up);
      fill(pt.municipal_tax, x.municipal);
      fill(pt.moved, x.moved);
      fill(pt.state_tax, x.contribution + x.state);
    }
  }

  const auto& flows = config_.public_.other_flows;
  for (size_t f = 0; f < flows.size(); ++f) {
    const OtherFlowAmounts& a = other_flow_amounts_[static_cast<size_t>(s)][f];
    const int item = kFixedLineItems + static_cast<int>(f);
    out.other_on_benefit.push_back(a.on_benefit.value(draws));
    out.other_employed.push_back(a.employed.value(draws));
    add_flow(out.benefit_flows, flows[f].budget, item, out.other_on_benefit.back());
    add_flow(out.employed_flows, flows[f].budget, item, out.other_employed.back());
  }

  out.refusion_start_prior = {0};
  out.refusion_start_reset = {0};
  for (size_t k = 1; k < pp.refusion_from_week.size(); ++k) {
    out.refusion_start_prior.push_back(
        first_month_at_weeks(out.prior_benefit_weeks, pp.refusion_from_week[k]));
    out.refusion_start_reset.push_back(first_month_at_weeks(0.0, pp.refusion_from_week[k]));
  }
  return out;
}

std::optional<std::string> check_fixed_gap(const Config& config) {
  const Intervention& iv = config.intervention;
  if (iv.effect.kind != Effect::Kind::employment_gap) return std::nullopt;
  bool fixed = iv.effect.gap.is_fixed() && iv.dropout_hazard.is_fixed() &&
               iv.retention_multiplier.is_fixed() &&
               (!iv.decay_half_life_months || iv.decay_half_life_months->is_fixed());
  for (const Segment& seg : config.cohort.segments) {
    fixed = fixed && seg.job_finding_hazard.is_fixed() && seg.separation_hazard.is_fixed() &&
            seg.exit_hazard.is_fixed() &&
            (iv.effect.measure == Effect::Measure::any_employment || seg.part_time_share.is_fixed());
  }
  if (!fixed) return std::nullopt;
  const CalibrationInputs in = make_calibration_inputs(config, {});
  const GapSolution sol = solve_employment_gap(in);
  if (!sol.clamped) return std::nullopt;
  return fmt::format(
      "intervention.effect.employment_gap: a gap of {:g} at month {} is unreachable: hazard ratios in "
      "[0, {:g}] give gaps from {:g} to {:g}",
      in.gap, in.at_month, sol.hr_max, expected_employment_gap(in, 0.0),
      expected_employment_gap(in, sol.hr_max));
}

}  // namespace sisim::model
