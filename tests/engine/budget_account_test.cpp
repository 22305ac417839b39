// The budget-economic account's shortcuts (issue 16) against the plain definitions, to the last
// bit: lines neither arm wrote are skipped (and a line the previous path wrote is cleared), each
// budget's items are summed once for all six account budgets, and the readers of `net` (the
// account nets, gross savings, the annual series, society's lines) skip unwritten lines.
#include "sim/engine/budget_account.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/engine/funding_alternatives.hpp"
#include "sim/engine/series_collector.hpp"
#include "sim/model/flows.hpp"

namespace sisim::engine {
namespace {

using config::Budget;
using config::kBudgetCount;

using model::FlowTable;
using model::kFixedLineItems;
using model::LineItem;

constexpr int kMonths = 30;
constexpr int kItems = kFixedLineItems + 2;  // two public.other_flows lines

// A deterministic, irregular amount for (budget, item, month, arm): different in every cell.
double amount(int b, int i, int m, int arm) {
  return std::sin(1.0 + b * 7.0 + i * 13.0 + m * 0.37 + arm * 5.0) * (1000.0 + 17.0 * m);
}

// Writes the lines listed as (budget, item) into `table`, each with its own amounts.
void write_lines(FlowTable& table, const std::vector<std::pair<Budget, int>>& lines, int arm) {
  for (const auto& [b, i] : lines) {
    double* row = table.line(b, i);
    for (int m = 0; m < kMonths; ++m) row[m] = amount(static_cast<int>(b), i, m, arm);
  }
}

// net(b, i, m) as the definition states it, every cell computed.
double plain_net(const FlowTable& treated, const FlowTable& counterfactual, const PaymentsByBudget& outcome,
                 const PaymentsByBudget& guarantee, Budget b, int i, int m) {
  double v = counterfactual.at(b, i, m) - treated.at(b, i, m);
  const auto k = static_cast<size_t>(b);
  if (i == static_cast<int>(LineItem::outcome_payments) && !outcome[k].empty()) v += -outcome[k][size_t(m)];
  if (i == static_cast<int>(LineItem::guarantee) && !guarantee[k].empty()) v += -guarantee[k][size_t(m)];
  return v;
}

// Month m of account budget `account`, every item of every budget it covers added month by month.
double plain_account(const FlowTable& net, int account, int m) {
  const auto [first, last] = account_budget_range(account);
  double out = 0.0;
  for (int b = first; b <= last; ++b) {
    double budget = 0.0;
    for (int i = 0; i < net.items(); ++i) budget += net.at(static_cast<Budget>(b), i, m);
    out += budget;
  }
  return out;
}

TEST(BudgetAccount, SkippedLinesGiveThePlainAccountBitForBit) {
  FlowTable treated(kMonths, kItems), counterfactual(kMonths, kItems), net;
  PaymentsByBudget outcome, guarantee;
  // Path 1 writes some lines, path 2 others (the table is reused, as the engine's scratch is): a
  // line path 1 wrote and path 2 did not must read zero on path 2.
  const std::vector<std::vector<std::pair<Budget, int>>> treated_lines = {
      {{Budget::municipality, 0}, {Budget::state, 4}, {Budget::municipality, 9}, {Budget::foundation, 3}},
      {{Budget::municipality, 2}, {Budget::other_municipalities, 3}, {Budget::state, 8}}};
  const std::vector<std::vector<std::pair<Budget, int>>> counterfactual_lines = {
      {{Budget::municipality, 0}, {Budget::region, 1}, {Budget::state, 4}},
      {{Budget::municipality, 2}, {Budget::state, 4}, {Budget::region, 9}}};
  for (int path = 0; path < 2; ++path) {
    treated.clear();
    counterfactual.clear();
    write_lines(treated, treated_lines[size_t(path)], 0);
    write_lines(counterfactual, counterfactual_lines[size_t(path)], 1);
    for (auto& p : outcome) p.clear();
    for (auto& p : guarantee) p.clear();
    outcome[static_cast<size_t>(Budget::municipality)].assign(kMonths, 0.0);
    outcome[static_cast<size_t>(Budget::municipality)][size_t(6 + path)] = 250000.0;
    if (path == 0) guarantee[static_cast<size_t>(Budget::foundation)].assign(kMonths, 1234.5);
    outcome[static_cast<size_t>(Budget::state)].assign(kMonths, 0.0);  // a payer that pays nothing

    compute_budget_account(treated, counterfactual, outcome, guarantee, net);
    const FlowTable& view = net;  // read through const: a non-const at() marks the line written
    for (int b = 0; b < kBudgetCount; ++b)
      for (int i = 0; i < kItems; ++i)
        for (int m = 0; m < kMonths; ++m)
          ASSERT_EQ(view.at(static_cast<Budget>(b), i, m),
                    plain_net(treated, counterfactual, outcome, guarantee, static_cast<Budget>(b), i, m))
              << "path " << path << ", budget " << b << ", item " << i << ", month " << m;
    // A budget that paid nothing has no outcome-payment line to read.
    EXPECT_FALSE(view.written(Budget::state, static_cast<int>(LineItem::outcome_payments)));
    EXPECT_TRUE(view.written(Budget::municipality, static_cast<int>(LineItem::outcome_payments)));
    // Path 2 wrote neither the foundation's guarantee line nor item 3 there: all zero now.
    if (path == 1)
      for (int m = 0; m < kMonths; ++m) {
        EXPECT_EQ(view.at(Budget::foundation, static_cast<int>(LineItem::guarantee), m), 0.0);
        EXPECT_EQ(view.at(Budget::foundation, 3, m), 0.0);
      }

    std::array<std::vector<double>, kBudgetCount> totals;
    std::array<std::vector<double>, kAccountBudgets> nets;
    budget_totals(view, totals);
    account_nets(totals, nets);
    for (int account = 0; account < kAccountBudgets; ++account) {
      std::vector<double> one;
      monthly_net(view, account, one);
      ASSERT_EQ(nets[size_t(account)].size(), size_t(kMonths));
      for (int m = 0; m < kMonths; ++m) {
        EXPECT_EQ(nets[size_t(account)][size_t(m)], plain_account(view, account, m)) << account << " " << m;
        EXPECT_EQ(one[size_t(m)], plain_account(view, account, m)) << account << " " << m;
      }
    }

    // Gross savings: every line but the contract's two, summed month by month over the budgets.
    for (const int account : {static_cast<int>(Budget::municipality), kPublicTotal}) {
      std::vector<double> savings;
      gross_savings(view, account, savings);
      const auto [first, last] = account_budget_range(account);
      for (int m = 0; m < kMonths; ++m) {
        double plain = 0.0;
        for (int b = first; b <= last; ++b)
          for (int i = 0; i < kItems; ++i)
            if (i != static_cast<int>(LineItem::outcome_payments) &&
                i != static_cast<int>(LineItem::guarantee))
              plain += view.at(static_cast<Budget>(b), i, m);
        EXPECT_EQ(savings[size_t(m)], plain) << account << " " << m;
      }
    }

    // The annual series: each (budget, year, item) the sum of its twelve months, in month order.
    const SeriesCollector series(1, 0, kMonths, kItems, 1);
    std::vector<double> annual;
    series.annual_of(view, annual);
    const int years = (kMonths + 11) / 12;
    for (int b = 0; b < kBudgetCount; ++b)
      for (int y = 0; y < years; ++y)
        for (int i = 0; i < kItems; ++i) {
          double plain = 0.0;
          for (int m = 12 * y; m < std::min(kMonths, 12 * y + 12); ++m)
            plain += view.at(static_cast<Budget>(b), i, m);
          EXPECT_EQ(annual[size_t((b * years + y) * kItems + i)], plain) << b << " " << y << " " << i;
        }
  }
}

}  // namespace
}  // namespace sisim::engine
