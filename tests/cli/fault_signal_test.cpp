// Ctrl-C (SIGINT) and SIGTERM mid-run: the run stops within a block, exits 130, and leaves neither
// a result file nor a temporary file.
#include <gtest/gtest.h>

#include "fault_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;

void expect_clean_interrupt(const std::string& signal) {
  const fs::path dir = testing::temp_folder("fault-" + signal);
  // 200,000 paths take minutes: the signal must be what ends it.
  const std::string command = testing::sisim_binary() + " run " + testing::kScenario + " -o " +
                              (dir / "r.h5").string() + " --paths 200000 --quiet";
  const auto r = testing::run_and_signal(command, signal);
  EXPECT_EQ(r.exit_code, 130) << r.output;
  EXPECT_NE(r.output.find("interrupted"), std::string::npos) << r.output;
  EXPECT_TRUE(testing::entries(dir).empty()) << "left behind: " << *testing::entries(dir).begin();
}

TEST(FaultSignal, SigtermMidRunLeavesNoFile) {
  expect_clean_interrupt("TERM");
}

TEST(FaultSignal, SigintMidRunLeavesNoFile) {
  expect_clean_interrupt("INT");
}

}  // namespace
}  // namespace sisim
