// The price search (sim/api/price_solver.hpp) on synthetic metrics with known answers, independent
// of the engine: every status, a flat region at a cap, a non-monotone metric, and one evaluation
// per distinct k. Range [0, 4], 17 scan points (0.25 apart), tolerance 0.002 (the defaults).
#include "sim/api/price_solver.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim::api {

using config::PricingSpec;
using config::PricingTarget;

namespace {

using Status = PriceSolution::Status;

PricingSpec spec_with(PricingTarget investor, PricingTarget payer) {
  PricingSpec spec;
  spec.investor = investor;
  spec.payer = payer;
  return spec;
}

const PricingTarget kIrrAtLeast6{PricingTarget::Kind::irr_p50, 0.06, {}};
const PricingTarget kNpvAtLeast0{PricingTarget::Kind::npv_mean_min, 0.0, {}};

// Investor: median IRR a step function, 5 % below k = 1.3 and 7 % from it (target 6 %).
// Payer: NPV 10 - 5k in both budgets, SE 1 (target >= 0: met on [0, 2]).
PriceMetrics step_and_line(double k) {
  PriceMetrics m;
  m.investor = k >= 1.3 ? 0.07 : 0.05;
  m.investor_se = 0.001;
  for (int b = 0; b < kPriceBudgets; ++b) {
    m.budget[b] = 10.0 - 5.0 * k;
    m.budget_se[b] = 1.0;
  }
  return m;
}

TEST(PriceSearch, InvestorThresholdOfAStepIsFoundWithinTheToleranceOnTheMetSide) {
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), step_and_line);
  const PriceSolution s = search.investor();
  EXPECT_EQ(s.status, Status::solved);
  // The reported k is the end of the last bracket that meets the target: in [1.3, 1.3 + 0.002].
  EXPECT_GE(s.k, 1.3);
  EXPECT_LE(s.k, 1.3 + 0.002);
  EXPECT_DOUBLE_EQ(s.metric, 0.07);
  // Central difference over [k - 0.05, k + 0.05] across the step: 0.02 / 0.1 = 0.2 per unit k.
  EXPECT_NEAR(s.slope, 0.2, 1e-12);
  EXPECT_NEAR(s.k_se, 0.001 / 0.2, 1e-12);
}

TEST(PriceSearch, PayerMaximumOfALinearBudgetHasTheDeltaMethodStandardError) {
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), step_and_line);
  for (int b = 0; b < kPriceBudgets; ++b) {
    const PriceSolution s = search.payer(b);
    EXPECT_EQ(s.status, Status::solved);
    EXPECT_LE(s.k, 2.0);  // 10 - 5k >= 0 holds up to k = 2
    EXPECT_GE(s.k, 2.0 - 0.002);
    EXPECT_NEAR(s.slope, -5.0, 1e-9);
    EXPECT_NEAR(s.k_se, 1.0 / 5.0, 1e-9);  // SE(metric) / |slope|
  }
}

TEST(PriceSearch, TargetsMetEverywhereSitAtTheRangeEnds) {
  // Investor met at k = 0 already; payer met up to k = 4.
  auto always = [](double) {
    PriceMetrics m;
    m.investor = 0.10;
    m.budget[0] = m.budget[1] = 1.0;
    return m;
  };
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), always);
  const PriceSolution investor = search.investor();
  EXPECT_EQ(investor.status, Status::at_lower_bound);
  EXPECT_EQ(investor.k, 0.0);
  EXPECT_EQ(investor.slope, 0.0);
  EXPECT_TRUE(std::isnan(investor.k_se)) << "a range end is not a threshold: no SE";
  const PriceSolution payer = search.payer(0);
  EXPECT_EQ(payer.status, Status::at_upper_bound);
  EXPECT_EQ(payer.k, 4.0);
  EXPECT_TRUE(std::isnan(payer.k_se));
}

