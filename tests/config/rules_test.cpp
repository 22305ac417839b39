// Dated rule sets (public.rules, rules/<family>/*.yaml): read as strictly as a scenario, looked up
// by date, indexed after the last set (docs/CONFIG.md, "rules").
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "config/loader.hpp"
#include "config_test_util.hpp"

namespace sisim::config {
namespace {

namespace fs = std::filesystem;

const std::string kRulesDir = std::string(SISIM_SOURCE_DIR) + "/rules";

std::string scenario(const std::string& rules,
                     const std::string& benefit = "benefit: {rate: forhoejet, children: true}") {
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
  // rules/dk/2024.yaml: the old 30+ rate 12,326 and the old forsoerger rate 16,382 (BM satser 2024
  // [7]) as forhoejet + a children amount of 16,382 - 12,326 = 4,056, until the reform ...
  EXPECT_EQ(rule_value(rules, "benefit.rates.forhoejet", jun2025, 0.0), 12326.0);
  EXPECT_EQ(rule_value(rules, "benefit.supplements.children", jan2025, 0.0), 4056.0);
  // ... rules/dk/2025-07.yaml: forhoejet sats 12,498, boernetillaeg 2,784, enlig forsoerger 1,638,
  // enlig ikke-forsoerger 1,092 from July 2025 [4][5][6].
  EXPECT_EQ(rule_value(rules, "benefit.rates.forhoejet", jul2025, 0.0), 12498.0);
  EXPECT_EQ(rule_value(rules, "benefit.rates.mindstesats", jul2025, 0.0), 6789.0);
  EXPECT_EQ(rule_value(rules, "benefit.rates.grundsats", jul2025, 0.0), 7205.0);
  EXPECT_EQ(rule_value(rules, "benefit.supplements.children", jul2025, 0.0), 2784.0);
  EXPECT_EQ(rule_value(rules, "benefit.supplements.single_parent", jul2025, 0.0), 1638.0);
  EXPECT_EQ(rule_value(rules, "benefit.supplements.single", jul2025, 0.0), 1092.0);
  // The personfradrag changes each January: 49,700 (2024), 51,600 (2025), 54,100 (2026) [10][11].
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jan2025 - 1, 0.0), 49700.0);
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jul2025, 0.0), 51600.0);
  EXPECT_EQ(rule_value(rules, "tax.personal_allowance_annual", jan2026, 0.0), 54100.0);
  // The mindstesats does not exist before July 2025 (SHO-ydelse amounts not found): NaN.
  EXPECT_TRUE(std::isnan(rule_value(rules, "benefit.rates.mindstesats", jun2025, 0.0)));
  // After the last set (2026): amounts grow by the indexation each year, rates do not.
  EXPECT_NEAR(rule_value(rules, "tax.personal_allowance_annual", jan2026 + 12, 0.03), 54100.0 * 1.03, 1e-9);
  EXPECT_NEAR(rule_value(rules, "benefit.supplements.children", jan2026 + 24, 0.03), 2784.0 * 1.03 * 1.03,
              1e-9);
  EXPECT_NEAR(rule_value(rules, "tax.personal_allowance_annual", jan2026 + 11, 0.03), 54100.0, 1e-9);
  EXPECT_EQ(rule_value(rules, "tax.employment_deduction_rate", jan2026 + 60, 0.03), 0.1275);
  // The resolved document names the absolute folder and loads back to the same document.
  const LoadResult again = load_config_from_string(r.config->resolved_yaml, "elsewhere/resolved.yaml");
  ASSERT_TRUE(again.ok()) << format_errors(again.errors);
  EXPECT_EQ(again.config->resolved_yaml, r.config->resolved_yaml);
}

