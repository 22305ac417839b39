// Validation rules not covered by the bad corpus, nearest_key, format_errors, the shipped
// scenarios, and the raw stress/pricing sections.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "config_test_util.hpp"

namespace sisim::config {

using rng::DistKind;

namespace {

TEST(NearestKey, SuggestsWithinTheDistanceLimit) {
  const std::vector<std::string> keys = {"size", "segments", "fill_rate", "enrolment_months"};
  EXPECT_EQ(nearest_key("sise", keys), "size");          // one substitution
  EXPECT_EQ(nearest_key("szie", keys), "size");          // one transposition
  EXPECT_EQ(nearest_key("segmnets", keys), "segments");  // one transposition
  EXPECT_EQ(nearest_key("enrollment_months", keys), "enrolment_months");
  EXPECT_EQ(nearest_key("colour", keys), std::nullopt);
  EXPECT_EQ(nearest_key("x", {}), std::nullopt);
  // limit = max(2, len/3): 4 letters -> 2, 9 letters -> 3.
  EXPECT_EQ(nearest_key("abcd", {"abxy"}), "abxy");
  EXPECT_EQ(nearest_key("abcd", {"axyz"}), std::nullopt);
  EXPECT_EQ(nearest_key("abcdefghi", {"abcdefxyz"}), "abcdefxyz");
  EXPECT_EQ(nearest_key("abcdefghi", {"abcdewxyz"}), std::nullopt);
  // Ties go to the earlier candidate.
  EXPECT_EQ(nearest_key("cat", {"bat", "hat"}), "bat");
}

TEST(FormatErrors, SortsByFileLineColumnStably) {
  std::vector<ConfigError> e = {{"b.yaml", 1, 1, "x"},
                                {"a.yaml", 10, 2, "y"},
                                {"a.yaml", 2, 5, "z"},
                                {"a.yaml", 2, 5, "w"},
                                {"a.yaml", 2, 1, "v"}};
  EXPECT_EQ(format_errors(e),
            "a.yaml:2:1: error: v\na.yaml:2:5: error: z\na.yaml:2:5: error: w\na.yaml:10:2: error: y\n"
            "b.yaml:1:1: error: x\n");
}

TEST(Loader, MissingFile) {
  LoadResult r = load_config("/nonexistent/dir/s.yaml");
  EXPECT_EQ(format_errors(r.errors),
            "/nonexistent/dir/s.yaml:1:1: error: cannot read file: No such file or directory\n");
}

TEST(Loader, ShippedScenariosLoadCleanlyAndRoundTrip) {
  const std::filesystem::path dir = std::string(SISIM_SOURCE_DIR) + "/scenarios";
  int found = 0;
  for (const char* name :
       {"herning-viborg.yaml", "herning-viborg-conservative.yaml", "herning-viborg-2024-rules.yaml"}) {
    if (!std::filesystem::exists(dir / name)) continue;
    ++found;
    LoadResult r = load_config((dir / name).string());
    ASSERT_TRUE(r.ok()) << name << "\n" << test::errors_of(r);
    LoadResult again = load_config_from_string(r.config->resolved_yaml, "resolved.yaml");
    ASSERT_TRUE(again.ok()) << test::errors_of(again);
    EXPECT_EQ(again.config->resolved_yaml, r.config->resolved_yaml);
  }
  if (found == 0) GTEST_SKIP() << "scenarios/herning-viborg.yaml not written yet";
}

TEST(Loader, EverythingScenarioSpotChecks) {
  LoadResult r = load_config(test::data_dir() + "/good/everything.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const Config& c = *r.config;
  EXPECT_EQ(c.simulation.seed, 42u);
  EXPECT_EQ(c.intervention.effect.kind, Effect::Kind::employment_gap);
  EXPECT_EQ(c.intervention.effect.at_month, 24);
  EXPECT_EQ(c.labour_market.recession.start_month, 6);
  EXPECT_EQ(c.contract.payers.at(Budget::state), 0.4);
  EXPECT_EQ(c.contract.outcomes[1].months, 6);
  EXPECT_EQ(c.contract.baseline.at(Metric::employment_month), 2.5);
  EXPECT_TRUE(c.contract.tiers.enabled);
  EXPECT_EQ(c.contract.tiers.tiers[1].per_unit, 500000.0);
  ASSERT_EQ(c.finance.tranches.size(), 2u);
  EXPECT_EQ(*c.finance.tranches[0].return_cap_annual, 0.05);
  EXPECT_FALSE(c.finance.tranches[1].return_cap_annual.has_value());
  EXPECT_EQ(c.finance.guarantee.guarantor, Budget::state);
  EXPECT_EQ(c.public_.other_flows[1].budget, Budget::municipality);
  // Segment override of a flow whose on_benefit is itself uncertain.
  EXPECT_EQ(c.cohort.segments[0].other_flows.at("health").on_benefit.dist.kind, DistKind::uniform);
  // {dist: fixed} stays fixed.
  EXPECT_TRUE(c.cohort.segments[0].exit_hazard.is_fixed());
  // Uncertain, in schema order: fill_rate, young: benefit, wage, hours, jfh, sep, health.on_benefit;
  // older: wage, jfh; gap, decay, termination.
  ASSERT_EQ(c.uncertain.size(), 12u);
  EXPECT_EQ(c.uncertain[6].path, "cohort.segments.young.other_flows.health.on_benefit");
  EXPECT_EQ(c.uncertain[9].path, "intervention.effect.employment_gap");
  EXPECT_EQ(c.correlations[1].id_a, 2);
  EXPECT_EQ(c.correlations[1].id_b, 9);
  // beta by mean/sd on [0, 1]: m = 0.9, v = 0.0025, k = 0.09/0.0025 - 1 = 35: alpha 31.5, beta 3.5.
  EXPECT_NEAR(c.cohort.fill_rate.dist.alpha, 31.5, 1e-9);
  EXPECT_NEAR(c.cohort.fill_rate.dist.beta, 3.5, 1e-9);
  // stress/pricing are kept verbatim (as YAML text) for later commands.
  EXPECT_NE(c.stress_yaml.find("deep_recession"), std::string::npos);
  EXPECT_NE(c.pricing_yaml.find("target_irr: 0.08"), std::string::npos);
}

// Rules checked one at a time on the example through --set, each expected to fail.
TEST(Loader, CrossFieldRules) {
  const std::string ex = test::data_dir() + "/good/example-scenario.yaml";
  const std::vector<std::vector<std::string>> bad = {
      {"simulation.horizon_months=12"},                                     // shorter than enrolment
      {"labour_market.recession.start_month=180"},                          // outside the horizon
      {"contract.payers={municipality: 0.5, other_municipalities: 0.5}"},   // not a payer
      {"finance.tranches=[{name: s, share: 0.6}, {name: j, share: 0.3}]"},  // shares sum 0.9
      {"finance.tranches=[{name: s, share: 0.5}, {name: s, share: 0.5}]"},  // duplicate names
      {"finance.drawdown=upfront"},                                         // unsupported mode
      {"contract.cap_total=0"},                                             // must be > 0
      {"contract.outcomes=[]"},                                             // empty rate card
      {"public.refusion.ladder=[{from_week: 4, rate: 0.5}]"},               // must start at week 0
      {"contract.baseline={job_start: 1.5}"},                               // rate > 1
      {"contract.baseline={jobstart: 0.5}"},                                // unknown metric
      {"intervention.effect={employment_gap: 1.5, at_month: 12}"},          // gap outside [-1, 1]
      {"correlations=[[labour_market.recession.job_finding_multiplier, "
       "labour_market.recession.job_finding_multiplier, 0.5]]"},  // self-correlation
      {"simulation.seed=-1"},
      {"cohort.enrolment_months={dist: uniform, min: 1, max: 2}"},  // structural
      {"contract.evaluation.control_group_size=1.5"},
      {"public.tax.employment_deduction_rate=0.1275"},  // without its yearly cap
      {"public.refusion.reset_window_months=6"},        // shorter than reset_after_months_off (12)
      {"public.result_grant={amount: 1, early_months: 36, eligible_months: 24}"},  // deadline before tier
      {"public.result_grant.min_hours_per_week=200"},                              // > 168 hours a week
      {"public.equalisation={average_tax_rate: 0.25}"},  // together with tax.municipal_retention
      {"public.equalisation={average_tax_rate: 1.5, municipal_retention: 0}"},  // unknown key, rate > 1
  };
  for (const auto& ov : bad) {
    LoadResult r = load_config(ex, ov);
    EXPECT_FALSE(r.ok()) << ov[0];
  }
  // With tranches, a deal-level guarantee would go unused: refused, and accepted once it is 0.
  EXPECT_FALSE(load_config(ex, {"finance.tranches=[{name: s, share: 0.7}, {name: j, share: 0.3}]"}).ok());
  LoadResult ok = load_config(
      ex, {"finance.tranches=[{name: s, share: 0.7}, {name: j, share: 0.3}]",
           "finance.guarantee.share_of_loss=0", "contract.payers={municipality: 0.6, state: 0.4}"});
  EXPECT_TRUE(ok.ok()) << test::errors_of(ok);
  // The issue-14 keys accepted together (the Danish rules of 2026).
  LoadResult danish = load_config(
      ex, {"public.tax.employment_deduction_rate=0.1275", "public.tax.employment_deduction_cap_annual=63300",
           "public.refusion.reset_window_months=36",
           "public.result_grant={amount: 88817, amount_late: 59210, early_months: 36, eligible_months: 60, "
           "min_hours_per_week: 20}"});
  EXPECT_TRUE(danish.ok()) << test::errors_of(danish);
}

}  // namespace
}  // namespace sisim::config

namespace sisim::config {
namespace {

TEST(Robustness, RecursiveAndExplodingAliasesAreErrorsNotCrashes) {
  LoadResult r = load_config_from_string("a: &x [1, *x]\n", "f.yaml");
  EXPECT_NE(format_errors(r.errors).find("too deeply nested: more than 64 levels"), std::string::npos);
  std::string laughs = "a: &a [1, 2]\n";
  const std::string names = "abcdefg";
  for (size_t i = 1; i < names.size(); ++i) {
    laughs += std::string(1, names[i]) + ": &" + names[i] + " [";
    for (int k = 0; k < 10; ++k) laughs += std::string(k ? ", *" : "*") + names[i - 1];
    laughs += "]\n";
  }
  r = load_config_from_string(laughs, "f.yaml");  // 2 * 10^6 leaves if expanded
  EXPECT_NE(format_errors(r.errors).find("document too large: more than 50000 values"), std::string::npos);
}

// Every prefix of the example (cut every 13 bytes) and every single-byte corruption at a stride
// must give either a Config or located errors, never an exception or a crash.
TEST(Robustness, TruncatedAndCorruptedInputs) {
  std::ifstream in(test::data_dir() + "/good/example-scenario.yaml");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(text.size(), 1000u);
  for (size_t cut = 0; cut < text.size(); cut += 13) {
    LoadResult r = load_config_from_string(text.substr(0, cut), "t.yaml");
    EXPECT_NE(r.ok(), !r.errors.empty());
    for (const auto& e : r.errors) EXPECT_GE(e.line, 1) << e.message;
  }
  const char junk[] = {':', '{', '-', '[', '"', '\t', 'x', '9'};
  for (size_t pos = 0, k = 0; pos < text.size(); pos += 29, ++k) {
    std::string t = text;
    t[pos] = junk[k % sizeof junk];
    LoadResult r = load_config_from_string(t, "t.yaml");
    EXPECT_NE(r.ok(), !r.errors.empty());
  }
}

TEST(Loader, IntegerSpelledAsIntegralNumber) {
  LoadResult r = load_config(test::data_dir() + "/good/example-scenario.yaml", {"simulation.paths=1e6"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->simulation.paths, 1000000);
}

}  // namespace
}  // namespace sisim::config
