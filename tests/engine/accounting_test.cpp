// Whole-path accounting invariants, checked on the engine's output (MODEL.md section 11).
#include <gtest/gtest.h>

#include <cmath>

#include "engine_test_util.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {

using config::Budget;
using config::Config;

namespace {

RunOutput quick_run(const Config& config, std::int64_t paths = 300) {
  RunOptions options;
  options.progress = false;
  options.paths = paths;
  return run_simulation(config, options);
}

int item_index(const SeriesSummary& s, const std::string& name) {
  for (size_t i = 0; i < s.item_names.size(); ++i)
    if (s.item_names[i] == name) return static_cast<int>(i);
  return -1;
}

TEST(Accounting, TransfersNetToZeroInPublicTotal) {
  // Result grants (state -> municipality) and equalisation (municipality -> other municipalities)
  // move money between public budgets: in public_total every year's line must be exactly zero.
  const RunOutput run = quick_run(testing::load_or_fail(testing::small_scenario_yaml()));
  const auto& s = run.series;
  for (const char* item : {"result_grant", "equalisation"}) {
    const int i = item_index(s, item);
    ASSERT_GE(i, 0) << item;
    double moved = 0.0;
    for (int y = 0; y < s.years; ++y) {
      EXPECT_NEAR(s.annual_mean[kPublicTotal][static_cast<size_t>(y * s.items + i)], 0.0, 1e-6)
          << item << " year " << y;
      moved += std::fabs(
          s.annual_mean[static_cast<size_t>(Budget::municipality)][static_cast<size_t>(y * s.items + i)]);
    }
    EXPECT_GT(moved, 1000.0) << item << " should move real money between budgets";
  }
}

TEST(Accounting, PublicTotalIsTheSumOfThePublicBudgets) {
  const RunOutput run = quick_run(testing::load_or_fail(testing::small_scenario_yaml()), 100);
  const auto& c = run.columns;
  const auto& total = c.column(c.find("/paths/budgets/public_total/npv"));
  for (std::int64_t p = 0; p < c.rows(); ++p) {
    double sum = 0.0;
    for (const char* b : {"municipality", "state", "region", "other_municipalities"})
      sum += c.column(c.find(std::string("/paths/budgets/") + b + "/npv"))[static_cast<size_t>(p)];
    EXPECT_NEAR(total[static_cast<size_t>(p)], sum, 1e-6 * (1.0 + std::fabs(sum)));
  }
}

TEST(Accounting, NoEffectNoCostsNoContractGivesZeroMeanSavings) {
  // HR = 1, no programme costs, outcome prices 0 (no contract money): both arms are the same process, so
  // every budget's NPV has mean zero; checked within 4 standard errors.
  const Config config = testing::load_or_fail(
      testing::small_scenario_yaml(),
      {"intervention.effect={hazard_ratio: 1.0}", "intervention.retention_multiplier=1.0",
       "intervention.cost={setup: 0, fixed_monthly: 0, per_participant_monthly: 0}",
       "contract.outcomes.0.price=0", "contract.outcomes.1.price=0",
       "finance.guarantee={share_of_loss: 0, guarantor: foundation}"});
  const RunOutput run = quick_run(config, 600);
  const auto& c = run.columns;
  for (const char* b : {"municipality", "state", "region", "other_municipalities", "public_total"}) {
    const auto& x = c.column(c.find(std::string("/paths/budgets/") + b + "/npv"));
    double mean = 0.0, sq = 0.0;
    for (double v : x) mean += v;
    mean /= static_cast<double>(x.size());
    for (double v : x) sq += (v - mean) * (v - mean);
    const double se = std::sqrt(sq / static_cast<double>(x.size() - 1) / static_cast<double>(x.size()));
    EXPECT_LT(std::fabs(mean), 4.0 * se + 1e-9) << b << ": mean " << mean << " se " << se;
  }
}

TEST(Accounting, InvestorFundsCostsAndIsRepaidOnlyByOutcomes) {
  const RunOutput run = quick_run(testing::load_or_fail(testing::small_scenario_yaml()), 200);
  const auto& c = run.columns;
  const auto& drawn = c.column(c.find("/paths/investor/total_drawn"));
  const auto& received = c.column(c.find("/paths/investor/total_received"));
  const auto& paid = c.column(c.find("/paths/outcomes/paid"));
  for (size_t p = 0; p < drawn.size(); ++p) {
    EXPECT_GE(drawn[p], 100000.0);  // at least the set-up cost
    // Receipts come only out of payers' payments (provider share 0 here): never more than paid.
    EXPECT_LE(received[p], paid[p] + 1e-6);
  }
}

TEST(Accounting, CancelledRunStopsAndSaysSo) {
  cancel_flag().store(true);
  const RunOutput run = quick_run(testing::load_or_fail(testing::small_scenario_yaml()), 300);
  cancel_flag().store(false);
  EXPECT_TRUE(run.cancelled);
}

}  // namespace
}  // namespace sisim::engine
