// Paired statistics of two runs (sim/api/stress_compare.hpp) on hand-made columns: the change of
// a mean is the mean of per-path differences with SE sd(differences)/sqrt(n), worked out here.
#include "sim/api/stress_compare.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim::api {

using engine::RunOutput;

namespace {

RunOutput run_with(const std::vector<double>& investor_npv, const std::vector<double>& loss,
                   const std::vector<double>& municipality_npv) {
  RunOutput run;
  const auto n = static_cast<std::int64_t>(investor_npv.size());
  const int irr = run.columns.add({"/paths/investor/irr", "1", "", io::ElementType::float64});
  const int npv = run.columns.add({"/paths/investor/npv", "DKK", "", io::ElementType::float64});
  const int flag = run.columns.add({"/paths/investor/loss/nominal", "1", "", io::ElementType::uint8});
  const int mun = run.columns.add({"/paths/budgets/municipality/npv", "DKK", "", io::ElementType::float64});
  const int pub = run.columns.add({"/paths/budgets/public_total/npv", "DKK", "", io::ElementType::float64});
  run.columns.allocate(n);
  for (std::int64_t i = 0; i < n; ++i) {
    const auto k = static_cast<size_t>(i);
    run.columns.set(irr, i, 0.01 * static_cast<double>(i));
    run.columns.set(npv, i, investor_npv[k]);
    run.columns.set(flag, i, loss[k]);
    run.columns.set(mun, i, municipality_npv[k]);
    run.columns.set(pub, i, municipality_npv[k]);
  }
  return run;
}

TEST(StressCompare, MeanChangesComeFromPerPathDifferences) {
  const RunOutput base = run_with({1, 2, 3, 4}, {0, 0, 1, 1}, {-1, 1, -1, 1});
  const RunOutput other = run_with({2, 4, 3, 5}, {0, 1, 1, 1}, {-1, -1, -1, 1});
  const auto rows = compare_paired(base, other);
  const auto& metrics = comparison_metrics();
  ASSERT_EQ(rows.size(), metrics.size());
  auto row = [&](const std::string& name) {
    for (size_t m = 0; m < metrics.size(); ++m)
      if (name == metrics[m].name) return rows[m];
    ADD_FAILURE() << name;
    return PairedValue{};
  };
  // Investor NPV: differences 1, 2, 0, 1: mean 1, sample sd sqrt(2/3), SE sqrt(2/3) / 2.
  const PairedValue npv = row("investor_npv_mean");
  EXPECT_DOUBLE_EQ(npv.value, 3.5);
  EXPECT_DOUBLE_EQ(npv.change, 1.0);
  EXPECT_NEAR(npv.change_se, std::sqrt(2.0 / 3.0) / 2.0, 1e-15);
  // P(investor loss): flags 0,0,1,1 -> 0,1,1,1: +25 pp; differences 0,1,0,0: sd 0.5, SE 0.25.
  const PairedValue loss = row("investor_p_loss");
  EXPECT_DOUBLE_EQ(loss.value, 0.75);
  EXPECT_DOUBLE_EQ(loss.change, 0.25);
  EXPECT_NEAR(loss.change_se, 0.25, 1e-15);
  // P(municipality NPV < 0): 2 of 4 -> 3 of 4.
  const PairedValue mun_loss = row("municipality_p_loss");
  EXPECT_DOUBLE_EQ(mun_loss.value, 0.75);
  EXPECT_DOUBLE_EQ(mun_loss.change, 0.25);
  // The same IRR column in both runs: no change.
  EXPECT_DOUBLE_EQ(row("investor_irr_p50").change, 0.0);
}

TEST(StressCompare, ARunComparedWithItselfChangesNothing) {
  const RunOutput base = run_with({1, 5, 2, 8, 3}, {1, 0, 1, 0, 0}, {3, -2, 1, 0, -4});
  for (const auto& v : compare_paired(base, base)) {
    EXPECT_EQ(v.change, 0.0);
    EXPECT_TRUE(v.change_se == 0.0 || std::isnan(v.change_se));
  }
}

}  // namespace
}  // namespace sisim::api
