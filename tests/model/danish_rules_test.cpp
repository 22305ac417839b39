// Danish public-finance rules of issue 14, worked by hand with their sources (the reference file is
// /work/shared/research/danish-rules-deals-evidence.md; the tags [n] are its source list):
// - beskaeftigelsesfradrag (employment deduction) off the municipal tax base only, personfradrag by
//   year [10][11]; LL § 9 J: the deduction's base is the labour-market-contribution base (gross
//   earnings), and it is a ligningsmaessigt fradrag: it lowers municipal (and church) tax, not
//   bundskat (info.skat.dk, "Almindeligt beskaeftigelsesfradrag");
// - the refusion count restarts after 52 whole weeks of self-support accumulated within the last
//   3 years, counted after the first benefit week of the current count (lov om kommunernes
//   finansiering ... § 6, LBK 221 of 12/02/2021) [9];
// - resultattilskud 88,817 DKK (2024) for ordinary work starting within the first 3 years of the
//   integration programme, 59,210 in year 4 or 5, for a job of >= 6 continuous months at >= 20
//   hours a week that started inside those periods (UIM satser 2024; BEK 1591/2017 § 11) [17].
#include <gtest/gtest.h>

#include "config/loader.hpp"
#include "fixture.hpp"
#include "sim/model/model.hpp"

