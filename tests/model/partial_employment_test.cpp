// Partial employment (issue 14 item 4, docs/MODEL.md 8a), worked by hand with its sources (tags [n]
// are those of /work/shared/research/danish-rules-deals-evidence.md and of rules/dk/2025-07.yaml):
// - earnings while on kontanthjaelp from 1 July 2025: a monthly disregard of 5,000 DKK on mindste-
//   and grundsats (2,500 on forhoejet sats), 65 % of the earnings above it deducted from the
//   benefit, krone for krone once earnings plus benefit reach 85 % (forhoejet: 100 %) of the maximum
//   dagpenge, 21,092 DKK a month in 2025 ([58] Lundsteen Wiederquist 2023 on BM's agreement; [59]
//   bm.dk, Satser for 2025 - dagpenge). Note: 65 %, not krone for krone from the disregard;
// - 2026 tax [10][11]: AM-bidrag 8 %, bundskat 12.01 %, personfradrag 54,100, beskaeftigelses-
//   fradrag 12.75 % (at most 63,300 a year) on earnings only;
// - refusion 20 % after 52 weeks on benefit [8]; equalisation: 75 % of the national average rate
//   25.049 % (2026) of the tax base [12][14]; socio-economic criterion: people on benefit [14].
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>

#include "config/loader.hpp"
#include "fixture.hpp"
#include "sim/model/model.hpp"

