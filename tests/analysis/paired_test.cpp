// Paired differences and ratios of means, by hand.
#include "analysis/paired.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/alternatives.hpp"

namespace sisim::analysis {
namespace {

TEST(PairedDifference, ByHand) {
  // d = a - b = {2, -1, 3, 0}: mean 1; deviations {1, -2, 2, -1}, sum of squares 10, sd sqrt(10/3),
  // SE sqrt(10/3)/2 = 0.9129; a > b on 2 of 4 pairs: 0.5 with SE sqrt(0.25/4) = 0.25.
  const PairedDifference d = paired_difference({3, 5, 7, 9, NAN}, {1, 6, 4, 9, 2});
  EXPECT_EQ(d.n, 4);
  EXPECT_DOUBLE_EQ(d.mean, 1.0);
  EXPECT_NEAR(d.se, std::sqrt(10.0 / 3.0) / 2.0, 1e-12);
  EXPECT_DOUBLE_EQ(d.p_greater, 0.5);
  EXPECT_DOUBLE_EQ(d.p_greater_se, 0.25);
  EXPECT_THROW(paired_difference({1}, {1, 2}), std::invalid_argument);
}

TEST(RatioOfMeans, ByHand) {
  // mean x = 4, mean y = 2: ratio 2. Residuals x - 2y = {0, 1, -1}: sd 1, SE 1 / (sqrt(3) * 2).
  const Ratio r = ratio_of_means({2, 5, 5}, {1, 2, 3});
  EXPECT_DOUBLE_EQ(r.value, 2.0);
  EXPECT_NEAR(r.se, 1.0 / (std::sqrt(3.0) * 2.0), 1e-12);
  EXPECT_TRUE(std::isnan(ratio_of_means({1, 2}, {0, 0}).value));
}

TEST(SocietySummary, RiskTransferIsContractMinusOwnFunding) {
  ColumnMap c;
  c["/paths/society/npv"] = {10, 20, 30, 40};
  c["/paths/alternatives/own_funding"] = {5, 5, 5, 5};
  c["/paths/alternatives/outcome_contract"] = {4, 6, 3, 3};
  c["/paths/alternatives/programme_costs"] = {10, 10, 10, 10};
  c["/paths/alternatives/municipal_savings"] = {15, 15, 15, 15};
  c["/paths/alternatives/public_savings"] = {20, 20, 20, 20};
  c["/paths/alternatives/extra_outcomes"] = {2, 2, 2, 2};
  const auto s = summarize_society(c);
  ASSERT_TRUE(s.has_value());
  EXPECT_DOUBLE_EQ(s->risk_transfer.mean, -1.0);       // (4 + 6 + 3 + 3)/4 - 5
  EXPECT_DOUBLE_EQ(s->risk_transfer.p_greater, 0.25);  // only path 1: 6 > 5
  EXPECT_DOUBLE_EQ(s->cost_per_outcome.value, 5.0);
  EXPECT_DOUBLE_EQ(s->value_per_outcome_municipality.value, 7.5);
  EXPECT_DOUBLE_EQ(s->value_per_outcome_public.value, 10.0);
  EXPECT_FALSE(summarize_society({}).has_value());
}

}  // namespace
}  // namespace sisim::analysis
