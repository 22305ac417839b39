// `sisim report` and `sisim summarize` of stress, sweep and price files, end to end: the numbers
// the HTML shows are parsed back and compared with the HDF5 datasets read here independently
// (io::ResultReader, not the report's readers), within the rounding of the printed digits.
// Damaged and foreign files are refused with exit 65.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <regex>
#include <sstream>

#include "cli_test_util.hpp"
#include "hdf5_forge.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

// Half a unit of the last printed digit of `text` ("2.4" -> 0.05, "12" -> 0.5): how far a value
// printed this way may be from the value it rounds.
double rounding_of(const std::string& text) {
  const std::size_t dot = text.find('.');
  const int decimals = dot == std::string::npos ? 0 : static_cast<int>(text.size() - dot - 1);
  return 0.5 * std::pow(10.0, -decimals) + 1e-12;
}

// The values of the first capture group of every match, as text.
std::vector<std::string> all_matches(const std::string& text, const std::regex& re, int group = 1) {
  std::vector<std::string> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[group]);
  return out;
}

// The part of the report from the heading `heading` up to the next <h3> or <h2>.
std::string section_of(const std::string& html, const std::string& heading) {
  const std::size_t start = html.find("<h3>" + heading + "</h3>");
  if (start == std::string::npos) return "";
  const std::size_t end = std::min(html.find("<h3>", start + 4), html.find("<h2>", start + 4));
  return html.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

class FileReports : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = testing::temp_folder("file-reports");
    const std::string bin = testing::sisim_binary();
    const auto ok = [](const std::string& command) {
      const auto r = run_command(command);
      EXPECT_EQ(r.exit_code, 0) << command << "\n" << r.output.substr(0, 500);
      return r;
    };
    ok(bin + " stress " + kBase + " --cases " + testing::source_dir() +
       "/scenarios/stress/standard.yaml -o " + (dir_ / "stress.h5").string() + " --paths 100 --quiet");
    testing::write_file(dir_ / "grid.yaml",
                        "scenario: " + kBase +
                            "\npaths: 60\ngrid:\n"
                            "  - {path: intervention.effect.employment_gap, values: [0.1, 0.2, 0.3]}\n"
                            "  - {path: contract.outcome_prices, scale: [0.5, 1.5]}\n");
    ok(bin + " sweep " + (dir_ / "grid.yaml").string() + " -o " + (dir_ / "grid.h5").string() + " --quiet");
    testing::write_file(dir_ / "lhs.yaml",
                        "scenario: " + kBase +
                            "\npaths: 60\nlatin_hypercube:\n  samples: 5\n  parameters:\n"
                            "    - {path: intervention.effect.employment_gap, min: 0.1, max: 0.3}\n"
                            "    - {path: contract.outcome_prices, min: 0.5, max: 1.5}\n");
    ok(bin + " sweep " + (dir_ / "lhs.yaml").string() + " -o " + (dir_ / "lhs.h5").string() + " --quiet");
    price_output_ =
        ok(bin + " price " + kBase + " -o " + (dir_ / "price.h5").string() + " --paths 100 --quiet").output;
    for (const char* f : {"stress", "grid", "lhs", "price"})
      ok(bin + " report " + (dir_ / (std::string(f) + ".h5")).string() + " -o " +
         (dir_ / (std::string(f) + ".html")).string());
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static std::string html(const std::string& name) { return testing::read_file(dir_ / (name + ".html")); }
  static fs::path dir_;
  static std::string price_output_;
};
fs::path FileReports::dir_;
std::string FileReports::price_output_;

