// Society's account and the funding alternatives (docs/MODEL.md 14-15): a hand-worked person-year,
// the identity "society = public budgets + the private parties" path by path, and the co-funding
// repayment rule by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "engine_test_util.hpp"
#include "sim/engine/budget_account.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/funding_alternatives.hpp"
#include "sim/engine/society_account.hpp"
#include "sim/finance/npv.hpp"
#include "sim/model/model.hpp"
#include "sim/model/path_simulation.hpp"
#include "sim/rng/philox.hpp"

namespace sisim::engine {

using rng::DistKind;

using config::Budget;
using config::Config;

using model::ArmHistory;
using model::ArmResult;
using model::FlowTable;
using model::kFixedLineItems;
using model::LineItem;
using model::Model;
using model::PathParameters;
using model::PathSimulation;
using model::simulate_path;

using contract::ContractOutcome;

namespace {

constexpr int kMonths = 12;

// One person's month on benefit (counterfactual) or employed (treated), booked as MODEL.md 8 states
// the Danish rules: municipal tax 25 %, retention 0.25, state bottom tax 12.01 %, AM-bidrag 8 %,
// allowance 49,700 a year, refusion 20 % (more than 52 weeks on benefit).
void book_benefit_month(FlowTable& f, int m, double b) {
  const double a = 49700.0 / 12.0, taxable = b - a;
  auto add = [&](Budget budget, LineItem item, double v) { f.add(budget, item, m, v); };
  add(Budget::municipality, LineItem::benefit, b);
  add(Budget::municipality, LineItem::refusion, -0.20 * b);
  add(Budget::state, LineItem::refusion, 0.20 * b);
  add(Budget::municipality, LineItem::municipal_tax, -0.25 * taxable);
  add(Budget::municipality, LineItem::equalisation, 0.75 * 0.25 * taxable);
  add(Budget::other_municipalities, LineItem::equalisation, -0.75 * 0.25 * taxable);
  add(Budget::state, LineItem::state_tax, -0.1201 * taxable);
}

void book_employed_month(FlowTable& f, int m, double y) {
  const double a = 49700.0 / 12.0, taxable = y - 0.08 * y - a;
  auto add = [&](Budget budget, LineItem item, double v) { f.add(budget, item, m, v); };
  add(Budget::state, LineItem::state_tax, -0.08 * y);
  add(Budget::municipality, LineItem::municipal_tax, -0.25 * taxable);
  add(Budget::municipality, LineItem::equalisation, 0.75 * 0.25 * taxable);
  add(Budget::other_municipalities, LineItem::equalisation, -0.75 * 0.25 * taxable);
  add(Budget::state, LineItem::state_tax, -0.1201 * taxable);
}

double sum(const std::vector<double>& v) {
  double s = 0.0;
  for (double x : v) s += x;
  return s;
}

TEST(SocietyAccount, OnePersonOneYearByHand) {
  // Without the programme the person draws 12,000 DKK/month of benefit all year; with it she works
  // all year for 20,000 DKK/month gross. The programme costs 5,000 DKK/month, funded by the investor,
  // who is paid nothing. Distortion rate 10 % (Finansministeriet 2017), employer costs 10 %.
  ArmResult treated, counterfactual;
  treated.flows = counterfactual.flows = FlowTable(kMonths, kFixedLineItems);
  treated.earnings.assign(kMonths, 20000.0);
  counterfactual.earnings.assign(kMonths, 0.0);
  for (int m = 0; m < kMonths; ++m) {
    book_benefit_month(counterfactual.flows, m, 12000.0);
    book_employed_month(treated.flows, m, 20000.0);
  }
  FlowTable net;
  PaymentsByBudget none;
  compute_budget_account(treated.flows, counterfactual.flows, none, none, net);
  std::vector<double> public_net;
  monthly_net(net, kPublicTotal, public_net);
  ContractOutcome contract;
  contract.investor_flows.assign(kMonths, -5000.0);
  const std::vector<double> costs(kMonths, 5000.0);
  SocietyAccount account;
  compute_society_account({0.10, 0.10}, treated, counterfactual, net, public_net, costs, contract, account);

  // By hand, per month. The allowance cancels between the two states, so the public budgets gain
  // the benefit 12,000 + AM-bidrag 1,600 + income tax 37.01 % on the extra taxable income
  // (18,400 - 12,000 = 6,400): 2,368.64; in all 15,968.64 DKK/month.
  const double public_month = 12000.0 + 1600.0 + 0.3701 * 6400.0;
  EXPECT_NEAR(sum(public_net), 12.0 * public_month, 1e-6);  // 191,623.68 a year
  // The participant: 20,000 more wages, 12,000 less benefit, 3,968.64 more tax = +4,031.36/month.
  const double participant_month = 20000.0 - 12000.0 - (1600.0 + 0.3701 * 6400.0);
  EXPECT_NEAR(sum(account.parties[static_cast<size_t>(SocietyParty::participants)]), 12.0 * participant_month,
              1e-6);
  // Society: production 20,000 x 1.1 = 22,000, programme -5,000, distortion gain 10 % x 15,968.64
  // = 1,596.864: 18,596.864 a month, 223,162.368 a year.
  EXPECT_NEAR(sum(account.items[static_cast<size_t>(SocietyItem::production_value)]), 12.0 * 22000.0, 1e-6);
  EXPECT_NEAR(sum(account.items[static_cast<size_t>(SocietyItem::programme_costs)]), -60000.0, 1e-9);
  EXPECT_NEAR(sum(account.items[static_cast<size_t>(SocietyItem::distortion)]), 12.0 * 1596.864, 1e-6);
  EXPECT_NEAR(sum(account.items[static_cast<size_t>(SocietyItem::public_services)]), 0.0, 1e-9);
  EXPECT_NEAR(sum(account.total), 223162.368, 1e-6);
  // The division adds up: public 191,623.68 + participant 48,376.32 + investor -60,000 + employer
  // costs 24,000 + distortion 19,162.368 = 223,162.368.
  double parties = sum(public_net);
  for (const auto& party : account.parties) parties += sum(party);
  EXPECT_NEAR(parties, 223162.368, 1e-6);
  // The municipality alone: benefit 12,000 - refusion 2,400 + municipal tax 25 % x 6,400 - the 75 %
  // of it equalised away = 10,000 DKK/month.
  std::vector<double> municipality;
  monthly_net(net, static_cast<int>(Budget::municipality), municipality);
  EXPECT_NEAR(sum(municipality), 120000.0, 1e-6);
}

RunOutput society_run(std::int64_t paths) {
  const Config config = testing::load_or_fail(
      testing::small_scenario_yaml(),
      {"society={distortion_rate: 0.1, employer_cost_share: 0.15}", "finance.provider_share=0.1",
       "alternatives={co_funding: {funder: foundation, share_of_costs: 0.4, repayment_share_of_savings: 0.5, "
       "repayment_start_month: 12, repayment_months: 36}}"});
  RunOptions options;
  options.progress = false;
  options.paths = paths;
  return run_simulation(config, options);
}

TEST(SocietyAccount, EqualsPublicBudgetsPlusPrivatePartiesOnEveryPath) {
  // Society's account is built from real resources (production, programme costs, services,
  // distortion); the division from cash flows. They must agree path by path.
  const RunOutput run = society_run(200);
  const auto& c = run.columns;
  auto col = [&](const std::string& p) -> const std::vector<double>& {
    const int i = c.find(p);
    EXPECT_GE(i, 0) << p;
    return c.column(i);
  };
  const auto& society = col("/paths/society/npv");
  double spread = 0.0;
  for (std::int64_t p = 0; p < c.rows(); ++p) {
    const auto k = static_cast<size_t>(p);
    double parts = 0.0;
    for (const char* b : {"municipality", "state", "region", "other_municipalities"})
      parts += col(std::string("/paths/budgets/") + b + "/npv")[k];
    for (int q = 0; q < kSocietyParties; ++q)
      parts += col(std::string("/paths/society/division/") + to_string(static_cast<SocietyParty>(q)))[k];
    EXPECT_NEAR(society[k], parts, 1e-6 * (1.0 + std::fabs(parts))) << "path " << p;
    double lines = 0.0;
    for (int q = 0; q < kSocietyItems; ++q)
      lines += col(std::string("/paths/society/") + to_string(static_cast<SocietyItem>(q)))[k];
    EXPECT_NEAR(society[k], lines, 1e-6 * (1.0 + std::fabs(lines))) << "path " << p;
    spread += std::fabs(society[k] - society[0]);
    // (b) own funding = the municipality's savings minus the programme costs; (c) is its budget.
    EXPECT_NEAR(col("/paths/alternatives/own_funding")[k] + col("/paths/alternatives/programme_costs")[k],
                col("/paths/alternatives/municipal_savings")[k], 1e-6 * (1.0 + std::fabs(society[k])));
    EXPECT_EQ(col("/paths/alternatives/outcome_contract")[k], col("/paths/budgets/municipality/npv")[k]);
    // (d): the municipality and the fund share the same costs and repayments.
    EXPECT_NEAR(col("/paths/alternatives/co_funding")[k] + col("/paths/alternatives/co_funding_fund")[k],
                col("/paths/alternatives/own_funding")[k], 1e-6 * (1.0 + std::fabs(society[k])));
  }
  EXPECT_GT(spread, 1000.0);  // the columns are not all one constant
  // The provider share and the distortion rate make those parties non-zero on some path.
  EXPECT_GT(sum(col("/paths/society/division/provider")), 0.0);
  EXPECT_NE(sum(col("/paths/society/division/distortion")), 0.0);
  // The annual lines sum to the undiscounted account: check the mean's shape only here.
  EXPECT_EQ(run.series.society_mean.size(), static_cast<size_t>(run.series.years * kSocietyItems));
}

TEST(FundingAlternatives, ConditionalGrantRepaidFromSavingsByHand) {
  // Savings 100 a month (benefit line), costs 200 in months 0-1. A fund pays 50 % of the costs; the
  // municipality repays 50 % of its savings in months 2-3 only; the rest (100) is forgiven.
  FlowTable net(6, kFixedLineItems);
  for (int m = 0; m < 6; ++m) net.add(Budget::municipality, LineItem::benefit, m, 100.0);
  net.add(Budget::municipality, LineItem::outcome_payments, 4, -70.0);  // not a saving: excluded
  const std::vector<double> costs = {200, 200, 0, 0, 0, 0};
  FundingAlternatives out;
  compute_funding_alternatives({true, 0.5, 0.5, 2, 2}, net, costs, out);
  const std::vector<double> own = {-100, -100, 100, 100, 100, 100};
  const std::vector<double> co = {0, 0, 50, 50, 100, 100};
  const std::vector<double> fund = {-100, -100, 50, 50, 0, 0};
  for (size_t m = 0; m < 6; ++m) {
    EXPECT_DOUBLE_EQ(out.municipal_savings[m], 100.0) << m;
    EXPECT_DOUBLE_EQ(out.own_funding[m], own[m]) << m;
    EXPECT_DOUBLE_EQ(out.co_funding[m], co[m]) << m;
    EXPECT_DOUBLE_EQ(out.fund[m], fund[m]) << m;
  }
  // A plain grant (no repayment): the municipality pays half the costs and keeps every saving.
  compute_funding_alternatives({true, 0.5, 0.0, 0, 0}, net, costs, out);
  EXPECT_DOUBLE_EQ(out.co_funding[0], 0.0);
  EXPECT_DOUBLE_EQ(out.co_funding[2], 100.0);
  EXPECT_DOUBLE_EQ(sum(out.fund), -200.0);
}

}  // namespace
}  // namespace sisim::engine

