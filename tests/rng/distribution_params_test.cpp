// Distribution conversions (moments by hand) and the parameter checks' messages.
#include "sim/rng/distribution_params.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

#include "sim/rng/samplers.hpp"

namespace sisim::rng {
namespace {

TEST(LognormalFromMeanSd, ReproducesTheMoments) {
  const Distribution d = lognormal_from_mean_sd(100.0, 30.0);
  EXPECT_EQ(d.kind, DistKind::lognormal);
  // sigma^2 = log(1 + 0.09) by hand; E = exp(mu + s^2/2), Var = (exp(s^2) - 1) exp(2 mu + s^2).
  EXPECT_NEAR(d.sigma * d.sigma, std::log(1.09), 1e-15);
  EXPECT_NEAR(std::exp(d.mu + 0.5 * d.sigma * d.sigma), 100.0, 1e-12);
  EXPECT_NEAR((std::exp(d.sigma * d.sigma) - 1.0) * std::exp(2.0 * d.mu + d.sigma * d.sigma), 900.0, 1e-9);
  EXPECT_THROW(lognormal_from_mean_sd(0.0, 1.0), std::invalid_argument);
  EXPECT_THROW(lognormal_from_mean_sd(5.0, -1.0), std::invalid_argument);
}

TEST(LognormalFromMedianSigma, MedianIsTheHalfQuantile) {
  const Distribution d = lognormal_from_median_sigma(4000.0, 0.25);
  EXPECT_NEAR(quantile(d, 0.5), 4000.0, 1e-9);
  EXPECT_EQ(d.sigma, 0.25);
  EXPECT_THROW(lognormal_from_median_sigma(-1.0, 0.2), std::invalid_argument);
}

TEST(BetaFromMeanSd, MethodOfMomentsByHand) {
  // m = 0.3, v = 0.01: k = 0.21 / 0.01 - 1 = 20, alpha = 6, beta = 14.
  const std::optional<Distribution> unit = beta_from_mean_sd(0.3, 0.1, 0.0, 1.0);
  ASSERT_TRUE(unit.has_value());
  EXPECT_NEAR(unit->alpha, 6.0, 1e-12);
  EXPECT_NEAR(unit->beta, 14.0, 1e-12);
  // The same shape on [10, 20] with mean 13, sd 1.
  const std::optional<Distribution> scaled = beta_from_mean_sd(13.0, 1.0, 10.0, 20.0);
  ASSERT_TRUE(scaled.has_value());
  EXPECT_NEAR(scaled->alpha, 6.0, 1e-12);
  EXPECT_NEAR(scaled->beta, 14.0, 1e-12);
  EXPECT_EQ(scaled->low, 10.0);
  EXPECT_EQ(scaled->high, 20.0);
}

TEST(BetaFromMeanSd, ImpossibleMomentsGiveNullopt) {
  EXPECT_FALSE(beta_from_mean_sd(0.5, 0.5, 0.0, 1.0).has_value());   // v = m(1-m) exactly
  EXPECT_FALSE(beta_from_mean_sd(0.1, 0.35, 0.0, 1.0).has_value());  // v > m(1-m)
  EXPECT_FALSE(beta_from_mean_sd(1.5, 0.1, 0.0, 1.0).has_value());   // mean outside
  EXPECT_FALSE(beta_from_mean_sd(0.5, 0.0, 0.0, 1.0).has_value());   // sd 0
  EXPECT_FALSE(beta_from_mean_sd(0.5, 0.1, 1.0, 1.0).has_value());   // empty range
  EXPECT_TRUE(beta_from_mean_sd(0.5, 0.49, 0.0, 1.0).has_value());
}

TEST(PertShape, FormulaByHand) {
  Distribution d;
  d.kind = DistKind::pert, d.low = 0.0, d.mode = 3.0, d.high = 10.0, d.lambda = 4.0;
  const auto [a, b] = pert_shape(d);
  EXPECT_NEAR(a, 2.2, 1e-15);  // 1 + 4 * 3/10
  EXPECT_NEAR(b, 3.8, 1e-15);  // 1 + 4 * 7/10
}

TEST(CheckDistribution, AcceptsSensibleParameters) {
  Distribution d;
  EXPECT_EQ(check_distribution(d), "");  // fixed 0
  d.kind = DistKind::normal, d.mean = 1.0, d.sd = 0.5;
  EXPECT_EQ(check_distribution(d), "");
  d.trunc_min = 0.0;
  EXPECT_EQ(check_distribution(d), "");
}

TEST(CheckDistribution, NamesTheProblem) {
  Distribution d;
  d.kind = DistKind::normal, d.sd = -1.0;
  EXPECT_EQ(check_distribution(d), "sd must be > 0, got -1");

  Distribution u;
  u.kind = DistKind::uniform, u.low = 3.0, u.high = 2.0;
  EXPECT_EQ(check_distribution(u), "min (3) must be < max (2)");

  Distribution t;
  t.kind = DistKind::triangular, t.low = 1.0, t.mode = 5.0, t.high = 4.0;
  EXPECT_EQ(check_distribution(t), "mode (5) must be within [min, max] = [1, 4]");

  Distribution disc;
  disc.kind = DistKind::discrete, disc.values = {1.0, 2.0}, disc.probs = {0.5, 0.4};
  EXPECT_EQ(check_distribution(disc), "probs must sum to 1, got 0.9");
  disc.probs = {1.0};
  EXPECT_EQ(check_distribution(disc), "values and probs must have the same length (2 vs 1)");

  Distribution b;
  b.kind = DistKind::beta, b.alpha = 0.0;
  EXPECT_EQ(check_distribution(b), "alpha must be > 0, got 0");

  Distribution l;
  l.kind = DistKind::lognormal, l.sigma = -0.5;
  EXPECT_EQ(check_distribution(l), "sigma must be > 0, got -0.5");

  Distribution p;
  p.kind = DistKind::pert, p.low = 0.0, p.mode = 1.0, p.high = 2.0, p.lambda = 0.0;
  EXPECT_EQ(check_distribution(p), "lambda must be > 0, got 0");
  // The loader points at the key a problem names.
  EXPECT_EQ(find_distribution_problem(p)->key, "lambda");
  EXPECT_EQ(find_distribution_problem(t)->key, "mode");
  EXPECT_EQ(find_distribution_problem(disc)->key, "probs");
}

TEST(CheckDistribution, ZeroScaleIsNotADistribution) {
  // One rule for the loader and the samplers: a zero sd or sigma is refused (write `fixed`).
  Distribution n;
  n.kind = DistKind::normal, n.mean = 1.0, n.sd = 0.0;
  EXPECT_EQ(check_distribution(n), "sd must be > 0, got 0");
  Distribution l;
  l.kind = DistKind::lognormal, l.sigma = 0.0;
  EXPECT_EQ(check_distribution(l), "sigma must be > 0, got 0");
}

TEST(CheckDistribution, TruncationProblems) {
  Distribution u;
  u.kind = DistKind::uniform, u.low = 0.0, u.high = 1.0, u.trunc_min = 5.0, u.trunc_max = 6.0;
  EXPECT_EQ(check_distribution(u), "truncation [5, 6] has zero probability under this distribution");
  u.trunc_min = 0.7, u.trunc_max = 0.2;
  EXPECT_EQ(check_distribution(u), "truncation min (0.7) must be < max (0.2)");

  Distribution disc;
  disc.kind = DistKind::discrete, disc.values = {1.0, 2.0}, disc.probs = {0.5, 0.5};
  disc.trunc_min = 1.2, disc.trunc_max = 1.8;
  EXPECT_EQ(check_distribution(disc), "truncation [1.2, 1.8] has zero probability under this distribution");
  disc.trunc_min = 2.0, disc.trunc_max = 3.0;  // an atom at the bound counts
  EXPECT_EQ(check_distribution(disc), "");

  Distribution n;  // far tail: Phi(40) - Phi(39) rounds to 0, sampling would be meaningless
  n.kind = DistKind::normal, n.sd = 1.0, n.trunc_min = 39.0, n.trunc_max = 40.0;
  EXPECT_EQ(check_distribution(n), "truncation [39, 40] has zero probability under this distribution");
}

}  // namespace
// Distributions whose parameters are valid but which inversion in double precision cannot sample
// (issue 12): every draw would be 0, inf or a truncation bound. Each must be refused by name.
TEST(DistributionParams, DistributionsThatCannotBeSampledAreRefused) {
  Distribution lognormal;
  lognormal.kind = DistKind::lognormal;
  lognormal.sigma = 700.0;  // exp(700 * 8.3) overflows; exp(-700 * 2.3) underflows
  EXPECT_NE(check_distribution(lognormal).find("cannot be sampled"), std::string::npos)
      << check_distribution(lognormal);
  Distribution beta;
  beta.kind = DistKind::beta;
  beta.alpha = beta.beta = 1e300;
  EXPECT_NE(check_distribution(beta).find("cannot be sampled"), std::string::npos)
      << check_distribution(beta);
  Distribution pert;
  pert.kind = DistKind::pert;
  pert.low = 0.0, pert.mode = 0.5, pert.high = 1.0, pert.lambda = 1e300;
  EXPECT_NE(check_distribution(pert).find("cannot be sampled"), std::string::npos)
      << check_distribution(pert);
  Distribution normal;
  normal.kind = DistKind::normal;
  normal.mean = 0.0, normal.sd = 1.0;
  // 1 - Phi(8) = 6.2e-16 is three steps of the double grid below 1: at most three distinct draws.
  normal.trunc_min = 8.0, normal.trunc_max = 9.0;
  EXPECT_FALSE(check_distribution(normal).empty());
  normal.trunc_min = 9.0, normal.trunc_max = 12.0;  // 1 - Phi(9) = 1.1e-19 rounds to 0
  EXPECT_FALSE(check_distribution(normal).empty());
  // The lower tail is resolved finely (Phi(-9) = 1.1e-19 is a normal double): sampled correctly.
  normal.trunc_min = -12.0, normal.trunc_max = -9.0;
  EXPECT_EQ(check_distribution(normal), "");
  // Ordinary shapes pass.
  lognormal.sigma = 1.0;
  EXPECT_EQ(check_distribution(lognormal), "");
  beta.alpha = 2.0, beta.beta = 5.0;
  EXPECT_EQ(check_distribution(beta), "");
  pert.lambda = 4.0;
  EXPECT_EQ(check_distribution(pert), "");
}

}  // namespace sisim::rng
