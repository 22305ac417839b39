// public.discount: the stated price basis of public NPVs (docs/CONFIG.md "discount").
#include <gtest/gtest.h>

#include <string>

#include "config/loader.hpp"
#include "config_test_util.hpp"

namespace sisim::config {
namespace {

std::string scenario(const std::string& pub) {
  return "name: d\ncohort:\n  size: 10\n  segments:\n    - {name: a, share: 1, benefit_monthly: 12000, "
         "wage_monthly: 22400, hours_fraction: 0.7, job_finding_hazard: 0.01, separation_hazard: 0.03, "
         "exit_hazard: 0.002}\nintervention:\n  duration_months: 12\n  effect: {hazard_ratio: "
         "1.5}\npublic:\n" +
         pub;
}

TEST(PublicDiscountConfig, DefaultIsTheFinanceMinistrysRealBasis) {
  // Without the section: 3.5 % real for years 0-35, 2.5 % after, flows not deflated [19].
  const LoadResult r = load_config_from_string(scenario("  other_flows: []\n"), "d.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const PublicDiscount& d = r.config->public_.discount;
  EXPECT_EQ(d.rate.dist.value, 0.035);
  EXPECT_EQ(d.basis, PublicDiscount::Basis::real);
  EXPECT_EQ(d.inflation_annual.dist.value, 0.0);
  EXPECT_EQ(d.long_term_rate, 0.025);
  EXPECT_EQ(d.long_term_from_year, 35);
  EXPECT_EQ(public_price_basis(*r.config), "real prices of month 0");
}

TEST(PublicDiscountConfig, StatedBasisAndItsLabel) {
  LoadResult r = load_config_from_string(scenario("  discount: {rate: 0.0557, basis: nominal}\n"), "d.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->public_.discount.basis, PublicDiscount::Basis::nominal);
  EXPECT_FALSE(r.config->public_.discount.long_term_rate.has_value());  // stated: no step
  EXPECT_EQ(public_price_basis(*r.config), "nominal");
  // A real basis under dated rules names the calendar prices of month 0.
  r = load_config_from_string(
      scenario(
          "  discount: {rate: 0.035, basis: real, inflation_annual: {dist: uniform, min: 0.01, max: 0.03}}\n"
          "  rules: {family: dk, start: 2026-01, dir: " +
          std::string(SISIM_SOURCE_DIR) + "/rules}\n"),
      "d.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(public_price_basis(*r.config), "real 2026 prices");
  EXPECT_FALSE(r.config->public_.discount.inflation_annual.is_fixed());
  r = load_config_from_string(scenario("  discount: {rate: 0.035, basis: real}\n  rules: {family: dk, start: "
                                       "2025-07, dir: " +
                                       std::string(SISIM_SOURCE_DIR) + "/rules}\n"),
                              "d.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(public_price_basis(*r.config), "real 2025-07 prices");
}

TEST(PublicDiscountConfig, ErrorsNameTheKey) {
  const LoadResult r = load_config_from_string(scenario("  discount: {rate: 0.05, basis: reel}\n"), "d.yaml");
  EXPECT_EQ(test::errors_of(r),
            "d.yaml:10:33: error: public.discount.basis: expected real or nominal, got 'reel' (did you mean "
            "'real'?)\n");
  LoadResult n = load_config_from_string(
      scenario("  discount: {rate: 0.05, basis: nominal, inflation_annual: 0.02}\n"), "d.yaml");
  EXPECT_NE(test::errors_of(n).find("public.discount.inflation_annual: only with basis real"),
            std::string::npos)
      << test::errors_of(n);
  n = load_config_from_string(scenario("  discount: {basis: real}\n"), "d.yaml");
  EXPECT_NE(test::errors_of(n).find("missing required key 'public.discount.rate'"), std::string::npos)
      << test::errors_of(n);
  n = load_config_from_string(scenario("  discount: {rate: 0.035, basis: real, long_term_from_year: 35}\n"),
                              "d.yaml");
  EXPECT_NE(test::errors_of(n).find("long_term_from_year: only with long_term_rate"), std::string::npos)
      << test::errors_of(n);
  // The older key is an alias with the older numbers: the rate on the flows as they are, no step.
  n = load_config_from_string(scenario("  discount_rate: 0.04\n"), "d.yaml");
  ASSERT_TRUE(n.ok()) << test::errors_of(n);
  EXPECT_EQ(n.config->public_.discount.rate.dist.value, 0.04);
  EXPECT_EQ(n.config->public_.discount.basis, PublicDiscount::Basis::real);
  EXPECT_FALSE(n.config->public_.discount.long_term_rate.has_value());
  n = load_config_from_string(scenario("  discount_rate: 0.04\n  discount: {rate: 0.035, basis: real}\n"),
                              "d.yaml");
  EXPECT_NE(test::errors_of(n).find("give discount or the older discount_rate (an alias), not both"),
            std::string::npos)
      << test::errors_of(n);
}

}  // namespace
}  // namespace sisim::config
