// End-to-end tests of the sisim command line: what a user types, what they get back.
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli_test_util.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

std::string run_cmd(const fs::path& out, const std::string& extra = "") {
  return testing::sisim_binary() + " run " + kBase + " -o " + out.string() + " --paths 300 --quiet " + extra;
}

TEST(Cli, VersionNamesTheLibraries) {
  const auto r = run_command(testing::sisim_binary() + " version");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* lib : {"sisim", "HDF5", "oneTBB", "Eigen", "yaml-cpp"})
    EXPECT_NE(r.output.find(lib), std::string::npos) << lib;
}

TEST(Cli, UnknownCommandAndFlagAreUsageErrors) {
  EXPECT_EQ(run_command(testing::sisim_binary() + " frobnicate").exit_code, 2);
  EXPECT_EQ(run_command(testing::sisim_binary() + " run " + kBase + " --bogus").exit_code, 2);
}

TEST(Cli, AFlagACommandWouldIgnoreIsAUsageError) {
  // `validate` runs nothing: --paths there is a misunderstanding, not something to drop silently.
  const auto r = run_command(testing::sisim_binary() + " validate " + kBase + " --paths 3");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--paths does not apply to `sisim validate`"), std::string::npos) << r.output;
  EXPECT_EQ(
      run_command(testing::sisim_binary() + " validate " + kBase + " --set simulation.paths=5").exit_code, 0);
}

TEST(Cli, EveryShippedScenarioValidates) {
  int checked = 0;
  for (const auto& entry : fs::recursive_directory_iterator(testing::source_dir() + "/scenarios")) {
    if (entry.path().extension() != ".yaml") continue;
    if (entry.path().parent_path().filename() == "stress" ||
        entry.path().parent_path().filename() == "sweeps")
      continue;
    const auto r = run_command(testing::sisim_binary() + " validate " + entry.path().string());
    EXPECT_EQ(r.exit_code, 0) << entry.path() << "\n" << r.output;
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

TEST(Cli, ATypoIsRejectedWithLineColumnAndSuggestion) {
  const fs::path dir = testing::temp_folder("typo");
  const fs::path file = dir / "typo.yaml";
  testing::write_file(file, "extends: " + kBase + "\nintervention:\n  duraton_months: 12\n");
  const auto r = run_command(testing::sisim_binary() + " validate " + file.string());
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.output.find(file.string() + ":3:3: error:"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("did you mean 'duration_months'"), std::string::npos) << r.output;
}

TEST(Cli, RunWritesAFileAndRefusesToClobberIt) {
  const fs::path dir = testing::temp_folder("clobber");
  const fs::path out = dir / "r.h5";
  auto r = run_command(run_cmd(out));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("investor IRR"), std::string::npos);
  EXPECT_NE(r.output.find("municipality NPV"), std::string::npos);
  const std::string before = testing::read_file(out);
  r = run_command(run_cmd(out, "--seed 99"));
  EXPECT_EQ(r.exit_code, 74) << r.output;
  EXPECT_NE(r.output.find("--force"), std::string::npos);
  EXPECT_EQ(testing::read_file(out), before) << "an existing result must not change without --force";
  r = run_command(run_cmd(out, "--seed 99 --force"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(testing::read_file(out), before);
  for (const auto& e : fs::directory_iterator(dir)) EXPECT_EQ(e.path(), out) << "stray file " << e.path();
}

TEST(Cli, ThreadCountDoesNotChangeTheFileContent) {
  const fs::path dir = testing::temp_folder("threads");
  ASSERT_EQ(run_command(run_cmd(dir / "t1.h5", "--threads 1")).exit_code, 0);
  for (int threads : {2, 3, 7}) {
    const fs::path other = dir / ("t" + std::to_string(threads) + ".h5");
    ASSERT_EQ(run_command(run_cmd(other, "--threads " + std::to_string(threads))).exit_code, 0);
    // Root attributes record the command line and thread count; everything else must match.
    const auto diff =
        run_command("h5diff --exclude-attribute / " + (dir / "t1.h5").string() + " " + other.string());
    EXPECT_EQ(diff.exit_code, 0) << threads << " threads:\n" << diff.output.substr(0, 2000);
  }
}

TEST(Cli, IdenticalRunsGiveByteIdenticalFiles) {
  const fs::path dir = testing::temp_folder("bytes");
  const std::string env = "SOURCE_DATE_EPOCH=1700000000 ";
  // Same command line (the file records it), different folders.
  fs::create_directories(dir / "a");
  fs::create_directories(dir / "b");
  ASSERT_EQ(run_command("cd " + (dir / "a").string() + " && " + env + run_cmd("r.h5")).exit_code, 0);
  ASSERT_EQ(run_command("cd " + (dir / "b").string() + " && " + env + run_cmd("r.h5")).exit_code, 0);
  EXPECT_TRUE(testing::read_file(dir / "a" / "r.h5") == testing::read_file(dir / "b" / "r.h5"));
}

TEST(Cli, SummarizeReprintsTheTableAndRejectsForeignFiles) {
  const fs::path dir = testing::temp_folder("summarize");
  const fs::path out = dir / "r.h5";
  const auto run = run_command(run_cmd(out));
  ASSERT_EQ(run.exit_code, 0);
  const auto s = run_command(testing::sisim_binary() + " summarize " + out.string());
  EXPECT_EQ(s.exit_code, 0) << s.output;
  // The same table rows as the run printed.
  const auto row = run.output.substr(run.output.find("investor IRR"), 100);
  EXPECT_NE(s.output.find(row), std::string::npos) << row;
  const auto csv = run_command(testing::sisim_binary() + " summarize --csv " + out.string());
  EXPECT_EQ(csv.output.rfind("metric,statistic,value,se,units,label\n", 0), 0u) << csv.output;

  testing::write_file(dir / "text.h5", "this is not HDF5\n");
  auto bad = run_command(testing::sisim_binary() + " summarize " + (dir / "text.h5").string());
  EXPECT_EQ(bad.exit_code, 65);
  EXPECT_NE(bad.output.find("not an HDF5 file"), std::string::npos) << bad.output;
  const std::string bytes = testing::read_file(out);
  testing::write_file(dir / "truncated.h5", bytes.substr(0, bytes.size() / 2));
  bad = run_command(testing::sisim_binary() + " summarize " + (dir / "truncated.h5").string());
  EXPECT_EQ(bad.exit_code, 65) << bad.output;
}

TEST(Cli, ReportIsOneSelfContainedHtmlFile) {
  const fs::path dir = testing::temp_folder("report");
  ASSERT_EQ(run_command(run_cmd(dir / "r.h5")).exit_code, 0);
  const auto r = run_command(testing::sisim_binary() + " report " + (dir / "r.h5").string() + " -o " +
                             (dir / "r.html").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string html = testing::read_file(dir / "r.html");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("http://"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos);
  EXPECT_EQ(html.find("<script src"), std::string::npos);
}

}  // namespace
}  // namespace sisim