TEST(PriceSearch, AMetricFlatAtItsCapBelowTheTargetIsNotReachableAndReportsTheCap) {
  // The median IRR rises 2 % per unit k and is capped at 5 % from k = 2.5: a 6 % target is never
  // met; the best the range offers is the cap. The payer's NPV is negative everywhere.
  auto capped = [](double k) {
    PriceMetrics m;
    m.investor = std::min(0.02 * k, 0.05);
    m.budget[0] = m.budget[1] = -1.0 - k;
    return m;
  };
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), capped);
  const PriceSolution investor = search.investor();
  EXPECT_EQ(investor.status, Status::not_reachable);
  EXPECT_TRUE(std::isnan(investor.k));
  EXPECT_DOUBLE_EQ(investor.metric, 0.05);
  const PriceSolution payer = search.payer(1);
  EXPECT_EQ(payer.status, Status::not_reachable);
  EXPECT_DOUBLE_EQ(payer.metric, -1.0);  // the best NPV, at k = 0
}

TEST(PriceSearch, ANonMonotoneMetricGivesTheFirstCrossingFromTheLowEnd) {
  // Investor: 10 % - 5 % (k - 2)^2 meets 6 % on [2 - sqrt(0.8), 2 + sqrt(0.8)]: the smallest k is
  // 2 - sqrt(0.8) = 1.10557. Payer: NPV >= 0 below 0.9, < 0 on [0.9, 1.6), >= 0 again above: the
  // payer's range starting from k = 0 ends at 0.9 (the later region does not count).
  auto humped = [](double k) {
    PriceMetrics m;
    m.investor = 0.10 - 0.05 * (k - 2.0) * (k - 2.0);
    m.budget[0] = m.budget[1] = (k < 0.9 || k >= 1.6) ? 1.0 : -1.0;
    return m;
  };
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), humped);
  const PriceSolution investor = search.investor();
  EXPECT_EQ(investor.status, Status::solved);
  EXPECT_GE(investor.k, 2.0 - std::sqrt(0.8));
  EXPECT_LE(investor.k, 2.0 - std::sqrt(0.8) + 0.002);
  const PriceSolution payer = search.payer(0);
  EXPECT_EQ(payer.status, Status::solved);
  EXPECT_LT(payer.k, 0.9);
  EXPECT_GE(payer.k, 0.9 - 0.002);
}

TEST(PriceSearch, ALowerIsBetterTargetSearchesFromTheOtherSide) {
  // Investor P(loss) 0.5 - 0.1k, target <= 20 %: met from k = 3.
  auto p_loss = [](double k) {
    PriceMetrics m;
    m.investor = 0.5 - 0.1 * k;
    return m;
  };
  PriceSearch search(spec_with({PricingTarget::Kind::p_loss_max, 0.2, {}}, kNpvAtLeast0), p_loss);
  const PriceSolution s = search.investor();
  EXPECT_EQ(s.status, Status::solved);
  EXPECT_GE(s.k, 3.0 - 1e-12);
  EXPECT_LE(s.k, 3.0 + 0.002);
}

TEST(PriceSearch, EachDistinctMultiplierIsEvaluatedOnce) {
  int calls = 0;
  PriceSearch search(spec_with(kIrrAtLeast6, kNpvAtLeast0), [&](double k) {
    ++calls;
    return step_and_line(k);
  });
  search.investor();
  search.payer(0);
  search.payer(1);  // the same metric as budget 0: every k it needs is already known
  EXPECT_EQ(static_cast<std::size_t>(calls), search.evaluations().size());
  // Investor: 17 scan points; bisection of a 0.25 bracket to 0.002 takes ceil(log2(125)) = 7
  // halvings; payer: the scan stops at the first failing grid point (k = 2.25) and bisects
  // [2, 2.25] in 7; the slopes add at most 4 points. So at most 17 + 7 + 7 + 4 distinct k.
  EXPECT_LE(calls, 17 + 7 + 7 + 4);
  EXPECT_GE(calls, 17 + 7);
}

TEST(PriceSearch, StatusNamesAreTheFilesStrings) {
  EXPECT_STREQ(to_string(Status::solved), "solved");
  EXPECT_STREQ(to_string(Status::at_lower_bound), "met_at_lower_bound");
  EXPECT_STREQ(to_string(Status::at_upper_bound), "met_at_upper_bound");
  EXPECT_STREQ(to_string(Status::not_reachable), "not_reachable");
}

}  // namespace
}  // namespace sisim::api
