// Quantile standard errors of a whole run against the spread over independent seeds (issue: the
// replicate-group SE of investor-NPV q95 at 2,000 paths was 3.6 times that spread). The base
// scenario, 2,000 paths, 40 seeds (the issue asked for 20; 40 halves the noise of the spread
// itself, about +-11 %): for each headline quantile, the mean reported SE must be within
// a factor 1.3 of the sd of the 20 estimates.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "sim/engine/engine.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::engine {

using config::format_errors;
using config::load_config;
using config::LoadResult;

namespace {

struct Spread {
  std::vector<double> estimate, se;
  double ratio() const {
    double m = 0.0, mse = 0.0;
    for (size_t i = 0; i < estimate.size(); ++i) m += estimate[i], mse += se[i];
    m /= static_cast<double>(estimate.size());
    mse /= static_cast<double>(se.size());
    double ss = 0.0;
    for (double x : estimate) ss += (x - m) * (x - m);
    return mse / std::sqrt(ss / static_cast<double>(estimate.size() - 1));
  }
};

TEST(QuantileSe, AgreesWithTheSpreadOverFortySeedsAt2000Paths) {
  const LoadResult loaded = load_config(std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml");
  ASSERT_TRUE(loaded.ok()) << format_errors(loaded.errors);
  // Investor NPV q05 and q95 (DKK), IRR q05 (the 5 % worst annual return). The IRR's median and
  // q95 sit on the return cap (a point mass: SE 0 and no spread), so they are not compared.
  Spread npv_q05, npv_q95, irr_q05;
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    RunOptions options;
    options.progress = false;
    options.paths = 2000;
    options.seed = seed;
    options.seed_set = true;
    const RunOutput run = run_simulation(*loaded.config, options);
    const auto npv = stats::summarize(run.columns.column(run.columns.find("/paths/investor/npv")));
    const auto irr = stats::summarize(run.columns.column(run.columns.find("/paths/investor/irr")));
    npv_q05.estimate.push_back(npv.quantiles[1]), npv_q05.se.push_back(npv.quantile_se[1]);
    npv_q95.estimate.push_back(npv.quantiles[7]), npv_q95.se.push_back(npv.quantile_se[7]);
    irr_q05.estimate.push_back(irr.quantiles[1]), irr_q05.se.push_back(irr.quantile_se[1]);
  }
  for (const auto& [name, spread] :
       {std::pair{"investor NPV q05", &npv_q05}, std::pair{"investor NPV q95", &npv_q95},
        std::pair{"investor IRR q05", &irr_q05}}) {
    EXPECT_GT(spread->ratio(), 1.0 / 1.3) << name;
    EXPECT_LT(spread->ratio(), 1.3) << name;
    std::printf("%s: mean reported SE / sd over 40 seeds = %.3f\n", name, spread->ratio());
  }
}

}  // namespace
}  // namespace sisim::engine