TEST_F(FileReports, StressReportShowsEachChangeAndItsPairedSe) {
  const std::string page = html("stress");
  io::ResultReader r((dir_ / "stress.h5").string());
  const auto cases = r.attribute_strings("/stress/comparison", "cases");
  ASSERT_GT(cases.size(), 3u);
  // P(investor nominal loss): each case's change in percentage points and its SE.
  const auto change = r.read_doubles("/stress/comparison/investor_p_loss/change");
  const auto se = r.read_doubles("/stress/comparison/investor_p_loss/change_se");
  const std::string section =
      section_of(page, "P(investor nominal loss: receipts plus guarantee below the capital drawn)");
  ASSERT_FALSE(section.empty());
  int compared = 0;
  for (std::size_t c = 1; c < cases.size(); ++c) {
    SCOPED_TRACE(cases[c]);
    std::smatch m;
    const std::regex row("<tr><td>" + cases[c] +
                         "</td><td>[^<]*</td><td>([-+]?[0-9.]+) pp</td><td>([0-9.]+) pp</td>");
    ASSERT_TRUE(std::regex_search(section, m, row));
    EXPECT_NEAR(std::stod(m[1]), 100.0 * change[c], rounding_of(m[1]));
    EXPECT_NEAR(std::stod(m[2]), 100.0 * se[c], rounding_of(m[2]));
    // The bar's whisker is 2 SE: its tooltip states the change and the whisker's half-width.
    const std::regex tip("<title>" + cases[c] +
                         ", change against the base: ([-0-9.]+) pp \u00B1 ([0-9.]+) pp</title>");
    ASSERT_TRUE(std::regex_search(section, m, tip));
    EXPECT_NEAR(std::stod(m[1]), 100.0 * change[c], rounding_of(m[1]));
    EXPECT_NEAR(std::stod(m[2]), 2.0 * 100.0 * se[c], rounding_of(m[2]));
    ++compared;
  }
  EXPECT_EQ(compared, static_cast<int>(cases.size()) - 1);
  // One chart per headline metric, each with whiskers, and money named with its currency.
  EXPECT_EQ(all_matches(page, std::regex("(<svg )")).size(), 7u);
  EXPECT_NE(page.find("Change against the base, M DKK (nominal)"), std::string::npos);
  EXPECT_NE(page.find("P(municipality NPV &lt; 0)"), std::string::npos);
}

TEST_F(FileReports, GridSweepReportIsAHeatmapWithValuesAndSes) {
  const std::string page = html("grid");
  io::ResultReader r((dir_ / "grid.h5").string());
  const auto gap = r.read_doubles("/sweep/points/intervention.effect.employment_gap");
  const auto k = r.read_doubles("/sweep/points/scale(contract.outcome_prices)");
  const auto p = r.read_doubles("/sweep/summary/investor/irr/p_loss");
  const auto p_se = r.read_doubles("/sweep/summary/investor/irr/p_loss_se");
  const auto npv = r.read_doubles("/sweep/summary/budgets/municipality/npv/mean");
  ASSERT_EQ(p.size(), 6u);
  const std::string loss =
      section_of(page, "P(investor nominal loss: receipts plus guarantee below the capital drawn)");
  const std::string mun = section_of(page, "Municipality NPV, mean");
  for (std::size_t i = 0; i < p.size(); ++i) {
    SCOPED_TRACE(i);
    char where[160];
    std::snprintf(where, sizeof where,
                  "intervention.effect.employment_gap = %g, scale(contract.outcome_prices) = %g: ", gap[i],
                  k[i]);
    std::smatch m;
    // The cell's tooltip: the value and its SE as the sweep file holds them.
    ASSERT_TRUE(std::regex_search(
        loss, m,
        std::regex(std::regex_replace(where, std::regex(R"([().])"), R"(\$&)") +
                   "P\\(investor nominal loss[^<]*\\) ([0-9.]+) % \u00B1 ([0-9.]+) % \\(SE\\)")));
    EXPECT_NEAR(std::stod(m[1]), 100.0 * p[i], rounding_of(m[1]));
    EXPECT_NEAR(std::stod(m[2]), 100.0 * p_se[i], rounding_of(m[2]));
    ASSERT_TRUE(std::regex_search(mun, m,
                                  std::regex(std::regex_replace(where, std::regex(R"([().])"), R"(\$&)") +
                                             "Municipality NPV, mean ([-0-9.]+) (million|thousand) DKK")));
    const double unit = m[2] == "million" ? 1e6 : 1e3;
    EXPECT_NEAR(std::stod(m[1]) * unit, npv[i], rounding_of(m[1]) * unit);
  }
  // A 3 x 2 grid: six coloured cells per heatmap, and a colour bar whose title names the unit.
  EXPECT_EQ(all_matches(mun, std::regex("(<rect [^>]*fill=\"#[0-9A-F]{6}\"><title>)")).size(), 6u);
  EXPECT_NE(mun.find("Municipality NPV, mean (DKK million)"), std::string::npos);
  EXPECT_EQ(page.find("<polyline"), std::string::npos) << "a 2-parameter grid is drawn as heatmaps";
}

