// Statistics of per-path columns, checked against hand calculations and normal-theory closed forms.
#include "sim/stats/statistics.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <vector>

#include "sim/rng/streams.hpp"

namespace sisim::stats {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Standard normal samples by Box-Muller from one Philox stream (open uniforms: log is finite).
std::vector<double> normal_samples(std::size_t n, std::uint64_t seed) {
  rng::UniformStream u(rng::key_from_seed(seed), 0, 0, rng::StreamId::parameters);
  std::vector<double> z(n);
  for (auto& v : z) {
    const double u1 = u.next(), u2 = u.next();
    v = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }
  return z;
}

double normal_pdf(double z) {
  return std::exp(-0.5 * z * z) / std::sqrt(2.0 * std::numbers::pi);
}

TEST(Quantiles, OneToHundredByTypeSevenFormula) {
  std::vector<double> x;
  for (int i = 100; i >= 1; --i) x.push_back(i);  // reversed: the function must sort
  // h = 99 p; q = x_(floor h) + frac(h) * 1 with x_(k) = k + 1.
  const std::vector<double> expected = {1.99, 5.95, 10.9, 25.75, 50.5, 75.25, 90.1, 95.05, 99.01};
  const auto q = quantiles_of(x);
  ASSERT_EQ(q.size(), 9u);
  for (std::size_t i = 0; i < 9; ++i) EXPECT_NEAR(q[i], expected[i], 1e-12) << "level " << kQuantileLevels[i];
  EXPECT_DOUBLE_EQ(quantiles_of(x, std::vector<double>{0.0, 1.0})[0], 1.0);
  EXPECT_DOUBLE_EQ(quantiles_of(x, std::vector<double>{0.0, 1.0})[1], 100.0);
}

TEST(Quantiles, NaNDroppedEmptyGivesNaNBadLevelThrows) {
  EXPECT_DOUBLE_EQ(quantiles_of({3.0, kNaN, 1.0}, std::vector<double>{0.5})[0], 2.0);
  EXPECT_TRUE(std::isnan(quantiles_of({kNaN}, std::vector<double>{0.5})[0]));
  EXPECT_THROW(quantiles_of({1.0}, std::vector<double>{1.5}), std::invalid_argument);
}

TEST(Summary, VaRAndExpectedShortfallOfSmallSetByHand) {
  // 40 values: -50, -20, 1..38, given in reverse order.
  std::vector<double> x;
  for (int i = 38; i >= 1; --i) x.push_back(i);
  x.push_back(-20);
  x.push_back(-50);
  const Summary s = summarize(x);
  EXPECT_EQ(s.n, 40);
  // 5 %: h = 39 * 0.05 = 1.95 -> -20 + 0.95 * (1 - (-20)) = -0.05; worst ceil(2) = 2 values: -50, -20.
  // VaR and ES in the values' own sign (the 5 % quantile, the mean of the worst values).
  EXPECT_NEAR(s.var_05, -0.05, 1e-12);
  EXPECT_NEAR(s.es_05, -35.0, 1e-12);
  // 1 %: h = 0.39 -> -50 + 0.39 * 30 = -38.3; worst ceil(0.4) = 1 value.
  EXPECT_NEAR(s.var_01, -38.3, 1e-12);
  EXPECT_NEAR(s.es_01, -50.0, 1e-12);
  EXPECT_NEAR(s.p_loss, 2.0 / 40.0, 1e-15);
  // mean = (38 * 39 / 2 - 70) / 40
  EXPECT_NEAR(s.mean, (741.0 - 70.0) / 40.0, 1e-12);
}

TEST(Summary, LossFlagsCountAllPathsIncludingNaN) {
  const std::vector<double> x = {1.0, 2.0, kNaN, 4.0};
  const std::vector<std::uint8_t> flags = {0, 1, 1, 0};
  const Summary s = summarize(x, &flags);
  EXPECT_EQ(s.n, 3);
  EXPECT_EQ(s.n_nan, 1);
  EXPECT_NEAR(s.mean, 7.0 / 3.0, 1e-15);
  EXPECT_DOUBLE_EQ(s.p_loss, 0.5);
  const std::vector<std::uint8_t> short_flags = {0, 1};
  EXPECT_THROW(summarize(x, &short_flags), std::invalid_argument);
}

TEST(Summary, OrderStatisticStandardErrorsByHand) {
  // Values 1..8 (unit spacing), median: h = 3.5, rank sd = sqrt(8 * 0.25) = sqrt(2); the interval
  // h -+ 1.96 sqrt(2) stays inside the sample, so on a unit grid SE = rank sd * spacing = sqrt(2).
  const Summary s = summarize({1, 2, 3, 4, 5, 6, 7, 8});
  EXPECT_NEAR(s.quantile_se[4], std::sqrt(2.0), 1e-12);
  EXPECT_NEAR(s.se_mean, std::sqrt(6.0) / std::sqrt(8.0), 1e-12);  // sd of 1..8 = sqrt(42/7)
  // p_loss: binomial, sqrt(p (1 - p) / n); here no value is < 0, so p = 0 and SE = 0.
  EXPECT_EQ(s.p_loss_se, 0.0);
  // ES 5 % of 1..40: k = ceil(2) = 2, tail {1, 2}: m = 1.5, Var = 0.5, q = 2, a = 0.05:
  // SE^2 = (0.5 + 0.95 * 0.25) / (40 * 0.05) = 0.36875.
  std::vector<double> forty;
  for (int i = 1; i <= 40; ++i) forty.push_back(i);
  EXPECT_NEAR(summarize(forty).es_05_se, std::sqrt(0.36875), 1e-12);
  const Summary tiny = summarize({1, 2, 3});
  EXPECT_TRUE(std::isnan(tiny.quantile_se[4]));
  EXPECT_TRUE(std::isnan(tiny.p_loss_se));
  EXPECT_DOUBLE_EQ(tiny.quantiles[4], 2.0);
  const Summary empty = summarize({});
  EXPECT_TRUE(std::isnan(empty.mean));
  EXPECT_TRUE(std::isnan(empty.quantiles[4]));
  EXPECT_EQ(empty.n, 0);
}

// The reported SEs against the spread of the statistic over independent samples, at the small
// path count where the old replicate-group SE was 3.6 times too large (n = 2,000): for each
// level, the mean reported SE over 200 samples must be within a factor 1.3 of the sd of the 200
// estimates (that sd is itself known to about +-5 %).
TEST(Summary, StandardErrorsMatchTheSpreadOverIndependentSamples) {
  constexpr std::size_t kN = 2000;
  constexpr int kSamples = 200;
  // Three shapes: normal, a heavy right tail (lognormal sigma 1), and an investor-like NPV: a
  // left tail of losses (normal, 35 %) and a smooth bulk of gains.
  const auto shape = [](int kind, double z, double v) {
    if (kind == 0) return z;
    if (kind == 1) return std::exp(z);
    return v < 0.35 ? -2.0 + 1.5 * z : 1.0 + 0.2 * z;
  };
  for (int kind = 0; kind < 3; ++kind) {
    std::array<std::vector<double>, 9> estimates, ses;
    std::vector<double> es, es_se;
    for (int sample = 0; sample < kSamples; ++sample) {
      const auto z = normal_samples(kN, 1000 + static_cast<std::uint64_t>(sample));
      const auto v = normal_samples(kN, 5000 + static_cast<std::uint64_t>(sample));
      std::vector<double> x(kN);
      for (std::size_t i = 0; i < kN; ++i)
        x[i] = shape(kind, z[i], 0.5 * (1.0 + std::erf(v[i] / std::sqrt(2.0))));
      const Summary s = summarize(x);
      for (std::size_t k = 0; k < 9; ++k) {
        estimates[k].push_back(s.quantiles[k]);
        ses[k].push_back(s.quantile_se[k]);
      }
      es.push_back(s.es_05);
      es_se.push_back(s.es_05_se);
    }
    const auto mean = [](const std::vector<double>& a) {
      double m = 0.0;
      for (double x : a) m += x;
      return m / static_cast<double>(a.size());
    };
    const auto sd = [&mean](const std::vector<double>& a) {
      const double m = mean(a);
      double ss = 0.0;
      for (double x : a) ss += (x - m) * (x - m);
      return std::sqrt(ss / static_cast<double>(a.size() - 1));
    };
    for (std::size_t k = 0; k < 9; ++k) {
      const double ratio = mean(ses[k]) / sd(estimates[k]);
      EXPECT_GT(ratio, 1.0 / 1.3) << "shape " << kind << " level " << kQuantileLevels[k];
      EXPECT_LT(ratio, 1.3) << "shape " << kind << " level " << kQuantileLevels[k];
    }
    const double es_ratio = mean(es_se) / sd(es);
    EXPECT_GT(es_ratio, 1.0 / 1.3) << "shape " << kind << " ES 5 %";
    EXPECT_LT(es_ratio, 1.3) << "shape " << kind << " ES 5 %";
  }
}

TEST(Summary, StandardNormalAgreesWithAsymptoticStandardErrors) {
  const std::size_t n = 40000;
  const auto z = normal_samples(n, 20240611);
  const Summary s = summarize(z);
  const double root_n = std::sqrt(static_cast<double>(n));
  EXPECT_NEAR(s.se_mean, 1.0 / root_n, 0.05 / root_n);
  EXPECT_LT(std::abs(s.mean), 4.0 * s.se_mean);
  EXPECT_NEAR(s.sd, 1.0, 4.0 / std::sqrt(2.0 * n));  // sd of the sample sd ~ 1 / sqrt(2n)

  // SE of the p-quantile: sqrt(p (1 - p)) / (f(q_p) sqrt(n)); 1.2533 / sqrt(n) for the median.
  const double se_median = std::sqrt(0.25) / normal_pdf(0.0) / root_n;
  EXPECT_NEAR(se_median * root_n, 1.2533, 1e-4);
  EXPECT_NEAR(s.quantile_se[4] / se_median, 1.0, 0.25);
  EXPECT_LT(std::abs(s.quantiles[4]), 4.0 * se_median);
  const double q05 = -1.6448536269514722;
  const double se_q05 = std::sqrt(0.05 * 0.95) / normal_pdf(q05) / root_n;
  EXPECT_NEAR(s.quantile_se[1] / se_q05, 1.0, 0.25);
  EXPECT_NEAR(s.var_05_se / se_q05, 1.0, 0.25);
  EXPECT_NEAR(s.quantiles[1], q05, 4.0 * se_q05);
  EXPECT_NEAR(s.var_05, q05, 4.0 * se_q05);

  // Mean of the worst 5 % of N(0,1) = -phi(q_0.05) / 0.05; P(x < 0) = 1/2 with SE sqrt(1/4 / n).
  EXPECT_NEAR(s.es_05, -normal_pdf(q05) / 0.05, 4.0 * s.es_05_se);
  EXPECT_NEAR(s.p_loss, 0.5, 4.0 * s.p_loss_se);
  EXPECT_NEAR(s.p_loss_se / (0.5 / root_n), 1.0, 0.25);
}

TEST(MeanAccumulator, BlocksMergedInFixedOrderMatchDirectFormulas) {
  MeanAccumulator a, b, c;
  for (int i = 1; i <= 3; ++i) a.add(i);
  for (int i = 4; i <= 10; ++i) b.add(i);
  b.add(kNaN);
  a.merge(b);
  a.merge(c);  // an empty block changes nothing
  EXPECT_EQ(a.count(), 10);
  EXPECT_EQ(a.nan_count(), 1);
  EXPECT_NEAR(a.mean(), 5.5, 1e-15);
  EXPECT_NEAR(a.variance(), 82.5 / 9.0, 1e-13);  // sum (i - 5.5)^2 over 1..10 = 82.5
  EXPECT_NEAR(a.se_mean(), std::sqrt(82.5 / 9.0 / 10.0), 1e-13);
  MeanAccumulator empty;
  EXPECT_TRUE(std::isnan(empty.mean()));
  empty.merge(a);
  EXPECT_EQ(empty.mean(), a.mean());
}

}  // namespace
}  // namespace sisim::stats
