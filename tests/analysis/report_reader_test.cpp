// The report's readers (analysis/report/report_reader.hpp, file_report_input.hpp) on files written
// through the front door: what they derive (undrawn commitment, the termination driver, column
// titles, which file kind) is checked against the datasets read here independently with
// io::ResultReader and against the rules written out in each test.
#include "analysis/report/report_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "analysis/report/file_report_input.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::report {
namespace {

namespace fs = std::filesystem;

const std::string kScenario = std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml";

fs::path temp_folder(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("sisim-report-reader-" + name + "-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// One small run of the base scenario with a commitment, written once for the tests below.
class ReportReader : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = temp_folder("run");
    file_ = (dir_ / "r.h5").string();
    const api::Scenario scenario = api::load(kScenario, {"finance.commitment=30000000"});
    api::RunRequest request;
    request.settings = {300, 11, 2};
    api::write_run_file({file_, false, "test"}, scenario, api::run(scenario, request));
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static inline fs::path dir_;
  static inline std::string file_;
};

TEST_F(ReportReader, PerPathColumnsAreTheFilesColumns) {
  const ReportInput in = read_report_input(file_);
  const io::ResultReader r(file_);
  EXPECT_EQ(in.paths, 300);
  EXPECT_EQ(in.seed, 11u);
  EXPECT_EQ(in.investor_npv, r.read_doubles("/paths/investor/npv"));
  EXPECT_EQ(in.investor_irr.size(), 300u);
  const auto loss = r.read_doubles("/paths/investor/loss/nominal");
  ASSERT_EQ(in.investor_loss.size(), loss.size());
  for (std::size_t i = 0; i < loss.size(); ++i) EXPECT_EQ(in.investor_loss[i], loss[i] == 1.0 ? 1 : 0);
}

TEST_F(ReportReader, NeverTerminatedCountsAsTheHorizonInTheTerminationDriver) {
  const ReportInput in = read_report_input(file_);
  const auto months = static_cast<double>(in.investor_cumulative_cash.months.size());
  ASSERT_GT(months, 0.0);
  const auto stored = io::ResultReader(file_).read_doubles("/paths/outcomes/termination_month");
  const auto driver = std::find_if(in.drivers.begin(), in.drivers.end(), [](const auto& d) {
    return d.name == "termination month (payer; never = horizon)";
  });
  ASSERT_NE(driver, in.drivers.end());
  ASSERT_EQ(driver->values.size(), stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i)
    EXPECT_EQ(driver->values[i], stored[i] < 0 ? months : stored[i]) << "path " << i;
}

TEST_F(ReportReader, UndrawnCommitmentQuantileIsTheCommitmentMinusTheMirroredDrawnQuantile) {
  // Undrawn = C - drawn is decreasing in drawn, so its q-quantile is C minus drawn's (1-q)-quantile:
  // with the nine levels 1..99 %, column k of undrawn is C minus column 8-k of drawn.
  const ReportInput in = read_report_input(file_);
  const io::ResultReader r(file_);
  const auto drawn = r.read_doubles("/timeseries/investor/cumulative_drawn");
  ASSERT_EQ(in.undrawn_commitment.months.size() * 9, drawn.size());
  for (std::size_t m = 0; m < in.undrawn_commitment.months.size(); ++m)
    for (std::size_t k = 0; k < 9; ++k)
      EXPECT_EQ(in.undrawn_commitment.months[m][k], 30000000.0 - drawn[m * 9 + (8 - k)]);
}

TEST(ReportReaderKinds, ValueKindOfEveryUnit) {
  EXPECT_EQ(value_kind(results::Unit::percent), ValueKind::rate);
  EXPECT_EQ(value_kind(results::Unit::multiple), ValueKind::multiple);
  EXPECT_EQ(value_kind(results::Unit::money), ValueKind::money);
  EXPECT_EQ(value_kind(results::Unit::months), ValueKind::months);
}

TEST(ReportReaderKinds, ResultKindFollowsTheTopLevelGroups) {
  const fs::path dir = temp_folder("kinds");
  const auto file_with = [&](const std::string& name, const std::string& dataset) {
    const std::string path = (dir / name).string();
    io::ResultWriter w(path, false);
    w.set_root_attribute("schema_version", io::kResultSchemaVersion);
    w.write_scalar(dataset, 1.0, "1", "marker");
    w.commit();
    return path;
  };
  EXPECT_EQ(result_kind(file_with("s.h5", "/stress/comparison/x")), ResultKind::stress);
  EXPECT_EQ(result_kind(file_with("w.h5", "/sweep/points/x")), ResultKind::sweep);
  EXPECT_EQ(result_kind(file_with("p.h5", "/price/x")), ResultKind::price);
  EXPECT_EQ(result_kind(file_with("r.h5", "/paths/x")), ResultKind::run);
  fs::remove_all(dir);
}

TEST(ReportReaderKinds, SweepInputTitlesEachColumnWithItsUnitsAndPairsMeansWithTheirSes) {
  const fs::path dir = temp_folder("sweep");
  api::SweepTable t;
  t.scenario = "synthetic";
  t.config_yaml = api::load(kScenario, {}).config.resolved_yaml;
  t.sisim_version = "0";
  t.git_hash = "none";
  t.seed = 3;
  t.paths = 100;
  t.threads = 1;
  t.kind = "grid";
  t.points_total = 2;
  t.columns = {"intervention.effect.employment_gap", "scale(contract.outcome_prices)"};
  t.grid_shape = {2, 1};
  t.index = {0, 1};
  t.values = {{0.06, 0.12}, {1.0, 1.0}};
  t.gap_clamped = {0, 0};
  const std::size_t stats = api::sweep_stats().size();
  t.stats.assign(api::sweep_metrics().size() * stats, std::vector<double>{0.0, 0.0});
  t.stats[0] = {0.07, 0.09};  // investor/irr mean
  t.stats[2] = {0.01, 0.02};  // investor/irr se
  const std::string path = (dir / "w.h5").string();
  api::write_sweep_file(path, false, "test", t);
  const SweepReportInput in = read_sweep_report_input(path);
  EXPECT_EQ(in.column_titles, (std::vector<std::string>{"employment_gap (in the scenario's units)",
                                                        "outcome_prices (factor, 1 = as given)"}));
  ASSERT_FALSE(in.metrics.empty());
  EXPECT_EQ(in.metrics[0].value, (std::vector<double>{0.07, 0.09}));
  EXPECT_EQ(in.metrics[0].se, (std::vector<double>{0.01, 0.02}));
  EXPECT_EQ(in.header.seed, 3u);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim::report