namespace sisim::engine {
namespace {

TEST(AgeAtStart, DrawnUniformlyOverTheSegmentsRangeAndMovesNoOtherDraw) {
  // A segment aged 18-24: 7 ages, each with probability 1/7. 6,000 people on one path: each count
  // is binomial(6000, 1/7), mean 857.1, sd 27.1; all within 5 sd.
  const std::string ages = "cohort.segments.a.age_at_start={min: 18, max: 24}";
  const Config with = testing::load_or_fail(testing::small_scenario_yaml(), {"cohort.size=6000", ages});
  const Config without = testing::load_or_fail(testing::small_scenario_yaml(), {"cohort.size=6000"});
  RunOptions options;
  options.progress = false;
  options.paths = 2;
  const RunOutput a = run_simulation(with, options), b = run_simulation(without, options);
  // The ages add a draw to the segment stream's second slot only: every result is unchanged.
  for (const char* col : {"/paths/budgets/municipality/npv", "/paths/investor/npv", "/paths/society/npv"})
    EXPECT_EQ(a.columns.column(a.columns.find(col)), b.columns.column(b.columns.find(col))) << col;
  const Model model(with);
  std::vector<double> draws(with.uncertain.size(), 0.5);
  for (size_t i = 0; i < with.uncertain.size(); ++i)
    draws[i] = with.uncertain[i].dist.kind == DistKind::uniform
                   ? 0.5 * (with.uncertain[i].dist.low + with.uncertain[i].dist.high)
                   : with.uncertain[i].dist.mode;
  const PathParameters pp = model.resolve(draws);
  PathSimulation sim;
  simulate_path(model, pp, std::vector<std::uint8_t>(static_cast<size_t>(pp.horizon_months), 0), -1,
                rng::key_from_seed(7), 0, sim);
  std::array<int, 7> count{};
  int segment_b = 0;
  for (const ArmHistory& h : sim.treated.people) {
    if (h.segment != 0) {
      EXPECT_EQ(h.age_at_start, -1);
      ++segment_b;
      continue;
    }
    ASSERT_GE(h.age_at_start, 18);
    ASSERT_LE(h.age_at_start, 24);
    ++count[static_cast<size_t>(h.age_at_start - 18)];
  }
  const double n = static_cast<double>(sim.treated.people.size() - static_cast<size_t>(segment_b));
  for (int c : count) EXPECT_NEAR(c, n / 7.0, 5.0 * std::sqrt(n * (1.0 / 7.0) * (6.0 / 7.0)));
}

}  // namespace
}  // namespace sisim::engine
