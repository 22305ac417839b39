// --set key.path=value overrides: numbers, distribution maps, list items by name and index,
// new keys, and errors located on the command line ("--set:N:col" = N-th override, column in it).
#include <gtest/gtest.h>

#include <cmath>

#include "config_test_util.hpp"

namespace sisim::config {

using rng::DistKind;

namespace {

LoadResult load_example(const std::vector<std::string>& overrides) {
  return load_config(test::data_dir() + "/good/example-scenario.yaml", overrides);
}

TEST(Overrides, NumbersByNameAndByIndex) {
  LoadResult r =
      load_example({"cohort.size=500", "cohort.segments.kontanthjaelp_30plus.job_finding_hazard=0.05",
                    "contract.outcomes.1.price=4500", "cohort.segments.1.exit_hazard=0.01"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->cohort.size, 500);
  EXPECT_EQ(r.config->cohort.segments[0].job_finding_hazard.dist.value, 0.05);
  EXPECT_EQ(r.config->contract.outcomes[1].price.dist.value, 4500.0);
  EXPECT_EQ(r.config->cohort.segments[1].exit_hazard.dist.value, 0.01);
  EXPECT_NE(r.config->resolved_yaml.find("size: 500"), std::string::npos);
}

TEST(Overrides, LaterOverrideWins) {
  LoadResult r = load_example({"cohort.size=400", "cohort.size=450"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->cohort.size, 450);
}

TEST(Overrides, DistributionMapReplacesANumber) {
  LoadResult r = load_example({"intervention.effect.hazard_ratio={dist: lognormal, mean: 2.0, sd: 0.5}"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const Param& hr = r.config->intervention.effect.hazard_ratio;
  // Schema order: the segment's triangular hazard (0), this one (1), the recession multiplier (2).
  EXPECT_EQ(hr.id, 1);
  ASSERT_EQ(r.config->uncertain.size(), 3u);
  EXPECT_EQ(r.config->uncertain[1].path, "intervention.effect.hazard_ratio");
  EXPECT_EQ(r.config->labour_market.recession.job_finding_multiplier.id, 2);
  // sigma^2 = ln(1 + sd^2/mean^2) = ln(1.0625); mu = ln(2) - sigma^2/2.
  EXPECT_EQ(hr.dist.kind, DistKind::lognormal);
  EXPECT_NEAR(hr.dist.sigma, std::sqrt(std::log(1.0625)), 1e-15);
  EXPECT_NEAR(hr.dist.mu, std::log(2.0) - std::log(1.0625) / 2.0, 1e-15);
}

TEST(Overrides, DeepKeyInsideADistribution) {
  LoadResult r = load_example({"cohort.segments.aktivitetsparat_complex.job_finding_hazard.mode=0.01"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->cohort.segments[1].job_finding_hazard.dist.mode, 0.01);
  EXPECT_EQ(r.config->cohort.segments[1].job_finding_hazard.dist.high, 0.015);
}

TEST(Overrides, CreatesAbsentKnownKeys) {
  LoadResult r = load_example({"contract.evaluation.control_group_size=150", "simulation.seed=7"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->contract.evaluation.control_group_size, 150);
  EXPECT_EQ(r.config->simulation.seed, 7u);
}

TEST(Overrides, UnknownPathIsAnError) {
  LoadResult r = load_example({"cohort.sise=3"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_errors(r.errors),
            "--set:1:1: error: unknown key 'sise' in cohort (did you mean 'size'?)\n");
}

TEST(Overrides, UnknownListItemIsAnError) {
  LoadResult r = load_example({"cohort.size=300", "cohort.segments.kontanthjaelp_30plu.share=1"});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(format_errors(r.errors),
            "--set:2:1: error: override: no item 'kontanthjaelp_30plu' in cohort.segments "
            "(did you mean 'kontanthjaelp_30plus'?)\n");
  r = load_example({"cohort.segments.7.share=1"});
  EXPECT_EQ(format_errors(r.errors), "--set:1:1: error: override: no item '7' in cohort.segments\n");
}

TEST(Overrides, BadValueIsLocatedInTheOverride) {
  // "cohort.size=abc": the value starts at column 13.
  LoadResult r = load_example({"cohort.size=abc"});
  EXPECT_EQ(format_errors(r.errors),
            "--set:1:13: error: cohort.size: expected an integer, got a string ('abc')\n");
}

TEST(Overrides, MalformedOverrides) {
  LoadResult r = load_example({"cohort.size", "cohort..size=3", "name.x=3"});
  EXPECT_EQ(format_errors(r.errors),
            "--set:1:1: error: override 'cohort.size' is not key.path=value\n"
            "--set:2:1: error: override 'cohort..size=3': empty key in the path\n"
            "--set:3:1: error: override: 'name' is not a map or a list\n");
}

TEST(Overrides, SyntaxErrorInValue) {
  LoadResult r = load_example({"cohort.size=[1, 2"});
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].file, "--set");
  EXPECT_EQ(r.errors[0].line, 1);
  EXPECT_EQ(r.errors[0].message.rfind("YAML syntax error: ", 0), 0u);
}

}  // namespace
}  // namespace sisim::config
