// What an investor reads: every probability names its event and equals the share of paths with
// that event in /paths (counted here from the per-path columns, not from the summary code); the
// deal's terms open the table; tranches get rows of their own; the currency is the scenario's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "cli_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim {
namespace {

using testing::run_command;
namespace fs = std::filesystem;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

// The CSV value of metric,statistic (the long format: metric,statistic,value,se,units,label).
double csv_value(const std::string& csv, const std::string& metric, const std::string& stat) {
  std::istringstream in(csv);
  std::string line;
  const std::string prefix = metric + "," + stat + ",";
  while (std::getline(in, line))
    if (line.rfind(prefix, 0) == 0) return std::stod(line.substr(prefix.size()));
  ADD_FAILURE() << "no row " << prefix << " in\n" << csv;
  return std::nan("");
}

double share(const std::vector<double>& flags) {
  double n = 0;
  for (double f : flags) n += f != 0.0;
  return n / static_cast<double>(flags.size());
}

// The done-when check of issue 13, on the base scenario and a copy with other prices.
void check_npv_probability(const std::string& name, const std::string& extra) {
  const fs::path dir = testing::temp_folder("npv-" + name);
  const std::string out = (dir / "r.h5").string();
  const auto run = run_command(testing::sisim_binary() + " run " + kBase + " -o " + out +
                               " --paths 2000 --quiet " + extra);
  ASSERT_EQ(run.exit_code, 0) << run.output;
  io::ResultReader r(out);
  const auto npv = r.read_doubles("/paths/investor/npv");
  const auto received = r.read_doubles("/paths/investor/total_received");
  const auto guarantee = r.read_doubles("/paths/investor/guarantee_received");
  const auto drawn = r.read_doubles("/paths/investor/total_drawn");
  double below = 0, nominal = 0;
  for (size_t i = 0; i < npv.size(); ++i) {
    below += npv[i] < 0.0;
    nominal += received[i] + guarantee[i] < drawn[i];
  }
  below /= static_cast<double>(npv.size());
  nominal /= static_cast<double>(npv.size());
  // The per-path flags say the same as the columns they are decided from.
  EXPECT_EQ(share(r.read_doubles("/paths/investor/loss/npv_negative")), below);
  EXPECT_EQ(share(r.read_doubles("/paths/investor/loss/nominal")), nominal);
  // The two events differ: the NPV one is the weaker condition (earning less than 8 %).
  EXPECT_GT(below, nominal + 0.02) << name;

  const auto csv = run_command(testing::sisim_binary() + " summarize --csv " + out);
  ASSERT_EQ(csv.exit_code, 0) << csv.output;
  EXPECT_NEAR(csv_value(csv.output, "investor_npv_negative", "probability"), below, 1e-9);
  EXPECT_NEAR(csv_value(csv.output, "investor_loss_nominal", "probability"), nominal, 1e-9);
  EXPECT_NE(csv.output.find("\"P(investor NPV < 0 at 8.00 %)\""), std::string::npos);

  // The table labels each probability with its event and prints the h5py-style share.
  char expected[64];
  std::snprintf(expected, sizeof expected, "%.2f %%", 100.0 * below);
  const auto npv_line = run.output.find("P(investor NPV < 0 at 8.00 %)");
  ASSERT_NE(npv_line, std::string::npos) << run.output;
  EXPECT_NE(run.output.substr(npv_line, 120).find(expected), std::string::npos)
      << run.output.substr(npv_line, 120);
  EXPECT_NE(run.output.find("P(investor nominal loss: receipts + guarantee < capital drawn"),
            std::string::npos);

  // The report: the same probability, in the probabilities table, named by its event.
  const auto rep =
      run_command(testing::sisim_binary() + " report " + out + " -o " + (dir / "r.html").string());
  ASSERT_EQ(rep.exit_code, 0) << rep.output;
  const std::string html = testing::read_file(dir / "r.html");
  std::snprintf(expected, sizeof expected, "<td>P(investor NPV &lt; 0 at 8.00 %%)</td><td>%.1f %%",
                100.0 * below);
  EXPECT_NE(html.find(expected), std::string::npos) << expected;
  fs::remove_all(dir);
}

TEST(InvestorResults, NpvProbabilityIsTheShareOfPathsWithNegativeNpv) {
  check_npv_probability("base", "");
  check_npv_probability("prices",
                        "--set contract.outcomes.0.price=45000 --set contract.outcomes.1.price=5500");
}

TEST(InvestorResults, TableOpensWithTheTermsAndNamesTheReturnCap) {
  const fs::path dir = testing::temp_folder("terms");
  const auto run = run_command(testing::sisim_binary() + " run " + kBase + " -o " + (dir / "r.h5").string() +
                               " --paths 1000 --threads 1 --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("1 thread,"), std::string::npos) << run.output.substr(0, 100);
  const auto terms = run.output.find("deal terms");
  const auto returns = run.output.find("investor IRR (annual)");
  ASSERT_NE(terms, std::string::npos);
  EXPECT_LT(terms, returns);
  for (const char* term : {"return cap", "15.00 % a year", "cap_total", "25.00 M DKK", "40,000 DKK",
                           "investor discount rate", "300 places", "180 months", "guarantee"})
    EXPECT_NE(run.output.find(term), std::string::npos) << term;
  // The cap shapes the IRR: the share of paths at it is stated, and matches the flag column.
  io::ResultReader r((dir / "r.h5").string());
  const double at_cap = share(r.read_doubles("/paths/investor/return_cap_reached"));
  char note[96];
  std::snprintf(note, sizeof note, "note: %.1f %% of paths reach the return cap (15.00 %% a year)",
                100.0 * at_cap);
  EXPECT_NE(run.output.find(note), std::string::npos) << note << "\n" << run.output;
  // Capital rows.
  for (const char* row :
       {"peak capital at risk", "capital drawn", "payback month", "time to repayment at 8.00 %"})
    EXPECT_NE(run.output.find(row), std::string::npos) << row;
  fs::remove_all(dir);
}

TEST(InvestorResults, EveryTrancheHasRowsAndItsOwnLossProbabilities) {
  const fs::path dir = testing::temp_folder("tranches");
  const std::string out = (dir / "t.h5").string();
  const auto run =
      run_command(testing::sisim_binary() + " run " + testing::source_dir() +
                  "/scenarios/examples/tranches-guarantee.yaml -o " + out + " --paths 2000 --quiet");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  const auto s = run_command(testing::sisim_binary() + " summarize " + out);
  ASSERT_EQ(s.exit_code, 0) << s.output;
  for (const char* row : {"tranche senior IRR (annual)", "tranche junior IRR (annual)", "tranche senior MOIC",
                          "tranche junior NPV at 8.00 %", "P(tranche junior nominal loss",
                          "P(tranche senior NPV < 0 at 8.00 %)"})
    EXPECT_NE(s.output.find(row), std::string::npos) << row << "\n" << s.output;
  // Each tranche's P(MOIC < 1) is the share of its paths with MOIC < 1; the junior takes the first loss.
  io::ResultReader r(out);
  const auto csv = run_command(testing::sisim_binary() + " summarize --csv " + out).output;
  double p[2];
  int k = 0;
  for (const char* t : {"senior", "junior"}) {
    const auto moic = r.read_doubles(std::string("/paths/tranches/") + t + "/moic");
    double below = 0;
    for (double m : moic) below += m < 1.0;
    p[k] = below / static_cast<double>(moic.size());
    EXPECT_NEAR(csv_value(csv, std::string("tranche_") + t + "_loss_nominal", "probability"), p[k], 1e-9)
        << t;
    ++k;
  }
  EXPECT_GT(p[1], p[0] + 0.05);  // junior far more often below 1x than the guaranteed senior
  // The report draws each tranche's MOIC with its loss probability, and has rows per tranche.
  const auto rep =
      run_command(testing::sisim_binary() + " report " + out + " -o " + (dir / "t.html").string());
  ASSERT_EQ(rep.exit_code, 0) << rep.output;
  const std::string html = testing::read_file(dir / "t.html");
  EXPECT_NE(html.find("Tranche junior: MOIC"), std::string::npos);
  EXPECT_NE(html.find("P(nominal loss, MOIC &lt; 1) = "), std::string::npos);
  EXPECT_NE(html.find("<td>tranche senior IRR (annual)</td>"), std::string::npos);
  fs::remove_all(dir);
}

TEST(InvestorResults, CurrencyKeyNamesEveryAmount) {
  const fs::path dir = testing::temp_folder("currency");
  const std::string out = (dir / "e.h5").string();
  const auto run = run_command(testing::sisim_binary() + " run " + kBase + " -o " + out +
                               " --paths 300 --quiet --set currency=EUR");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  EXPECT_NE(run.output.find("money in EUR"), std::string::npos);
  EXPECT_NE(run.output.find("25.00 M EUR"), std::string::npos);
  EXPECT_EQ(run.output.find("DKK"), std::string::npos) << run.output;
  io::ResultReader r(out);
  EXPECT_EQ(r.attribute_string("/paths/investor/npv", "units"), "EUR");
  EXPECT_EQ(r.attribute_string("/summary/investor/npv/mean", "units"), "EUR");
  EXPECT_EQ(r.attribute_string("/timeseries/investor/cumulative_cash", "units"), "EUR");
  fs::remove_all(dir);
}

TEST(InvestorResults, PercentagesWhereFractionsAreMeantAreConfigErrorsWithAHint) {
  const struct {
    const char* set;
    const char* hint;
  } cases[] = {{"finance.return_cap_annual=15", "write 0.15 for 15 %"},
               {"public.discount.rate=3.5", "write 0.035 for 3.5 %"},
               {"finance.investor_discount_rate=8", "write 0.08 for 8 %"}};
  for (const auto& c : cases) {
    const auto r = run_command(testing::sisim_binary() + " validate " + kBase + " --set " + c.set);
    EXPECT_EQ(r.exit_code, 65) << c.set;
    EXPECT_NE(r.output.find(c.hint), std::string::npos) << r.output;
  }
}

TEST(InvestorResults, HurdleAndCommitmentAddTheirEvents) {
  const fs::path dir = testing::temp_folder("hurdle");
  const std::string out = (dir / "h.h5").string();
  const auto run =
      run_command(testing::sisim_binary() + " run " + kBase + " -o " + out +
                  " --paths 1000 --quiet --set finance.hurdle_rate=0.10 --set finance.commitment=15000000");
  ASSERT_EQ(run.exit_code, 0) << run.output;
  io::ResultReader r(out);
  const auto irr = r.read_doubles("/paths/investor/irr");
  const auto nominal = r.read_doubles("/paths/investor/loss/nominal");
  const auto drawn = r.read_doubles("/paths/investor/total_drawn");
  double below = 0, exceeded = 0;
  for (size_t i = 0; i < irr.size(); ++i) {
    below += std::isnan(irr[i]) ? nominal[i] != 0.0 : irr[i] < 0.10;
    exceeded += drawn[i] > 15e6;
  }
  const auto csv = run_command(testing::sisim_binary() + " summarize --csv " + out).output;
  EXPECT_NEAR(csv_value(csv, "investor_irr_below_hurdle", "probability"), below / 1000.0, 1e-9);
  EXPECT_NEAR(csv_value(csv, "investor_commitment_exceeded", "probability"), exceeded / 1000.0, 1e-9);
  EXPECT_GT(exceeded, 0.0);
  EXPECT_NE(run.output.find("P(investor IRR below the 10.00 % hurdle)"), std::string::npos);
  EXPECT_NE(run.output.find("drawdowns exceed the commitment of 15.00 M DKK"), std::string::npos);
  // The drawn-capital bands end at each path's total drawn: with 1000 paths (all kept for the
  // bands) the last month's median is the median of total_drawn, the middle of the sorted values.
  size_t rows = 0, cols = 0;
  const auto fan = r.read_matrix("/timeseries/investor/cumulative_drawn", rows, cols);
  ASSERT_EQ(cols, 9u);
  std::vector<double> sorted = drawn;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_NEAR(fan[(rows - 1) * 9 + 4], 0.5 * (sorted[499] + sorted[500]), 1e-6);
  EXPECT_NE(run.output.find("undrawn commitment, median and in the 5 % of paths drawing most: month 12:"),
            std::string::npos)
      << run.output;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
