// Every YAML spelling of a distribution becomes the normalised Distribution; expectations are the
// closed forms of MODEL.md section 12 worked by hand.
#include <gtest/gtest.h>

#include <cmath>

#include "config_test_util.hpp"

namespace sisim::config {

using rng::DistKind;
using rng::Distribution;

namespace {

// A minimal valid scenario whose hazard ratio (range >= 0) is `spec`.
LoadResult with_hr(const std::string& spec) {
  const std::string yaml =
      "name: d\ncohort:\n  size: 10\n  segments:\n    - {name: a, share: 1, benefit_monthly: 1, "
      "wage_monthly: 1,\n"
      "       hours_fraction: 1, job_finding_hazard: 0.1, separation_hazard: 0.1, exit_hazard: 0}\n"
      "intervention:\n  duration_months: 6\n  effect: {hazard_ratio: " +
      spec + "}\n";
  return load_config_from_string(yaml, "d.yaml");
}

Distribution hr_dist(const std::string& spec) {
  LoadResult r = with_hr(spec);
  EXPECT_TRUE(r.ok()) << spec << "\n" << test::errors_of(r);
  return r.ok() ? r.config->intervention.effect.hazard_ratio.dist : Distribution{};
}

TEST(Distributions, PlainNumberAndFixedAreFixed) {
  LoadResult r = with_hr("1.7");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.config->intervention.effect.hazard_ratio.id, -1);
  EXPECT_EQ(r.config->intervention.effect.hazard_ratio.dist.value, 1.7);
  r = with_hr("{dist: fixed, value: 1.3}");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.config->intervention.effect.hazard_ratio.id, -1);
  EXPECT_EQ(r.config->intervention.effect.hazard_ratio.dist.value, 1.3);
  EXPECT_TRUE(r.config->uncertain.empty());
}

TEST(Distributions, UniformNormalTriangularPert) {
  Distribution d = hr_dist("{dist: uniform, min: 1, max: 3}");
  EXPECT_EQ(d.kind, DistKind::uniform);
  EXPECT_EQ(d.low, 1.0);
  EXPECT_EQ(d.high, 3.0);
  EXPECT_TRUE(std::isinf(d.trunc_min));  // for uniform, min/max are the bounds, not a truncation
  d = hr_dist("{dist: normal, mean: 2, sd: 0.5, min: 0}");
  EXPECT_EQ(d.kind, DistKind::normal);
  EXPECT_EQ(d.mean, 2.0);
  EXPECT_EQ(d.sd, 0.5);
  EXPECT_EQ(d.trunc_min, 0.0);
  EXPECT_TRUE(std::isinf(d.trunc_max));
  d = hr_dist("{dist: triangular, min: 1, mode: 1.5, max: 3}");
  EXPECT_EQ(d.kind, DistKind::triangular);
  EXPECT_EQ(d.low, 1.0);
  EXPECT_EQ(d.mode, 1.5);
  EXPECT_EQ(d.high, 3.0);
  d = hr_dist("{dist: pert, min: 1, mode: 1.5, max: 3}");
  EXPECT_EQ(d.kind, DistKind::pert);
  EXPECT_EQ(d.lambda, 4.0);  // default
  EXPECT_EQ(hr_dist("{dist: pert, min: 1, mode: 1.5, max: 3, lambda: 6}").lambda, 6.0);
}

TEST(Distributions, LognormalSpellings) {
  Distribution d = hr_dist("{dist: lognormal, median: 2, sigma: 0.3}");
  EXPECT_EQ(d.kind, DistKind::lognormal);
  EXPECT_EQ(d.mu, std::log(2.0));
  EXPECT_EQ(d.sigma, 0.3);
  // mean 1, sd 1: sigma^2 = ln 2, mu = -ln(2)/2.
  d = hr_dist("{dist: lognormal, mean: 1, sd: 1}");
  EXPECT_NEAR(d.sigma, std::sqrt(std::log(2.0)), 1e-15);
  EXPECT_NEAR(d.mu, -std::log(2.0) / 2.0, 1e-15);
  d = hr_dist("{dist: lognormal, mu: 0.5, sigma: 0.2, max: 5}");
  EXPECT_EQ(d.mu, 0.5);
  EXPECT_EQ(d.trunc_max, 5.0);
}

