// Same seed, same binary: bit-identical results for any thread count (ARCHITECTURE.md).
#include <gtest/gtest.h>

#include <cstring>

#include "engine_test_util.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {

using config::Config;

namespace {

bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

RunOutput run_with_threads(const Config& config, int threads) {
  RunOptions options;
  options.threads = threads;
  options.progress = false;
  options.fan_paths = 100;  // fewer than the paths: exercises the bounded fan-chart sample
  return run_simulation(config, options);
}

TEST(Determinism, ColumnsAndSeriesAreBitIdenticalForAnyThreadCount) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  const RunOutput reference = run_with_threads(config, 1);
  ASSERT_EQ(reference.columns.rows(), 300);
  for (int threads : {2, 3, 7}) {
    const RunOutput other = run_with_threads(config, threads);
    ASSERT_EQ(other.columns.specs().size(), reference.columns.specs().size());
    for (size_t c = 0; c < reference.columns.specs().size(); ++c)
      EXPECT_TRUE(
          same_bits(reference.columns.column(static_cast<int>(c)), other.columns.column(static_cast<int>(c))))
          << reference.columns.specs()[c].path << " differs with " << threads << " threads";
    EXPECT_TRUE(same_bits(reference.series.investor_cash_fan, other.series.investor_cash_fan));
    for (int b = 0; b < kAccountBudgets; ++b) {
      EXPECT_TRUE(same_bits(reference.series.annual_mean[static_cast<size_t>(b)],
                            other.series.annual_mean[static_cast<size_t>(b)]))
          << "annual mean of budget " << b << " with " << threads << " threads";
      EXPECT_TRUE(same_bits(reference.series.budget_net_fan[static_cast<size_t>(b)],
                            other.series.budget_net_fan[static_cast<size_t>(b)]));
    }
  }
}

TEST(Determinism, DifferentSeedsGiveDifferentResults) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  RunOptions options;
  options.progress = false;
  options.paths = 50;
  const RunOutput a = run_simulation(config, options);
  options.seed = 8;
  options.seed_set = true;
  const RunOutput b = run_simulation(config, options);
  const int npv = a.columns.find("/paths/investor/npv");
  EXPECT_FALSE(same_bits(a.columns.column(npv), b.columns.column(npv)));
}

TEST(Determinism, APathDoesNotDependOnHowManyPathsRun) {
  // Path i is a pure function of (seed, i): a run of 50 paths is the prefix of a run of 300.
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  RunOptions options;
  options.progress = false;
  options.paths = 50;
  const RunOutput short_run = run_simulation(config, options);
  options.paths = 300;
  const RunOutput long_run = run_simulation(config, options);
  for (size_t c = 0; c < short_run.columns.specs().size(); ++c) {
    const auto& s = short_run.columns.column(static_cast<int>(c));
    const auto& l = long_run.columns.column(static_cast<int>(c));
    EXPECT_EQ(std::memcmp(s.data(), l.data(), s.size() * sizeof(double)), 0)
        << short_run.columns.specs()[c].path;
  }
}

}  // namespace
}  // namespace sisim::engine