namespace sisim::model {

using config::Budget;
using config::Config;
using config::Effect;
using config::format_errors;
using config::load_config_from_string;
using config::LoadResult;
using config::Param;
using config::Segment;
using config::SegmentBenefit;

namespace {

constexpr int kBenefit = static_cast<int>(LineItem::benefit);
constexpr int kRefusion = static_cast<int>(LineItem::refusion);
constexpr int kMunTax = static_cast<int>(LineItem::municipal_tax);
constexpr int kEq = static_cast<int>(LineItem::equalisation);
constexpr int kStateTax = static_cast<int>(LineItem::state_tax);

// One person on mindstesats with boernetillaeg (9,573 DKK, 2025 level, still in force in 2026 [5][6]),
// 3 years on benefit (156 weeks: 20 % refusion), who finds a 20-hour job in month 1 and keeps it
// (job finding 1, separation 0); every job part-time (share 1) unless `share` says otherwise.
Config mindstesats_person(double share) {
  const std::string yaml = R"(name: partial
simulation: {horizon_months: 48}
cohort:
  size: 1
  segments:
    - name: a
      share: 1
      benefit: {rate: mindstesats, children: true}
      prior_benefit_weeks: 156
      wage_monthly: 22400
      hours_fraction: 0.7
      job_finding_hazard: 1
      separation_hazard: 0
      exit_hazard: 0
      part_time: {share: )" +
                           std::to_string(share) +
                           R"(, hours_per_week: 20}
intervention: {duration_months: 12, effect: {hazard_ratio: 1}}
public:
  rules: {family: dk, start: 2026-01, dir: )" +
                           std::string(SISIM_SOURCE_DIR) + R"(/rules}
  tax: {municipal_rate: 0.252}
  equalisation: {average_tax_rate: 0.25049, socioeconomic_value_annual: 12000, socioeconomic_lookback_months: 36}
  result_grant: {full_time_hours_per_week: 37}
)";
  const LoadResult loaded = load_config_from_string(yaml, "partial.yaml");
  EXPECT_TRUE(loaded.ok()) << format_errors(loaded.errors);
  return *loaded.config;
}

TEST(PartialEmployment, MindstesatsTwentyHourJobUnderThe2026Rules) {
  const Config c = mindstesats_person(1.0);
  EXPECT_EQ(c.cohort.segments[0].part_time_rate_type, "mindstesats");  // from benefit.rate
  const PathSimulation p = test::run_path(c, {});
  const ArmResult& arm = p.counterfactual;  // HR 1: both arms alike
  // Month 1 (January 2026), in the job. Earnings: 22,400 x 20 / 37 = 12,108.108 (the full-time
  // entry wage per hour, 37 hours a week full time).
  //   top-up = 9,573 - 0.65 x (12,108.108 - 5,000) = 9,573 - 4,620.270 = 4,952.730 [58];
  //   ceiling 0.85 x 21,092 = 17,928.20 > 12,108.108 + 4,952.730 = 17,060.84: not binding.
  //   AM 0.08 x 12,108.108 = 968.649; deduction 0.1275 x 12,108.108 = 1,543.784 (< 5,275);
  //   allowance 54,100 / 12 = 4,508.333; income 4,952.730 + 12,108.108 - 968.649 = 16,092.189;
  //   municipal base 16,092.189 - 1,543.784 - 4,508.333 = 10,040.072 -> tax 0.252 x = 2,530.098;
  //   state base 16,092.189 - 4,508.333 = 11,583.856 -> bundskat 1,391.221, + AM = 2,359.870;
  //   refusion 0.20 x 4,952.730 = 990.546; tax-base equalisation 0.75 x 0.25049 x 10,040.072
  //   = 1,886.203; socio-economic part: still on benefit, the criterion stays 1: 1,000 a month.
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kBenefit, 1), 4952.7297, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::state, kRefusion, 1), 990.5459, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kRefusion, 1), -990.5459, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kMunTax, 1), -2530.0982, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::state, kStateTax, 1), -2359.8697, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kEq, 1), 1886.2032 - 1000.0, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::other_municipalities, kEq, 1), -1886.2032 + 1000.0, 1e-3);
  EXPECT_NEAR(arm.earnings[1], 12108.108, 1e-3);
  EXPECT_EQ(arm.benefit_count[1], 1.0);   // on benefit (the top-up) ...
  EXPECT_EQ(arm.employed_count[1], 1.0);  // ... and employed
  // Month 0, on benefit: base 9,573 - 4,508.333 = 5,064.667: municipal tax 1,276.296, bundskat
  // 608.266, refusion 1,914.60, equalisation 951.486 (and 1,000 back). Each budget's monthly
  // change from month 0 to month 1 (cost positive):
  //   municipality 6,333.590 -> 2,318.289: -4,015.301 (benefit -4,620.270, refusion received
  //     -924.054, municipal tax -1,253.802, tax-base equalisation +934.717);
  //   state 1,306.334 -> -1,369.324: -2,675.657 (refusion -924.054, tax -1,751.603);
  //   other municipalities 48.514 -> -886.203: -934.717.
  EXPECT_NEAR(arm.flows.budget_month(Budget::municipality, 0), 6333.5903, 1e-3);
  EXPECT_NEAR(arm.flows.budget_month(Budget::municipality, 1), 2318.2889, 1e-3);
  EXPECT_NEAR(arm.flows.budget_month(Budget::state, 0), 1306.3335, 1e-3);
  EXPECT_NEAR(arm.flows.budget_month(Budget::state, 1), -1369.3238, 1e-3);
  EXPECT_NEAR(arm.flows.budget_month(Budget::other_municipalities, 0), 48.5137, 1e-3);
  EXPECT_NEAR(arm.flows.budget_month(Budget::other_municipalities, 1), -886.2032, 1e-3);
  // The socio-economic criterion holds: the part-time worker is still on benefit in month 40.
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kEq, 40), 1886.2032 - 1000.0, 1e-3);
  // The job is one spell, on benefit, at 20 hours a week.
  ASSERT_EQ(arm.people[0].employment.size(), 1u);
  EXPECT_TRUE(arm.people[0].employment[0].on_benefit);
  EXPECT_EQ(arm.people[0].employment[0].hours_per_week, 20.0f);
}

TEST(PartialEmployment, TheSameJobUnderThe2024Rules) {
  // Before the reform there was no mindstesats for this person's rules (rules/dk/2024.yaml has the
  // old 30+ rate, 12,326 [7], as forhoejet) and earnings were deducted krone for krone; the old
  // hourly disregard was not found, so 0 (assumed, rules/dk/2024.yaml). The same 20-hour job:
  //   top-up 12,326 - 12,108.108 = 217.892; AM 968.649; deduction 0.1065 x 12,108.108 = 1,289.514
  //   (< 45,100 / 12); allowance 49,700 / 12 = 4,141.667 [10];
  //   income 217.892 + 12,108.108 - 968.649 = 11,357.351; municipal base 5,926.171 -> 1,493.395;
  //   state base 7,215.685 -> bundskat 866.604 + AM = 1,835.252; refusion 20 % = 43.578.
  Config c = mindstesats_person(1.0);
  c.public_.rules.start = 2024 * 12;  // January 2024
  c.cohort.segments[0].benefit = SegmentBenefit{};
  c.cohort.segments[0].benefit->rate = "forhoejet";  // no children: 12,326 [7]
  c.cohort.segments[0].part_time_rate_type = "forhoejet";
  const PathSimulation p = test::run_path(c, {});
  const ArmResult& arm = p.counterfactual;
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kBenefit, 1), 217.8919, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::municipality, kMunTax, 1), -1493.3951, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::state, kStateTax, 1), -1835.2524, 1e-3);
  EXPECT_NEAR(arm.flows.at(Budget::state, kRefusion, 1), 43.5784, 1e-3);
}

