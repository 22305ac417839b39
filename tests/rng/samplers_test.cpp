// Inverse-CDF samplers: known answers from closed forms, CDF round trips, truncation, means.
#include "sim/rng/samplers.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace sisim::rng {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

Distribution make(DistKind kind) {
  Distribution d;
  d.kind = kind;
  return d;
}
Distribution uniform(double lo, double hi) {
  Distribution d = make(DistKind::uniform);
  d.low = lo, d.high = hi;
  return d;
}
Distribution normal(double mean, double sd) {
  Distribution d = make(DistKind::normal);
  d.mean = mean, d.sd = sd;
  return d;
}
Distribution lognormal(double mu, double sigma) {
  Distribution d = make(DistKind::lognormal);
  d.mu = mu, d.sigma = sigma;
  return d;
}
Distribution beta(double a, double b, double lo = 0.0, double hi = 1.0) {
  Distribution d = make(DistKind::beta);
  d.alpha = a, d.beta = b, d.low = lo, d.high = hi;
  return d;
}
Distribution triangular(double lo, double mode, double hi) {
  Distribution d = make(DistKind::triangular);
  d.low = lo, d.mode = mode, d.high = hi;
  return d;
}
Distribution pert(double lo, double mode, double hi, double lambda = 4.0) {
  Distribution d = make(DistKind::pert);
  d.low = lo, d.mode = mode, d.high = hi, d.lambda = lambda;
  return d;
}
Distribution discrete(std::vector<double> values, std::vector<double> probs) {
  Distribution d = make(DistKind::discrete);
  d.values = std::move(values), d.probs = std::move(probs);
  return d;
}
Distribution truncated(Distribution d, double lo, double hi) {
  d.trunc_min = lo, d.trunc_max = hi;
  return d;
}

TEST(Sample, FixedReturnsItsValue) {
  Distribution d;
  d.value = 3.25;
  for (double u : {1e-9, 0.5, 0.999}) EXPECT_EQ(sample(d, u), 3.25);
}

TEST(Sample, UniformIsLinear) {
  EXPECT_EQ(sample(uniform(2.0, 5.0), 0.25), 2.75);
  EXPECT_EQ(sample(uniform(2.0, 5.0), 0.5), 3.5);
  EXPECT_NEAR(sample(uniform(-1.0, 1.0), 0.9), 0.8, 1e-15);
}

TEST(Sample, NormalQuantiles) {
  EXPECT_NEAR(sample(normal(10.0, 2.0), 0.975), 10.0 + 2.0 * 1.959963984540054, 1e-14);
  EXPECT_NEAR(sample(normal(10.0, 2.0), 0.025), 10.0 - 2.0 * 1.959963984540054, 1e-14);
  EXPECT_EQ(sample(normal(10.0, 2.0), 0.5), 10.0);
  EXPECT_EQ(sample(normal(10.0, 0.0), 0.9), 10.0);  // degenerate sd 0
}

TEST(Sample, LognormalMedianAndQuantile) {
  EXPECT_NEAR(sample(lognormal(std::log(50.0), 0.3), 0.5), 50.0, 1e-12);
  // The 97.5 % point is median * exp(sigma * 1.959963984540054).
  EXPECT_NEAR(sample(lognormal(std::log(50.0), 0.3), 0.975), 50.0 * std::exp(0.3 * 1.959963984540054), 1e-11);
}

TEST(Sample, BetaTwoTwoSolvesTheCubic) {
  // I_x(2,2) = 3x^2 - 2x^3 = p; hand solution x = 1/2 + sin(asin(2p - 1) / 3). p = 0.2:
  // asin(-0.6) = -0.6435011087932844, / 3 = -0.2145003695977615, sin = -0.2128592745832596.
  const double x = sample(beta(2.0, 2.0), 0.2);
  EXPECT_NEAR(x, 0.5 + std::sin(std::asin(-0.6) / 3.0), 1e-15);
  EXPECT_NEAR(3 * x * x - 2 * x * x * x, 0.2, 1e-15);
  EXPECT_NEAR(x, 0.2871407254167404, 1e-15);
  // Scaled to [10, 20].
  EXPECT_NEAR(sample(beta(2.0, 2.0, 10.0, 20.0), 0.2), 10.0 + 10.0 * x, 1e-13);
}

TEST(Sample, TriangularClosedForm) {
  // low 0, mode 1, high 4: F(mode) = 1/4. Below: x = sqrt(p * 4 * 1); above: x = 4 - sqrt((1-p) * 4 * 3).
  EXPECT_NEAR(sample(triangular(0.0, 1.0, 4.0), 0.125), std::sqrt(0.5), 1e-15);
  EXPECT_NEAR(sample(triangular(0.0, 1.0, 4.0), 0.25), 1.0, 1e-15);
  EXPECT_NEAR(sample(triangular(0.0, 1.0, 4.0), 0.5), 4.0 - std::sqrt(6.0), 1e-15);
  // Mode at an end: right triangle.
  EXPECT_NEAR(sample(triangular(0.0, 0.0, 2.0), 0.75), 2.0 - std::sqrt(0.25 * 2.0 * 2.0), 1e-15);
}

