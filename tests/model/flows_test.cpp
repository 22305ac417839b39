// Budget flows worked by hand (MODEL.md sections 6 and 12): closed forms with all hazards 0,
// a deterministic B/E pattern (hazards 0 or 1) for the refusion ladder, reset and result grant,
// the example's tax rates, and the Danish ministry budget-structure example.
#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "sim/model/model.hpp"

namespace sisim::model {

using config::Budget;
using config::Config;
using config::OtherFlow;
using config::Param;

namespace {

constexpr int kRefusion = static_cast<int>(LineItem::refusion);

double item(const ArmResult& arm, Budget b, LineItem i, int m) {
  return arm.flows.at(b, static_cast<int>(i), m);
}

// Example rates: allowance 49,700 / 12 a month, municipal 25 %, state bottom 12.01 %, AMB 8 %.
constexpr double kAllowance = 49700.0 / 12.0;
constexpr double kBenefit = 12326.0;
constexpr double kWage = 22400.0 * 0.7;  // 15,680

TEST(Flows, TaxOnBenefitAndWageByHand) {
  // Benefit: taxable 12,326 - 4,141.67 = 8,184.33; municipal tax 2,046.08; state tax 982.94.
  const double taxable_b = kBenefit - kAllowance;
  EXPECT_NEAR(taxable_b, 8184.3333333, 1e-6);
  // Wage: AMB 1,254.40; taxable 15,680 - 1,254.40 - 4,141.67 = 10,283.93; municipal 2,570.98;
  // state bottom 0.1201 * 10,283.93 = 1,235.10, state total 2,489.50.
  const double taxable_y = kWage - 0.08 * kWage - kAllowance;
  EXPECT_NEAR(taxable_y, 10283.9333333, 1e-6);

  const Model model(test::single_segment_config());
  const PathParameters pp = model.resolve({});
  const SegmentParameters& seg = pp.segments[0];
  auto sum = [](const std::vector<FlowEntry>& flows, Budget b, LineItem i) {
    double s = 0.0;
    for (const FlowEntry& f : flows) s += (f.budget == b && f.item == static_cast<int>(i)) ? f.amount : 0.0;
    return s;
  };
  EXPECT_NEAR(sum(seg.benefit_flows, Budget::municipality, LineItem::benefit), 12326.0, 1e-9);
  EXPECT_NEAR(sum(seg.benefit_flows, Budget::municipality, LineItem::municipal_tax), -2046.0833333, 1e-6);
  EXPECT_NEAR(sum(seg.benefit_flows, Budget::state, LineItem::state_tax), -982.9384333, 1e-6);
  EXPECT_NEAR(sum(seg.employed_flows, Budget::municipality, LineItem::municipal_tax), -2570.9833333, 1e-6);
  EXPECT_NEAR(sum(seg.employed_flows, Budget::state, LineItem::state_tax), -(1254.4 + 1235.1003933), 1e-6);
  // Equalisation moves 75 % of the municipal tax (retention 0.25) to the other municipalities.
  EXPECT_NEAR(sum(seg.employed_flows, Budget::municipality, LineItem::equalisation), 0.75 * 2570.9833333,
              1e-6);
  EXPECT_NEAR(sum(seg.employed_flows, Budget::other_municipalities, LineItem::equalisation),
              -0.75 * 2570.9833333, 1e-6);
}

TEST(Flows, DanishMinistryBudgetStructure) {
  // Pre-2007 worked example: +30,000 tax, -23,400 equalisation (78 % moved: retention 0.22),
  // +68,200 saved spending gives the municipality +74,800. Built as one person-month on benefit
  // 68,200 (no refusion, no allowance, no AMB) versus one employed at a wage 120,000 higher.
  Config c = test::single_segment_config();
  c.public_.tax.municipal_retention = Param::constant(0.22);
  c.public_.tax.personal_allowance_annual = Param::constant(0.0);
  c.public_.tax.labour_market_contribution = Param::constant(0.0);
  c.public_.refusion.ladder = {{0, 0.0}};
  c.cohort.segments[0].benefit_monthly = Param::constant(68200);
  c.cohort.segments[0].wage_monthly = Param::constant(188200);
  c.cohort.segments[0].hours_fraction = Param::constant(1.0);
  const PathParameters pp = Model(c).resolve({});
  double tax = 0, equalisation = 0, spending = 0, total = 0;
  auto account = [&](const std::vector<FlowEntry>& flows, double sign) {
    for (const FlowEntry& f : flows) {
      if (f.budget != Budget::municipality) continue;
      const double saving = sign * f.amount;  // savings = counterfactual (B) minus treated (E) cost
      total += saving;
      if (f.item == static_cast<int>(LineItem::municipal_tax)) tax += saving;
      if (f.item == static_cast<int>(LineItem::equalisation)) equalisation += saving;
      if (f.item == static_cast<int>(LineItem::benefit)) spending += saving;
    }
  };
  account(pp.segments[0].benefit_flows, +1.0);
  account(pp.segments[0].employed_flows, -1.0);
  EXPECT_NEAR(tax, 30000.0, 1e-6);
  EXPECT_NEAR(equalisation, -23400.0, 1e-6);
  EXPECT_NEAR(spending, 68200.0, 1e-6);
  EXPECT_NEAR(total, 74800.0, 1e-6);
}

TEST(Flows, AllHazardsZeroClosedForm) {
  // Ten people enrolled over 5 months (two a month), nobody ever moves: everyone is on benefit
  // from enrolment to the horizon. Prior weeks 30: 30 % refusion for benefit months n = 0..5
  // (30 + 52*5/12 = 51.67 weeks), 20 % from n = 6 (56 weeks).
  Config c = test::single_segment_config();
  c.cohort.enrolment_months = 5;
  c.cohort.segments[0].prior_benefit_weeks = Param::constant(30);
  c.intervention.effect.hazard_ratio = Param::constant(3.0);
  c.intervention.cost.setup = Param::constant(400000);
  c.intervention.cost.fixed_monthly = Param::constant(60000);
  c.intervention.cost.per_participant_monthly = Param::constant(4000);
  OtherFlow health;
  health.name = "health";
  health.budget = Budget::region;
  health.on_benefit = Param::constant(1800);
  health.employed = Param::constant(1100);
  c.public_.other_flows = {health};
  const PathSimulation p = test::run_path(c, {});
  const double taxable = kBenefit - kAllowance;
  for (int m = 0; m < 60; ++m) {
    double people = 0, refund = 0, in_programme = 0;
    for (int i = 0; i < 10; ++i) {
      const int e = i / 2, n = m - e;
      if (n < 0) continue;
      people += 1;
      refund += (n <= 5 ? 0.30 : 0.20) * kBenefit;
      in_programme += n < 12 ? 1 : 0;
    }
    for (const ArmResult* arm : {&p.treated, &p.counterfactual}) {
      EXPECT_NEAR(item(*arm, Budget::municipality, LineItem::benefit, m), people * kBenefit, 1e-6);
      EXPECT_NEAR(item(*arm, Budget::municipality, LineItem::refusion, m), -refund, 1e-6);
      EXPECT_NEAR(item(*arm, Budget::state, LineItem::refusion, m), refund, 1e-6);
      EXPECT_NEAR(item(*arm, Budget::municipality, LineItem::municipal_tax, m), -people * 0.25 * taxable,
                  1e-6);
      EXPECT_NEAR(item(*arm, Budget::other_municipalities, LineItem::equalisation, m),
                  -people * 0.75 * 0.25 * taxable, 1e-6);
      EXPECT_NEAR(item(*arm, Budget::state, LineItem::state_tax, m), -people * 0.1201 * taxable, 1e-6);
      EXPECT_NEAR(arm->flows.at(Budget::region, kFixedLineItems, m), people * 1800, 1e-6);
      EXPECT_EQ(arm->employed_count[m], 0.0);
    }
    // Investor: setup in month 0, fixed over months 0 .. e_last + D - 1 = 4 + 11, 4,000 a place.
    const double expected = 4000 * in_programme + (m <= 15 ? 60000 : 0) + (m == 0 ? 400000 : 0);
    EXPECT_NEAR(p.investor_costs[m], expected, 1e-6) << "month " << m;
  }
}

// One person, hazards 0/1: the counterfactual alternates B, E, B, E, ...; the treated person keeps
// the job while in the programme (retention multiplier 0), then alternates again.
Config alternating_config() {
  Config c = test::alternating_person_config();
  c.intervention.cost.per_participant_monthly = Param::constant(4000);
  c.intervention.cost.fixed_monthly = Param::constant(60000);
  return c;
}

double rate_at_benefit_month(int n) {  // prior weeks 0: w = 52 n / 12
  return test::ladder_rate_at_benefit_month(n);
}

TEST(Flows, RefusionLadderResetAndResultGrant) {
  const PathSimulation p = test::run_path(alternating_config(), {});
  for (int m = 0; m < 40; ++m) {
    // Counterfactual: B in even months, the n-th benefit month is month 2n; never 12 months off.
    const double cf_refund = m % 2 == 0 ? rate_at_benefit_month(m / 2) * kBenefit : 0.0;
    EXPECT_NEAR(p.counterfactual.flows.at(Budget::state, kRefusion, m), cf_refund, 1e-9) << "month " << m;
    // Treated: B in month 0, E in months 1..13 (13 months off: weeks reset to 0 at month 12),
    // then B in even months from 14 with n = (m - 14) / 2 counted from the reset.
    double tr_refund = 0.0;
    if (m == 0) tr_refund = 0.80 * kBenefit;
    if (m >= 14 && m % 2 == 0) tr_refund = rate_at_benefit_month((m - 14) / 2) * kBenefit;
    EXPECT_NEAR(p.treated.flows.at(Budget::state, kRefusion, m), tr_refund, 1e-9) << "month " << m;
    EXPECT_NEAR(p.treated.flows.at(Budget::municipality, kRefusion, m), -tr_refund, 1e-9);
    // Result grant: the treated run reaches 6 months in month 6; runs of one month never do.
    const double grant = m == 6 ? 88817.0 : 0.0;
    EXPECT_EQ(item(p.treated, Budget::state, LineItem::result_grant, m), grant);
    EXPECT_EQ(item(p.treated, Budget::municipality, LineItem::result_grant, m), -grant);
    EXPECT_EQ(item(p.counterfactual, Budget::state, LineItem::result_grant, m), 0.0);
    // Employed months pay AMB + state bottom tax on the wage.
    const bool treated_employed = (m >= 1 && m <= 13) || (m > 14 && m % 2 == 1);
    const double wage_state_tax = -(0.08 * kWage + 0.1201 * (0.92 * kWage - kAllowance));
    const double benefit_state_tax = -0.1201 * (kBenefit - kAllowance);
    EXPECT_NEAR(item(p.treated, Budget::state, LineItem::state_tax, m),
                treated_employed ? wage_state_tax : benefit_state_tax, 1e-6);
    // Programme months 0..12: 4,000 a participant + 60,000 fixed.
    EXPECT_EQ(p.investor_costs[m], m <= 12 ? 64000.0 : 0.0);
  }
  EXPECT_EQ(p.counterfactual.employment_months, 20);
  EXPECT_EQ(p.counterfactual.job_starts, 20);
  EXPECT_EQ(p.treated.employment_months, 13 + 13);
  EXPECT_EQ(p.treated.job_starts, 1 + 13);
  EXPECT_EQ(p.treated.result_grants, 1);
  ASSERT_EQ(p.treated.people[0].employment.size(), 14u);
  EXPECT_EQ(p.treated.people[0].employment[0].start, 1);
  EXPECT_EQ(p.treated.people[0].employment[0].end, 14);
  EXPECT_EQ(p.completers, 1);
}

TEST(Flows, TerminationMakesParticipantsDropouts) {
  // Contract ends after month 5: services stop, the person is a dropout from month 6 (separation
  // back at its counterfactual level 1): E in months 1..6, B in month 7, then alternating.
  const PathSimulation p = test::run_path(alternating_config(), {}, 0, 5);
  ASSERT_GE(p.treated.people[0].employment.size(), 2u);
  EXPECT_EQ(p.treated.people[0].employment[0].start, 1);
  EXPECT_EQ(p.treated.people[0].employment[0].end, 7);
  EXPECT_EQ(p.treated.people[0].employment[1].start, 8);
  EXPECT_EQ(item(p.treated, Budget::state, LineItem::result_grant, 6), 88817.0);
  for (int m = 0; m < 40; ++m) EXPECT_EQ(p.investor_costs[m], m <= 5 ? 64000.0 : 0.0) << "month " << m;
  EXPECT_EQ(p.completers, 0);
  EXPECT_EQ(p.programme_starts, 1);
}

TEST(Flows, RefusionClassBoundariesAreExact) {
  // Prior weeks 0: 4 weeks at n = 1 (4.33), exactly 26 weeks at n = 6, exactly 52 at n = 12.
  const PathParameters pp = Model(test::single_segment_config()).resolve({});
  const std::vector<int> expected = {0, 0, 1, 6, 12};  // class 0 = below the ladder, then 80/40/30/20 %
  EXPECT_EQ(pp.segments[0].refusion_start_prior, expected);
  EXPECT_EQ(pp.segments[0].refusion_start_reset, expected);
  EXPECT_EQ(benefit_weeks(0.0, 6), 26.0);
}

TEST(Flows, TransfersNetToZeroAcrossPublicBudgets) {
  const Config c = test::example_config();
  double grants = 0.0, equalisation = 0.0;
  for (std::uint64_t path = 0; path < 5; ++path) {
    const PathSimulation p = test::run_path(c, test::example_draws(), path);
    for (const ArmResult* arm : {&p.treated, &p.counterfactual}) {
      for (int m = 0; m < arm->flows.months(); ++m) {
        for (LineItem transfer : {LineItem::result_grant, LineItem::equalisation}) {
          double net = 0.0;
          for (Budget b :
               {Budget::municipality, Budget::state, Budget::region, Budget::other_municipalities}) {
            net += item(*arm, b, transfer, m);
          }
          EXPECT_NEAR(net, 0.0, 1e-6);
        }
        grants += item(*arm, Budget::state, LineItem::result_grant, m);
        equalisation += item(*arm, Budget::municipality, LineItem::equalisation, m);
      }
    }
  }
  EXPECT_GT(grants, 0.0);  // the test would see a broken transfer
  EXPECT_GT(equalisation, 0.0);
}

TEST(Flows, UnknownOtherFlowOverrideIsAnError) {
  Config c = test::example_config();
  c.cohort.segments[1].other_flows["no_such_flow"] = {Param::constant(1), Param::constant(1)};
  EXPECT_THROW(Model{c}, std::invalid_argument);
}

TEST(Flows, LineItemNames) {
  EXPECT_STREQ(to_string(LineItem::refusion), "refusion");
  EXPECT_STREQ(to_string(LineItem::guarantee), "guarantee");
}

}  // namespace
}  // namespace sisim::model
