// CSV exports of every file kind: run (summary and per path), stress and sweep.
#include <gtest/gtest.h>
#include <unistd.h>

#include <sstream>

#include "cli_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  std::istringstream in(line);
  while (std::getline(in, cell, ',')) cells.push_back(cell);
  return cells;
}

TEST(Export, PerPathCsvHasOneRowPerPathAndEveryColumn) {
  const fs::path dir = testing::temp_folder("export-paths");
  const std::string out = (dir / "r.h5").string();
  ASSERT_EQ(run_command(testing::sisim_binary() + " run " + kBase + " -o " + out + " --paths 150 --quiet")
                .exit_code,
            0);
  const auto csv = run_command(testing::sisim_binary() + " summarize " + out + " --per-path");
  ASSERT_EQ(csv.exit_code, 0) << csv.output.substr(0, 300);
  std::istringstream in(csv.output);
  std::string header, line;
  std::getline(in, header);
  const auto names = split(header);
  size_t npv = 0;
  while (npv < names.size() && names[npv] != "\"investor/npv\"") ++npv;
  ASSERT_LT(npv, names.size()) << header;
  io::ResultReader r(out);
  const auto values = r.read_doubles("/paths/investor/npv");
  size_t rows = 0;
  while (std::getline(in, line)) {
    const auto cells = split(line);
    ASSERT_EQ(cells.at(0), std::to_string(rows));
    EXPECT_NEAR(std::stod(cells.at(npv)), values.at(rows), 1e-9 * (1.0 + std::abs(values[rows])));
    ++rows;
  }
  EXPECT_EQ(rows, 150u);
  EXPECT_NE(header.find("\"investor/loss/npv_negative\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(Export, StressAndSweepFilesHaveATidyCsv) {
  const fs::path dir = testing::temp_folder("export-kinds");
  const std::string stress = (dir / "s.h5").string(), sweep = (dir / "w.h5").string();
  ASSERT_EQ(run_command(testing::sisim_binary() + " stress " + kBase + " --cases " + testing::source_dir() +
                        "/scenarios/stress/standard.yaml -o " + stress + " --paths 64 --quiet")
                .exit_code,
            0);
  auto csv = run_command(testing::sisim_binary() + " summarize " + stress + " --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(csv.output.rfind("case,metric,value,change,change_se,units\n\"base\",investor_irr_p50,", 0), 0u)
      << csv.output.substr(0, 200);
  EXPECT_NE(csv.output.find("\"recession_now\",investor_p_loss,"), std::string::npos);
  ASSERT_EQ(
      run_command(testing::sisim_binary() + " sweep " + testing::source_dir() +
                  "/scenarios/sweeps/effect-by-price.yaml -o " + sweep + " --paths 32 --points 0:2 --quiet")
          .exit_code,
      0);
  csv = run_command(testing::sisim_binary() + " summarize " + sweep + " --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_EQ(
      csv.output.rfind("point,\"intervention.effect.employment_gap\",\"scale(contract.outcome_prices)\","
                       "metric,statistic,value\n0,0.06,0.6,investor/irr,mean,",
                       0),
      0u)
      << csv.output.substr(0, 200);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