TEST(PartialEmployment, ShareZeroIsTheFullJobAndShareOneKeepsTheLadderCounting) {
  // With share 0 the same person's job takes them off benefit: no top-up, the criterion falls to
  // 0 from month 37 (36 months after the last benefit month), earnings at hours_fraction 0.7.
  const PathSimulation full = test::run_path(mindstesats_person(0.0), {});
  EXPECT_EQ(full.counterfactual.flows.at(Budget::municipality, kBenefit, 1), 0.0);
  EXPECT_EQ(full.counterfactual.benefit_count[1], 0.0);
  EXPECT_NEAR(full.counterfactual.earnings[1], 0.7 * 22400, 1e-9);
  EXPECT_FALSE(full.counterfactual.people[0].employment[0].on_benefit);
  EXPECT_NEAR(full.counterfactual.people[0].employment[0].hours_per_week, 0.7 * 37, 1e-5);
  const double eq40 = full.counterfactual.flows.at(Budget::municipality, kEq, 40);
  EXPECT_GT(eq40, 0.0);  // the tax-base part only: the socio-economic income has gone
  // Top-up months count as benefit months on the ladder: with prior weeks 0 the refusion of the
  // top-up follows 80 % (n = 0, month 0 on benefit), 40 % (n = 1..5), 30 % (n = 6..11), 20 %.
  Config c = mindstesats_person(1.0);
  c.cohort.segments[0].prior_benefit_weeks = Param::constant(0.0);
  const PathSimulation p = test::run_path(c, {});
  const double top_up = 9573 - 0.65 * (22400 * 20 / 37.0 - 5000);
  for (int m = 1; m < 16; ++m) {
    const double rate = m <= 5 ? 0.40 : m <= 11 ? 0.30 : 0.20;
    EXPECT_NEAR(p.counterfactual.flows.at(Budget::state, kRefusion, m), rate * top_up, 1e-9) << m;
  }
  // Cycling (separation 1 too): B in even months, a part-time job in odd ones. Every month is a
  // benefit month, so month m is benefit month n = m: the benefit months after a part-time job
  // carry on up the ladder (were top-up months not counted, month 8 would be n = 4, 40 %).
  // A top-up month is no month of self-support: even a reset after 1 month off never fires.
  c.cohort.segments[0].separation_hazard = Param::constant(1.0);
  c.public_.refusion.reset_after_months_off = 1;
  const PathSimulation cycling = test::run_path(c, {});
  for (int m = 0; m < 16; ++m) {
    const double rate = m == 0 ? 0.80 : m <= 5 ? 0.40 : m <= 11 ? 0.30 : 0.20;
    const double paid = m % 2 == 0 ? 9573.0 : top_up;
    EXPECT_NEAR(cycling.counterfactual.flows.at(Budget::state, kRefusion, m), rate * paid, 1e-9) << m;
  }
}

TEST(PartialEmployment, TopUpRuleDisregardReductionAndCeiling) {
  // The rule of rules/dk/2025-07.yaml [58][59], by hand:
  MonthEarnings e;
  e.reduction_rate = 0.65;
  e.disregard[0] = 5000;
  e.disregard[1] = 2500;
  e.ceiling[0] = 0.85 * 21092;  // 17,928.20
  e.ceiling[1] = 1.00 * 21092;
  // Below the disregard nothing is deducted.
  EXPECT_EQ(benefit_top_up(e, 0, 6789, 4000), 6789.0);
  // Forhoejet single (13,590 [4][6]) earning 10,000: 13,590 - 0.65 x 7,500 = 8,715; total 18,715 < 21,092.
  EXPECT_NEAR(benefit_top_up(e, 1, 13590, 10000), 8715.0, 1e-9);
  // Mindstesats with children (9,573) earning 15,000: 9,573 - 0.65 x 10,000 = 3,073, but earnings
  // plus benefit may not pass 17,928.20: 2,928.20 (krone for krone above the ceiling).
  EXPECT_NEAR(benefit_top_up(e, 0, 9573, 15000), 2928.2, 1e-9);
  // Grundsats (7,205 [5]) earning 18,000: past the ceiling, nothing left.
  EXPECT_EQ(benefit_top_up(e, 0, 7205, 18000), 0.0);
  // The defaults (no public.earnings, no rules): krone for krone, no ceiling.
  const MonthEarnings plain;
  EXPECT_NEAR(benefit_top_up(plain, 0, 12326, 5000), 7326.0, 1e-9);
}

