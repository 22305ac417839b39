// The argument parser (sim/cli/args.cpp, CLI11 over one declaration per option and command) called
// in process: what each accepted form sets, and the one-line message of each refusal, as
// README.md and `sisim help` document them.
#include "sim/cli/args.hpp"

#include <gtest/gtest.h>

#include <initializer_list>

namespace sisim::cli {
namespace {

struct Parsed {
  std::optional<Args> args;
  std::string error;
};

Parsed parse(std::initializer_list<const char*> words) {
  std::vector<std::string> text = {"sisim"};
  for (const char* w : words) text.emplace_back(w);
  std::vector<char*> argv;
  for (auto& t : text) argv.push_back(t.data());
  Parsed p;
  p.args = parse_args(static_cast<int>(argv.size()), argv.data(), p.error);
  return p;
}

TEST(Args, ValuesInBothFormsAndRepeatedSetInOrder) {
  const auto p = parse({"run", "s.yaml", "--output=r.h5", "--paths", "200", "--seed=7", "--threads", "3",
                        "--set", "a.b=1", "--set=c=x=y", "-q", "--force"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->command, "run");
  EXPECT_EQ(p.args->positional, std::vector<std::string>{"s.yaml"});
  EXPECT_EQ(p.args->output, "r.h5");
  EXPECT_EQ(p.args->paths, 200);
  EXPECT_EQ(p.args->seed, 7u);
  EXPECT_EQ(p.args->threads, 3);
  EXPECT_EQ(p.args->overrides, (std::vector<std::string>{"a.b=1", "c=x=y"}));
  EXPECT_TRUE(p.args->quiet);
  EXPECT_TRUE(p.args->force);
  EXPECT_FALSE(p.args->checkpoint);
  EXPECT_EQ(
      p.args->command_line,
      "sisim run s.yaml --output=r.h5 --paths 200 --seed=7 --threads 3 --set a.b=1 --set=c=x=y -q --force");
}

TEST(Args, CheckpointFileIsOptionalAndNeverTheScenario) {
  auto p = parse({"run", "s.yaml", "-o", "r.h5", "--checkpoint"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->checkpoint, "");  // OUTPUT.ckpt
  p = parse({"run", "--checkpoint", "s.yaml", "-o", "r.h5"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->checkpoint, "");
  EXPECT_EQ(p.args->positional, std::vector<std::string>{"s.yaml"});
  p = parse({"run", "s.yaml", "--checkpoint", "keep.ckpt", "-o", "r.h5"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->checkpoint, "keep.ckpt");
  EXPECT_EQ(p.args->output, "r.h5");
  p = parse({"run", "s.yaml", "--checkpoint=k.ckpt"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->checkpoint, "k.ckpt");
}

TEST(Args, PointsAreAHalfOpenRangeOrAnOpenEnd) {
  auto p = parse({"sweep", "w.yaml", "-o", "o.h5", "--points", "2:5"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->points_begin, 2);
  EXPECT_EQ(p.args->points_end, 5);
  p = parse({"sweep", "w.yaml", "-o", "o.h5", "--points=3:"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->points_begin, 3);
  EXPECT_FALSE(p.args->points_end);
  for (const std::string bad : {"5:5", "5:2", "-1:3", "a:b", "3"}) {
    const std::string word = "--points=" + bad;
    p = parse({"sweep", "w.yaml", word.c_str()});
    EXPECT_FALSE(p.args) << bad;
    EXPECT_EQ(p.error, "--points needs a:b with 0 <= a < b (or a: for the rest)") << bad;
  }
}

TEST(Args, EachRefusalIsOneLineNamingTheProblem) {
  const auto error_of = [](std::initializer_list<const char*> words) {
    const Parsed p = parse(words);
    EXPECT_FALSE(p.args);
    return p.error;
  };
  EXPECT_EQ(error_of({}), "missing command");
  EXPECT_EQ(error_of({"run", "s.yaml", "--pahts", "10"}),
            "unknown option '--pahts' (did you mean '--paths'?)");
  EXPECT_EQ(error_of({"validate", "s.yaml", "--paths", "10"}), "--paths does not apply to `sisim validate`");
  EXPECT_EQ(error_of({"validate", "s.yaml", "-o", "x"}), "--output does not apply to `sisim validate`");
  EXPECT_EQ(error_of({"run", "s.yaml", "-o", "a", "--output", "b"}), "--output is given more than once");
  EXPECT_EQ(error_of({"run", "s.yaml", "-q", "--quiet"}), "--quiet is given more than once");
  EXPECT_EQ(error_of({"run", "s.yaml", "--quiet=yes"}), "--quiet takes no value (got 'yes')");
  EXPECT_EQ(error_of({"run", "s.yaml", "--paths", "0"}), "--paths needs a positive integer");
  EXPECT_EQ(error_of({"run", "s.yaml", "--paths=1e3"}), "--paths needs a positive integer");
  EXPECT_EQ(error_of({"run", "s.yaml", "--seed", "-1"}), "--seed needs a non-negative integer");
  EXPECT_EQ(error_of({"run", "s.yaml", "--threads", "two"}), "--threads needs a non-negative integer");
  EXPECT_EQ(error_of({"validate", "s.yaml", "--set", "cohort.size"}),
            "--set needs key.path=value, got 'cohort.size'");
  EXPECT_EQ(error_of({"run", "s.yaml", "-o"}), "--output needs a value");
}

TEST(Args, HelpWinsOverEverythingElseAndUnknownCommandsPassToMain) {
  auto p = parse({"validate", "--paths", "3", "--help"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_TRUE(p.args->help);
  p = parse({"summarise", "x.h5"});
  ASSERT_TRUE(p.args) << p.error;
  EXPECT_EQ(p.args->command, "summarise");
  EXPECT_EQ(unknown_command_message("summarise"), "unknown command 'summarise' (did you mean 'summarize'?)");
}

TEST(Args, UsageComesFromTheDeclarations) {
  // A command's usage lists exactly the options it takes.
  const std::string validate = command_usage("validate");
  EXPECT_EQ(validate.rfind("usage: sisim validate SCENARIO.yaml", 0), 0u) << validate;
  EXPECT_NE(validate.find("--set key.path=VALUE"), std::string::npos) << validate;
  EXPECT_EQ(validate.find("--paths"), std::string::npos) << validate;
  EXPECT_NE(command_usage("run").find("--checkpoint [FILE]"), std::string::npos);
  EXPECT_EQ(command_usage("no-such-command"), "");
  // The overview names every command and every option with the commands that take it.
  const std::string usage = usage_text();
  for (const char* c : {"run", "validate", "summarize", "report", "stress", "sweep", "price", "tornado",
                        "compare", "version", "help"})
    EXPECT_NE(usage.find(std::string("\n  ") + c), std::string::npos) << c;
  EXPECT_NE(usage.find("--points a:b"), std::string::npos);
  EXPECT_NE(usage.find("(run, validate, stress, sweep, price, tornado)"), std::string::npos) << usage;
}

}  // namespace
}  // namespace sisim::cli
