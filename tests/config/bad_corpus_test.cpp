// Data-driven: every tests/data/config/bad/NAME.yaml must fail to load with exactly the errors
// written by hand in NAME.expected ("file:line:col: error: message" lines, file names relative to
// the corpus folder so the expectation does not depend on where the checkout lives).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config_test_util.hpp"

namespace sisim::config {
namespace {

namespace fs = std::filesystem;

std::string read_file(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Removes every occurrence of the corpus folder prefix (in file names and in messages that quote
// a path, e.g. an extends cycle).
std::string strip_prefix(std::string text, const std::string& prefix) {
  for (size_t pos = text.find(prefix); pos != std::string::npos; pos = text.find(prefix, pos))
    text.erase(pos, prefix.size());
  return text;
}

std::vector<fs::path> corpus() {
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(test::data_dir() + "/bad"))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST(BadConfigCorpus, HasAtLeastThirtyCases) {
  EXPECT_GE(corpus().size(), 30u);
}

TEST(BadConfigCorpus, EveryFileGivesExactlyTheExpectedErrors) {
  const std::string prefix = test::data_dir() + "/bad/";
  for (const fs::path& file : corpus()) {
    SCOPED_TRACE(file.filename().string());
    fs::path expected_file = file;
    expected_file.replace_extension(".expected");
    ASSERT_TRUE(fs::exists(expected_file)) << "missing " << expected_file;
    LoadResult r = load_config(file.string());
    EXPECT_FALSE(r.ok());
    EXPECT_EQ(strip_prefix(format_errors(r.errors), prefix), read_file(expected_file));
  }
}

}  // namespace
}  // namespace sisim::config
