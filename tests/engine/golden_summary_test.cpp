// Expected outputs on file (the regression style of risk engines): every shipped scenario under
// scenarios/ has a stored summary of its headline metrics in tests/golden/. A change that moves a
// result must update the stored file in the same commit (tests/golden/README.md), so a reviewer
// sees the move. On the platform that wrote the file the comparison is exact (same binary build =
// same bits); elsewhere each number must agree within 4 of its standard errors.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "sim/engine/engine.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::engine {

using config::Config;
using config::format_errors;
using config::load_config;
using config::LoadResult;

namespace {

namespace fs = std::filesystem;

constexpr std::int64_t kGoldenPaths = 2000;

#ifndef SISIM_BUILD_TYPE
#define SISIM_BUILD_TYPE "unknown"
#endif

// Same compiler, version, architecture and build type: the same bits are expected.
std::string platform() {
  std::string arch =
#if defined(__x86_64__)
      "x86_64";
#elif defined(__aarch64__)
      "aarch64";
#else
      "other";
#endif
  std::string compiler =
#if defined(__clang__)
      "clang-";
#else
      "gcc-";
#endif
  compiler += __VERSION__;
  for (char& c : compiler)
    if (c == ' ') c = '_';
  return compiler + "/" + arch + "/" + SISIM_BUILD_TYPE;
}

// Which YAML files under scenarios/ are run scenarios: stress case files (`cases:`) and sweep
// definitions (`scenario:`) are inputs of other commands.
bool is_run_scenario(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("cases:", 0) == 0 || line.rfind("scenario:", 0) == 0) return false;
  }
  return true;
}

std::vector<fs::path> shipped_scenarios(const fs::path& root) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::recursive_directory_iterator(root / "scenarios")) {
    if (entry.is_regular_file() && entry.path().extension() == ".yaml" && is_run_scenario(entry.path()))
      out.push_back(fs::relative(entry.path(), root));
  }
  std::sort(out.begin(), out.end());
  return out;
}

fs::path golden_file(const fs::path& root, const fs::path& scenario) {
  std::string name = scenario.string();
  for (char& c : name)
    if (c == '/') c = '_';
  return root / "tests" / "golden" / (fs::path(name).replace_extension(".golden"));
}

struct Line {
  double value = 0.0, se = 0.0;
};
using Summary = std::map<std::string, Line>;  // "metric statistic" -> value, se

Summary summarize_run(const Config& config) {
  RunOptions options;
  options.progress = false;
  options.paths = kGoldenPaths;
  const RunOutput run = run_simulation(config, options);
  Summary out;
  const std::pair<const char*, const char*> metrics[] = {
      {"investor_irr", "/paths/investor/irr"},   {"investor_moic", "/paths/investor/moic"},
      {"investor_npv", "/paths/investor/npv"},   {"municipality_npv", "/paths/budgets/municipality/npv"},
      {"state_npv", "/paths/budgets/state/npv"}, {"public_total_npv", "/paths/budgets/public_total/npv"},
  };
  for (const auto& [name, column] : metrics) {
    const auto s = stats::summarize(run.columns.column(run.columns.find(column)));
    const std::string m = std::string(name) + " ";
    out[m + "mean"] = {s.mean, s.se_mean};
    out[m + "p05"] = {s.quantiles[1], s.quantile_se[1]};
    out[m + "p50"] = {s.quantiles[4], s.quantile_se[4]};
    out[m + "p95"] = {s.quantiles[7], s.quantile_se[7]};
    out[m + "share_below_0"] = {s.p_loss, s.p_loss_se};
  }
  return out;
}

std::string format_golden(const fs::path& scenario, const Summary& summary) {
  std::ostringstream out;
  out << "# Expected summary of " << scenario.string() << " at " << kGoldenPaths
      << " paths, the scenario's seed (tests/golden/README.md).\n";
  out << "# Regenerate after a change that moves results: SISIM_UPDATE_GOLDEN=1 "
         "build/tests/sisim_tests_engine "
         "--gtest_filter='Golden*'\n";
  out << "platform " << platform() << "\n";
  char buf[160];
  for (const auto& [key, line] : summary) {
    std::snprintf(buf, sizeof buf, "%s %.17g %.17g\n", key.c_str(), line.value, line.se);
    out << buf;
  }
  return out.str();
}

bool parse_golden(const fs::path& file, std::string& stored_platform, Summary& summary) {
  std::ifstream in(file);
  if (!in) return false;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream words(line);
    std::string a, b;
    words >> a;
    if (a == "platform") {
      words >> stored_platform;
      continue;
    }
    words >> b;
    Line l;
    std::string value, se;
    words >> value >> se;
    l.value = std::strtod(value.c_str(), nullptr);  // strtod reads "nan" and "inf" too
    l.se = std::strtod(se.c_str(), nullptr);
    summary[a + " " + b] = l;
  }
  return true;
}

bool same_number(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || a == b;
}

TEST(Golden, EveryShippedScenarioMatchesItsStoredSummary) {
  const fs::path root = SISIM_SOURCE_DIR;
  const auto scenarios = shipped_scenarios(root);
  ASSERT_FALSE(scenarios.empty()) << "no scenario found under " << (root / "scenarios");
  const bool update = std::getenv("SISIM_UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> expected_files;
  for (const fs::path& scenario : scenarios) {
    SCOPED_TRACE(scenario.string());
    const LoadResult loaded = load_config((root / scenario).string());
    ASSERT_TRUE(loaded.ok()) << format_errors(loaded.errors);
    const Summary now = summarize_run(*loaded.config);
    const fs::path file = golden_file(root, scenario);
    expected_files.push_back(file);
    if (update) {
      std::ofstream(file) << format_golden(scenario, now);
      continue;
    }
    std::string stored_platform;
    Summary stored;
    ASSERT_TRUE(parse_golden(file, stored_platform, stored))
        << "no stored summary " << file << ": create it with SISIM_UPDATE_GOLDEN=1 (tests/golden/README.md)";
    const bool exact = stored_platform == platform();
    EXPECT_EQ(stored.size(), now.size()) << "the stored file names other statistics";
    for (const auto& [key, line] : now) {
      const auto it = stored.find(key);
      ASSERT_NE(it, stored.end()) << key << " is missing from " << file;
      if (exact) {
        EXPECT_TRUE(same_number(line.value, it->second.value))
            << key << ": now " << line.value << ", stored " << it->second.value
            << " (exact on this platform: a change that moves results updates the stored file)";
      } else if (!std::isnan(line.value) || !std::isnan(it->second.value)) {
        const double tolerance = 4.0 * std::max(line.se, it->second.se) + 1e-9 * std::fabs(line.value);
        EXPECT_NEAR(line.value, it->second.value, tolerance) << key << " (within 4 SE on another platform)";
      }
    }
  }
  // No stored summary without a scenario: a renamed scenario takes its file along.
  for (const auto& entry : fs::directory_iterator(root / "tests" / "golden")) {
    if (entry.path().extension() != ".golden") continue;
    EXPECT_NE(std::find(expected_files.begin(), expected_files.end(), entry.path()), expected_files.end())
        << entry.path() << " has no scenario under scenarios/";
  }
}

}  // namespace
}  // namespace sisim::engine
