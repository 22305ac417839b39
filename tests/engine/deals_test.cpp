// The shipped real-deal scenarios (scenarios/deals/) on the engine.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "config/loader.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {

using config::format_errors;
using config::load_config;
using config::LoadResult;

namespace {

RunOutput run_deal(const std::string& file, std::int64_t paths) {
  const LoadResult r = load_config(std::string(SISIM_SOURCE_DIR) + "/scenarios/deals/" + file);
  EXPECT_TRUE(r.ok()) << format_errors(r.errors);
  RunOptions options;
  options.progress = false;
  options.paths = paths;
  return run_simulation(*r.config, options);
}

TEST(Deals, KotoLikePaysExactlyHalfTheSimulatedFiscalDifference) {
  // Koto-SIB: 50 % of the difference in benefits and earned-income tax over three years. The
  // difference is computed here from the budget account (counterfactual minus treated benefit and
  // income-tax lines, months < 36), the payment from the histories by the contract.
  const RunOutput run = run_deal("koto-like.yaml", 40);
  const auto& c = run.columns;
  const auto& paid = c.column(c.find("/paths/outcomes/paid"));
  const auto& difference = c.column(c.find("/paths/outcomes/fiscal_difference"));
  int positive = 0;
  for (size_t p = 0; p < paid.size(); ++p) {
    EXPECT_NEAR(paid[p], 0.5 * std::max(0.0, difference[p]), 1e-6 * std::fabs(difference[p]) + 1e-6) << p;
    positive += difference[p] > 0.0 ? 1 : 0;
  }
  EXPECT_GE(positive, 35);  // the programme saves money on almost every path
}

TEST(Deals, EveryDealScenarioRuns) {
  for (const char* f : {"koto-like.yaml", "peterborough-like.yaml", "rikers-like.yaml",
                        "buzinezzclub-like.yaml", "dsi-aarhus-like.yaml"}) {
    const RunOutput run = run_deal(f, 8);
    EXPECT_FALSE(run.cancelled) << f;
    EXPECT_EQ(run.columns.rows(), 8) << f;
  }
}

}  // namespace
}  // namespace sisim::engine
