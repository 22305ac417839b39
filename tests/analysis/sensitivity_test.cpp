// Spearman rank sensitivity, checked against hand-ranked examples and independence.
#include "analysis/sensitivity.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "sim/rng/streams.hpp"

namespace sisim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST(LinearRSquared, OneColumnIsTheSquaredCorrelationByHand) {
  // x = 1..5, y = 1 3 2 5 4: deviations (-2 -1 0 1 2) and (-2 0 -1 2 1), Sxy = 8, Sxx = Syy = 10,
  // r = 0.8, R^2 = 0.64.
  EXPECT_NEAR(linear_r_squared({{1, 2, 3, 4, 5}}, {1, 3, 2, 5, 4}), 0.64, 1e-12);
  // y an exact linear function of two columns: R^2 = 1; a constant column adds nothing.
  const std::vector<double> a = {1, 2, 3, 4, 5, 6}, b = {2, 1, 4, 3, 6, 5}, c(6, 7.0);
  std::vector<double> y;
  for (size_t i = 0; i < a.size(); ++i) y.push_back(3.0 * a[i] - 2.0 * b[i] + 1.0);
  EXPECT_NEAR(linear_r_squared({a, b, c}, y), 1.0, 1e-9);
  // Rows with a NaN are dropped; too few rows give NaN.
  EXPECT_NEAR(linear_r_squared({{1, 2, 3, 4, 5, kNaN}}, {1, 3, 2, 5, 4, 100}), 0.64, 1e-12);
  EXPECT_TRUE(std::isnan(linear_r_squared({{1, 2}}, {1, 2})));
}

TEST(Ranks, TiesGetTheAverageRank) {
  const auto r = average_ranks({10, 20, 20, 30, 5});
  const std::vector<double> expected = {2, 3.5, 3.5, 5, 1};
  ASSERT_EQ(r.size(), expected.size());
  for (std::size_t i = 0; i < r.size(); ++i) EXPECT_DOUBLE_EQ(r[i], expected[i]);
  EXPECT_TRUE(std::isnan(average_ranks({1.0, kNaN})[1]));
}

TEST(Spearman, MonotoneIsOneReversedIsMinusOne) {
  std::vector<double> x, up, down;
  for (int i = 1; i <= 50; ++i) {
    x.push_back(i);
    up.push_back(std::exp(i / 10.0));  // non-linear but monotone: ranks agree exactly
    down.push_back(-static_cast<double>(i) * i * i);
  }
  EXPECT_NEAR(spearman(x, up), 1.0, 1e-12);
  EXPECT_NEAR(spearman(x, down), -1.0, 1e-12);
}

TEST(Spearman, TiesByHand) {
  // x ranks 1, 2.5, 2.5, 4; y ranks 1, 2, 3, 4. Deviations (-1.5, 0, 0, 1.5) and (-1.5, -.5, .5, 1.5):
  // sum xy = 4.5, sum xx = 4.5, sum yy = 5 -> rho = 4.5 / sqrt(22.5) = 3 / sqrt(10).
  EXPECT_NEAR(spearman({1, 2, 2, 3}, {1, 2, 3, 4}), 3.0 / std::sqrt(10.0), 1e-12);
}

TEST(RankSensitivity, IndependentColumnsNearZeroWithinFourSE) {
  const std::size_t n = 2000;
  rng::UniformStream u(rng::key_from_seed(777), 0, 0, rng::StreamId::parameters);
  std::vector<double> target(n);
  std::vector<std::vector<double>> cols(3, std::vector<double>(n));
  for (std::size_t i = 0; i < n; ++i) {
    target[i] = u.next();
    for (auto& c : cols) c[i] = u.next();
  }
  const auto rows = rank_sensitivity({"a", "b", "c"}, cols, target);
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& r : rows) {
    EXPECT_EQ(r.n, static_cast<std::int64_t>(n));
    EXPECT_NEAR(r.se, 1.0 / std::sqrt(n - 1.0), 1e-15);
    EXPECT_LT(std::abs(r.rho), 4.0 * r.se) << r.name;
    EXPECT_LT(r.ci_low, r.rho);
    EXPECT_GT(r.ci_high, r.rho);
  }
}

TEST(RankSensitivity, SortedByAbsoluteRhoNaNLastPairwiseNaNDropped) {
  const std::vector<double> target = {1, 2, 3, 4, 5, 6};
  const std::vector<double> weak = {2, 1, 3, 4, 6, 5};         // rho = 1 - 6*4/(6*35) = 0.8857
  const std::vector<double> reversed = {6, 5, 4, kNaN, 2, 1};  // rho = -1 on 5 pairs
  const std::vector<double> constant(6, 3.0);
  const auto rows = rank_sensitivity({"weak", "const", "reversed"}, {weak, constant, reversed}, target);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].name, "reversed");
  EXPECT_NEAR(rows[0].rho, -1.0, 1e-12);
  EXPECT_EQ(rows[0].n, 5);
  EXPECT_EQ(rows[1].name, "weak");
  EXPECT_NEAR(rows[1].rho, 1.0 - 6.0 * 4.0 / (6.0 * 35.0), 1e-12);  // no ties: 1 - 6 sum d^2 / (n(n^2-1))
  EXPECT_EQ(rows[2].name, "const");
  EXPECT_TRUE(std::isnan(rows[2].rho));
  EXPECT_THROW(rank_sensitivity({"x"}, {{1, 2}}, target), std::invalid_argument);
  EXPECT_THROW(rank_sensitivity({"x", "y"}, {weak}, target), std::invalid_argument);
}

}  // namespace
}  // namespace sisim::analysis