TEST(Sample, PertSymmetricMedianIsTheModeAndShapeIsBeta) {
  EXPECT_NEAR(sample(pert(10.0, 15.0, 20.0), 0.5), 15.0, 1e-12);
  // low 0, mode 0.25, high 1, lambda 4: alpha = 1 + 4 * 0.25 = 2, beta = 1 + 4 * 0.75 = 4.
  for (double p : {0.1, 0.5, 0.9})
    EXPECT_NEAR(sample(pert(0.0, 0.25, 1.0), p), sample(beta(2.0, 4.0), p), 1e-15);
  // PERT with mode at low: alpha = 1, beta = 1 + lambda = 5, so F(x) = 1 - (1 - x)^5.
  EXPECT_NEAR(sample(pert(0.0, 0.0, 1.0), 0.5), 1.0 - std::pow(0.5, 0.2), 1e-14);
}

TEST(Sample, DiscreteSmallestValueWithCumulativeAtLeastU) {
  const Distribution d = discrete({1.0, 2.0, 3.0}, {0.25, 0.5, 0.25});  // cumulative 0.25, 0.75, 1
  EXPECT_EQ(sample(d, 0.1), 1.0);
  EXPECT_EQ(sample(d, 0.25), 1.0);  // exactly at the step: still the smaller value
  EXPECT_EQ(sample(d, 0.2500001), 2.0);
  EXPECT_EQ(sample(d, 0.75), 2.0);
  EXPECT_EQ(sample(d, 0.76), 3.0);
  EXPECT_EQ(sample(d, 0.999999), 3.0);
  // Order of the listing does not matter: cumulative probability runs over ascending values.
  const Distribution shuffled = discrete({3.0, 1.0, 2.0}, {0.25, 0.25, 0.5});
  for (double u : {0.1, 0.25, 0.3, 0.75, 0.8}) EXPECT_EQ(sample(shuffled, u), sample(d, u)) << u;
}

TEST(Cdf, ClosedFormsAndDiscreteSteps) {
  EXPECT_NEAR(cdf(uniform(2.0, 5.0), 3.0), 1.0 / 3.0, 1e-15);
  EXPECT_EQ(cdf(uniform(2.0, 5.0), 1.0), 0.0);
  EXPECT_EQ(cdf(uniform(2.0, 5.0), 6.0), 1.0);
  EXPECT_NEAR(cdf(normal(10.0, 2.0), 12.0), 0.8413447460685429, 1e-15);  // Phi(1)
  EXPECT_NEAR(cdf(lognormal(0.0, 1.0), 1.0), 0.5, 1e-15);
  EXPECT_EQ(cdf(lognormal(0.0, 1.0), -1.0), 0.0);
  EXPECT_NEAR(cdf(triangular(0.0, 1.0, 4.0), 3.0), 1.0 - 1.0 / 12.0, 1e-15);  // 1 - (4-3)^2 / (4 * 3)
  const Distribution d = discrete({1.0, 2.0, 3.0}, {0.25, 0.5, 0.25});
  EXPECT_EQ(cdf(d, 0.5), 0.0);
  EXPECT_EQ(cdf(d, 1.0), 0.25);
  EXPECT_EQ(cdf(d, 2.5), 0.75);
  EXPECT_EQ(cdf(d, 3.0), 1.0);
}

TEST(Cdf, QuantileRoundTripsForContinuousKinds) {
  const std::vector<Distribution> dists = {uniform(-3.0, 7.0),
                                           normal(5.0, 0.5),
                                           lognormal(1.0, 0.8),
                                           beta(0.5, 3.0, 2.0, 4.0),
                                           beta(30.0, 12.0),
                                           triangular(1.0, 2.0, 6.0),
                                           pert(100.0, 180.0, 200.0, 6.0),
                                           truncated(normal(0.0, 1.0), -0.5, 2.0),
                                           truncated(lognormal(0.0, 0.5), 0.8, kInf),
                                           truncated(triangular(0.0, 1.0, 4.0), 0.5, 3.0)};
  for (std::size_t k = 0; k < dists.size(); ++k) {
    for (double p : {1e-6, 0.01, 0.2, 0.5, 0.8, 0.99, 1.0 - 1e-6}) {
      EXPECT_NEAR(cdf(dists[k], quantile(dists[k], p)), p, 1e-11) << "dist " << k << " p " << p;
    }
  }
}

