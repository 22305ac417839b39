// The `pricing:` section: defaults, each target kind, and located errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/pricing.hpp"

namespace sisim::config {
namespace {

namespace fs = std::filesystem;

std::string write_scenario(const std::string& name, const std::string& pricing) {
  const fs::path dir = fs::temp_directory_path() / ("sisim-price-spec-" + std::to_string(getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / name) << "name: p\n" << pricing;
  return (dir / name).string();
}

TEST(PricingSpec, DefaultsWithoutASection) {
  const PricingReadResult r = read_scenario_pricing(write_scenario("none.yaml", ""), {});
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.spec.investor.kind, PricingTarget::Kind::irr_p50);
  EXPECT_EQ(r.spec.investor.value, 0.06);
  EXPECT_EQ(r.spec.payer.kind, PricingTarget::Kind::npv_mean_min);
  EXPECT_EQ(r.spec.payer.value, 0.0);
  EXPECT_EQ(r.spec.k_low, 0.0);
  EXPECT_EQ(r.spec.k_high, 4.0);
  EXPECT_EQ(r.spec.scan_points, 17);
}

TEST(PricingSpec, TargetsRangeAndOverrides) {
  const auto path = write_scenario("set.yaml",
                                   "pricing:\n  investor: {p_loss_max: 0.1}\n  payer: {p_loss_max: 0.2}\n"
                                   "  multiplier_range: [0.5, 2]\n  tolerance: 0.01\n");
  PricingReadResult r = read_scenario_pricing(path, {});
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.spec.investor.kind, PricingTarget::Kind::p_loss_max);
  EXPECT_EQ(r.spec.investor.value, 0.1);
  EXPECT_EQ(r.spec.payer.kind, PricingTarget::Kind::p_loss_max);
  EXPECT_EQ(r.spec.k_low, 0.5);
  EXPECT_EQ(r.spec.k_high, 2.0);
  EXPECT_EQ(r.spec.tolerance, 0.01);
  // --set reaches the section like any other key.
  r = read_scenario_pricing(path, {"pricing.investor={npv_mean_min: 1000}"});
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.spec.investor.kind, PricingTarget::Kind::npv_mean_min);
  EXPECT_EQ(r.spec.investor.value, 1000.0);
}

TEST(PricingSpec, ErrorsAreLocated) {
  const auto path = write_scenario("bad.yaml",
                                   "pricing:\n  investor: {irr_p50: 0.06, p_loss_max: 0.1}\n"
                                   "  payer: {irr_p50: 0.1}\n  multiplier_range: [2, 1]\n  tolernce: 1\n");
  const std::string text = format_errors(read_scenario_pricing(path, {}).errors);
  EXPECT_NE(text.find(path + ":3:13: error: pricing.investor: expected exactly one target"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(path +
                      ":4:10: error: pricing.payer: expected exactly one target of npv_mean_min, p_loss_max"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("unknown key 'irr_p50' in pricing.payer"), std::string::npos) << text;
  EXPECT_NE(text.find("low must be < high"), std::string::npos) << text;
  EXPECT_NE(text.find("(did you mean 'tolerance'?)"), std::string::npos) << text;
}

}  // namespace
}  // namespace sisim::config
