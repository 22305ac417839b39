// The society and alternatives sections: defaults, round trip, errors.
#include <gtest/gtest.h>

#include "config/loader.hpp"
#include "config_test_util.hpp"

namespace sisim::config {
namespace {

const char* kBase = R"(
name: s
cohort:
  size: 10
  segments:
    - {name: a, share: 1, benefit_monthly: 12000, wage_monthly: 20000, hours_fraction: 1,
       job_finding_hazard: 0.02, separation_hazard: 0.03, exit_hazard: 0.0}
intervention: {duration_months: 6, effect: {hazard_ratio: 1.5}}
)";

TEST(SocietyConfig, DefaultsAreTheFinanceMinistry2023Values) {
  const LoadResult r = load_config_from_string(kBase, "s.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->society.distortion_rate.dist.value, 0.0);
  EXPECT_EQ(r.config->society.employer_cost_share.dist.value, 0.0);
  EXPECT_FALSE(r.config->alternatives.co_funding.enabled);
  EXPECT_NE(r.config->resolved_yaml.find("distortion_rate: 0"), std::string::npos);
  EXPECT_EQ(r.config->resolved_yaml.find("alternatives:"), std::string::npos);
}

TEST(SocietyConfig, RoundTripsAndTakesDistributions) {
  const LoadResult r = load_config_from_string(
      kBase, "s.yaml",
      {"society={distortion_rate: {dist: uniform, min: 0, max: 0.2}, employer_cost_share: 0.1}",
       "alternatives.co_funding={funder: state, share_of_costs: 0.5, repayment_share_of_savings: 0.3, "
       "repayment_start_month: 36, repayment_months: 60}"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const Config& c = *r.config;
  EXPECT_FALSE(c.society.distortion_rate.is_fixed());
  EXPECT_EQ(c.alternatives.co_funding.funder, Budget::state);
  EXPECT_EQ(c.alternatives.co_funding.repayment_months, 60);
  const LoadResult again = load_config_from_string(c.resolved_yaml, "resolved.yaml");
  ASSERT_TRUE(again.ok()) << test::errors_of(again) << c.resolved_yaml;
  EXPECT_EQ(again.config->resolved_yaml, c.resolved_yaml);
}

TEST(SocietyConfig, ErrorsNameTheKey) {
  const LoadResult r =
      load_config_from_string(kBase, "s.yaml",
                              {"society={distortion_rte: 0.1}",
                               "alternatives.co_funding={funder: investor, share_of_costs: 2, "
                               "repayment_share_of_savings: 0.5}"});
  ASSERT_FALSE(r.ok());
  const std::string e = test::errors_of(r);
  EXPECT_NE(e.find("did you mean 'distortion_rate'"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown funder 'investor'"), std::string::npos) << e;
  EXPECT_NE(e.find("alternatives.co_funding.share_of_costs"), std::string::npos) << e;
  EXPECT_NE(e.find("needs repayment_months > 0"), std::string::npos) << e;
}

}  // namespace
}  // namespace sisim::config