TEST(Truncation, NormalHalfLineMatchesTheRenormalisedInverse) {
  // Truncated to [0, inf): Q(p) = Phi^-1(1/2 + p/2), so p = 0.95 gives Phi^-1(0.975).
  const Distribution d = truncated(normal(0.0, 1.0), 0.0, kInf);
  EXPECT_NEAR(quantile(d, 0.95), 1.959963984540054, 1e-14);
  EXPECT_NEAR(cdf(d, 1.959963984540054), 0.95, 1e-15);
  EXPECT_EQ(cdf(d, -1.0), 0.0);
}

TEST(Truncation, UniformAndTriangularRenormalise) {
  const Distribution u = truncated(uniform(0.0, 10.0), 2.0, 4.0);
  EXPECT_NEAR(quantile(u, 0.25), 2.5, 1e-15);
  EXPECT_NEAR(cdf(u, 3.0), 0.5, 1e-15);
  // Triangular(0, 1, 4) on [0.5, 3]: hand CDF F(x) = x^2/4 below 1, 1 - (4-x)^2/12 above.
  const auto f = [](double x) { return x <= 1.0 ? x * x / 4.0 : 1.0 - (4.0 - x) * (4.0 - x) / 12.0; };
  const Distribution t = truncated(triangular(0.0, 1.0, 4.0), 0.5, 3.0);
  for (double x : {0.7, 1.0, 2.2, 2.9}) {
    EXPECT_NEAR(cdf(t, x), (f(x) - f(0.5)) / (f(3.0) - f(0.5)), 1e-15) << x;
  }
}

TEST(Truncation, DrawsStayInRange) {
  const std::vector<Distribution> dists = {
      truncated(normal(0.0, 1.0), 1.5, 1.6), truncated(lognormal(0.0, 2.0), 0.1, 3.0),
      truncated(beta(2.0, 5.0, 0.0, 10.0), 5.0, kInf), truncated(pert(0.0, 1.0, 9.0), -kInf, 0.5),
      truncated(normal(0.0, 1.0), 6.0, kInf)};
  for (const Distribution& d : dists) {
    for (double u = 1e-9; u < 1.0; u += 0.0371) {
      const double x = sample(d, u);
      EXPECT_GE(x, d.trunc_min);
      EXPECT_LE(x, d.trunc_max);
    }
    EXPECT_GE(sample(d, 1e-16), d.trunc_min);
    EXPECT_LE(sample(d, 1.0 - 1e-16), d.trunc_max);
  }
}

TEST(Truncation, DiscreteKeepsTheEndAtomsAndRenormalises) {
  // {1,2,3,4} with probs .1 .2 .3 .4 on [2, 3]: renormalised 2 -> 0.4, 3 -> 0.6.
  const Distribution d = truncated(discrete({1.0, 2.0, 3.0, 4.0}, {0.1, 0.2, 0.3, 0.4}), 2.0, 3.0);
  EXPECT_EQ(sample(d, 0.01), 2.0);
  EXPECT_EQ(sample(d, 0.39), 2.0);
  EXPECT_EQ(sample(d, 0.41), 3.0);
  EXPECT_EQ(sample(d, 0.99), 3.0);
  EXPECT_NEAR(cdf(d, 2.0), 0.4, 1e-15);
  EXPECT_EQ(cdf(d, 1.5), 0.0);
  EXPECT_EQ(cdf(d, 3.0), 1.0);
}

// E[X] = integral of Q(p) over (0, 1), by the midpoint rule: independent of mean_of's closed forms.
double integrated_mean(const Distribution& d) {
  const int n = 20000;
  double sum = 0.0;
  for (int i = 0; i < n; ++i) sum += quantile(d, (i + 0.5) / n);
  return sum / n;
}

TEST(MeanOf, MatchesTheIntegratedQuantile) {
  const std::vector<Distribution> dists = {uniform(2.0, 5.0),
                                           normal(3.0, 1.5),
                                           lognormal(0.5, 0.4),
                                           beta(2.0, 5.0, 10.0, 20.0),
                                           triangular(0.0, 1.0, 4.0),
                                           pert(0.0, 2.0, 10.0),
                                           discrete({1.0, 2.0, 3.0}, {0.25, 0.5, 0.25}),
                                           truncated(normal(1.0, 2.0), 0.0, 3.0)};
  for (std::size_t k = 0; k < dists.size(); ++k) {
    const std::optional<double> m = mean_of(dists[k]);
    ASSERT_TRUE(m.has_value()) << k;
    EXPECT_NEAR(*m, integrated_mean(dists[k]), 1e-4 * (1.0 + std::fabs(*m))) << "dist " << k;
  }
  EXPECT_FALSE(mean_of(truncated(beta(2.0, 2.0), 0.1, 0.5)).has_value());
}

}  // namespace
}  // namespace sisim::rng