TEST_F(FileReports, LatinHypercubeReportPlotsEachMetricAgainstEachParameter) {
  const std::string page = html("lhs");
  io::ResultReader r((dir_ / "lhs.h5").string());
  const auto k = r.read_doubles("/sweep/points/scale(contract.outcome_prices)");
  const auto mean = r.read_doubles("/sweep/summary/investor/npv/mean");
  const std::string section = section_of(page, "Investor NPV, mean");
  // Two charts (one per parameter), five markers each, no line through a scatter.
  EXPECT_EQ(all_matches(section, std::regex("(<svg )")).size(), 2u);
  EXPECT_EQ(section.find("<polyline"), std::string::npos);
  for (std::size_t i = 0; i < k.size(); ++i) {
    char where[120];
    std::snprintf(where, sizeof where, "point %zu, scale\\(contract\\.outcome_prices\\) = %g: ", i, k[i]);
    std::smatch m;
    ASSERT_TRUE(
        std::regex_search(section, m,
                          std::regex(std::regex_replace(where, std::regex(R"(\.(?=[0-9]))"), R"(\.)") +
                                     "([-0-9.]+) (million|thousand) DKK")))
        << where;
    EXPECT_NEAR(std::stod(m[1]) * (m[2] == "million" ? 1e6 : 1e3), mean[i],
                rounding_of(m[1]) * (m[2] == "million" ? 1e6 : 1e3));
  }
  EXPECT_EQ(page.find("colour bar"), std::string::npos);
}

TEST_F(FileReports, PriceReportShowsTheSolvedMultipliersAndEveryEvaluation) {
  const std::string page = html("price");
  io::ResultReader r((dir_ / "price.h5").string());
  const double k = r.read_scalar("/price/investor/multiplier"),
               k_se = r.read_scalar("/price/investor/multiplier_se");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      page, m, std::regex("investor</td><td>[^<]*</td><td>k \u2265 ([0-9.]+) \u00B1 ([0-9.]+)</td>")));
  EXPECT_NEAR(std::stod(m[1]), k, rounding_of(m[1]));
  EXPECT_NEAR(std::stod(m[2]), k_se, rounding_of(m[2]));
  // Every evaluated multiplier is a marker with its metric and SE.
  const auto ks = r.read_doubles("/price/evaluations/multiplier");
  const auto irr = r.read_doubles("/price/evaluations/investor_metric");
  const auto tips = all_matches(page, std::regex("<title>investor at k = ([0-9.]+): ([-0-9.]+) % \u00B1"), 0);
  ASSERT_EQ(tips.size(), ks.size());
  for (std::size_t e = 0; e < ks.size(); ++e) {
    ASSERT_TRUE(std::regex_search(tips[e], m, std::regex("k = ([0-9.]+): ([-0-9.]+) %")));
    EXPECT_NEAR(std::stod(m[1]), ks[e], rounding_of(m[1]));
    EXPECT_NEAR(std::stod(m[2]), 100.0 * irr[e], rounding_of(m[2]));
  }
  // The prices at the investor's minimum: the base price times k.
  const auto base = r.read_doubles("/price/lines/base_price");
  ASSERT_TRUE(std::regex_search(
      page, m, std::regex("job_start \\(3 months\\)</td><td>[^<]*</td><td>([0-9.]+) thousand DKK")));
  EXPECT_NEAR(std::stod(m[1]) * 1e3, base[0] * k, rounding_of(m[1]) * 1e3);
}

