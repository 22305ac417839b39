// A savings share measures the fiscal difference from undated monthly amounts: combined with dated
// rules it would pay on the wrong numbers, so the loader refuses the combination (docs/CONFIG.md).
#include <gtest/gtest.h>

#include <string>

#include "config/loader.hpp"

namespace sisim::config {
namespace {

TEST(SavingsShareWithRules, IsRefusedWithTheReason) {
  const std::string base = std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml";
  const LoadResult refused = load_config(base, {"contract.savings_share={share: 0.5}"});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(format_errors(refused.errors).find("contract.savings_share: not yet available with dated rules"),
            std::string::npos)
      << format_errors(refused.errors);
  // Without dated rules the same share loads (the Koto-like deal).
  const LoadResult koto = load_config(std::string(SISIM_SOURCE_DIR) + "/scenarios/deals/koto-like.yaml");
  EXPECT_TRUE(koto.ok()) << format_errors(koto.errors);
}

}  // namespace
}  // namespace sisim::config
