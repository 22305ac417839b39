// `sisim stress`: cases on common random numbers. A case without shifts is the base bit for bit;
// a case that changes dropout (a treated-arm-only parameter) leaves every counterfactual result
// and every other parameter draw unchanged; the comparison's SE is the paired one.
#include <gtest/gtest.h>

#include <cmath>

#include "stress_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

const char* kCases = R"(cases:
  - name: same
    description: no shift at all
  - name: dropout
    shifts:
      - {path: intervention.dropout_hazard, scale: 2}
  - name: dropout_uncertain
    description: a fixed parameter made uncertain
    shifts:
      - {path: intervention.dropout_hazard, set: {dist: uniform, min: 0.01, max: 0.03}}
)";

// One stress run shared by the tests below (200 paths: about a second in a Debug build).
class StressCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::temp_folder("stress").string();
    testing::write_file(fs::path(dir_) / "cases.yaml", kCases);
    const auto r = run_command(testing::sisim_binary() + " stress " + kBase + " --cases " + dir_ +
                               "/cases.yaml -o " + dir_ + "/s.h5 --paths 200 --quiet");
    output_ = r.output;
    exit_code_ = r.exit_code;
  }
  static std::string dir_, output_;
  static int exit_code_;
};
std::string StressCommand::dir_, StressCommand::output_;
int StressCommand::exit_code_ = -1;

TEST_F(StressCommand, PrintsTheComparisonTable) {
  ASSERT_EQ(exit_code_, 0) << output_;
  for (const char* s : {"median IRR", "P(nominal loss)", "municipality NPV mean", "public_total NPV mean",
                        "base", "dropout_uncertain"})
    EXPECT_NE(output_.find(s), std::string::npos) << s << "\n" << output_;
}

TEST_F(StressCommand, ACaseWithoutShiftsIsTheBaseBitForBit) {
  ASSERT_EQ(exit_code_, 0) << output_;
  io::ResultReader r(dir_ + "/s.h5");
  const auto columns = testing::datasets_below(r, "/cases/base/paths");
  ASSERT_GT(columns.size(), 20u);
  for (const auto& c : columns)
    EXPECT_TRUE(
        testing::same_bits(r.read_doubles("/cases/base/paths" + c), r.read_doubles("/cases/same/paths" + c)))
        << c;
  // Its change from base is exactly 0 on every metric, with SE 0.
  for (const char* m :
       {"investor_irr_p50", "investor_p_loss", "municipality_npv_mean", "public_total_npv_mean"}) {
    const auto change = r.read_doubles(std::string("/stress/comparison/") + m + "/change");
    const auto se = r.read_doubles(std::string("/stress/comparison/") + m + "/change_se");
    EXPECT_EQ(change.at(1), 0.0) << m;
    EXPECT_EQ(se.at(1), 0.0) << m;
  }
}

