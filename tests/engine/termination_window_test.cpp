// The payer can terminate only while the contract runs (MODEL.md 7): months 0 .. the last payment
// date. Checked on whole engine runs against the geometric law.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine_test_util.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {
namespace {

RunOutput run_with(const std::vector<std::string>& overrides, std::int64_t paths) {
  RunOptions options;
  options.progress = false;
  options.paths = paths;
  return run_simulation(testing::load_or_fail(testing::small_scenario_yaml(), overrides), options);
}

const std::vector<double>& column(const RunOutput& run, const std::string& name) {
  return run.columns.column(run.columns.find(name));
}

TEST(TerminationWindow, TerminatedShareOfAFourYearContract) {
  // Window 48 months, payments every 6: the last payment date is month 47, so the contract runs
  // 48 months = 4 years. With p = 2 % a year, P(terminated) = 1 - 0.98^4 = 0.07763 (closed form);
  // SE at 4,000 paths = sqrt(0.0776 * 0.9224 / 4000) = 0.00423; allowed 4 SE. The horizon (120
  // months) is far longer than the contract: drawing over the horizon gave 1 - 0.98^10 = 18.3 %.
  constexpr std::int64_t kPaths = 4000;
  const RunOutput run = run_with({"simulation.horizon_months=120", "contract.outcome_window_months=48",
                                  "contract.termination_probability_annual=0.02", "cohort.size=4"},
                                 kPaths);
  const auto& months = column(run, "/paths/outcomes/termination_month");
  ASSERT_EQ(static_cast<std::int64_t>(months.size()), kPaths);
  int terminated = 0;
  for (double m : months) {
    if (m < 0) continue;
    ++terminated;
    EXPECT_LE(m, 47.0) << "a termination after the last payment date";
  }
  const double p = 1.0 - std::pow(0.98, 4.0);
  EXPECT_NEAR(static_cast<double>(terminated) / kPaths, p, 4.0 * std::sqrt(p * (1.0 - p) / kPaths));
}

TEST(TerminationWindow, AfterTheContractServicesGoOn) {
  // A 24-month programme enrolling over 6 months outlives a 12-month outcome window (last payment
  // date month 11). With p = 1 the payer ends the contract in month 0 (T = 0), which stops
  // services; with p = 0.5 every termination falls in months 0..11, never later. The treated arm's
  // employment must therefore equal p = 1's on paths terminated in month 0 and the p = 0 run's on
  // paths never terminated (common random numbers: the same paths, the same draws otherwise).
  const std::vector<std::string> base = {"simulation.horizon_months=72", "contract.outcome_window_months=12",
                                         "intervention.duration_months=24", "cohort.size=6"};
  auto with = [&base](const std::string& p) {
    auto o = base;
    o.push_back("contract.termination_probability_annual=" + p);
    return o;
  };
  const RunOutput never = run_with(with("0"), 200), half = run_with(with("0.5"), 200);
  const auto& t = column(half, "/paths/outcomes/termination_month");
  const auto& treated_half = column(half, "/paths/outcomes/employment_months_treated");
  const auto& treated_never = column(never, "/paths/outcomes/employment_months_treated");
  int untouched = 0;
  for (size_t p = 0; p < t.size(); ++p) {
    EXPECT_LE(t[p], 11.0);
    if (t[p] < 0) {
      EXPECT_EQ(treated_half[p], treated_never[p]) << "path " << p;
      ++untouched;
    }
  }
  EXPECT_GT(untouched, 100);  // P(not terminated in 12 months at 50 %/year) = 0.5
}

}  // namespace
}  // namespace sisim::engine
