// `sisim run --checkpoint`: a run stopped by SIGTERM resumes where it stopped and writes the same
// file as an uninterrupted run; a checkpoint of another run is refused; the checkpoint is deleted
// once the result is written.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>

#include "fault_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

// 1,600 paths in blocks of 16: 100 blocks, about a second in a Debug build.
std::string run_cmd(const fs::path& out, const std::string& extra = "") {
  return testing::sisim_binary() + " run " + testing::kScenario + " -o " + out.string() +
         " --paths 1600 --set simulation.block_size=16 " + extra;
}

TEST(CheckpointCli, AnInterruptedRunResumesToTheSameFile) {
  const fs::path dir = testing::temp_folder("ckpt-resume");
  const fs::path full = dir / "full.h5", resumed = dir / "resumed.h5";
  const fs::path checkpoint = dir / "resumed.h5.ckpt";
  const auto started = std::chrono::steady_clock::now();
  ASSERT_EQ(run_command(run_cmd(full, "--quiet")).exit_code, 0);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

  // Stop it about halfway, whatever the build type and machine load.
  const auto stopped =
      testing::run_and_signal(run_cmd(resumed, "--quiet --checkpoint"), "TERM", std::max(0.05, seconds / 2));
  ASSERT_EQ(stopped.exit_code, 130) << stopped.output;
  EXPECT_NE(stopped.output.find("run the same command to resume"), std::string::npos) << stopped.output;
  EXPECT_FALSE(fs::exists(resumed));
  ASSERT_TRUE(fs::exists(checkpoint)) << "completed blocks must be saved on SIGTERM";

  // A different scenario must not resume from it, and must leave it alone.
  const std::string saved = testing::read_file(checkpoint);
  auto refused = run_command(run_cmd(resumed, "--quiet --checkpoint --set cohort.size=299"));
  EXPECT_EQ(refused.exit_code, 65) << refused.output;
  EXPECT_NE(refused.output.find("belongs to a different run"), std::string::npos) << refused.output;
  refused = run_command(run_cmd(resumed, "--quiet --checkpoint --seed 1"));
  EXPECT_EQ(refused.exit_code, 65) << refused.output;
  EXPECT_NE(refused.output.find("seed"), std::string::npos) << refused.output;
  EXPECT_EQ(testing::read_file(checkpoint), saved);
  EXPECT_FALSE(fs::exists(resumed));

  const auto finished = run_command(run_cmd(resumed, "--checkpoint"));
  ASSERT_EQ(finished.exit_code, 0) << finished.output;
  EXPECT_NE(finished.output.find("resumed "), std::string::npos) << finished.output;
  EXPECT_FALSE(fs::exists(checkpoint)) << "a finished run deletes its checkpoint";
  const auto diff = run_command("h5diff --exclude-attribute / " + full.string() + " " + resumed.string());
  EXPECT_EQ(diff.exit_code, 0) << diff.output.substr(0, 2000);
  EXPECT_EQ(testing::entries(dir), (std::set<std::string>{"full.h5", "resumed.h5"}));
}

TEST(CheckpointCli, AnExplicitCheckpointFileIsUsedAndADamagedOneRefused) {
  const fs::path dir = testing::temp_folder("ckpt-explicit");
  const fs::path checkpoint = dir / "my.ckpt";
  testing::write_file(checkpoint, "garbage");
  const auto r = run_command(run_cmd(dir / "r.h5", "--quiet --checkpoint " + checkpoint.string()));
  EXPECT_EQ(r.exit_code, 65) << r.output;
  EXPECT_NE(r.output.find("not a sisim checkpoint"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "r.h5"));
}

}  // namespace
}  // namespace sisim
