// NPV, payback, peak capital and MOIC on streams worked by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/finance/npv.hpp"

namespace sisim::finance {
namespace {

TEST(Npv, HandWorked) {
  // -1000 in month 0, +600 in month 12, +600 in month 24 at 10 % a year:
  // -1000 + 600/1.1 + 600/1.21 = -1000 + 545.4545... + 495.8677... = 41.3223...
  std::vector<double> f(25, 0.0);
  f[0] = -1000;
  f[12] = 600;
  f[24] = 600;
  EXPECT_NEAR(npv(f, 0.10), -1000.0 + 600.0 / 1.1 + 600.0 / 1.21, 1e-9);
  // Month 6 at 21 %: discount 1.21^(-1/2) = 1/1.1.
  std::vector<double> g(7, 0.0);
  g[6] = 110;
  EXPECT_NEAR(npv(g, 0.21), 100.0, 1e-10);
  EXPECT_NEAR(npv(f, 0.0), 200.0, 1e-12);
}

TEST(Payback, HandWorked) {
  // cumulative: -100, -150, -90, 10, -5, 20 -> stays >= 0 from month 5.
  EXPECT_EQ(payback_month({-100, -50, 60, 100, -15, 25}), 5);
  // cumulative: -100, -50, 0, 0 -> 0 counts as paid back: month 2.
  EXPECT_EQ(payback_month({-100, 50, 50, 0}), 2);
  EXPECT_EQ(payback_month({-100, 50, 40}), -1);
  EXPECT_EQ(payback_month({10, -5}), 0);
}

TEST(PeakCapital, HandWorked) {
  // cumulative -100, -150, -90, 10, -5, 20: peak 150.
  EXPECT_DOUBLE_EQ(peak_capital({-100, -50, 60, 100, -15, 25}), 150.0);
  EXPECT_DOUBLE_EQ(peak_capital({5, 10}), 0.0);
}

TEST(Moic, Basic) {
  EXPECT_DOUBLE_EQ(moic(150.0, 100.0), 1.5);
  EXPECT_TRUE(std::isnan(moic(10.0, 0.0)));
}

}  // namespace
}  // namespace sisim::finance
