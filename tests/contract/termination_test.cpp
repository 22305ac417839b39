// Payer termination drawn by inversion (MODEL.md 7, 12).
#include "sim/contract/termination.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim::contract {
namespace {

TEST(Termination, MonthlyProbability) {
  // 1 - (1 - 0.2)^(1/12); twelve months of it compound back to 0.2.
  const double q = monthly_termination_probability(0.2);
  EXPECT_NEAR(q, 1.0 - std::pow(0.8, 1.0 / 12.0), 1e-15);
  EXPECT_NEAR(1.0 - std::pow(1.0 - q, 12.0), 0.2, 1e-14);
  EXPECT_EQ(monthly_termination_probability(0.0), 0.0);
  EXPECT_EQ(monthly_termination_probability(1.0), 1.0);
}

TEST(Termination, InversionByHand) {
  // p = 1 - 0.8^12 gives q = 0.2: M = floor(ln u / ln 0.8). u = 0.9 -> 0.47 -> 0;
  // u = 0.8^2.5 -> 2.5 -> 2; u = 0.8^40.5 -> 40 (beyond a horizon of 40 -> -1).
  const double p = 1.0 - std::pow(0.8, 12.0);
  EXPECT_EQ(termination_month_from_uniform(p, 100, 0.9), 0);
  EXPECT_EQ(termination_month_from_uniform(p, 100, std::pow(0.8, 2.5)), 2);
  EXPECT_EQ(termination_month_from_uniform(p, 100, std::pow(0.8, 40.5)), 40);
  EXPECT_EQ(termination_month_from_uniform(p, 40, std::pow(0.8, 40.5)), -1);
  EXPECT_EQ(termination_month_from_uniform(0.0, 100, 1e-300), -1);
  EXPECT_EQ(termination_month_from_uniform(1.0, 100, 0.5), 0);
  // Monotone in p for a fixed uniform (common random numbers across scenarios).
  EXPECT_LE(termination_month_from_uniform(0.3, 1000, 0.4), termination_month_from_uniform(0.1, 1000, 0.4));
}

TEST(Termination, FirstYearProbabilityOverPaths) {
  // P(terminated in months 0..11) = 1 - (1-q)^12 = p = 0.2; over 20000 paths the SE is
  // sqrt(0.2 * 0.8 / 20000) = 0.00283; allow 4 SE. Also P(M >= 24) = 0.8^2 = 0.64.
  const rng::Key key = rng::key_from_seed(20230809);
  constexpr int kPaths = 20000;
  int first_year = 0, beyond_two = 0;
  for (std::uint64_t path = 0; path < kPaths; ++path) {
    const int m = draw_termination_month(0.2, 600, key, path);
    first_year += (m >= 0 && m < 12);
    beyond_two += (m < 0 || m >= 24);
  }
  EXPECT_NEAR(static_cast<double>(first_year) / kPaths, 0.2, 4 * std::sqrt(0.2 * 0.8 / kPaths));
  EXPECT_NEAR(static_cast<double>(beyond_two) / kPaths, 0.64, 4 * std::sqrt(0.64 * 0.36 / kPaths));
  // A pure function of its address.
  EXPECT_EQ(draw_termination_month(0.2, 600, key, 17), draw_termination_month(0.2, 600, key, 17));
}

}  // namespace
}  // namespace sisim::contract
