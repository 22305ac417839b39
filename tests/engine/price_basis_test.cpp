// The price basis of public NPVs on whole runs (public.discount, docs/MODEL.md 8): a real basis
// with inflation i and a nominal basis at (1 + r)(1 + i) - 1 discount every month by the same
// factor, so every public NPV agrees path by path; the investor's NPV is nominal on either basis;
// the units say which basis a column is on.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "engine_test_util.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {
namespace {

RunOutput run_with_discount(const std::string& discount) {
  std::string yaml = testing::small_scenario_yaml();
  const std::string at = "public:\n";
  yaml.replace(yaml.find(at), at.size(), at + "  discount: " + discount + "\n");
  RunOptions options;
  options.progress = false;
  options.paths = 64;
  return run_simulation(testing::load_or_fail(yaml), options);
}

const ColumnSpec& spec_of(const ColumnSet& c, const std::string& path) {
  return c.specs()[static_cast<size_t>(c.find(path))];
}

TEST(PriceBasis, RealWithInflationEqualsNominalAtTheCombinedRate) {
  const double r = 0.035, i = 0.02;
  const RunOutput real = run_with_discount("{rate: 0.035, basis: real, inflation_annual: 0.02}");
  const RunOutput nominal =
      run_with_discount("{rate: " + std::to_string((1.0 + r) * (1.0 + i) - 1.0) + ", basis: nominal}");
  // std::to_string prints 6 decimals: 0.055700 is (1.035)(1.02) - 1 = 0.0557 exactly.
  ASSERT_EQ(std::to_string((1.0 + r) * (1.0 + i) - 1.0), "0.055700");
  for (const char* col :
       {"/paths/budgets/municipality/npv", "/paths/budgets/state/npv", "/paths/budgets/public_total/npv",
        "/paths/society/npv", "/paths/alternatives/own_funding", "/paths/alternatives/programme_costs"}) {
    const auto& a = real.columns.column(real.columns.find(col));
    const auto& b = nominal.columns.column(nominal.columns.find(col));
    ASSERT_EQ(a.size(), b.size());
    for (size_t p = 0; p < a.size(); ++p)
      EXPECT_NEAR(a[p], b[p], 1e-9 * (1.0 + std::fabs(b[p]))) << col << " " << p;
  }
  // The investor's NPV and IRR are nominal at finance.investor_discount_rate whatever the public basis.
  for (const char* col : {"/paths/investor/npv", "/paths/investor/irr"}) {
    const auto& a = real.columns.column(real.columns.find(col));
    const auto& b = nominal.columns.column(nominal.columns.find(col));
    for (size_t p = 0; p < a.size(); ++p)
      if (!std::isnan(b[p])) {
        EXPECT_EQ(a[p], b[p]) << col << " " << p;
      }
  }
  // Deflating by 2 % a year changes the real-basis NPVs against no deflation (the test can fail).
  const RunOutput undeflated = run_with_discount("{rate: 0.035, basis: real}");
  const auto& x = undeflated.columns.column(undeflated.columns.find("/paths/alternatives/programme_costs"));
  const auto& y = real.columns.column(real.columns.find("/paths/alternatives/programme_costs"));
  EXPECT_NE(x[0], y[0]);

  EXPECT_EQ(spec_of(real.columns, "/paths/budgets/municipality/npv").units, "DKK, real prices of month 0");
  EXPECT_EQ(spec_of(nominal.columns, "/paths/budgets/municipality/npv").units, "DKK, nominal");
  EXPECT_EQ(spec_of(nominal.columns, "/paths/society/npv").units, "DKK, nominal");
  EXPECT_EQ(spec_of(real.columns, "/paths/investor/npv").units, "DKK");
}

}  // namespace
}  // namespace sisim::engine
