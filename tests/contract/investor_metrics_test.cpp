// Investor metrics on hand-made cash flows.
#include "sim/contract/investor_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim::contract {
namespace {

TEST(InvestorMetrics, NothingBackIsATotalLoss) {
  const InvestorMetrics m = investor_metrics({-1000.0, 0.0, 0.0}, 1000.0, 0.0, 0.08);
  EXPECT_EQ(m.status, finance::IrrStatus::total_loss);
  EXPECT_DOUBLE_EQ(m.irr_annual, -1.0);
  EXPECT_DOUBLE_EQ(m.moic, 0.0);
}

TEST(InvestorMetrics, AnInflowNettedInsideAMonthIsNotATotalLoss) {
  // 1,000 drawn in month 0 and a 50 % guarantee of the shortfall (500) paid in the same month:
  // the net flow is -500 alone, but half the money came back (MOIC 0.5), so the IRR is undefined
  // (one-signed flows), not -100 %.
  const InvestorMetrics m = investor_metrics({-500.0}, 1000.0, 500.0, 0.08);
  EXPECT_EQ(m.status, finance::IrrStatus::no_sign_change);
  EXPECT_TRUE(std::isnan(m.irr_annual));
  EXPECT_DOUBLE_EQ(m.moic, 0.5);
}

TEST(InvestorMetrics, MonthlyIrrIsAnnualised) {
  // -100 now, +110.25 two months later: 5 % a month, (1.05)^12 - 1 a year.
  const InvestorMetrics m = investor_metrics({-100.0, 0.0, 110.25}, 100.0, 110.25, 0.0);
  EXPECT_EQ(m.status, finance::IrrStatus::ok);
  EXPECT_NEAR(m.irr_monthly, 0.05, 1e-10);
  EXPECT_NEAR(m.irr_annual, std::pow(1.05, 12) - 1.0, 1e-9);
  EXPECT_NEAR(m.npv, 10.25, 1e-9);  // at a 0 % discount rate
  EXPECT_EQ(m.payback_month, 2);
  EXPECT_DOUBLE_EQ(m.peak_capital, 100.0);
}

TEST(InvestorMetrics, LossEventsByHand) {
  // -100 now, +105 in month 12: 5 % a year. Nominal gain, but below an 8 % discount rate:
  // NPV = -100 + 105 / 1.08 = -2.78 < 0; above a 4 % hurdle, below a 6 % one.
  std::vector<double> flows(13, 0.0);
  flows[0] = -100.0;
  flows[12] = 105.0;
  const InvestorMetrics m = investor_metrics(flows, 100.0, 105.0, 0.08);
  EXPECT_NEAR(m.npv, -100.0 + 105.0 / 1.08, 1e-9);
  EXPECT_NEAR(m.irr_annual, 0.05, 1e-9);
  LossFlags f = loss_flags(m, 0.04);
  EXPECT_FALSE(f.nominal);
  EXPECT_TRUE(f.npv_negative);
  EXPECT_FALSE(f.below_hurdle);
  EXPECT_TRUE(loss_flags(m, 0.06).below_hurdle);
  EXPECT_FALSE(loss_flags(m, std::nullopt).below_hurdle);  // no hurdle: no event
  // Repaid nominally in month 12; with 8 % the discounted cash never turns positive.
  EXPECT_EQ(m.payback_month, 12);
  EXPECT_EQ(m.discounted_payback_month, -1);
  // At a 4 % discount rate it does, in month 12.
  EXPECT_EQ(investor_metrics(flows, 100.0, 105.0, 0.04).discounted_payback_month, 12);
}

TEST(InvestorMetrics, AnUndefinedIrrOnALossIsBelowTheHurdle) {
  // Half the money back inside the month (one-signed flows, IRR undefined): a nominal loss, so
  // below any hurdle; MOIC 0.5 < 1 is the same event.
  const InvestorMetrics m = investor_metrics({-500.0}, 1000.0, 500.0, 0.08);
  const LossFlags f = loss_flags(m, 0.0);
  EXPECT_TRUE(f.nominal);
  EXPECT_TRUE(f.below_hurdle);
  EXPECT_LT(m.moic, 1.0);
}

}  // namespace
}  // namespace sisim::contract
