// Normal CDF / quantile, log-gamma and the incomplete beta against published values and closed forms.
#include "sim/rng/special_functions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <vector>

namespace sisim::rng {
namespace {

constexpr double kPi = 3.14159265358979323846;

TEST(NormalQuantile, PublishedPercentagePoints) {
  // Standard tables (e.g. Abramowitz & Stegun 26.2), to 16 digits.
  EXPECT_EQ(normal_quantile(0.5), 0.0);
  EXPECT_NEAR(normal_quantile(0.975), 1.959963984540054, 2e-15);
  EXPECT_NEAR(normal_quantile(0.025), -1.959963984540054, 2e-15);
  EXPECT_NEAR(normal_quantile(0.995), 2.5758293035489008, 4e-15);
  EXPECT_NEAR(normal_quantile(0.999), 3.0902323061678135, 4e-15);
  EXPECT_NEAR(normal_quantile(1e-10), -6.3613409024040562, 1e-14);
}

TEST(NormalQuantile, EndsAndOutsideTheDomain) {
  EXPECT_EQ(normal_quantile(0.0), -HUGE_VAL);
  EXPECT_EQ(normal_quantile(1.0), HUGE_VAL);
  EXPECT_TRUE(std::isnan(normal_quantile(-0.1)));
  EXPECT_TRUE(std::isnan(normal_quantile(1.5)));
}

TEST(NormalQuantile, IsOddAboutOneHalf) {
  // p = k / 1024 and 1 - p are exact, so Q(1 - p) = -Q(p) must hold to rounding.
  for (int k = 1; k < 512; k += 7) {
    const double p = k / 1024.0;
    EXPECT_NEAR(normal_quantile(1.0 - p), -normal_quantile(p), 1e-15 * std::fabs(normal_quantile(p)) + 1e-16);
  }
}

TEST(NormalQuantile, InvertsTheCdfOverTheWholeRange) {
  // Lower tail down to 1e-300 (all three AS241 regions), relative error in p.
  for (double p = 1e-300; p < 0.5; p *= 7.3) {
    const double x = normal_quantile(p);
    EXPECT_NEAR(normal_cdf(x) / p, 1.0, 2e-14 * (1.0 + std::fabs(x))) << "p = " << p;
  }
  for (double p = 0.5; p < 1.0; p += 0.0173) EXPECT_NEAR(normal_cdf(normal_quantile(p)), p, 2e-16 * 4);
}

TEST(NormalCdf, PublishedValues) {
  EXPECT_EQ(normal_cdf(0.0), 0.5);
  EXPECT_NEAR(normal_cdf(-1.0), 0.15865525393145705, 1e-16);
  EXPECT_NEAR(normal_cdf(1.959963984540054), 0.975, 1e-16);
  EXPECT_NEAR(normal_cdf(-10.0) / 7.6198530241605260e-24, 1.0, 1e-13);
  EXPECT_NEAR(normal_pdf(0.0), 1.0 / std::sqrt(2.0 * kPi), 1e-16);
}

TEST(LogGamma, FactorialsAndHalfIntegers) {
  EXPECT_NEAR(log_gamma(1.0), 0.0, 1e-15);
  EXPECT_NEAR(log_gamma(2.0), 0.0, 1e-15);
  EXPECT_NEAR(log_gamma(0.5), 0.5 * std::log(kPi), 1e-14);  // Gamma(1/2) = sqrt(pi)
  EXPECT_NEAR(log_gamma(1.5), std::log(0.5 * std::sqrt(kPi)), 1e-14);
  double log_factorial = 0.0;  // log((n-1)!) built up term by term
  for (int n = 2; n <= 171; ++n) {
    log_factorial += std::log(n - 1.0);
    EXPECT_NEAR(log_gamma(n), log_factorial, 1e-14 * (1.0 + log_factorial)) << "n = " << n;
  }
}

TEST(LogGamma, SatisfiesTheRecurrence) {
  // Gamma(x + 1) = x Gamma(x), including the reflection branch x < 1/2.
  for (double x : {1e-6, 0.001, 0.3, 0.49, 0.51, 1.7, 2.5, 7.7, 33.3, 250.0}) {
    EXPECT_NEAR(log_gamma(x + 1.0), log_gamma(x) + std::log(x), 2e-14 * (1.0 + std::fabs(log_gamma(x)))) << x;
  }
}

// I_x(a, b) for integer a, b: P(Binomial(a + b - 1, x) >= a) (the classic identity).
double binomial_tail(int a, int b, double x) {
  const int n = a + b - 1;
  double sum = 0.0;
  for (int j = a; j <= n; ++j) {
    const double log_choose = std::lgamma(n + 1.0) - std::lgamma(j + 1.0) - std::lgamma(n - j + 1.0);
    sum += std::exp(log_choose + j * std::log(x) + (n - j) * std::log1p(-x));
  }
  return sum;
}

TEST(BetaInc, ClosedForms) {
  for (double x : {1e-9, 0.01, 0.2, 0.5, 0.77, 0.999}) {
    EXPECT_NEAR(beta_inc(3.5, 1.0, x), std::pow(x, 3.5), 1e-15) << x;              // x^a
    EXPECT_NEAR(beta_inc(1.0, 2.5, x), 1.0 - std::pow(1.0 - x, 2.5), 1e-15) << x;  // 1 - (1-x)^b
    EXPECT_NEAR(beta_inc(2.0, 2.0, x), 3 * x * x - 2 * x * x * x, 1e-15) << x;
    EXPECT_NEAR(beta_inc(0.5, 0.5, x), 2.0 / kPi * std::asin(std::sqrt(x)), 1e-14) << x;  // arcsine law
    EXPECT_NEAR(beta_inc(3.0, 5.0, x), binomial_tail(3, 5, x), 1e-14) << x;
    EXPECT_NEAR(beta_inc(40.0, 25.0, x), binomial_tail(40, 25, x), 1e-12) << x;
  }
  EXPECT_NEAR(beta_inc(50.0, 50.0, 0.5), 0.5, 1e-13);  // symmetry
  EXPECT_EQ(beta_inc(2.0, 3.0, 0.0), 0.0);
  EXPECT_EQ(beta_inc(2.0, 3.0, 1.0), 1.0);
  EXPECT_EQ(beta_inc(2.0, 3.0, -1.0), 0.0);
}

TEST(BetaInc, SmallTailKeepsRelativePrecision) {
  // I_x(a, 1) = x^a exactly, far into the tail.
  EXPECT_NEAR(beta_inc(4.0, 1.0, 1e-20) / 1e-80, 1.0, 1e-12);
}

TEST(BetaIncInv, InvertsBetaInc) {
  const std::vector<std::pair<double, double>> shapes = {{0.5, 0.5}, {0.3, 4.0},   {2.0, 2.0}, {5.0, 1.0},
                                                         {1.0, 3.0}, {50.0, 80.0}, {1.2, 0.7}, {400.0, 2.0}};
  for (auto [a, b] : shapes) {
    for (double p : {1e-12, 1e-6, 0.01, 0.3, 0.5, 0.7, 0.99, 1.0 - 1e-9}) {
      const double x = beta_inc_inv(a, b, p);
      ASSERT_GE(x, 0.0);
      ASSERT_LE(x, 1.0);
      if (p <= 0.5) {
        EXPECT_NEAR(beta_inc(a, b, x) / p, 1.0, 1e-12) << "a=" << a << " b=" << b << " p=" << p;
      } else {
        // Near 1 the root may lie closer to 1 than the double spacing (arcsine at 1 - 1e-9: 1 - x is
        // ~2.5e-18), so demand the best representable x: the root lies within one ulp of it.
        const double below = std::nextafter(x, 0.0), above = std::min(1.0, std::nextafter(x, 2.0));
        EXPECT_LE(beta_inc(a, b, below), p + 1e-15) << "a=" << a << " b=" << b << " p=" << p;
        EXPECT_GE(beta_inc(a, b, above), p - 1e-15) << "a=" << a << " b=" << b << " p=" << p;
      }
    }
  }
}

TEST(BetaIncInv, ClosedFormQuantiles) {
  for (double p : {0.001, 0.1, 0.25, 0.5, 0.9, 0.999}) {
    // Beta(2, 2): 3x^2 - 2x^3 = p solved by the triple-angle identity: x = 1/2 + sin(asin(2p - 1) / 3).
    EXPECT_NEAR(beta_inc_inv(2.0, 2.0, p), 0.5 + std::sin(std::asin(2.0 * p - 1.0) / 3.0), 1e-15) << p;
    EXPECT_NEAR(beta_inc_inv(0.5, 0.5, p), std::pow(std::sin(kPi * p / 2.0), 2), 1e-14) << p;  // arcsine
    EXPECT_NEAR(beta_inc_inv(3.0, 1.0, p), std::cbrt(p), 1e-15) << p;
  }
  EXPECT_EQ(beta_inc_inv(2.0, 3.0, 0.0), 0.0);
  EXPECT_EQ(beta_inc_inv(2.0, 3.0, 1.0), 1.0);
}

TEST(BetaIncInv, TinyRootWithLargeP) {
  // I_x(0.001, 1) = x^0.001, so p = 0.85 has the root 0.85^1000 ~ 4e-71: tiny x although p > 1/2.
  EXPECT_NEAR(beta_inc_inv(0.001, 1.0, 0.85) / std::pow(0.85, 1000.0), 1.0, 1e-11);
  // Mirror image: I_x(1, 0.001) = 1 - (1 - x)^0.001, root 1 - 0.85^1000: within one ulp of 1.
  EXPECT_NEAR(beta_inc_inv(1.0, 0.001, 0.15), 1.0, 0x1.0p-53);
}

}  // namespace
}  // namespace sisim::rng
