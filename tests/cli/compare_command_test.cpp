// `sisim compare`: two runs on the same seed and paths are paired; a change known by hand shows.
#include <gtest/gtest.h>

#include "cli_test_util.hpp"

namespace sisim {
namespace {

TEST(Compare, PairedChangeOfAKnownCost) {
  // A one-off cost of 1,000,000 DKK more in month 0 lowers society's account by exactly 1.00 M on
  // every path (month 0 is not discounted; the distortion rate is 0), so the paired SE is 0.
  const auto dir = testing::temp_folder("compare");
  const std::string base = testing::source_dir() + "/scenarios/herning-viborg.yaml";
  const std::string a = (dir / "a.h5").string(), b = (dir / "b.h5").string();
  ASSERT_EQ(
      testing::run_command(testing::sisim_binary() + " run " + base + " -o " + a + " --paths 64 --quiet")
          .exit_code,
      0);
  ASSERT_EQ(testing::run_command(testing::sisim_binary() + " run " + base + " -o " + b +
                                 " --paths 64 --quiet --set intervention.cost.setup=1400000")
                .exit_code,
            0);
  const auto r = testing::run_command(testing::sisim_binary() + " compare " + a + " " + b);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("paired with [0]"), std::string::npos) << r.output;
  const auto society = r.output.find("society's account NPV, mean");
  ASSERT_NE(society, std::string::npos) << r.output;
  EXPECT_NE(r.output.find("change -1.00 M \xC2\xB1"
                          "0 k",
                          society),
            std::string::npos)
      << r.output;
  EXPECT_EQ(testing::run_command(testing::sisim_binary() + " compare " + a).exit_code, 2);
}

}  // namespace
}  // namespace sisim
