// Dated rule sets (public.rules, rules/<family>/*.yaml): read as strictly as a scenario, looked up
// by date, indexed after the last set (docs/CONFIG.md, "rules").
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "config/loader.hpp"
#include "config_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;

const std::string kRulesDir = std::string(SISIM_SOURCE_DIR) + "/rules";

std::string scenario(const std::string& rules,
                     const std::string& benefit = "benefit_rate: forhoejet_children") {
  return "name: r\ncohort:\n  size: 10\n  segments:\n    - {name: a, share: 1, " + benefit +
         ", wage_monthly: 22400, hours_fraction: 0.7, job_finding_hazard: 0.01, separation_hazard: 0.03, "
         "exit_hazard: 0.002}\nintervention:\n  duration_months: 12\n  effect: {hazard_ratio: "
         "1.5}\npublic:\n" +
         rules;
}

TEST(Rules, ShippedDanishRulesLoadAndLookUpByDate) {
  const LoadResult r = load_config_from_string(
      scenario("  rules: {family: dk, start: 2025-01, dir: " + kRulesDir + "}\n"), "s.yaml");
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  const Rules& rules = r.config->public_.rules;
  ASSERT_EQ(rules.sets.size(), 4u);  // 2024, 2025, 2025-07, 2026
  const int jan2025 = 2025 * 12, jun2025 = jan2025 + 5, jul2025 = jan2025 + 6, jan2026 = jan2025 + 12;
  // rules/dk/2024.yaml: the old 30+ provider rate (BM satser 2024 [7]) until the reform ...
  EXPECT_EQ(rule_value(rules, "benefit.forhoejet_children", jan2025, 0.0), 16382.0);
  EXPECT_EQ(rule_value(rules, "benefit.forhoejet_children", jun2025, 0.0), 16382.0);
  // ... rules/dk/2025-07.yaml: forhoejet sats 12,498 + boernetillaeg 2,784 = 15,282 from July 2025.
  EXPECT_EQ(rule_value(rules, "benefit.forhoejet_children", jul2025, 0.0), 15282.0);
  // The personfradrag changes each January: 49,700 (2024), 51,600 (2025), 54,100 (2026) [10][11].
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jan2025 - 1, 0.0), 49700.0);
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jul2025, 0.0), 51600.0);
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jan2026, 0.0), 54100.0);
  // The mindstesats does not exist before July 2025 (SHO-ydelse amounts not found): NaN.
  EXPECT_TRUE(std::isnan(rule_value(rules, "benefit.mindstesats", jun2025, 0.0)));
  // After the last set (2026): amounts grow by the indexation each year, rates do not.
  EXPECT_NEAR(rule_value(rules, "tax.personal_allowance_annual", jan2026 + 12, 0.03), 54100.0 * 1.03, 1e-9);
  EXPECT_NEAR(rule_value(rules, "benefit.forhoejet_children", jan2026 + 24, 0.03), 15282.0 * 1.03 * 1.03,
              1e-9);
  EXPECT_NEAR(rule_value(rules, "tax.personal_allowance_annual", jan2026 + 11, 0.03), 54100.0, 1e-9);
  EXPECT_EQ(rule_value(rules, "tax.employment_deduction_rate", jan2026 + 60, 0.03), 0.1275);
  // The resolved document names the absolute folder and loads back to the same document.
  const LoadResult again = load_config_from_string(r.config->resolved_yaml, "elsewhere/resolved.yaml");
  ASSERT_TRUE(again.ok()) << format_errors(again.errors);
  EXPECT_EQ(again.config->resolved_yaml, r.config->resolved_yaml);
}

TEST(Rules, ScenarioErrorsPointAtTheirKeys) {
  // A named benefit that no set in force at the start gives; a start before the first set.
  LoadResult r =
      load_config_from_string(scenario("  rules: {family: dk, start: 2025-01, dir: " + kRulesDir + "}\n",
                                       "benefit_rate: mindstesats"),
                              "s.yaml");
  EXPECT_EQ(format_errors(r.errors),
            "s.yaml:5:41: error: cohort.segments.a.benefit_rate: no rule set in force at 2025-01 gives "
            "benefit.mindstesats\n");
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2023-06, dir: " + kRulesDir + "}\n"),
                              "s.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(format_errors(r.errors).find("no rule set in force at the start 2023-06"), std::string::npos)
      << format_errors(r.errors);
  // benefit_rate without rules; both benefit_rate and benefit_monthly; a bad date.
  r = load_config_from_string(scenario("  discount_rate: 0.035\n"), "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("benefit_rate: needs public.rules"), std::string::npos);
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2026-01, dir: " + kRulesDir + "}\n",
                                       "benefit_rate: forhoejet, benefit_monthly: 1"),
                              "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("give benefit_monthly or benefit_rate, not both"),
            std::string::npos);
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2026-13, dir: " + kRulesDir + "}\n"),
                              "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("expected a month as YYYY-MM"), std::string::npos);
}

TEST(Rules, RuleFilesAreValidatedStrictly) {
  const fs::path dir = fs::temp_directory_path() / "sisim-rules-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "xx");
  std::ofstream(dir / "xx" / "2024.yaml") << "in_force_from: 2024-01\n"
                                             "sources: [\"a source\"]\n"
                                             "tax:\n"
                                             "  personal_allowence_annual: 49700\n"  // typo
                                             "  state_bottom_rate: 1.5\n"            // a rate above 1
                                             "benefit: {forhoejet: -1}\n";           // negative amount
  std::ofstream(dir / "xx" / "2025-07.yaml") << "in_force_from: 2025-08\n"           // not the file's date
                                                "benefit: {forhoejet: 12498}\n";     // no sources
  const LoadResult r = load_config_from_string(
      scenario("  rules: {family: xx, start: 2024-01, dir: " + dir.string() + "}\n", "benefit_monthly: 1"),
      "s.yaml");
  const std::string a = (dir / "xx" / "2024.yaml").string(), b = (dir / "xx" / "2025-07.yaml").string();
  const std::string errors = format_errors(r.errors);
  for (const std::string& expected :
       {a + ":4:3: error: unknown key 'personal_allowence_annual' in tax (did you mean "
            "'personal_allowance_annual'?)",
        a + ":5:22: error: tax.state_bottom_rate: must be in [0, 1], got 1.5",
        a + ":6:22: error: benefit.forhoejet: must be in [0, 1000000000000] (money amounts are limited to "
            "1e12 "
            "so that totals over the cohort, the horizon and the paths stay finite), got -1",
        b + ":1:1: error: missing required key 'sources'",
        b + ":1:16: error: in_force_from 2025-08 does not match the file name 2025-07.yaml"}) {
    EXPECT_NE(errors.find(expected), std::string::npos) << expected << "\n---\n" << errors;
  }
  // Nothing in force gives the allowance (the typo) or the other tax and grant numbers.
  EXPECT_NE(errors.find("no rule set in force at 2024-01 gives tax.personal_allowance_annual"),
            std::string::npos)
      << errors;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