TEST(Distributions, BetaSpellings) {
  Distribution d = hr_dist("{dist: beta, alpha: 2, beta: 5, low: 1, high: 3}");
  EXPECT_EQ(d.kind, DistKind::beta);
  EXPECT_EQ(d.alpha, 2.0);
  EXPECT_EQ(d.beta, 5.0);
  EXPECT_EQ(d.low, 1.0);
  EXPECT_EQ(d.high, 3.0);
  // mean 30, sd 5 on [10, 60]: m = 0.4, v = 0.01, k = 0.24/0.01 - 1 = 23: alpha 9.2, beta 13.8.
  d = hr_dist("{dist: beta, mean: 30, sd: 5, low: 10, high: 60}");
  EXPECT_NEAR(d.alpha, 9.2, 1e-12);
  EXPECT_NEAR(d.beta, 13.8, 1e-12);
  EXPECT_EQ(d.low, 10.0);
  EXPECT_EQ(d.high, 60.0);
  // Default [0, 1]: mean 0.5, sd 0.1: k = 0.25/0.01 - 1 = 24, alpha = beta = 12.
  d = hr_dist("{dist: beta, mean: 0.5, sd: 0.1}");
  EXPECT_NEAR(d.alpha, 12.0, 1e-12);
  EXPECT_NEAR(d.beta, 12.0, 1e-12);
}

TEST(Distributions, Discrete) {
  Distribution d = hr_dist("{dist: discrete, values: [1, 2, 4], probs: [0.2, 0.3, 0.5]}");
  EXPECT_EQ(d.kind, DistKind::discrete);
  EXPECT_EQ(d.values, (std::vector<double>{1, 2, 4}));
  EXPECT_EQ(d.probs, (std::vector<double>{0.2, 0.3, 0.5}));
}

TEST(Distributions, UncertainParamsGetIdsAndPaths) {
  LoadResult r = with_hr("{dist: uniform, min: 1, max: 2}");
  ASSERT_TRUE(r.ok());
  const Param& p = r.config->intervention.effect.hazard_ratio;
  EXPECT_EQ(p.id, 0);
  EXPECT_EQ(p.path, "intervention.effect.hazard_ratio");
  ASSERT_EQ(r.config->uncertain.size(), 1u);
  EXPECT_EQ(r.config->uncertain[0].path, p.path);
  // value(draws) reads the path's draw.
  EXPECT_EQ(p.value({1.25}), 1.25);
}

// Each is rejected with a message naming the problem (exact texts are in the bad corpus).
TEST(Distributions, Rejected) {
  const char* bad[] = {
      "{dist: normal, mean: 1, sd: 0}",                               // sd must be > 0
      "{dist: normal, mean: 1, sd: 1}",                               // support leaves >= 0 (no truncation)
      "{dist: normal, mean: 1, sd: 1, min: 2, max: 1}",               // truncation min > max
      "{dist: uniform, min: 2, max: 2}",                              // degenerate
      "{dist: lognormal, median: -1, sigma: 1}",                      // median <= 0
      "{dist: lognormal, mean: 1, sigma: 1}",                         // mixed spelling (sd missing)
      "{dist: beta, mean: 0.5, sd: 0.5}",                             // v >= m(1-m)
      "{dist: beta, mean: 2, sd: 0.1}",                               // mean outside (low, high)
      "{dist: beta, alpha: 0, beta: 1}",                              // alpha <= 0
      "{dist: triangular, min: 1, mode: 0.5, max: 2}",                // mode outside
      "{dist: pert, min: 1, mode: 1.5, max: 2, lambda: 0}",           // lambda <= 0
      "{dist: discrete, values: [1, 2], probs: [0.5]}",               // lengths differ
      "{dist: discrete, values: [1, 2], probs: [1.5, -0.5]}",         // probs outside [0, 1]
      "{dist: discrete, values: [1, 2], probs: [0.5, 0.5], min: 3}",  // truncation removes all
      "{dist: uniform, min: 1, max: 2, sd: 3}",                       // unknown key for uniform
      "{min: 1, max: 2}",                                             // no dist
      "{dist: uniform, min: -1, max: 2}",                             // support leaves >= 0
  };
  for (const char* spec : bad) {
    LoadResult r = with_hr(spec);
    EXPECT_FALSE(r.ok()) << spec;
    EXPECT_GE(r.errors.size(), 1u) << spec;
  }
}

TEST(Distributions, TruncationMakesAHazardAcceptable) {
  LoadResult r = load_config(
      test::data_dir() + "/good/example-scenario.yaml",
      {"cohort.segments.0.job_finding_hazard={dist: normal, mean: 0.02, sd: 0.01, min: 0, max: 1}"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->cohort.segments[0].job_finding_hazard.dist.trunc_min, 0.0);
  EXPECT_EQ(r.config->cohort.segments[0].job_finding_hazard.dist.trunc_max, 1.0);
}

}  // namespace
}  // namespace sisim::config
