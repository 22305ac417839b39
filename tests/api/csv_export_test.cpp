// The tidy CSV exports (sim/api/csv_export.hpp) on hand-made inputs: every expected line is
// written out from the rules of csv_text.hpp (10 significant digits, an undefined value an empty
// cell, text in double quotes with quotes doubled), not taken from the code's output.
#include "sim/api/csv_export.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>

#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::api {
namespace {

namespace fs = std::filesystem;

TEST(CsvExport, StressCsvHasOneRowPerCaseAndMetricWithItsUnits) {
  // Seven comparison metrics (stress_compare.hpp), in table order; case "b" has an undefined
  // median IRR (no path with a defined IRR), which must be an empty cell.
  const std::vector<std::string> cases = {"base", "say \"no\""};
  std::vector<std::vector<PairedValue>> rows(2, std::vector<PairedValue>(7));
  rows[0][0] = {0.05, 0.0, 0.0};
  rows[0][2] = {1234567.891234, 0.0, 0.0};
  rows[1][0] = {std::nan(""), std::nan(""), std::nan("")};
  rows[1][1] = {0.25, 0.125, 0.0078125};
  const std::string csv = stress_csv(cases, rows, "DKK");
  const std::string expected_start =
      "case,metric,value,change,change_se,units\n"
      "\"base\",investor_irr_p50,0.05,0,0,\"1/year\"\n"
      "\"base\",investor_p_loss,0,0,0,\"1\"\n"
      "\"base\",investor_npv_mean,1234567.891,0,0,\"DKK\"\n";
  EXPECT_EQ(csv.rfind(expected_start, 0), 0u) << csv;
  EXPECT_NE(csv.find("\"say \"\"no\"\"\",investor_irr_p50,,,,\"1/year\"\n"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"say \"\"no\"\"\",investor_p_loss,0.25,0.125,0.0078125,\"1\"\n"), std::string::npos)
      << csv;
  EXPECT_NE(csv.find("\"say \"\"no\"\"\",public_total_p_loss,0,0,0,\"1\"\n"), std::string::npos) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 1 + 2 * 7);
}

TEST(CsvExport, SweepCsvRepeatsEachPointsValuesOnEveryStatisticRow) {
  SweepTable t;
  t.columns = {"intervention.effect.employment_gap", "scale(contract.outcome_prices)"};
  t.index = {3, 4};
  t.values = {{0.06, 0.12}, {0.6, 1.0 / 3.0}};
  const std::size_t cells = sweep_metrics().size() * sweep_stats().size();
  t.stats.assign(cells, std::vector<double>{0.0, 0.0});
  t.stats[0] = {0.1, 0.2};             // investor/irr, mean
  t.stats[cells - 1] = {2e-12, 1e20};  // budgets/public_total/npv, p_loss_se
  const std::string csv = sweep_csv(t);
  const std::string expected_start =
      "point,\"intervention.effect.employment_gap\",\"scale(contract.outcome_prices)\",metric,statistic,"
      "value\n"
      "3,0.06,0.6,investor/irr,mean,0.1\n"
      "3,0.06,0.6,investor/irr,sd,0\n";
  EXPECT_EQ(csv.rfind(expected_start, 0), 0u) << csv.substr(0, 300);
  EXPECT_NE(csv.find("4,0.12,0.3333333333,investor/irr,mean,0.2\n"), std::string::npos);
  EXPECT_NE(csv.find("3,0.06,0.6,budgets/public_total/npv,p_loss_se,2e-12\n"), std::string::npos);
  EXPECT_NE(csv.find("4,0.12,0.3333333333,budgets/public_total/npv,p_loss_se,1e+20\n"), std::string::npos);
  EXPECT_EQ(static_cast<std::size_t>(std::count(csv.begin(), csv.end(), '\n')), 1 + 2 * cells);
}

TEST(CsvExport, PerPathCsvHasEveryPathsDatasetInSortedOrder) {
  const fs::path dir = fs::temp_directory_path() / ("sisim-csv-export-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string file = (dir / "r.h5").string();
  {
    io::ResultWriter w(file, false);
    w.set_root_attribute("schema_version", io::kResultSchemaVersion);
    w.write_column("/paths/investor/npv", std::vector<double>{-1.5, 2.0, std::nan("")}, "DKK", "npv");
    w.write_column("/paths/investor/irr", std::vector<double>{0.1, 0.25, 0.0}, "1/year", "irr");
    w.write_column("/paths/outcomes/termination_month", std::vector<std::int32_t>{-1, 12, 30}, "month", "t");
    w.commit();
  }
  EXPECT_EQ(per_path_csv(file),
            "path,\"investor/irr\",\"investor/npv\",\"outcomes/termination_month\"\n"
            "0,0.1,-1.5,-1\n"
            "1,0.25,2,12\n"
            "2,0,,30\n");
  fs::remove_all(dir);
}

TEST(CsvExport, PerPathCsvOfAFileWithoutPathsIsRefused) {
  const fs::path dir = fs::temp_directory_path() / ("sisim-csv-nopaths-" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string file = (dir / "s.h5").string();
  {
    io::ResultWriter w(file, false);
    w.set_root_attribute("schema_version", io::kResultSchemaVersion);
    w.write_scalar("/stress/x", 1.0, "1", "x");
    w.commit();
  }
  EXPECT_THROW(per_path_csv(file), io::IoError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim::api
