// IRR against published and hand-checked streams (MODEL.md 11, 12).
#include "analysis/irr.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sisim {
namespace {

double npv_per_period(const std::vector<double>& a, double r) {
  double s = 0.0;
  for (size_t k = 0; k < a.size(); ++k) s += a[k] / std::pow(1.0 + r, static_cast<double>(k));
  return s;
}

TEST(Irr, WikipediaExample) {
  // en.wikipedia.org "Internal rate of return", worked example: IRR = 28.095 % per period.
  const auto r = irr({-100, 39, 59, 55, 20});
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, 0.28095, 5e-6);
}

TEST(Irr, NegativeRate) {
  // -100 + 74/(1+r)^3 = 0  =>  r = 0.74^(1/3) - 1 = -0.09554 (closed form).
  const auto r = irr({-100, 0, 0, 74});
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, std::cbrt(0.74) - 1.0, 1e-10);
  EXPECT_NEAR(r.rate, -0.0955, 1e-4);
}

TEST(Irr, ExcelDocumentationExample) {
  // Microsoft's IRR function page: five years of income after 70,000 gives 8.66 %.
  const auto r = irr({-70000, 12000, 15000, 18000, 21000, 26000});
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, 0.0866, 5e-5);
  EXPECT_NEAR(npv_per_period({-70000, 12000, 15000, 18000, 21000, 26000}, r.rate), 0.0, 1e-6);
}

TEST(Irr, ExactRootAndLeadingTrailingZeros) {
  // -100 then 110 one period later: 10 % exactly; zeros around it do not change the root.
  EXPECT_NEAR(irr({-100, 110}).rate, 0.10, 1e-12);
  const auto r = irr({0, 0, -100, 110, 0, 0});
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, 0.10, 1e-12);
  // Break-even stream: r = 0 exactly.
  const auto z = irr({-100, 50, 50});
  EXPECT_EQ(z.status, IrrStatus::ok);
  EXPECT_NEAR(z.rate, 0.0, 1e-12);
}

TEST(Irr, SeveralSignChangesReportsRootNearestZero) {
  // -5, 10.5, 1, -8, 1: three sign changes, so up to three IRRs (Descartes). A bisection of
  // NPV(r) on a 0.0005 grid over (-1, 99] (done by hand in Python) finds three:
  // r1 = -0.87020, r2 = 0.08860, r3 = 0.70956. The documented choice is the root nearest 0.
  const std::vector<double> a = {-5, 10.5, 1, -8, 1};
  EXPECT_EQ(sign_changes(a), 3);
  EXPECT_FALSE(norstrom_unique_positive(a));  // cumulative -5, 5.5, 6.5, -1.5, -0.5: two changes
  const auto r = irr(a);
  EXPECT_EQ(r.status, IrrStatus::multiple_roots);
  EXPECT_NEAR(r.rate, 0.08860, 1e-4);
  EXPECT_NEAR(npv_per_period(a, r.rate), 0.0, 1e-9);
  // The other two are real roots too: NPV changes sign around them.
  for (double root : {-0.87020, 0.70956}) {
    EXPECT_LT(npv_per_period(a, root - 1e-3) * npv_per_period(a, root + 1e-3), 0.0) << root;
  }
}

TEST(Irr, NorstromCaseIsUnique) {
  // Drawdowns interleaved with receipts (three sign changes) but cumulative flows cross zero
  // once: -10, -10, +5, -10, +30 has cumulative -10, -20, -15, -25, +5 => exactly one r > 0.
  const std::vector<double> a = {-10, -10, 5, -10, 30};
  EXPECT_EQ(sign_changes(a), 3);
  EXPECT_TRUE(norstrom_unique_positive(a));
  const auto r = irr(a);
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_GT(r.rate, 0.0);
  EXPECT_NEAR(npv_per_period(a, r.rate), 0.0, 1e-9);
}

TEST(Irr, TotalLossAndOneSigned) {
  const auto loss = irr({-100, 0, 0});
  EXPECT_EQ(loss.status, IrrStatus::total_loss);
  EXPECT_EQ(loss.rate, -1.0);
  const auto gift = irr({0, 10, 20});
  EXPECT_EQ(gift.status, IrrStatus::no_sign_change);
  EXPECT_TRUE(std::isnan(gift.rate));
  EXPECT_EQ(irr({}).status, IrrStatus::no_sign_change);
  EXPECT_EQ(irr({0, 0}).status, IrrStatus::no_sign_change);
}

TEST(Irr, NoRealRoot) {
  // -1, 3, -3 : NPV in x = 1/(1+r) is -1 + 3x - 3x^2, discriminant 9 - 12 < 0: no real IRR.
  const auto r = irr({-1, 3, -3});
  EXPECT_EQ(r.status, IrrStatus::no_convergence);
  EXPECT_TRUE(std::isnan(r.rate));
}

TEST(Irr, TinyRecoveryGivesRateNearMinusOne) {
  // -100 then 1e-6 one period later: r = 1e-8 - 1.
  const auto r = irr({-100, 1e-6});
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, -1.0 + 1e-8, 1e-12);
}

TEST(Irr, LongMonthlyStream) {
  // 180 months: -1000 at month 0, +1000 * 1.01^180 at month 179 ... with the inflow at month 180
  // the monthly IRR is exactly 1 %.
  std::vector<double> a(181, 0.0);
  a[0] = -1000.0;
  a[180] = 1000.0 * std::pow(1.01, 180.0);
  const auto r = irr(a);
  EXPECT_EQ(r.status, IrrStatus::ok);
  EXPECT_NEAR(r.rate, 0.01, 1e-11);
  EXPECT_NEAR(annualise_monthly(r.rate), std::pow(1.01, 12.0) - 1.0, 1e-10);
}

TEST(Irr, Annualise) {
  EXPECT_NEAR(annualise_monthly(0.01), 0.12682503013196977, 1e-15);  // 1.01^12 - 1
  EXPECT_EQ(annualise_monthly(-1.0), -1.0);
  EXPECT_TRUE(std::isnan(annualise_monthly(std::nan(""))));
  EXPECT_STREQ(to_string(IrrStatus::multiple_roots), "multiple_roots");
}

}  // namespace
}  // namespace sisim