TEST_F(StressCommand, TheBaseCaseIsAPlainRun) {
  ASSERT_EQ(exit_code_, 0) << output_;
  const auto run =
      run_command(testing::sisim_binary() + " run " + kBase + " -o " + dir_ + "/run.h5 --paths 200 --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto diff = run_command("h5diff " + dir_ + "/run.h5 " + dir_ + "/s.h5 /paths /cases/base/paths");
  EXPECT_EQ(diff.exit_code, 0) << diff.output.substr(0, 2000);
}

TEST_F(StressCommand, DropoutLeavesEveryDrawItDoesNotTouchUnchanged) {
  ASSERT_EQ(exit_code_, 0) << output_;
  io::ResultReader r(dir_ + "/s.h5");
  for (const std::string c : {"dropout", "dropout_uncertain"}) {
    const std::string g = "/cases/" + c + "/paths";
    // Dropout acts on the treated arm only: the counterfactual arm, the regime, the payer's
    // termination draw and every parameter draw are the base's, path by path.
    for (const char* col :
         {"/outcomes/employment_months_counterfactual", "/outcomes/job_starts_counterfactual",
          "/outcomes/recession_months", "/outcomes/enrolled"})
      EXPECT_TRUE(
          testing::same_bits(r.read_doubles("/cases/base/paths" + std::string(col)), r.read_doubles(g + col)))
          << c << col;
    std::vector<std::string> params = testing::datasets_below(r, "/cases/base/paths/params");
    ASSERT_GE(params.size(), 5u);
    for (const auto& p : params)
      EXPECT_TRUE(testing::same_bits(r.read_doubles("/cases/base/paths/params" + p),
                                     r.read_doubles(g + "/params" + p)))
          << c << p;
    // ...while the treated arm did change (so the comparison above can fail).
    EXPECT_FALSE(testing::same_bits(r.read_doubles("/cases/base/paths/outcomes/employment_months_treated"),
                                    r.read_doubles(g + "/outcomes/employment_months_treated")))
        << c;
  }
  // The uncertain dropout is a new per-path parameter column of its own.
  EXPECT_TRUE(r.exists("/cases/dropout_uncertain/paths/params/intervention.dropout_hazard"));
  EXPECT_FALSE(r.exists("/cases/base/paths/params/intervention.dropout_hazard"));
}

TEST_F(StressCommand, ChangeAndStandardErrorComeFromPairedPaths) {
  ASSERT_EQ(exit_code_, 0) << output_;
  io::ResultReader r(dir_ + "/s.h5");
  // Recompute from the per-path columns: mean of d_i = case_i - base_i and sd(d) / sqrt(n).
  for (const char* budget : {"municipality", "public_total"}) {
    const auto base = r.read_doubles(std::string("/cases/base/paths/budgets/") + budget + "/npv");
    const auto other = r.read_doubles(std::string("/cases/dropout/paths/budgets/") + budget + "/npv");
    const double n = static_cast<double>(base.size());
    double mean = 0, sq = 0;
    for (size_t i = 0; i < base.size(); ++i) mean += (other[i] - base[i]) / n;
    for (size_t i = 0; i < base.size(); ++i) sq += (other[i] - base[i] - mean) * (other[i] - base[i] - mean);
    const double se = std::sqrt(sq / (n - 1)) / std::sqrt(n);
    const std::string g = std::string("/stress/comparison/") + budget + "_npv_mean/";
    EXPECT_NEAR(r.read_doubles(g + "change").at(2), mean, 1e-9 * std::abs(mean) + 1e-6) << budget;
    EXPECT_NEAR(r.read_doubles(g + "change_se").at(2), se, 1e-9 * se + 1e-6) << budget;
    // Pairing is the point: the paired SE is far below that of two independent means.
    const double sd_base = std::sqrt([&] {
      double m = 0, s = 0;
      for (double x : base) m += x / n;
      for (double x : base) s += (x - m) * (x - m);
      return s / (n - 1);
    }());
    EXPECT_LT(se, 0.5 * std::sqrt(2.0) * sd_base / std::sqrt(n)) << budget;
  }
  EXPECT_EQ(r.attribute_strings("/stress/comparison", "cases"),
            (std::vector<std::string>{"base", "same", "dropout", "dropout_uncertain"}));
  EXPECT_EQ(r.read_string("/stress/cases/dropout/applied"), "intervention.dropout_hazard: set 0.03\n");
}

TEST(StressErrors, BadCasesAreLocatedAndNothingRuns) {
  const fs::path dir = testing::temp_folder("stress-bad");
  testing::write_file(
      dir / "cases.yaml",
      "cases:\n  - name: x\n    shifts:\n      - {path: intervention.dropout_hazrd, scale: 2}\n");
  auto r =
      run_command(testing::sisim_binary() + " stress " + kBase + " --cases " + (dir / "cases.yaml").string() +
                  " -o " + (dir / "s.h5").string() + " --paths 50 --quiet");
  EXPECT_EQ(r.exit_code, 65) << r.output;
  EXPECT_NE(r.output.find((dir / "cases.yaml").string() + ":4:16: error: unknown parameter path"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("did you mean 'dropout_hazard'"), std::string::npos) << r.output;
  EXPECT_FALSE(fs::exists(dir / "s.h5"));
  // No cases anywhere: the scenario has no stress section.
  r = run_command(testing::sisim_binary() + " stress " + kBase + " -o " + (dir / "s.h5").string() +
                  " --quiet");
  EXPECT_EQ(r.exit_code, 65) << r.output;
  EXPECT_NE(r.output.find("no stress cases"), std::string::npos) << r.output;
}

TEST(StressErrors, TheShippedStandardCasesLoad) {
  // Every case of scenarios/stress/standard.yaml resolves against the base scenario: checked by
  // running it on 20 paths.
  const fs::path dir = testing::temp_folder("stress-standard");
  const auto r =
      run_command(testing::sisim_binary() + " stress " + kBase + " --cases " + testing::source_dir() +
                  "/scenarios/stress/standard.yaml -o " + (dir / "s.h5").string() + " --paths 20 --quiet");
  EXPECT_EQ(r.exit_code, 0) << r.output;
  for (const char* c : {"recession_now", "effect_halved", "dropout_doubled", "fill_70", "fast_decay",
                        "lower_wages_hours", "payer_exit_risk", "control_group_100"})
    EXPECT_NE(r.output.find(c), std::string::npos) << c;
}

}  // namespace
}  // namespace sisim
