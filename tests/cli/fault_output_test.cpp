// Output faults: an unwritable output folder and a full disk give a clear error and exit 74, leave
// no file behind (not even a partial or temporary one) and never touch an earlier result.
#include <gtest/gtest.h>

#include "fault_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

std::string run_to(const std::string& out, const std::string& extra = "") {
  return testing::sisim_binary() + " run " + testing::kScenario + " -o " + out + " --paths 300 --quiet " +
         extra;
}

TEST(FaultOutput, AMissingFolderIsRefusedBeforeTheRun) {
  const fs::path dir = testing::temp_folder("fault-missing");
  const auto r = run_command(run_to((dir / "no" / "such" / "r.h5").string()));
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("does not exist"), std::string::npos) << r.output;
  EXPECT_TRUE(testing::entries(dir).empty());
}

TEST(FaultOutput, APathUnderARegularFileIsRefused) {
  const fs::path dir = testing::temp_folder("fault-file-parent");
  testing::write_file(dir / "plain.txt", "a file, not a folder\n");
  const auto r = run_command(run_to((dir / "plain.txt" / "r.h5").string()));
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("plain.txt"), std::string::npos) << r.output;
  EXPECT_EQ(testing::read_file(dir / "plain.txt"), "a file, not a folder\n");
  EXPECT_EQ(testing::entries(dir), std::set<std::string>{"plain.txt"});
}

TEST(FaultOutput, AFullDiskLeavesNoPartialFileAndTheEarlierResultUntouched) {
  const fs::path dir = testing::temp_folder("fault-full");
  const fs::path out = dir / "r.h5";
  ASSERT_EQ(run_command(run_to(out.string())).exit_code, 0);
  const std::string before = testing::read_file(out);
  ASSERT_GT(before.size(), 64u * 1024u) << "the limit below must be smaller than a result file";
  // `ulimit -f 64`: no file may grow past 64 KiB, as on a full disk. sisim ignores SIGXFSZ, so the
  // write fails with EFBIG and is reported like any other I/O error.
  for (const std::string& target : {out.string(), (dir / "new.h5").string()}) {
    const auto r = run_command("bash -c 'ulimit -f 64; " + run_to(target, "--force --seed 5") + "'");
    EXPECT_EQ(r.exit_code, 74) << r.output;
    EXPECT_NE(r.output.find("File too large"), std::string::npos) << r.output;
  }
  EXPECT_EQ(testing::read_file(out), before) << "the earlier result must survive a failed rewrite";
  EXPECT_EQ(testing::entries(dir), std::set<std::string>{"r.h5"}) << "no partial or temporary file";
}

}  // namespace
}  // namespace sisim
