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

// Every output that is not a regular file is refused before the run, also with --force, and is
// left exactly as it was (as root, `-o /dev/null --force` must not replace the system's /dev/null).
TEST(FaultOutput, AnOutputThatIsNotARegularFileIsRefusedEvenWithForce) {
  const fs::path dir = testing::temp_folder("fault-not-regular");
  ASSERT_EQ(run_command("mkfifo " + (dir / "fifo").string()).exit_code, 0);
  fs::create_directory(dir / "folder");
  fs::create_symlink("nowhere.h5", dir / "dangling");
  testing::write_file(dir / "target.h5", "kept");
  fs::create_symlink("target.h5", dir / "link");
  const struct {
    std::string path, reason;
  } cases[] = {{"/dev/null", "character device"},
               {(dir / "fifo").string(), "FIFO"},
               {(dir / "folder").string(), "is a folder"},
               {(dir / "dangling").string(), "symbolic link to 'nowhere.h5' (which does not exist)"},
               {(dir / "link").string(), "symbolic link to 'target.h5'"},
               {(dir / "folder").string() + "/", "names a folder"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    const auto r = run_command(run_to(c.path, "--force"));
    EXPECT_EQ(r.exit_code, 74) << r.output;
    EXPECT_NE(r.output.find(c.reason), std::string::npos) << r.output;
    EXPECT_EQ(r.output.find("sisim results"), std::string::npos) << "refused before the run: " << r.output;
  }
  EXPECT_TRUE(fs::is_character_file("/dev/null"));
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  EXPECT_TRUE(fs::is_symlink(dir / "link"));
  EXPECT_EQ(testing::read_file(dir / "target.h5"), "kept");
  EXPECT_EQ(testing::entries(dir),
            (std::set<std::string>{"dangling", "fifo", "folder", "link", "target.h5"}));
}

TEST(FaultOutput, AnOutputThatIsAnInputIsRefused) {
  const fs::path dir = testing::temp_folder("fault-output-is-input");
  const fs::path scenario = dir / "s.yaml", parent = dir / "parent.yaml";
  testing::write_file(parent, testing::read_file(testing::kScenario));
  // The copied base scenario names its rule files relative to itself (public.rules.dir): point the
  // copy at the repository's rules/.
  testing::write_file(scenario, "extends: parent.yaml\nname: child\npublic: {rules: {dir: " +
                                    testing::source_dir() + "/rules}}\n");
  const std::string bin = testing::sisim_binary();
  const std::string s = scenario.string();
  const struct {
    std::string command, role;
  } cases[] = {{bin + " run " + s + " -o " + s + " --force --paths 20 --quiet", "(the scenario '"},
               {bin + " run " + s + " -o " + parent.string() + " --force --paths 20 --quiet",
                "(a file the scenario extends '"},
               {bin + " run " + s + " -o " + (dir / "x.h5").string() +
                    " --checkpoint=" + (dir / "x.h5").string() + " --paths 20 --quiet",
                "(the checkpoint '"},
               {bin + " stress " + s + " --cases " + s + " -o " + s + " --force --paths 20 --quiet",
                "(the scenario '"}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    const auto r = run_command(c.command);
    EXPECT_EQ(r.exit_code, 74) << r.output;
    EXPECT_NE(r.output.find("is also an input of this command " + c.role), std::string::npos) << r.output;
  }
  const fs::path result = dir / "a.h5";
  ASSERT_EQ(run_command(bin + " run " + s + " -o " + result.string() + " --paths 20 --quiet").exit_code, 0);
  const std::string before = testing::read_file(result);
  const auto r = run_command(bin + " report " + result.string() + " -o " + result.string() + " --force");
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("(the result file '"), std::string::npos) << r.output;
  EXPECT_EQ(testing::read_file(result), before);
  EXPECT_EQ(testing::read_file(parent), testing::read_file(testing::kScenario));
  EXPECT_EQ(testing::entries(dir), (std::set<std::string>{"a.h5", "parent.yaml", "s.yaml"}));
}

TEST(FaultOutput, ANameTooLongForItsTemporaryFileIsRefusedBeforeTheRun) {
  const fs::path dir = testing::temp_folder("fault-long-name");
  const auto r = run_command(run_to((dir / std::string(250, 'a')).string()));
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("the file name is too long"), std::string::npos) << r.output;
  EXPECT_TRUE(testing::entries(dir).empty());
}

TEST(FaultOutput, TheReportNeverTouchesAUserFileNamedLikeATemporary) {
  const fs::path dir = testing::temp_folder("fault-report-temp");
  const fs::path result = dir / "r.h5";
  ASSERT_EQ(run_command(run_to(result.string())).exit_code, 0);
  testing::write_file(dir / "r.html.tmp", "mine");
  const auto r = run_command(testing::sisim_binary() + " report " + result.string() + " -o " +
                             (dir / "r.html").string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_EQ(testing::read_file(dir / "r.html.tmp"), "mine");
  EXPECT_EQ(testing::entries(dir), (std::set<std::string>{"r.h5", "r.html", "r.html.tmp"}));
}

// A failed write to stdout (a full disk, /dev/full) is an I/O error, not exit 0 with an empty file.
TEST(FaultOutput, AFailedWriteToStandardOutputExits74) {
  const fs::path dir = testing::temp_folder("fault-stdout");
  const fs::path result = dir / "r.h5";
  ASSERT_EQ(run_command(run_to(result.string())).exit_code, 0);
  for (const std::string& command : {testing::sisim_binary() + " summarize --csv " + result.string(),
                                     testing::sisim_binary() + " summarize " + result.string(),
                                     testing::sisim_binary() + " validate " + testing::kScenario}) {
    SCOPED_TRACE(command);
    const auto r = run_command("bash -c '" + command + " > /dev/full'");  // stderr stays visible
    EXPECT_EQ(r.exit_code, 74) << r.output;
    EXPECT_NE(r.output.find("cannot write to standard output: No space left on device"), std::string::npos)
        << r.output;
  }
}

}  // namespace
}  // namespace sisim
