// Payment terms from signed deals, each worked by hand: benefit months avoided (Buzinezzclub),
// a share of measured fiscal savings (Koto-SIB), cohort triggers (Peterborough).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "config/loader.hpp"
#include "fixtures.hpp"
#include "sim/contract/fiscal_savings.hpp"
#include "sim/contract/payments.hpp"
#include "sim/contract/settle.hpp"
#include "sim/contract/waterfall.hpp"

namespace sisim::contract {

using config::AgeEligibility;
using config::Budget;
using config::CohortTriggers;
using config::format_errors;
using config::kBudgetCount;
using config::load_config;
using config::LoadResult;
using config::Metric;
using config::SavingsShare;

using model::ArmHistory;

namespace {

using test::person;
using test::rule;

TEST(BenefitMonths, CountedFromEnrolmentToExitOutsideEmployment) {
  // Enrols in month 1, employed in months 3-4, exits in month 8; window 10: on benefit in months
  // 1, 2, 5, 6, 7 (five events).
  ArmHistory p = person(1, {{3, 5}});
  p.exit_month = 8;
  std::vector<int> months;
  for_each_event(p, rule(Metric::benefit_month), 10, [&](int m) { months.push_back(m); });
  EXPECT_EQ(months, (std::vector<int>{1, 2, 5, 6, 7}));
  // The window cuts it: months < 6 only.
  months.clear();
  for_each_event(p, rule(Metric::benefit_month), 6, [&](int m) { months.push_back(m); });
  EXPECT_EQ(months, (std::vector<int>{1, 2, 5}));
}

TEST(BenefitMonths, RateCardPaysForMonthsAvoided) {
  // Two people, window 6, both enrolled in month 0: on benefit 2 months (employed from month 2) and
  // 4 months (employed from month 4): 6 benefit months. Baseline 5 a person = 10 expected: 4
  // months avoided at 250 = 1,000.
  ContractTerms t = test::basic_terms();
  t.window = 6;
  t.lines = {{rule(Metric::benefit_month), 250.0, 5.0}};
  t.deduction = DeductionKind::baseline;
  const std::vector<ArmHistory> treated = {person(0, {{2, 6}}), person(0, {{4, 6}})};
  const Entitlement e(t, treated, nullptr);
  EXPECT_EQ(e.counted(0, 5), 6);
  EXPECT_DOUBLE_EQ(e.net(0, 5), 4.0);
  EXPECT_DOUBLE_EQ(e.at(5), 1000.0);
  // More benefit months than the baseline: nothing is owed (never negative).
  t.lines[0].baseline_rate = 2.0;
  EXPECT_DOUBLE_EQ(Entitlement(t, treated, nullptr).at(5), 0.0);
}

TEST(SavingsShare, HalfTheMeasuredFiscalDifferenceByHand) {
  // One segment: a benefit month costs the public 1,000 net of taxes, an employed month earns it
  // 300 of taxes (cost -300). Treated person: on benefit months 0-1, employed 2-5 (window 6):
  // 2,000 - 1,200 = 800. The same person without the programme: on benefit all 6 months: 6,000.
  // Savings 5,200; Koto's share of 50 % = 2,600.
  FiscalCosts costs{{1000.0}, {-300.0}};
  const std::vector<ArmHistory> treated = {person(0, {{2, 6}})};
  const std::vector<ArmHistory> counterfactual = {person(0, {})};
  const std::vector<double> curve = fiscal_cost_curve(treated, costs, 6);
  EXPECT_DOUBLE_EQ(curve[1], 2000.0);
  EXPECT_DOUBLE_EQ(curve[5], 800.0);
  ContractTerms t = test::basic_terms();
  t.window = 6;
  t.lines.clear();
  t.savings_share = {true, 0.5, true, measured_fiscal_savings(treated, counterfactual, false, costs, 6)};
  EXPECT_DOUBLE_EQ(t.savings_share.measured[5], 5200.0);
  const Entitlement e(t, treated, nullptr);
  EXPECT_DOUBLE_EQ(e.at(5), 2600.0);
  EXPECT_DOUBLE_EQ(e.at(1), 0.0);     // months 0-1: on benefit in both arms
  EXPECT_DOUBLE_EQ(e.at(3), 1300.0);  // 4,000 - (2,000 - 600) = 2,600 saved by month 3
  // Against a control group of two people on benefit throughout: 6,000 a person by month 5, scaled
  // to the one treated person: the same 5,200.
  const std::vector<ArmHistory> control = {person(0, {}), person(0, {})};
  EXPECT_DOUBLE_EQ(measured_fiscal_savings(treated, control, true, costs, 6)[5], 5200.0);
}

// Peterborough's rule with the shipped scenario's terms: cohorts of 12 enrolment months, measured
// 12 months after the cohort's intake ends (month 23 for cohort 0: 24 months of events from month
// 0), 10 % per cohort, 7.5 % pooled, 900 per benefit month avoided.
ContractTerms peterborough_terms() {
  const LoadResult r = load_config(std::string(SISIM_SOURCE_DIR) + "/scenarios/deals/peterborough-like.yaml");
  EXPECT_TRUE(r.ok()) << format_errors(r.errors);
  return resolve_contract(*r.config, {});
}

// Ten people enrolled in month 0; person i employed for employed[i] months at the end of the 24
// counted months (months 24 - k .. 23), so on benefit for 24 - k of them.
std::vector<ArmHistory> cohort(const std::vector<int>& employed) {
  std::vector<ArmHistory> out;
  for (int k : employed) out.push_back(k > 0 ? person(0, {{24 - k, 60}}) : person(0, {}));
  return out;
}

TEST(CohortTriggers, PeterboroughCohortAt8Point4PercentIsNotPaidAt10PercentItIs) {
  const ContractTerms t = peterborough_terms();
  ASSERT_TRUE(t.cohort_triggers.enabled);
  ASSERT_EQ(t.cohorts, 3);
  EXPECT_EQ(t.cohort_triggers.measured_month(0), 23);
  // Cohort 1 of Peterborough: 142 events against 155 per 100, -8.4 %. Here the comparison group
  // has 155 benefit months (240 - 85 employed), the treated cohort 142 (240 - 98).
  const auto control_a = cohort({8, 8, 8, 8, 8, 9, 9, 9, 9, 9});
  const auto treated_a = cohort({10, 10, 10, 10, 10, 10, 10, 10, 9, 9});
  const Entitlement a(t, treated_a, &control_a);
  EXPECT_NEAR(a.cohort_triggers().cohorts[0].improvement, 13.0 / 155.0, 1e-12);  // 8.39 %
  EXPECT_DOUBLE_EQ(a.at(23), 0.0);  // below 10 %: nothing for the cohort
  // The same improvement pooled over every cohort (the others are empty) passes 7.5 %: the pooled
  // payment follows at the last cohort's date (month 47), 13 months avoided at 900.
  EXPECT_DOUBLE_EQ(a.at(46), 0.0);
  EXPECT_DOUBLE_EQ(a.at(47), 13.0 * 900.0);
  // 150 against 135 benefit months: exactly 10 %, paid at the cohort's date: 15 x 900 = 13,500.
  const auto control_b = cohort({9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  const auto treated_b = cohort({10, 10, 10, 10, 10, 11, 11, 11, 11, 11});
  const Entitlement b(t, treated_b, &control_b);
  EXPECT_NEAR(b.cohort_triggers().cohorts[0].improvement, 0.10, 1e-12);
  EXPECT_DOUBLE_EQ(b.at(22), 0.0);
  EXPECT_DOUBLE_EQ(b.at(23), 13500.0);
  EXPECT_DOUBLE_EQ(b.at(47), 13500.0);  // the pooled rule adds nothing already paid
}

TEST(CohortTriggers, PooledBelowItsThresholdPaysOnlyTheCohortThatMadeIt) {
  // Cohort 0 at 10 % (as above), cohort 1 (enrolled in month 12, measured in month 35) with no
  // improvement: pooled (15 of 300) = 5 % < 7.5 %, so only cohort 0's 13,500 is ever paid.
  const ContractTerms t = peterborough_terms();
  auto control = cohort({9, 9, 9, 9, 9, 9, 9, 9, 9, 9});
  auto treated = cohort({10, 10, 10, 10, 10, 11, 11, 11, 11, 11});
  for (int i = 0; i < 10; ++i) {
    control.push_back(person(12, {{27, 60}}));  // months 12..35: 15 on benefit
    treated.push_back(person(12, {{27, 60}}));
  }
  const Entitlement e(t, treated, &control);
  EXPECT_NEAR(e.cohort_triggers().cohorts[1].improvement, 0.0, 1e-12);
  EXPECT_NEAR(e.cohort_triggers().pooled_improvement, 15.0 / 300.0, 1e-12);
  EXPECT_DOUBLE_EQ(e.at(47), 13500.0);
}

TEST(CapPerParticipant, DwpStyleCapAcrossEveryMetricByHand) {
  // DWP Innovation Fund style: one cap per person across all rate-card lines (there GBP 11,700).
  // Lines: job held 3 months 3,500 and 6 months in work 2,000 (the R2 rate card's 13- and 26-week
  // job outcomes), plus 100 a month in work; cap 5,000, window 12.
  ContractTerms t = test::basic_terms();
  t.lines = {{rule(Metric::job_start, 3), 3500.0, 0.0},
             {rule(Metric::sustained_employment, 1, 6), 2000.0, 0.0},
             {rule(Metric::employment_month), 100.0, 0.0}};
  t.cap_per_participant = 5000.0;
  // A works months 0-11: 100, 200, then 3,500 + 300 = 3,800 by month 2, 4,000 by month 4, and in
  // month 5 the 6-month outcome would take it to 6,100: capped at 5,000. B works months 6-7 only:
  // no job outcome (the spell is 2 months), 200 of monthly payments.
  const std::vector<ArmHistory> treated = {person(0, {{0, 12}}), person(0, {{6, 8}})};
  const Entitlement e(t, treated, nullptr);
  EXPECT_DOUBLE_EQ(e.at(1), 200.0);
  EXPECT_DOUBLE_EQ(e.at(2), 3800.0);
  EXPECT_DOUBLE_EQ(e.at(4), 4000.0);
  EXPECT_DOUBLE_EQ(e.at(5), 5000.0);
  EXPECT_DOUBLE_EQ(e.at(11), 5200.0);  // uncapped it would be 6,700 + 200 = 6,900
  t.cap_per_participant = std::numeric_limits<double>::infinity();
  EXPECT_DOUBLE_EQ(Entitlement(t, treated, nullptr).at(11), 6900.0);
}

TEST(FirstLoss, RefugeeImpactBondStyleCoverByHand) {
  // The investor draws 1,000 in month 0. A non-investor (Norad in the Refugee Impact Bond) covers
  // the loss beyond 20 % of what was drawn, up to 28 % of it. Outcome payments of 300 in month 5:
  // shortfall 700, 700 - 200 = 500 above the 20 %, capped at 280. Payments of 700: shortfall 300,
  // cover 100, so the investor loses exactly 20 %.
  FinanceTerms f;
  f.first_loss_max_investor_loss = 0.20;
  f.first_loss_cap_share = 0.28;
  f.first_loss_payer = Budget::state;
  std::array<double, kBudgetCount> payers{};
  payers[static_cast<size_t>(Budget::municipality)] = 1.0;
  std::vector<double> drawdowns(8, 0.0), gross(8, 0.0);
  drawdowns[0] = 1000.0;
  for (const auto& [paid, cover] :
       {std::pair{300.0, 280.0}, std::pair{700.0, 100.0}, std::pair{900.0, 0.0}}) {
    gross.assign(8, 0.0);
    gross[5] = paid;
    ContractOutcome out;
    run_finance(f, payers, gross, drawdowns, 5, out);
    EXPECT_DOUBLE_EQ(out.guarantee_paid, cover) << paid;
    EXPECT_DOUBLE_EQ(out.guarantee_payments[static_cast<size_t>(Budget::state)][5], cover) << paid;
    double net = 0.0;
    for (double v : out.investor_flows) net += v;
    EXPECT_DOUBLE_EQ(net, paid + cover - 1000.0) << paid;
  }
}

TEST(CapitalStack, GrantAndDeferredFeesByHand) {
  // The Massachusetts Roca deal's stack in miniature: costs of 1,000 in month 0 funded 50 % by a
  // senior investor (5 % a year cap), 30 % by a donor's grant (never repaid) and 20 % by the
  // provider's deferred fees (repaid at most their nominal amount, only out of outcome payments,
  // after the investor: a last tranche with a 0 % cap). 700 is paid in month 12: the senior takes
  // 500 x 1.05 = 525, the grant nothing, the deferred fees the remaining 175 of their 200.
  FinanceTerms f;
  f.tranches = {{"senior", 0.5, 0.05, 0.0, Budget::foundation, true},
                {"grant", 0.3, std::nullopt, 0.0, Budget::foundation, false},
                {"deferred_fees", 0.2, 0.0, 0.0, Budget::foundation, true}};
  std::array<double, kBudgetCount> payers{};
  payers[static_cast<size_t>(Budget::municipality)] = 1.0;
  std::vector<double> drawdowns(14, 0.0), gross(14, 0.0);
  drawdowns[0] = 1000.0;
  gross[12] = 700.0;
  ContractOutcome out;
  run_finance(f, payers, gross, drawdowns, 12, out);
  EXPECT_NEAR(out.tranches[0].total_received, 525.0, 1e-9);
  EXPECT_DOUBLE_EQ(out.tranches[1].total_received, 0.0);
  EXPECT_NEAR(out.tranches[2].total_received, 175.0, 1e-9);
  EXPECT_DOUBLE_EQ(out.grants[0], 300.0);
  // The pooled investor is the two repayable tranches: drew 700, received 700.
  double drawn = 0.0, received = 0.0;
  for (size_t m = 0; m < 14; ++m) {
    drawn += out.investor_drawdowns[m];
    received += out.investor_receipts[m];
  }
  EXPECT_DOUBLE_EQ(drawn, 700.0);
  EXPECT_NEAR(received, 700.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[static_cast<size_t>(Budget::municipality)][12], 700.0, 1e-9);
}

TEST(AgeEligibility, OnlyParticipantsOfTheStatedAgesAreCounted) {
  // Youth Engagement Fund style: outcomes paid for participants aged 18-24 at enrolment. Three
  // people employed from month 2 (job start after 3 months in month 4, at 1,000 each), aged 17,
  // 20 and 30: only the 20-year-old is paid.
  ContractTerms t = test::basic_terms();
  t.lines = {{rule(Metric::job_start, 3), 1000.0, 0.0}};
  t.age_eligibility = true;
  t.min_age = 18;
  t.max_age = 24;
  std::vector<ArmHistory> treated;
  for (int age : {17, 20, 30}) {
    treated.push_back(person(0, {{2, 20}}));
    treated.back().age_at_start = age;
  }
  const std::vector<double> drawdowns(24, 0.0);
  ContractOutcome out;
  settle_contract(t, treated, nullptr, drawdowns, -1, 24, out);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 1000.0);
  t.age_eligibility = false;
  settle_contract(t, treated, nullptr, drawdowns, -1, 24, out);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 3000.0);
}

TEST(HistoricalBaseline, RelativeTiersAgainstADriftingBaselineByHand) {
  // Rikers-style: tiers on the relative cut in benefit months against a historical baseline. Ten
  // people enrolled in month 0, measured at month 23 (24 months each). Baseline 20 months a
  // person, drifting +10 % a year: at month 23 the comparison is 20 x 1.1^(23/12) = 24.02 a person
  // (more than the 24 months there are: the labour market got worse). Treated: 180 benefit months.
  ContractTerms t = test::basic_terms();
  t.lines.clear();
  t.deduction = DeductionKind::baseline;
  t.tiers.enabled = true;
  t.tiers.rule = rule(Metric::benefit_month);
  t.tiers.at_month = 23;
  t.tiers.relative = true;
  t.tiers.baseline_rate = 20.0;
  t.tiers.threshold = 0.085;
  t.tiers.tiers = {{0.085, 4.8e6, 0.0}, {0.10, 9.6e6, 0.0}, {0.20, 11.712e6, 0.0}};
  std::vector<ArmHistory> treated;
  for (int i = 0; i < 10; ++i) treated.push_back(person(0, {{18, 60}}));  // 18 benefit months each
  // No drift: (200 - 180) / 200 = 10 % -> the breakeven tier, 9.6 M.
  const Entitlement flat(t, treated, nullptr);
  EXPECT_NEAR(flat.tier_measured(), 0.10, 1e-12);
  EXPECT_DOUBLE_EQ(flat.at(23), 9.6e6);
  // With the drift the comparison is 20 x 1.1^(23/12) a person: the cut measured is larger.
  t.baseline_drift_annual = 0.10;
  const double comparison = 20.0 * std::pow(1.1, 23.0 / 12.0);
  const Entitlement drifting(t, treated, nullptr);
  EXPECT_NEAR(drifting.tier_measured(), (comparison - 18.0) / comparison, 1e-12);  // 25.1 %
  EXPECT_DOUBLE_EQ(drifting.at(23), 11.712e6);
  // 8.4 % falls short of the first tier: nothing.
  t.baseline_drift_annual = 0.0;
  t.tiers.baseline_rate = 18.0 / (1.0 - 0.084);
  EXPECT_DOUBLE_EQ(Entitlement(t, treated, nullptr).at(23), 0.0);
}

}  // namespace
}  // namespace sisim::contract
