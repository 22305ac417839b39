#pragma once
// The typed, validated scenario: plain structs, no yaml-cpp. Everything in MODEL.md's schema.
// Loaded and validated by config/loader.hpp; consumed read-only by the model and the engine.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "sim/rng/distribution.hpp"

namespace sisim::config {

struct SourceLocation {
  std::string file;
  int line = 0;  // 1-based; 0 = not from a file (default value)
  int column = 0;
};

// A scalar that may be uncertain. Fixed parameters have id < 0 and carry their value in
// dist.value; uncertain ones index Config::uncertain (and the per-path draw vector).
struct Param {
  rng::Distribution dist;  // kind == fixed for a plain number
  int id = -1;        // index into Config::uncertain, -1 when fixed
  std::string path;   // dotted key path, e.g. "cohort.segments.kontanthjaelp_30plus.share"
  SourceLocation where;

  bool is_fixed() const { return id < 0; }
  // The value for one path: the fixed value, or that path's draw.
  double value(const std::vector<double>& draws) const {
    return id < 0 ? dist.value : draws[static_cast<size_t>(id)];
  }
  static Param constant(double v) {
    Param p;
    p.dist.value = v;
    return p;
  }
};

enum class Budget { municipality, state, region, other_municipalities, foundation };
inline constexpr int kBudgetCount = 5;
// public_total = municipality + state + region + other_municipalities (not the foundation).

struct Config;

// ---- simulation ---------------------------------------------------------------------------
struct Simulation {
  int horizon_months = 180;
  std::uint64_t seed = 20230809;  // the seed programme's press-release date
  std::int64_t paths = 10000;
  int block_size = 256;  // paths per engine block (determinism does not depend on it)
};

// ---- cohort ------------------------------------------------------------------------------
struct OtherFlowAmounts {
  Param on_benefit;
  Param employed;
};

// A segment's benefit type (docs/CONFIG.md, "benefit"): a rate of the rule sets (rule-file key
// benefit.rates.<rate>) and the shares of the segment's people who draw each supplement
// (benefit.supplements.<name>): `children` (boernetillaeg, one per family), `single_parent` (enlig
// forsoerger, a subset of those with children) and `single` (enlig ikke-forsoerger, without
// children). A supplement applies only to the rates its rule file lists.
struct SegmentBenefit {
  std::string rate;
  SourceLocation rate_where;
  double children = 0.0, single_parent = 0.0, single = 0.0;
  SourceLocation children_where, single_parent_where, single_where;
};
// The supplement names of SegmentBenefit, in its field order.
inline constexpr const char* kBenefitSupplements[] = {"children", "single_parent", "single"};

struct Segment {
  std::string name;
  double share = 0.0;  // fixed; shares sum to 1
  Param benefit_monthly;
  // Instead of benefit_monthly: who the segment's people are (benefit: {rate, children,
  // single_parent, single}); the amount follows month by month from the dated rule sets
  // (public.rules): the rate's base amount plus each supplement that applies, weighted by its share.
  std::optional<SegmentBenefit> benefit;
  Param prior_benefit_weeks;
  Param wage_monthly;
  Param hours_fraction;
  Param job_finding_hazard;
  Param separation_hazard;
  Param exit_hazard;
  bool result_grant_eligible = false;
  // Months of the integration programme already behind a participant at enrolment: the result
  // grant's tier and deadline count from the programme's start (public.result_grant).
  int integration_months_at_enrolment = 0;
  std::map<std::string, OtherFlowAmounts> other_flows;  // overrides of public.other_flows by name
  // Age at enrolment, whole years, uniform on [age_min, age_max]; -1: not stated (then no contract
  // can make eligibility depend on age).
  int age_min = -1, age_max = -1;
  // Partial employment (docs/MODEL.md 8a): each job is part-time with probability part_time_share,
  // at part_time_hours_per_week, and the person keeps a benefit top-up under public.earnings.
  // Share 0 (the default): every job takes the person off benefit, as before.
  Param part_time_share = Param::constant(0.0);
  Param part_time_hours_per_week = Param::constant(0.0);
  // Which earnings rule applies: "mindstesats", "grundsats" (the lower rates) or "forhoejet";
  // with `benefit` it follows from benefit.rate; with benefit_monthly, part_time.rate_type says it.
  std::string part_time_rate_type;
  bool part_time = false;  // the segment has a part_time block
  SourceLocation part_time_where;
};

struct Cohort {
  int size = 0;
  Param fill_rate = Param::constant(1.0);
  int enrolment_months = 1;
  std::vector<Segment> segments;
};

// ---- intervention ------------------------------------------------------------------------
struct Effect {
  enum class Kind { hazard_ratio, employment_gap };
  // What the employment_gap measures: any job (part-time jobs with a benefit top-up included), or
  // self-sufficiency (jobs that take the person off benefit). Equal without part-time jobs.
  enum class Measure { any_employment, self_sufficiency };
  Kind kind = Kind::hazard_ratio;
  Measure measure = Measure::any_employment;
  Param hazard_ratio = Param::constant(1.0);  // Kind::hazard_ratio
  Param gap;                                  // Kind::employment_gap, share points (0.18)
  int at_month = 24;                          // Kind::employment_gap
};

struct InterventionCost {
  Param setup = Param::constant(0.0);
  Param fixed_monthly = Param::constant(0.0);
  Param per_participant_monthly = Param::constant(0.0);
};

struct Intervention {
  int duration_months = 12;
  Param dropout_hazard = Param::constant(0.0);
  Effect effect;
  Param retention_multiplier = Param::constant(1.0);
  std::optional<Param> decay_half_life_months;  // absent: permanent effect; 0: stops at the end
  // Rank correlation between a person's treated and counterfactual labour-event variates, per
  // sojourn (MODEL.md 5.1): 1 = the same luck in both worlds, 0 = independent. Not identified by
  // any trial; 0.5 is a stated assumption, and the standard stress set shows both ends.
  Param arm_coupling = Param::constant(0.5);
  InterventionCost cost;
};

// ---- labour market -------------------------------------------------------------------------
struct Recession {
  Param start_probability_monthly = Param::constant(0.0);
  Param end_probability_monthly = Param::constant(1.0);
  Param job_finding_multiplier = Param::constant(1.0);
  Param separation_multiplier = Param::constant(1.0);
  int start_month = -1;  // >= 0 forces a recession from that month (stress tests); -1: Markov only
};

struct LabourMarket {
  Recession recession;
};

// ---- public budgets ------------------------------------------------------------------------
struct RefusionStep {
  double from_week = 0.0;
  double rate = 0.0;
};

struct Refusion {
  // Danish 2016 rules: 80 % weeks [0,4), 40 % [4,26), 30 % [26,52), 20 % from 52.
  std::vector<RefusionStep> ladder = {{0, 0.80}, {4, 0.40}, {26, 0.30}, {52, 0.20}};
  int reset_after_months_off = 0;  // 0: never reset
  // 0: the ladder restarts after reset_after_months_off consecutive months off benefit. > 0: after
  // that many months off benefit accumulated within the last reset_window_months months, counting
  // only months after the current count began (the Danish rule: 52 weeks within 3 years).
  int reset_window_months = 0;
};

struct Tax {
  Param labour_market_contribution = Param::constant(0.08);
  Param municipal_rate = Param::constant(0.25);
  Param state_bottom_rate = Param::constant(0.1201);
  Param personal_allowance_annual = Param::constant(49700.0);
  Param municipal_retention = Param::constant(0.25);
  // Beskaeftigelsesfradrag: rate x gross earnings, at most cap per year, off the municipal tax base
  // only (not the state's). Rate 0: no deduction.
  Param employment_deduction_rate = Param::constant(0.0);
  Param employment_deduction_cap_annual = Param::constant(0.0);
};

// The two parts of the municipal equalisation (udligning; L 196 2019-20, udligningsloven § 5) and
// when tax and equalisation reach the municipal budget. Absent: tax.municipal_retention alone.
struct Equalisation {
  bool present = false;
  // Tax-base part: the other municipalities take rate x average_tax_rate x the change in the tax
  // base, rate 0.75, or 0.95 for a municipality whose tax base is below 90 % of the national average.
  bool tax_base_below_90_percent = false;
  Param average_tax_rate = Param::constant(0.25049);
  // Socio-economic expenditure-need part: equalisation income per person a year in the criterion
  // "20-59-year-olds without employment" (people on benefit), counted as the larger of the current
  // count and the count socioeconomic_lookback_months earlier.
  Param socioeconomic_value_annual = Param::constant(0.0);
  int socioeconomic_lookback_months = 36;
  // Municipal tax and the tax-base equalisation reach the municipality's (and the other
  // municipalities') budget this many months after the month they arise (statsgaranti).
  int budget_lag_months = 0;
};

// Earnings while on cash benefit (aktivloven since 1 July 2025): the monthly benefit is reduced by
// reduction_rate x (earnings - disregard) above the disregard, and never leaves earnings plus
// benefit above ceiling_share x max_dagpenge_monthly (krone for krone beyond it; share 0: no
// ceiling). Lower = mindste- and grundsats, higher = forhoejet sats. Defaults: krone for krone
// from the first krone, no ceiling.
struct EarningsRule {
  Param reduction_rate = Param::constant(1.0);
  Param disregard_lower_monthly = Param::constant(0.0);
  Param disregard_higher_monthly = Param::constant(0.0);
  Param ceiling_share_lower = Param::constant(0.0);
  Param ceiling_share_higher = Param::constant(0.0);
  Param max_dagpenge_monthly = Param::constant(0.0);
};

// Resultattilskud: once per person, for the first job that lasts after_months_in_job consecutive
// months at >= min_hours_per_week. Its tier is set by the month of the integration programme in
// which the job starts: `amount` before early_months, `amount_late` from then until
// eligible_months, nothing after. 0 for early_months / eligible_months: no limit.
struct ResultGrant {
  Param amount = Param::constant(0.0);
  Param amount_late = Param::constant(0.0);
  int early_months = 0;
  int eligible_months = 0;
  int after_months_in_job = 6;
  double min_hours_per_week = 0.0;
  double full_time_hours_per_week = 37.0;  // what hours_fraction 1 means
};

// Dated rule sets (docs/CONFIG.md, "rules"): the national numbers of one family of rule files
// (rules/<family>/<YYYY[-MM]>.yaml), each in force from its date until the next one. Months are
// counted as year * 12 + (month - 1).
struct RuleSet {
  std::string file;
  int in_force_from = 0;
  // "tax.personal_allowance_annual", "benefit.rates.<rate>", "benefit.supplements.<name>", ...
  std::map<std::string, double> values;
  // benefit.supplements.<name>.rates: the rates each supplement of this file applies to.
  std::map<std::string, std::vector<std::string>> supplement_rates;
};

struct Rules {
  bool present = false;
  std::string family;
  std::string dir;  // the folder holding <family>/, as an absolute path
  int start = 0;    // the contract's month 0 (year * 12 + month - 1)
  // Amounts of years after the last rule set grow by this rate a year (satsregulering); rates not.
  Param indexation_annual = Param::constant(0.0);
  std::vector<RuleSet> sets;  // ascending in_force_from; the first in force at `start`
};

// The value of a rule-set key ("tax.personal_allowance_annual", "benefit.<name>") in absolute month
// `month` (year * 12 + month - 1): from the latest rule set in force then that gives it. Amounts
// (not rates) in a year after the last rule set's year are multiplied by (1 + indexation)^(years
// after it). NaN when no rule set in force gives the key.
double rule_value(const Rules& rules, const std::string& key, int month, double indexation);
// "2025-07" for year * 12 + month - 1.
std::string year_month_text(int month);

struct OtherFlow {
  std::string name;
  Budget budget = Budget::municipality;
  Param on_benefit = Param::constant(0.0);
  Param employed = Param::constant(0.0);
};

// public.discount (docs/CONFIG.md "discount", MODEL.md 8): how budget NPVs are discounted and on
// which price basis. The model's flows are nominal: amounts as the scenario and the rule files give
// them for each month (indexed after the last rule file by public.rules.indexation_annual).
// basis real: month m's flow is deflated to month-0 prices by (1 + inflation_annual)^(m/12) and
// discounted at the real `rate`; basis nominal: discounted at the nominal `rate`. The default is the
// Finance Ministry's: 3.5 % real for years 0-35, 2.5 % from year 35 (long_term_rate).
struct PublicDiscount {
  enum class Basis { real, nominal };
  Param rate = Param::constant(0.035);
  Basis basis = Basis::real;
  Param inflation_annual = Param::constant(0.0);  // basis real only
  // From year long_term_from_year on, the rate is long_term_rate (absent: `rate` throughout).
  std::optional<double> long_term_rate = 0.025;
  int long_term_from_year = 35;
};

// "real 2026 prices" (month 0 = January 2026 under public.rules), "real prices of month 0" (no
// date), or "nominal": the price basis of every public NPV, for labels and units.
std::string public_price_basis(const Config& c);

struct Public {
  PublicDiscount discount;
  Rules rules;
  Refusion refusion;
  Tax tax;
  Equalisation equalisation;
  ResultGrant result_grant;
  EarningsRule earnings;
  std::vector<OtherFlow> other_flows;
  // The rule-governed keys the scenario gives itself ("tax.personal_allowance_annual", ...): with
  // public.rules they override the rules for every month.
  std::set<std::string> given;
};

// ---- contract --------------------------------------------------------------------------------
// benefit_month: a month on benefit (enrolled, not employed, not exited). It is the one metric where
// fewer is better: a rate-card line pays for benefit months *avoided* against its comparison
// (baseline or control group), as the Rotterdam Buzinezzclub deal paid on benefit days saved.
enum class Metric { job_start, sustained_employment, employment_month, benefit_month };
inline constexpr int kMetricCount = 4;
inline bool fewer_is_better(Metric m) {
  return m == Metric::benefit_month;
}

struct Outcome {
  Metric metric = Metric::job_start;
  Param price;
  int min_months = 1;           // job_start: months a spell must reach
  int months = 0;               // sustained_employment: cumulative months in E
  int max_per_participant = 0;  // employment_month: 0 = unlimited
  // Which jobs count (job_start, sustained_employment, employment_month; benefit_month counts the
  // months not in a self-sufficient job): every job, or only jobs off benefit; and only jobs of at
  // least min_hours_per_week hours.
  bool self_sufficient_only = false;
  double min_hours_per_week = 0.0;
};

// Threshold/tier payment on an aggregate measured effect (Peterborough / Rikers / Newpin style):
// nothing below `threshold`, then the payment schedule of the highest tier reached.
// YAML: contract.tiers: {measure: employment_month, at_month: 36, threshold: 0.10,
//        schedule: [{from: 0.10, payment: 2.0e6, per_unit: 0}, {from: 0.15, payment: 4.0e6}]}
// Payment = payment + per_unit * (measured - from) of the highest tier whose `from` is reached.
struct Tier {
  double from = 0.0;      // lower bound of the tier, in measured improvement (events per participant)
  double payment = 0.0;   // payment on reaching the tier
  double per_unit = 0.0;  // extra payment per unit of measured improvement above `from`
};

struct TierPayoff {
  bool enabled = false;
  // measure: the treated-minus-baseline rate of a rate-card metric per participant at
  // `measure_month`, measured against the control group (or baseline).
  Metric measure = Metric::employment_month;
  int at_month = 0;  // events in months <= at_month count; paid at the first payment date >= at_month
  double threshold = 0.0;
  std::vector<Tier> tiers;  // ascending measured_effect
  // relative: measured = improvement over the comparison as a share of it (0.10 = 10 %), upward
  // for most metrics and downward for benefit months (Rikers: bed-days cut by 8.5 .. 20 %).
  bool relative = false;
};

// Payment as a share of measured fiscal savings (Koto-SIB): benefits paid minus income taxes, in
// months < outcome_window_months, treated against the control group (or the counterfactual arm).
struct SavingsShare {
  bool enabled = false;
  double share = 0.0;  // of the measured savings
  bool taxes = true;   // false: benefits only
};

// Cohort triggers (Peterborough): cohort k = participants enrolling in months
// [k*cohort_months, (k+1)*cohort_months). A cohort is paid price x its extra events if its relative
// improvement over the comparison reaches `threshold`; at the last cohort's date, if the pooled
// improvement reaches `pooled_threshold`, every cohort not yet paid is paid.
struct CohortTriggers {
  bool enabled = false;
  int cohort_months = 12;
  int follow_up_months = 12;  // events counted until cohort end + follow_up - 1
  Metric measure = Metric::employment_month;
  double threshold = 0.0;
  double pooled_threshold = 0.0;
  double price = 0.0;  // per extra event
};

// Outcome payments only for participants whose age at enrolment lies in [min_age, max_age]
// (the Youth Engagement Fund paid by age at start).
struct AgeEligibility {
  bool enabled = false;
  int min_age = 0, max_age = 120;
};

struct Evaluation {
  int control_group_size = 0;  // 0: no control group
};

struct Contract {
  bool present = false;
  int outcome_window_months = 0;
  int payment_interval_months = 6;
  int payment_lag_months = 0;
  std::map<Budget, double> payers = {{Budget::municipality, 1.0}};  // shares sum to 1
  std::vector<Outcome> outcomes;
  std::optional<double> cap_total;
  // Cap on what one participant can earn across every rate-card line (DWP Innovation Fund rate
  // card: GBP 11,700); gross outcomes only (no baseline or control-group deduction).
  std::optional<double> cap_per_participant;
  Param termination_probability_annual = Param::constant(0.0);
  int termination_month = -1;         // >= 0 forces termination after that month on every path (stress tests)
  std::map<Metric, double> baseline;  // per-participant deduction rate per metric
  // A historical baseline's trend: baseline rates are multiplied by (1 + drift)^(t/12) at cutoff t.
  double baseline_drift_annual = 0.0;
  Evaluation evaluation;
  TierPayoff tiers;
  SavingsShare savings_share;
  CohortTriggers cohort_triggers;
  AgeEligibility eligibility;
};

// ---- finance ---------------------------------------------------------------------------------
struct Guarantee {
  double share_of_loss = 0.0;
  Budget guarantor = Budget::foundation;
};

// YAML: finance.tranches: [{name: senior, share: 0.7, return_cap_annual: 0.06,
//        guarantee: {share_of_loss: 0.5, guarantor: foundation}}, {name: junior, share: 0.3}]
// Listed most senior first; the last one is first-loss.
struct Tranche {
  std::string name;
  double share = 1.0;  // share of every drawdown this tranche funds; shares sum to 1
  std::optional<double> return_cap_annual;
  Guarantee guarantee;
  // false: a grant (a donor's non-repayable share of the costs): it funds its share and receives
  // nothing; it is not part of the pooled investor (docs/MODEL.md 13, capital stack).
  bool repayable = true;
};

struct Finance {
  std::string drawdown = "as_needed";
  Param investor_discount_rate = Param::constant(0.08);
  Param provider_share = Param::constant(0.0);
  std::optional<double> return_cap_annual;
  Guarantee guarantee;
  std::vector<Tranche> tranches;  // empty: one investor
  // The investor's hurdle: an annual IRR below it is a loss event of its own (absent: none).
  std::optional<double> hurdle_rate;
  // Capital committed up front (in the scenario's currency): results report how often
  // drawdowns exceed it and how much of it stays undrawn over time (absent: no commitment).
  std::optional<double> commitment;
  // First-loss cover from a non-investor (Refugee Impact Bond: Norad covers costs so that the
  // investors lose at most 20 %): at settlement the payer pays the investor
  // min(cap_share_of_costs x drawn, max(0, shortfall - max_investor_loss x drawn)), shortfall after
  // any guarantee. Absent: max_investor_loss = 1 (no cover). Single investor only.
  double first_loss_max_investor_loss = 1.0;
  double first_loss_cap_share_of_costs = 0.0;
  Budget first_loss_payer = Budget::foundation;
};

// ---- society's account and funding alternatives (docs/MODEL.md 14) -------------------------
struct Society {
  // Marginal cost of public funds: distortion loss per krone of net public spending (a gain per
  // krone of net public saving). Finansministeriet: 20 % (1999), 10 % (2017), factor 1 = 0 % (2023).
  Param distortion_rate = Param::constant(0.0);
  // Production value of an extra hour = gross wage x (1 + employer_cost_share): the labour-cost
  // (marginal product) convention; 0 values production at the gross wage.
  Param employer_cost_share = Param::constant(0.0);
};

// Alternative (d): a fund (foundation or state) pays part of the programme costs, as a grant or as
// a conditional grant the municipality repays out of its own savings.
struct CoFunding {
  bool enabled = false;
  Budget funder = Budget::foundation;
  Param share_of_costs = Param::constant(0.0);  // share of every month's programme costs the fund pays
  double repayment_share_of_savings = 0.0;      // 0: a plain grant; else share of monthly municipal savings
  int repayment_start_month = 0;                // first month a repayment can be made
  int repayment_months = 0;                     // repayment period; what is owed after it is forgiven
};

struct Alternatives {
  CoFunding co_funding;
};

// ---- correlations ----------------------------------------------------------------------------
struct Correlation {
  std::string a, b;  // parameter paths
  int id_a = -1, id_b = -1;
  double rho = 0.0;
  SourceLocation where;
};

// ---- the whole scenario ----------------------------------------------------------------------
struct UncertainParam {
  std::string path;
  rng::Distribution dist;
  SourceLocation where;  // the distribution map in its file
  // The range every draw must stay in (the key's range; for money the arithmetic limit): checked
  // against the distribution's extreme quantiles by the command line (sim/api/load_scenario.cpp).
  double min_value = -std::numeric_limits<double>::infinity();
  double max_value = std::numeric_limits<double>::infinity();
};

struct Config {
  std::string name;
  std::string currency = "DKK";  // the unit of every money amount, in every label and file
  std::string source_file;
  std::vector<std::string> extended_files;  // every file read through `extends:`, nearest parent first
  Simulation simulation;
  Cohort cohort;
  Intervention intervention;
  LabourMarket labour_market;
  Public public_;  // "public" in YAML
  Contract contract;
  Finance finance;
  Society society;
  Alternatives alternatives;
  std::vector<Correlation> correlations;
  std::vector<UncertainParam> uncertain;  // every non-fixed Param, in document order; Param::id indexes it
  std::string resolved_yaml;              // the merged document with defaults, for /meta/config_yaml
  // Raw YAML of the top-level `stress:` and `pricing:` sections, kept uninterpreted for the
  // commands that use them (empty when absent).
  std::string stress_yaml;
  std::string pricing_yaml;
};

const char* to_string(Budget b);
const char* to_string(Metric m);

}  // namespace sisim::config