namespace sisim::model {

using config::Budget;
using config::Config;
using config::format_errors;
using config::load_config_from_string;
using config::LoadResult;
using config::Param;
using config::ResultGrant;

namespace {

double flow_sum(const std::vector<FlowEntry>& flows, Budget b, LineItem i) {
  double s = 0.0;
  for (const FlowEntry& f : flows) s += (f.budget == b && f.item == static_cast<int>(i)) ? f.amount : 0.0;
  return s;
}

// One segment at the given tax year's national rules; municipal rate 25.2 % (the scenario's
// Herning/Viborg average [12][13]), equalisation left out (retention 1) to isolate the tax lines.
Config tax_year(double allowance, double deduction_rate, double deduction_cap, double benefit, double wage) {
  Config c = test::single_segment_config();
  c.public_.tax.municipal_rate = Param::constant(0.252);
  c.public_.tax.municipal_retention = Param::constant(1.0);
  c.public_.tax.labour_market_contribution = Param::constant(0.08);  // AM-bidrag 8 % (2025, 2026) [10]
  c.public_.tax.state_bottom_rate = Param::constant(0.1201);         // bundskat 12.01 % (2025, 2026) [10]
  c.public_.tax.personal_allowance_annual = Param::constant(allowance);
  c.public_.tax.employment_deduction_rate = Param::constant(deduction_rate);
  c.public_.tax.employment_deduction_cap_annual = Param::constant(deduction_cap);
  c.cohort.segments[0].benefit_monthly = Param::constant(benefit);
  c.cohort.segments[0].wage_monthly = Param::constant(wage);
  c.cohort.segments[0].hours_fraction = Param::constant(1.0);
  return c;
}

TEST(DanishRules, EmploymentDeduction2026ReproducesTheWorkedExample) {
  // Research file section 1c (2026, derived from [10]): a 16,800 DKK/month wage against a 15,282
  // benefit (forhoejet sats 2025 ~12,498 + boernetillaeg 2,784 [4][5][6]); personfradrag 54,100
  // [10][11]; beskaeftigelsesfradrag 12.75 %, at most 63,300 a year [10][11].
  //   wage: AM 0.08 x 16,800 = 1,344; deduction 0.1275 x 16,800 = 2,142 (< 63,300 / 12 = 5,275);
  //         allowance 54,100 / 12 = 4,508.33;
  //         municipal base 16,800 - 1,344 - 2,142 - 4,508.33 = 8,805.67 -> tax 0.252 x = 2,219.03;
  //         state base 16,800 - 1,344 - 4,508.33 = 10,947.67 -> bundskat 1,314.81, + AM = 2,658.81.
  //   benefit: base 15,282 - 4,508.33 = 10,773.67 -> municipal 2,714.96, state 1,293.92.
  // The table in the file: 2,219 / 2,659 (wage), 2,715 / 1,294 (benefit); 2,759 without the deduction.
  const PathParameters pp = Model(tax_year(54100, 0.1275, 63300, 15282, 16800)).resolve({});
  const SegmentParameters& seg = pp.segments[0];
  EXPECT_NEAR(flow_sum(seg.employed_flows, Budget::municipality, LineItem::municipal_tax), -2219.028, 1e-3);
  EXPECT_NEAR(flow_sum(seg.employed_flows, Budget::state, LineItem::state_tax), -2658.815, 1e-3);
  EXPECT_NEAR(flow_sum(seg.benefit_flows, Budget::municipality, LineItem::municipal_tax), -2714.964, 1e-3);
  EXPECT_NEAR(flow_sum(seg.benefit_flows, Budget::state, LineItem::state_tax), -1293.917, 1e-3);
  // So the municipality's tax falls by 2,714.96 - 2,219.03 = 495.94 DKK a month when this person
  // moves from benefit into the job (the file: "falls by ~500 DKK/month").
  EXPECT_NEAR(flow_sum(seg.benefit_flows, Budget::municipality, LineItem::municipal_tax) -
                  flow_sum(seg.employed_flows, Budget::municipality, LineItem::municipal_tax),
              -495.936, 1e-3);
  // Without the deduction (model v1): 0.252 x 10,947.67 = 2,758.81 (the file's 2,759).
  const PathParameters v1 = Model(tax_year(54100, 0.0, 0.0, 15282, 16800)).resolve({});
  EXPECT_NEAR(flow_sum(v1.segments[0].employed_flows, Budget::municipality, LineItem::municipal_tax),
              -2758.813, 1e-3);
}

TEST(DanishRules, EmploymentDeductionCapAndYears) {
  // The cap binds on a 50,000 DKK/month wage: 0.1275 x 50,000 = 6,375 > 63,300 / 12 = 5,275.
  //   2026: municipal base 50,000 - 4,000 - 5,275 - 4,508.33 = 36,216.67 -> 0.252 x = 9,126.60.
  const PathParameters y2026 = Model(tax_year(54100, 0.1275, 63300, 0, 50000)).resolve({});
  EXPECT_NEAR(flow_sum(y2026.segments[0].employed_flows, Budget::municipality, LineItem::municipal_tax),
              -9126.60, 1e-2);
  // 2025: 12.30 %, at most 55,600; personfradrag 51,600 [10][11]. On 16,800 a month:
  //   deduction 0.123 x 16,800 = 2,066.40 (< 4,633.33); allowance 4,300;
  //   municipal base 16,800 - 1,344 - 2,066.40 - 4,300 = 9,089.60 -> 2,290.58.
  const PathParameters y2025 = Model(tax_year(51600, 0.123, 55600, 0, 16800)).resolve({});
  EXPECT_NEAR(flow_sum(y2025.segments[0].employed_flows, Budget::municipality, LineItem::municipal_tax),
              -2290.579, 1e-3);
  // 2024: 10.65 %, at most 45,100; personfradrag 49,700 [10]:
  //   deduction 1,789.20; allowance 4,141.67; base 16,800 - 1,344 - 1,789.20 - 4,141.67 = 9,525.13
  //   -> 2,400.33.
  const PathParameters y2024 = Model(tax_year(49700, 0.1065, 45100, 0, 16800)).resolve({});
  EXPECT_NEAR(flow_sum(y2024.segments[0].employed_flows, Budget::municipality, LineItem::municipal_tax),
              -2400.333, 1e-3);
}

// One person alternating B, E, B, E, ... (all hazards 1); treated: B in month 0, E in months 1..13
// (retention 0 in the 13-month programme), then alternating (test::single_segment_config + the
// pattern of flows_test.cpp's alternating_config).
Config cycling_config(int reset_window) {
  Config c = test::alternating_person_config();
  // 52 weeks = 12 months off benefit within 3 years = 36 months [9].
  c.public_.refusion.reset_after_months_off = 12;
  c.public_.refusion.reset_window_months = reset_window;
  return c;
}

// Ladder 80/40/30/20 % at weeks 0/4/26/52 [8], prior weeks 0: w = 52 n / 12 at benefit month n.
double ladder_rate(int n) {
  return test::ladder_rate_at_benefit_month(n);
}

TEST(DanishRules, RefusionResetAfterCyclingInAndOut) {
  constexpr double kBenefit = 12326.0;  // the fixture's benefit
  constexpr int kRefusion = static_cast<int>(LineItem::refusion);
  const PathSimulation p = test::run_path(cycling_config(36), {});
  for (int m = 0; m < 40; ++m) {
    // Counterfactual: E in odd months 1, 3, ..., 23: the 12th month off benefit within 36 months
    // is month 23 (all twelve lie in months -12..23), so the count restarts; the next benefit month,
    // 24, is benefit month n = 0 of the new count (80 %). The old rule (12 consecutive months) never
    // resets this person: month 24 would be n = 12 (20 %).
    const double cf = m % 2 == 1 ? 0.0 : ladder_rate(m < 24 ? m / 2 : (m - 24) / 2) * kBenefit;
    EXPECT_NEAR(p.counterfactual.flows.at(Budget::state, kRefusion, m), cf, 1e-9) << "month " << m;
    // Treated: the 13-month job resets the count at its 12th month (month 12); the count restarts
    // with month 14 (n = 0); E in 15, 17, ..., 37: the 12th month off since then is month 37, so
    // month 38 is n = 0 again (80 %) where the old rule would give n = 12.
    double tr = 0.0;
    if (m == 0) tr = 0.80 * kBenefit;
    if (m >= 14 && m % 2 == 0) tr = ladder_rate(m < 38 ? (m - 14) / 2 : 0) * kBenefit;
    EXPECT_NEAR(p.treated.flows.at(Budget::state, kRefusion, m), tr, 1e-9) << "month " << m;
  }
  // A 20-month window never holds 12 of the alternating months off (at most 10): no reset, so the
  // counterfactual's month 24 is benefit month n = 12 (20 %).
  const PathSimulation narrow = test::run_path(cycling_config(20), {});
  EXPECT_NEAR(narrow.counterfactual.flows.at(Budget::state, kRefusion, 24), 0.20 * kBenefit, 1e-9);
  // The consecutive rule (window 0) likewise never resets the counterfactual.
  const PathSimulation old_rule = test::run_path(cycling_config(0), {});
  EXPECT_NEAR(old_rule.counterfactual.flows.at(Budget::state, kRefusion, 24), 0.20 * kBenefit, 1e-9);
  EXPECT_NEAR(old_rule.treated.flows.at(Budget::state, kRefusion, 38), 0.20 * kBenefit, 1e-9);
}

// The treated person's 13-month job starts in month 1 after enrolment and reaches 6 months in
// month 6; the counterfactual's one-month jobs never qualify.
double grant_in_month_6(int integration_months_at_enrolment, double hours_fraction) {
  Config c = cycling_config(0);
  c.cohort.segments[0].integration_months_at_enrolment = integration_months_at_enrolment;
  c.cohort.segments[0].hours_fraction = Param::constant(hours_fraction);
  ResultGrant& g = c.public_.result_grant;
  g.amount = Param::constant(88817);       // 2024, ordinary work within 3 years [17]
  g.amount_late = Param::constant(59210);  // 2024, in year 4 or 5 [17]
  g.early_months = 36;
  g.eligible_months = 60;
  g.after_months_in_job = 6;  // >= 6 continuous months (BEK 1591/2017 § 11 stk. 2)
  g.min_hours_per_week = 20;  // at >= 20 hours a week on average (ibid.)
  g.full_time_hours_per_week = 37;
  const PathSimulation p = test::run_path(c, {});
  for (int m = 0; m < 40; ++m) {
    if (m != 6) {
      EXPECT_EQ(p.treated.flows.at(Budget::state, static_cast<int>(LineItem::result_grant), m), 0.0);
    }
    EXPECT_EQ(p.counterfactual.flows.at(Budget::state, static_cast<int>(LineItem::result_grant), m), 0.0);
  }
  const double to_municipality =
      -p.treated.flows.at(Budget::municipality, static_cast<int>(LineItem::result_grant), 6);
  EXPECT_EQ(p.treated.flows.at(Budget::state, static_cast<int>(LineItem::result_grant), 6), to_municipality);
  return to_municipality;
}

TEST(DanishRules, ResultGrantByIntegrationYear) {
  // Year 2: 12 months into the programme at enrolment, the job starts in programme month 13 < 36.
  EXPECT_EQ(grant_in_month_6(12, 0.7), 88817.0);
  // Year 4: 40 months in, the job starts in month 41, in [36, 60).
  EXPECT_EQ(grant_in_month_6(40, 0.7), 59210.0);
  // Boundaries: a job starting in month 35 is year 3 (88,817), in month 59 year 5 (59,210), in
  // month 60 too late (nothing).
  EXPECT_EQ(grant_in_month_6(34, 0.7), 88817.0);
  EXPECT_EQ(grant_in_month_6(35, 0.7), 59210.0);
  EXPECT_EQ(grant_in_month_6(58, 0.7), 59210.0);
  EXPECT_EQ(grant_in_month_6(59, 0.7), 0.0);
  // Hours: 0.5 x 37 = 18.5 hours a week is below 20: no grant; 0.55 x 37 = 20.35 qualifies.
  EXPECT_EQ(grant_in_month_6(12, 0.5), 0.0);
  EXPECT_EQ(grant_in_month_6(12, 0.55), 88817.0);
}

// A deal starting in January 2025 on rules/dk: the cash-benefit reform of 1 July 2025 takes effect
// in contract month 6, the 2026 tax numbers in month 12. One person, all hazards 0 (on benefit
// throughout), prior benefit weeks 0, a 30+ parent meeting the residence requirement
// (benefit: forhoejet with children), municipal rate 25.2 %, retention 0.25.
TEST(DanishRules, ReformMonthInsideAContract) {
  const std::string yaml = R"(name: reform
simulation: {horizon_months: 24}
cohort:
  size: 1
  segments:
    - {name: a, share: 1, benefit: {rate: forhoejet, children: true}, wage_monthly: 22400, hours_fraction: 0.7,
       job_finding_hazard: 0, separation_hazard: 0, exit_hazard: 0}
intervention: {duration_months: 12, effect: {hazard_ratio: 1}}
public:
  rules: {family: dk, start: 2025-01, dir: )" +
                           std::string(SISIM_SOURCE_DIR) + R"(/rules}
  tax: {municipal_rate: 0.252, municipal_retention: 0.25}
)";
  const LoadResult loaded = load_config_from_string(yaml, "reform.yaml");
  ASSERT_TRUE(loaded.ok()) << format_errors(loaded.errors);
  const PathSimulation p = test::run_path(*loaded.config, {});
  struct Month {
    int m;
    double benefit, refusion, municipal_tax, state_tax;
  };
  // Month 5 (June 2025): the old 30+ provider rate 16,382 [7] (2024 level; the 2025 old-system rate
  // was not found), benefit month n = 5: 40 % refusion [8]; personfradrag 2025 51,600 / 12 = 4,300
  // [10][11]: base 12,082, municipal tax 0.252 x = 3,044.664, bundskat 0.1201 x = 1,451.048.
  // Month 6 (July 2025, the reform): forhoejet sats 12,498 + boernetillaeg 2,784 = 15,282 [4][6];
  // n = 6: 26 weeks, 30 %; base 10,982: 2,767.464 and 1,318.938.
  // Month 12 (January 2026): n = 12: 52 weeks, 20 %; personfradrag 2026 54,100 / 12 = 4,508.33:
  // base 10,773.67: 2,714.964 and 1,293.917 (the research file's 2,715 / 1,294).
  const Month expected[] = {{5, 16382, 0.40 * 16382, 3044.664, 1451.0482},
                            {6, 15282, 0.30 * 15282, 2767.464, 1318.9382},
                            {12, 15282, 0.20 * 15282, 2714.964, 1293.9167}};
  for (const Month& e : expected) {
    const ArmResult& arm = p.counterfactual;
    EXPECT_NEAR(arm.flows.at(Budget::municipality, static_cast<int>(LineItem::benefit), e.m), e.benefit, 1e-9)
        << e.m;
    EXPECT_NEAR(arm.flows.at(Budget::state, static_cast<int>(LineItem::refusion), e.m), e.refusion, 1e-9)
        << e.m;
    EXPECT_NEAR(arm.flows.at(Budget::municipality, static_cast<int>(LineItem::municipal_tax), e.m),
                -e.municipal_tax, 1e-3)
        << e.m;
    EXPECT_NEAR(arm.flows.at(Budget::other_municipalities, static_cast<int>(LineItem::equalisation), e.m),
                -0.75 * e.municipal_tax, 1e-3)
        << e.m;
    EXPECT_NEAR(arm.flows.at(Budget::state, static_cast<int>(LineItem::state_tax), e.m), -e.state_tax, 1e-3)
        << e.m;
  }
  // The municipality's monthly account from June to July 2025: benefit -1,100, refusion received
  // 6,552.80 -> 4,584.60 (-1,968.20), municipal tax -277.20, equalisation paid -207.90:
  // net cost 16,382 - 6,552.80 - 3,044.664 + 2,283.498 = 9,068.034 -> 15,282 - 4,584.60 - 2,767.464
  // + 2,075.598 = 10,005.534, i.e. +937.50 a month (the refusion falls with the ladder too).
  EXPECT_NEAR(p.counterfactual.flows.budget_month(Budget::municipality, 5), 9068.034, 1e-3);
  EXPECT_NEAR(p.counterfactual.flows.budget_month(Budget::municipality, 6), 10005.534, 1e-3);
}

// Both parts of the equalisation (L 196 2019-20 § 2, udligningsloven § 5 [14]) and the budget lag.
TEST(DanishRules, EqualisationTaxBasePartByPosition) {
  // The 2026 worked example (16,800 DKK/month wage): municipal base 8,805.67, municipal tax 0.252 x
  // = 2,219.03. The other municipalities take 75 % of the national average rate 25.049 % (2026 [12])
  // times the base: 0.25049 x 8,805.67 = 2,205.73, x 0.75 = 1,654.30, so the municipality keeps 564.73 (25.4
  // %). Below 90 % of the average tax base they take 95 %: 2,095.44, and it keeps 123.58 (5.6 %).
  for (const bool below : {false, true}) {
    Config c = tax_year(54100, 0.1275, 63300, 15282, 16800);
    c.public_.equalisation.present = true;
    c.public_.equalisation.tax_base_below_90_percent = below;
    c.public_.equalisation.average_tax_rate = Param::constant(0.25049);
    const PathParameters pp = Model(c).resolve({});
    const double base = 16800 - 0.08 * 16800 - 0.1275 * 16800 - 54100 / 12.0;
    EXPECT_NEAR(base, 8805.6667, 1e-4);
    const double moved = (below ? 0.95 : 0.75) * 0.25049 * base;
    EXPECT_NEAR(moved, below ? 2095.4449 : 1654.2986, 1e-3);
    const auto& e = pp.segments[0].employed_flows;
    EXPECT_NEAR(flow_sum(e, Budget::municipality, LineItem::municipal_tax), -0.252 * base, 1e-6);
    EXPECT_NEAR(flow_sum(e, Budget::municipality, LineItem::equalisation), moved, 1e-6);
    EXPECT_NEAR(flow_sum(e, Budget::other_municipalities, LineItem::equalisation), -moved, 1e-6);
  }
}

TEST(DanishRules, EqualisationSocioEconomicCriterionHoldsTheOldCountForThreeYears) {
  // One person, on benefit in month 0, employed from month 1 for good (job finding 1, separation
  // 0). Criterion "20-59 without employment" = max(now, 36 months earlier) [14]: 1 in months 0..36
  // (month 36 still sees month 0), 0 from month 37. At 12,000 DKK a person a year (an assumed
  // value: the per-person kroner value was not found) the municipality receives 1,000 a month from
  // the other municipalities until month 36, then nothing: leaving benefit costs it that income
  // three years later. Municipal tax 0 here, so the tax-base part books nothing.
  Config c = test::single_segment_config();
  c.cohort.size = 1;
  c.cohort.segments[0].job_finding_hazard = Param::constant(1.0);
  c.public_.tax.municipal_rate = Param::constant(0.0);
  c.public_.equalisation.present = true;
  c.public_.equalisation.socioeconomic_value_annual = Param::constant(12000);
  c.public_.equalisation.socioeconomic_lookback_months = 36;
  const PathSimulation p = test::run_path(c, {});
  const int eq = static_cast<int>(LineItem::equalisation);
  for (int m = 0; m < 60; ++m) {
    const double income = m <= 36 ? 1000.0 : 0.0;
    EXPECT_NEAR(p.counterfactual.flows.at(Budget::municipality, eq, m), -income, 1e-9) << m;
    EXPECT_NEAR(p.counterfactual.flows.at(Budget::other_municipalities, eq, m), income, 1e-9) << m;
  }
}

TEST(DanishRules, BudgetLagMovesMunicipalTaxAndEqualisation) {
  // budget_lag_months 12: the municipal tax and the tax-base equalisation of month m reach the
  // budgets in month m + 12 (statsgaranti reading [14], not verified); the state's tax does not move.
  Config c = cycling_config(36);
  const PathSimulation now = test::run_path(c, {});
  c.public_.equalisation.present = true;
  c.public_.equalisation.average_tax_rate = Param::constant(0.25);  // = the fixture's municipal rate
  const PathSimulation unlagged = test::run_path(c, {});
  c.public_.equalisation.budget_lag_months = 12;
  const PathSimulation lagged = test::run_path(c, {});
  const int tax = static_cast<int>(LineItem::municipal_tax), eq = static_cast<int>(LineItem::equalisation),
            state = static_cast<int>(LineItem::state_tax);
  for (int m = 0; m < 40; ++m) {
    // Average rate = municipal rate 25 %: 75 % of it moves, retention 0.25 as without the section.
    EXPECT_NEAR(unlagged.treated.flows.at(Budget::municipality, eq, m),
                now.treated.flows.at(Budget::municipality, eq, m), 1e-9);
    for (const auto& [b, item] : {std::pair{Budget::municipality, tax}, std::pair{Budget::municipality, eq},
                                  std::pair{Budget::other_municipalities, eq}}) {
      const double expected = m < 12 ? 0.0 : unlagged.treated.flows.at(b, item, m - 12);
      EXPECT_EQ(lagged.treated.flows.at(b, item, m), expected) << m;
    }
    EXPECT_EQ(lagged.treated.flows.at(Budget::state, state, m),
              unlagged.treated.flows.at(Budget::state, state, m));
  }
}

// Issue 14 item 3: a segment's benefit by type, month by month. Amounts of rules/dk [4][5][6][7]:
// from July 2025 grundsats 7,205, forhoejet 12,498, boernetillaeg 2,784, enlig forsoerger 1,638,
// enlig ikke-forsoerger 1,092; before, the old 30+ rate 12,326 and its forsoerger rate 16,382
// (children 4,056), no single supplements (0).
TEST(DanishRules, SegmentBenefitByTypeMonthByMonth) {
  auto benefit_by_month = [](const std::string& start, const std::string& benefit) {
    const std::string yaml = R"(name: types
simulation: {horizon_months: 24}
cohort:
  size: 1
  segments:
    - {name: a, share: 1, benefit: )" +
                             benefit +
                             R"(, wage_monthly: 22400, hours_fraction: 0.7,
       job_finding_hazard: 0, separation_hazard: 0, exit_hazard: 0}
intervention: {duration_months: 12, effect: {hazard_ratio: 1}}
public:
  rules: {family: dk, start: )" +
                             start + ", dir: " + std::string(SISIM_SOURCE_DIR) + R"(/rules}
  tax: {municipal_rate: 0.252, municipal_retention: 0.25}
)";
    const LoadResult loaded = load_config_from_string(yaml, "types.yaml");
    EXPECT_TRUE(loaded.ok()) << format_errors(loaded.errors);
    return loaded.ok() ? Model(*loaded.config).resolve({}).segments[0].benefit_by_month
                       : std::vector<double>{};
  };
  // Grundsats, half with children, a quarter single parents: 7,205 + 0.5 x 2,784 + 0.25 x 1,638 = 9,006.5.
  const std::vector<double> g =
      benefit_by_month("2025-07", "{rate: grundsats, children: 0.5, single_parent: 0.25}");
  ASSERT_EQ(g.size(), 24u);
  EXPECT_DOUBLE_EQ(g[0], 9006.5);
  EXPECT_DOUBLE_EQ(g[23], 9006.5);  // 2026 and 2027-06: no newer benefit amounts (indexation 0)
  // A deal from January 2025 through the reform: forhoejet, 40 % with children, 60 % single.
  // Months 0-5: 12,326 + 0.4 x 4,056 + 0.6 x 0 = 13,948.4; from month 6 (July 2025):
  // 12,498 + 0.4 x 2,784 + 0.6 x 1,092 = 14,266.8.
  const std::vector<double> f = benefit_by_month("2025-01", "{rate: forhoejet, children: 0.4, single: 0.6}");
  ASSERT_EQ(f.size(), 24u);
  EXPECT_NEAR(f[0], 13948.4, 1e-9);
  EXPECT_NEAR(f[5], 13948.4, 1e-9);
  EXPECT_NEAR(f[6], 14266.8, 1e-9);
  EXPECT_NEAR(f[23], 14266.8, 1e-9);
}

}  // namespace
}  // namespace sisim::model