// Statistical: with part-time share p, among the treated employed at the gap's month a share p is
// in a part-time job (job kinds are drawn independently of their timing), and with the effect
// given on self-sufficiency the treated-minus-counterfactual self-sufficiency gap is the configured
// gap. n = 40,000 people enrolled in month 0, no recession; tolerances 4 standard errors.
TEST(PartialEmployment, SharesOfAnyEmploymentAndSelfSufficiencyMatchTheConfiguredSplit) {
  Config c = test::single_segment_config();
  c.simulation.horizon_months = 30;
  c.cohort.size = 40000;
  c.cohort.enrolment_months = 1;
  Segment& s = c.cohort.segments[0];
  s.job_finding_hazard = Param::constant(0.05);
  s.separation_hazard = Param::constant(0.04);
  s.exit_hazard = Param::constant(0.0);
  s.part_time = true;
  s.part_time_share = Param::constant(0.3);
  s.part_time_hours_per_week = Param::constant(15.0);
  c.intervention.duration_months = 12;
  c.intervention.effect.kind = Effect::Kind::employment_gap;
  c.intervention.effect.gap = Param::constant(0.10);
  c.intervention.effect.at_month = 14;
  c.intervention.effect.measure = Effect::Measure::self_sufficiency;
  c.intervention.arm_coupling = Param::constant(1.0);
  const PathSimulation p = test::run_path(c, {});
  const int a = 14;
  const auto state_at = [a](const ArmHistory& h) {  // 0 none, 1 part-time, 2 self-sufficient
    for (const Spell& sp : h.employment)
      if (sp.start <= a && a < sp.end) return sp.on_benefit ? 1 : 2;
    return 0;
  };
  const int n = p.enrolled;
  ASSERT_EQ(n, 40000);
  double employed = 0, part = 0, diff_sum = 0, diff_sq = 0;
  for (int i = 0; i < n; ++i) {
    const int t = state_at(p.treated.people[static_cast<size_t>(i)]);
    const int f = state_at(p.counterfactual.people[static_cast<size_t>(i)]);
    employed += t > 0;
    part += t == 1;
    const double d = (t == 2) - (f == 2);
    diff_sum += d;
    diff_sq += d * d;
  }
  // (a) share part-time among the employed: binomial SE sqrt(p(1-p)/employed).
  const double share = part / employed;
  EXPECT_NEAR(share, 0.3, 4 * std::sqrt(0.3 * 0.7 / employed)) << employed;
  // (b) the self-sufficiency gap: paired per-person differences, SE sd / sqrt(n).
  const double mean = diff_sum / n;
  const double se = std::sqrt((diff_sq / n - mean * mean) / n);
  EXPECT_NEAR(mean, 0.10, 4 * se) << "se " << se;
  // And the any-employment gap is the self-sufficiency gap / (1 - p) = 0.142857, with its own SE.
  double any_sum = 0, any_sq = 0;
  for (int i = 0; i < n; ++i) {
    const double d = (state_at(p.treated.people[static_cast<size_t>(i)]) > 0) -
                     (state_at(p.counterfactual.people[static_cast<size_t>(i)]) > 0);
    any_sum += d;
    any_sq += d * d;
  }
  const double any_mean = any_sum / n;
  const double any_se = std::sqrt((any_sq / n - any_mean * any_mean) / n);
  EXPECT_NEAR(any_mean, 0.10 / 0.7, 4 * any_se) << "se " << any_se;
  std::printf(
      "part-time share among employed %.4f (n %.0f); self-sufficiency gap %.4f +- %.4f; any %.4f +- %.4f\n",
      share, employed, mean, se, any_mean, any_se);
}

}  // namespace
}  // namespace sisim::model
