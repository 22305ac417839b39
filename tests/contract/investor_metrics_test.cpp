// Investor metrics on hand-made cash flows.
#include "sim/contract/investor_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim {
namespace {

TEST(InvestorMetrics, NothingBackIsATotalLoss) {
  const InvestorMetrics m = investor_metrics({-1000.0, 0.0, 0.0}, 1000.0, 0.0, 0.08);
  EXPECT_EQ(m.status, IrrStatus::total_loss);
  EXPECT_DOUBLE_EQ(m.irr_annual, -1.0);
  EXPECT_DOUBLE_EQ(m.moic, 0.0);
}

TEST(InvestorMetrics, AnInflowNettedInsideAMonthIsNotATotalLoss) {
  // 1,000 drawn in month 0 and a 50 % guarantee of the shortfall (500) paid in the same month:
  // the net flow is -500 alone, but half the money came back (MOIC 0.5), so the IRR is undefined
  // (one-signed flows), not -100 %.
  const InvestorMetrics m = investor_metrics({-500.0}, 1000.0, 500.0, 0.08);
  EXPECT_EQ(m.status, IrrStatus::no_sign_change);
  EXPECT_TRUE(std::isnan(m.irr_annual));
  EXPECT_DOUBLE_EQ(m.moic, 0.5);
}

TEST(InvestorMetrics, MonthlyIrrIsAnnualised) {
  // -100 now, +110.25 two months later: 5 % a month, (1.05)^12 - 1 a year.
  const InvestorMetrics m = investor_metrics({-100.0, 0.0, 110.25}, 100.0, 110.25, 0.0);
  EXPECT_EQ(m.status, IrrStatus::ok);
  EXPECT_NEAR(m.irr_monthly, 0.05, 1e-10);
  EXPECT_NEAR(m.irr_annual, std::pow(1.05, 12) - 1.0, 1e-9);
  EXPECT_NEAR(m.npv, 10.25, 1e-9);  // at a 0 % discount rate
  EXPECT_EQ(m.payback_month, 2);
  EXPECT_DOUBLE_EQ(m.peak_capital, 100.0);
}

}  // namespace
}  // namespace sisim
