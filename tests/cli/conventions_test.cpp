// Command-line conventions a user expects from any tool: --help per command, suggestions for
// typos, --option=value, no silently ignored repetitions, and a pointer to the right command
// when a file of another kind is given.
#include <gtest/gtest.h>
#include <unistd.h>

#include "cli_test_util.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

TEST(CliConventions, EveryCommandHasHelpThatExitsZero) {
  for (const char* c : {"run", "validate", "summarize", "report", "stress", "sweep", "price", "version"}) {
    for (const char* flag : {"--help", "-h"}) {
      const auto r = run_command(testing::sisim_binary() + " " + c + " " + flag);
      EXPECT_EQ(r.exit_code, 0) << c << " " << flag << "\n" << r.output;
      EXPECT_EQ(r.output.rfind(std::string("usage: sisim ") + c, 0), 0u) << r.output;
      EXPECT_NE(r.output.find("example: sisim"), std::string::npos) << r.output;
    }
  }
  EXPECT_EQ(run_command(testing::sisim_binary() + " help report").exit_code, 0);
}

TEST(CliConventions, TyposGetASuggestion) {
  auto r = run_command(testing::sisim_binary() + " summarise x.h5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown command 'summarise' (did you mean 'summarize'?)"), std::string::npos)
      << r.output;
  r = run_command(testing::sisim_binary() + " run " + kBase + " -o x.h5 --pahts 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("unknown option '--pahts' (did you mean '--paths'?)"), std::string::npos)
      << r.output;
}

TEST(CliConventions, OptionEqualsValueWorksLikeTwoWords) {
  const fs::path dir = testing::temp_folder("equals");
  const auto a =
      run_command(testing::sisim_binary() + " run " + kBase + " --output=" + (dir / "a.h5").string() +
                  " --paths=200 --seed=7 --threads=1 --set=cohort.size=100 --quiet");
  const auto b =
      run_command(testing::sisim_binary() + " run " + kBase + " --output " + (dir / "b.h5").string() +
                  " --paths 200 --seed 7 --threads 1 --set cohort.size=100 --quiet");
  ASSERT_EQ(a.exit_code, 0) << a.output;
  ASSERT_EQ(b.exit_code, 0) << b.output;
  // Same table apart from the timing in the title line.
  EXPECT_EQ(a.output.substr(a.output.find('\n')),
            b.output.substr(b.output.find('\n'))
                .replace(b.output.substr(b.output.find('\n')).find("b.h5"), 4, "a.h5"));
  const auto flag = run_command(testing::sisim_binary() + " run " + kBase + " -o " + (dir / "c.h5").string() +
                                " --quiet=yes");
  EXPECT_EQ(flag.exit_code, 2);
  EXPECT_NE(flag.output.find("--quiet takes no value"), std::string::npos) << flag.output;
  fs::remove_all(dir);
}

TEST(CliConventions, ARepeatedOutputIsAUsageError) {
  const auto r = run_command(testing::sisim_binary() + " run " + kBase + " -o a.h5 -o b.h5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.output.find("--output is given more than once"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists("a.h5"));
  EXPECT_FALSE(fs::exists("b.h5"));
}

TEST(CliConventions, ASweepFileGivenToRunPointsToSweep) {
  const auto r = run_command(testing::sisim_binary() + " run " + testing::source_dir() +
                             "/scenarios/sweeps/effect-by-price.yaml -o x.h5");
  EXPECT_EQ(r.exit_code, 65);
  EXPECT_NE(r.output.find("this is a sweep file: use `sisim sweep"), std::string::npos) << r.output;
  const auto s = run_command(testing::sisim_binary() + " run " + testing::source_dir() +
                             "/scenarios/stress/standard.yaml -o x.h5");
  EXPECT_EQ(s.exit_code, 65);
  EXPECT_NE(s.output.find("this is a stress cases file"), std::string::npos) << s.output;
}

}  // namespace
}  // namespace sisim
