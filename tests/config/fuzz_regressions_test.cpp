// Hostile inputs for the loader: every file in tests/data/config/fuzz_regressions/ (inputs found by
// scripts/fuzz.sh, plus hand-made adversarial ones: deep nesting, alias bombs, NUL bytes, huge
// numbers) must give a clean error - no crash, no hang, and every error located in the file.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "config_test_util.hpp"

namespace sisim::config {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> regressions() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::data_dir() + "/fuzz_regressions"))
    files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void expect_clean_errors(const LoadResult& r, const std::string& file) {
  EXPECT_FALSE(r.ok());
  ASSERT_FALSE(r.errors.empty());
  for (const ConfigError& e : r.errors) {
    EXPECT_EQ(e.file, file);
    EXPECT_GE(e.line, 1);
    EXPECT_GE(e.column, 1);
    EXPECT_FALSE(e.message.empty());
  }
  const std::string text = format_errors(r.errors);
  EXPECT_EQ(text.rfind(file + ":", 0), 0u) << text.substr(0, 300);
}

TEST(FuzzRegressions, EveryFileIsRefusedCleanlyAndQuickly) {
  const auto files = regressions();
  ASSERT_GE(files.size(), 8u);
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    const auto started = std::chrono::steady_clock::now();
    const LoadResult r = load_config(file.string());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    expect_clean_errors(r, file.string());
    EXPECT_LT(seconds, 5.0) << "a hostile input must not make the loader crawl";
  }
}

TEST(FuzzRegressions, AnAliasBombIsBoundedNotExpanded) {
  // 10 levels of 10 aliases each would expand to 10^10 scalars: it must be refused by size.
  const LoadResult r = load_config(test::data_dir() + "/fuzz_regressions/alias_bomb.yaml");
  const std::string text = format_errors(r.errors);
  EXPECT_NE(text.find("document too large: more than 50000 values once aliases are expanded"),
            std::string::npos)
      << text;
}

TEST(FuzzRegressions, HostileOverridesGiveErrorsNotCrashes) {
  const std::string base = test::data_dir() + "/good/base.yaml";
  ASSERT_TRUE(load_config(base).ok()) << test::errors_of(load_config(base));
  const std::vector<std::string> hostile = {"=",
                                            "...=1",
                                            "cohort..size=1",
                                            "cohort.size=[[[[[[",
                                            "cohort.size={a: *b}",
                                            ".=x",
                                            "a.b.c.d.e.f.g.h=1",
                                            "cohort.segments.999999999999999999999.share=1",
                                            "cohort.segments.-1.share=1",
                                            "cohort.size=1e400",
                                            "simulation.paths=-5",
                                            "simulation=[1"};
  for (const std::string& o : hostile) {
    SCOPED_TRACE(o);
    const LoadResult r = load_config(base, {o});
    EXPECT_FALSE(r.ok());
    EXPECT_FALSE(r.errors.empty());
  }
}

}  // namespace
}  // namespace sisim::config
