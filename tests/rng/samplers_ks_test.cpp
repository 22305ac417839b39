// Kolmogorov-Smirnov tests of every sampler against its analytic CDF, written here from closed forms
// (not via the library's cdf()). n = 20000 draws at a fixed seed; the critical value at
// alpha = 0.001 is 1.95 / sqrt(n) (asymptotic Kolmogorov distribution).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "sim/rng/samplers.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::rng {
namespace {

constexpr int kN = 20000;
constexpr double kPi = 3.14159265358979323846;

double phi(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// I_x(a, b) for integer a, b: P(Binomial(a + b - 1, x) >= a).
double beta_cdf_integer(int a, int b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const int n = a + b - 1;
  double sum = 0.0, choose = 1.0;  // C(n, j) built up exactly
  for (int j = 0; j <= n; ++j) {
    if (j > 0) choose = choose * (n - j + 1) / j;
    if (j >= a) sum += choose * std::pow(x, j) * std::pow(1.0 - x, n - j);
  }
  return sum;
}

std::vector<double> draws(const Distribution& d, std::uint64_t seed) {
  UniformStream s(key_from_seed(seed), 0, kPathLevel, StreamId::parameters);
  std::vector<double> x(kN);
  for (double& v : x) v = sample(d, s.next());
  std::sort(x.begin(), x.end());
  return x;
}

double ks_statistic(const std::vector<double>& sorted, const std::function<double(double)>& f) {
  double d = 0.0;
  const double n = static_cast<double>(sorted.size());
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    const double fx = f(sorted[i]);
    d = std::max({d, fx - i / n, (i + 1) / n - fx});
  }
  return d;
}

void expect_ks_pass(const Distribution& d, const std::function<double(double)>& f, std::uint64_t seed) {
  const double stat = ks_statistic(draws(d, seed), f);
  EXPECT_LT(stat, 1.95 / std::sqrt(static_cast<double>(kN)));
}

TEST(KolmogorovSmirnov, Uniform) {
  Distribution d;
  d.kind = DistKind::uniform, d.low = 2.0, d.high = 5.0;
  expect_ks_pass(
      d, [](double x) { return std::clamp((x - 2.0) / 3.0, 0.0, 1.0); }, 11);
}

TEST(KolmogorovSmirnov, Normal) {
  Distribution d;
  d.kind = DistKind::normal, d.mean = 10.0, d.sd = 2.0;
  expect_ks_pass(
      d, [](double x) { return phi((x - 10.0) / 2.0); }, 12);
}

TEST(KolmogorovSmirnov, Lognormal) {
  Distribution d;
  d.kind = DistKind::lognormal, d.mu = std::log(50.0), d.sigma = 0.4;
  expect_ks_pass(
      d, [](double x) { return x > 0 ? phi((std::log(x) - std::log(50.0)) / 0.4) : 0.0; }, 13);
}

TEST(KolmogorovSmirnov, BetaScaled) {
  Distribution d;
  d.kind = DistKind::beta, d.alpha = 2.0, d.beta = 3.0, d.low = 10.0, d.high = 20.0;
  expect_ks_pass(
      d, [](double x) { return beta_cdf_integer(2, 3, (x - 10.0) / 10.0); }, 14);
}

TEST(KolmogorovSmirnov, BetaArcsine) {
  Distribution d;
  d.kind = DistKind::beta, d.alpha = 0.5, d.beta = 0.5;
  expect_ks_pass(
      d, [](double x) { return 2.0 / kPi * std::asin(std::sqrt(std::clamp(x, 0.0, 1.0))); }, 15);
}

TEST(KolmogorovSmirnov, Triangular) {
  Distribution d;
  d.kind = DistKind::triangular, d.low = 0.0, d.mode = 1.0, d.high = 4.0;
  expect_ks_pass(
      d, [](double x) { return x <= 1.0 ? x * x / 4.0 : 1.0 - (4.0 - x) * (4.0 - x) / 12.0; }, 16);
}

TEST(KolmogorovSmirnov, Pert) {
  // low 100, mode 125, high 200, lambda 4: alpha = 1 + 4 * 25/100 = 2, beta = 1 + 4 * 75/100 = 4.
  Distribution d;
  d.kind = DistKind::pert, d.low = 100.0, d.mode = 125.0, d.high = 200.0, d.lambda = 4.0;
  expect_ks_pass(
      d, [](double x) { return beta_cdf_integer(2, 4, (x - 100.0) / 100.0); }, 17);
}

TEST(KolmogorovSmirnov, TruncatedNormal) {
  Distribution d;
  d.kind = DistKind::normal, d.mean = 0.0, d.sd = 1.0, d.trunc_min = -0.5, d.trunc_max = 2.0;
  const double lo = phi(-0.5), hi = phi(2.0);
  expect_ks_pass(
      d, [&](double x) { return std::clamp((phi(x) - lo) / (hi - lo), 0.0, 1.0); }, 18);
}

TEST(KolmogorovSmirnov, TruncatedLognormal) {
  Distribution d;
  d.kind = DistKind::lognormal, d.mu = 0.0, d.sigma = 1.0, d.trunc_min = 0.5, d.trunc_max = 4.0;
  const auto f = [](double x) { return phi(std::log(x)); };
  expect_ks_pass(
      d, [&](double x) { return std::clamp((f(x) - f(0.5)) / (f(4.0) - f(0.5)), 0.0, 1.0); }, 19);
}

TEST(KolmogorovSmirnov, StatisticRejectsAWrongDistribution) {
  // The test has power: normal draws against a CDF with the sd 10 % too large must fail.
  Distribution d;
  d.kind = DistKind::normal, d.mean = 0.0, d.sd = 1.0;
  EXPECT_GT(ks_statistic(draws(d, 20), [](double x) { return phi(x / 1.1); }), 1.95 / std::sqrt(1.0 * kN));
}

TEST(DiscreteFrequencies, MatchProbabilitiesWithinFourStandardErrors) {
  Distribution d;
  d.kind = DistKind::discrete, d.values = {5.0, 1.0, 3.0}, d.probs = {0.2, 0.5, 0.3};
  const std::vector<double> x = draws(d, 21);
  for (std::size_t k = 0; k < d.values.size(); ++k) {
    const double share = std::count(x.begin(), x.end(), d.values[k]) / static_cast<double>(kN);
    const double p = d.probs[k];
    EXPECT_NEAR(share, p, 4.0 * std::sqrt(p * (1.0 - p) / kN)) << "value " << d.values[k];
  }
}

}  // namespace
}  // namespace sisim::rng