TEST_F(FileReports, SummarizeOfAPriceFilePrintsWhatPricePrinted) {
  const auto r = run_command(testing::sisim_binary() + " summarize " + (dir_ / "price.h5").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const std::string printed = price_output_.substr(0, price_output_.find("written: "));
  EXPECT_EQ(r.output, printed);
}

TEST_F(FileReports, PriceCsvHoldsTheFilesValues) {
  const auto csv =
      run_command(testing::sisim_binary() + " summarize " + (dir_ / "price.h5").string() + " --csv");
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  io::ResultReader r((dir_ / "price.h5").string());
  std::istringstream in(csv.output);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "view,status,quantity,at_multiplier,value,se,units");
  int rows = 0, evaluated = 0;
  bool multiplier_row = false;
  while (std::getline(in, line)) {
    ++rows;
    if (line.find(",evaluated,") != std::string::npos) ++evaluated;
    std::smatch m;
    if (std::regex_match(line, m,
                         std::regex("\"investor\",([a-z_]+),\"multiplier\",,([^,]*),([^,]*),\"1\""))) {
      multiplier_row = true;
      EXPECT_EQ(m[1], r.attribute_string("/price/investor", "status"));
      EXPECT_NEAR(std::stod(m[2]), r.read_scalar("/price/investor/multiplier"), 1e-9);
      EXPECT_NEAR(std::stod(m[3]), r.read_scalar("/price/investor/multiplier_se"), 1e-9);
    }
  }
  EXPECT_TRUE(multiplier_row);
  // Three views (investor and two payer budgets) per evaluated multiplier.
  EXPECT_EQ(evaluated, 3 * static_cast<int>(r.read_doubles("/price/evaluations/multiplier").size()));
  EXPECT_GT(rows, evaluated);
}

TEST_F(FileReports, DamagedAndForeignFilesAreRefusedWithExit65) {
  const std::string bin = testing::sisim_binary();
  const auto refused = [&](const fs::path& file) {
    SCOPED_TRACE(file.string());
    for (const std::string& cmd :
         {bin + " report " + file.string() + " -o " + (dir_ / "x.html").string(),
          bin + " summarize " + file.string(), bin + " summarize " + file.string() + " --csv"}) {
      const auto r = run_command(cmd);
      EXPECT_EQ(r.exit_code, 65) << cmd << "\n" << r.output;
      EXPECT_NE(r.output.find(file.filename().string()), std::string::npos) << r.output;
    }
    EXPECT_FALSE(fs::exists(dir_ / "x.html"));
  };
  testing::write_file(dir_ / "text.h5", "not an HDF5 file\n");
  refused(dir_ / "text.h5");
  {
    testing::H5Forge f(dir_ / "price.h5", dir_ / "price_short.h5");  // one SE fewer than multipliers
    const auto n =
        io::ResultReader((dir_ / "price.h5").string()).read_doubles("/price/evaluations/multiplier").size();
    f.doubles("/price/evaluations/investor_metric_se", {n - 1}, std::vector<double>(n - 1, 0.01));
  }
  refused(dir_ / "price_short.h5");
  {
    testing::H5Forge f(dir_ / "price.h5", dir_ / "price_status.h5");
    f.string_attribute("/price/investor", "status", "solved-ish");
  }
  refused(dir_ / "price_status.h5");
  {
    testing::H5Forge f(dir_ / "price.h5", dir_ / "price_order.h5");  // multipliers not ascending
    const auto n =
        io::ResultReader((dir_ / "price.h5").string()).read_doubles("/price/evaluations/multiplier").size();
    f.doubles("/price/evaluations/multiplier", {n}, std::vector<double>(n, 1.0));
  }
  refused(dir_ / "price_order.h5");
  {
    testing::H5Forge f(dir_ / "stress.h5", dir_ / "stress_short.h5");
    f.doubles("/stress/comparison/investor_p_loss/change_se", {2}, {0.1, 0.2});
  }
  refused(dir_ / "stress_short.h5");
}

}  // namespace
}  // namespace sisim