TEST(Rules, ScenarioErrorsPointAtTheirKeys) {
  // A rate that no set in force at the start gives (the mindstesats before July 2025); a start
  // before the first set.
  LoadResult r =
      load_config_from_string(scenario("  rules: {family: dk, start: 2025-01, dir: " + kRulesDir + "}\n",
                                       "benefit: {rate: mindstesats}"),
                              "s.yaml");
  EXPECT_EQ(format_errors(r.errors),
            "s.yaml:5:43: error: cohort.segments.a.benefit.rate: no rule set in force at 2025-01 gives "
            "benefit.rates.mindstesats (rates then: forhoejet)\n");
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2023-06, dir: " + kRulesDir + "}\n"),
                              "s.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(format_errors(r.errors).find("no rule set in force at the start 2023-06"), std::string::npos)
      << format_errors(r.errors);
  // benefit without rules; both benefit and benefit_monthly; a bad date.
  r = load_config_from_string(scenario("  discount: {rate: 0.035, basis: real}\n"), "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("benefit: needs public.rules"), std::string::npos)
      << format_errors(r.errors);
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2026-01, dir: " + kRulesDir + "}\n",
                                       "benefit: {rate: forhoejet}, benefit_monthly: 1"),
                              "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("give benefit_monthly or benefit, not both"), std::string::npos);
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
                                             "benefit: {rates: {forhoejet: -1}}\n";  // negative amount
  std::ofstream(dir / "xx" / "2025-07.yaml") << "in_force_from: 2025-08\n"           // not the file's date
                                                "benefit: {rates: {forhoejet: 12498}}\n";  // no sources
  const LoadResult r = load_config_from_string(
      scenario("  rules: {family: xx, start: 2024-01, dir: " + dir.string() + "}\n", "benefit_monthly: 1"),
      "s.yaml");
  const std::string a = (dir / "xx" / "2024.yaml").string(), b = (dir / "xx" / "2025-07.yaml").string();
  const std::string errors = format_errors(r.errors);
  for (const std::string& expected :
       {a + ":4:3: error: unknown key 'personal_allowence_annual' in tax (did you mean "
            "'personal_allowance_annual'?)",
        a + ":5:22: error: tax.state_bottom_rate: must be in [0, 1], got 1.5",
        a + ":6:30: error: benefit.rates.forhoejet: must be in [0, 1000000000000] (money amounts are limited "
            "to "
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

// Item 3 of issue 14: a segment says who its people are and its benefit follows month by month
// from the rate plus the supplements that apply. Amounts of rules/dk/2025-07.yaml [4][5][6] and
// rules/dk/2024.yaml [7], written out here: forhoejet 12,498, grundsats 7,205, mindstesats 6,789;
// boernetillaeg 2,784 (all rates), enlig forsoerger 1,638 (mindste-/grundsats only), enlig
// ikke-forsoerger 1,092 (grund-/forhoejet sats only). Before July 2025: 12,326 and 16,382 [7].
TEST(Rules, SegmentBenefitIsTheRatePlusTheSupplementsThatApply) {
  // A deal from January 2025 through the reform: a single parent on grundsats is not known before
  // July 2025 (no grundsats in 2024.yaml); from 2025-07 the same people are.
  const std::string rules = "  rules: {family: dk, start: 2025-07, dir: " + kRulesDir + "}\n";
  LoadResult r = load_config_from_string(
      scenario(rules, "benefit: {rate: grundsats, children: true, single_parent: true}"), "s.yaml");
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.config->cohort.segments[0].benefit->single_parent, 1.0);
  // A supplement that does not apply to the rate: file:line:col of the supplement's share, and
  // every problem at once (single_parent on forhoejet; single on mindstesats).
  r = load_config_from_string(
      scenario(rules, "benefit: {rate: forhoejet, children: 0.5, single_parent: 0.25}"), "s.yaml");
  EXPECT_EQ(
      format_errors(r.errors),
      "s.yaml:5:84: error: cohort.segments.a.benefit.single_parent: the supplement does not apply to rate "
      "forhoejet under the rules in force at 2025-07 (" +
          kRulesDir + "/dk/2025-07.yaml: only on mindstesats, grundsats)\n");
  r = load_config_from_string(scenario(rules, "benefit: {rate: mindstesats, single: 1}"), "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("benefit.single: the supplement does not apply to rate mindstesats"),
            std::string::npos)
      << format_errors(r.errors);
  // The single supplement is for people without children; single parents are among those with.
  r = load_config_from_string(scenario(rules, "benefit: {rate: grundsats, children: 0.6, single: 0.5}"),
                              "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("is more than the share without children"), std::string::npos);
  r = load_config_from_string(
      scenario(rules, "benefit: {rate: grundsats, children: 0.2, single_parent: 0.3}"), "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("is more than the share with children"), std::string::npos);
  // A deal started before the reform: forhoejet with the enlig forsoerger supplement is unknown from
  // 2025-07 on (the reform's rule set), though the 2024 rules gave it (0 on the old 30+ rate).
  r = load_config_from_string(scenario("  rules: {family: dk, start: 2025-01, dir: " + kRulesDir + "}\n",
                                       "benefit: {rate: forhoejet, children: true, single_parent: true}"),
                              "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("under the rules in force at 2025-07"), std::string::npos)
      << format_errors(r.errors);
  // part_time.rate_type follows from benefit.rate: a different one is an error.
  r = load_config_from_string(
      scenario(rules,
               "benefit: {rate: forhoejet}, part_time: {share: 0.2, hours_per_week: 20, rate_type: "
               "mindstesats}"),
      "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("part_time.rate_type: follows from benefit.rate (forhoejet), got "
                                         "'mindstesats'"),
            std::string::npos)
      << format_errors(r.errors);
  r = load_config_from_string(
      scenario(rules, "benefit: {rate: forhoejet}, part_time: {share: 0.2, hours_per_week: 20}"), "s.yaml");
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.config->cohort.segments[0].part_time_rate_type, "forhoejet");
}

TEST(Rules, RuleFileSupplementsAreValidatedStrictly) {
  const fs::path dir = fs::temp_directory_path() / "sisim-rules-supplements-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "xx");
  std::ofstream(dir / "xx" / "2024.yaml") << "in_force_from: 2024-01\n"
                                             "sources: [\"a source\"]\n"
                                             "benefit:\n"
                                             "  rates: {forhoejet: 12000}\n"
                                             "  supplements:\n"
                                             "    childen: {monthly: 1, rates: [forhoejet]}\n"  // typo
                                             "    single: {monthly: 1000}\n";                   // no rates
  const LoadResult r = load_config_from_string(
      scenario("  rules: {family: xx, start: 2024-01, dir: " + dir.string() + "}\n", "benefit_monthly: 1"),
      "s.yaml");
  const std::string a = (dir / "xx" / "2024.yaml").string();
  const std::string errors = format_errors(r.errors);
  for (const std::string& expected :
       {a + ":6:5: error: unknown key 'childen' in benefit.supplements (did you mean 'children'?)",
        a + ":7:5: error: missing required key 'benefit.supplements.single.rates'"})
    EXPECT_NE(errors.find(expected), std::string::npos) << expected << "\n---\n" << errors;
  fs::remove_all(dir);
}

TEST(Rules, OlderBenefitRateNamesAreAliasesOfTheirTypes) {
  // Scenarios and result files written before `benefit` named pre-combined sums: each is the type
  // whose amount it was (mindstesats_couple_children 9,573 = mindstesats + boernetillaeg, ...).
  const std::string rules = "  rules: {family: dk, start: 2026-01, dir: " + kRulesDir + "}\n";
  LoadResult r =
      load_config_from_string(scenario(rules, "benefit_rate: mindstesats_couple_children"), "s.yaml");
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  const SegmentBenefit& b = *r.config->cohort.segments[0].benefit;
  EXPECT_EQ(b.rate, "mindstesats");
  EXPECT_EQ(b.children, 1.0);
  EXPECT_EQ(b.single_parent, 0.0);
  r = load_config_from_string(scenario(rules, "benefit_rate: forhoejet_single"), "s.yaml");
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.config->cohort.segments[0].benefit->single, 1.0);
  r = load_config_from_string(scenario(rules, "benefit_rate: forhoejet_singel"), "s.yaml");
  EXPECT_NE(format_errors(r.errors).find("unknown benefit 'forhoejet_singel'"), std::string::npos)
      << format_errors(r.errors);
  EXPECT_NE(format_errors(r.errors).find("(did you mean 'forhoejet_single'?)"), std::string::npos);
  EXPECT_EQ(format_errors(r.errors).find("benefit_monthly"), std::string::npos) << format_errors(r.errors);
}

}  // namespace
}  // namespace sisim::config
