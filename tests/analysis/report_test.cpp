// The HTML report: every section present, one <svg> per chart, no URL, NaN and empty inputs handled.
#include "analysis/report/report.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

#include "tests/analysis/report_fixture.hpp"

namespace sisim::report {
namespace {

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = s.find(what); pos != std::string::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

TEST(Report, SyntheticInputHasEverySectionAndChart) {
  const ReportInput in = testing::synthetic_input();
  const std::string html = render_report(in);
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  for (const char* heading : {"<h2>In short</h2>", "<h2>Key figures</h2>", "<h2>The investor's return</h2>",
                              "<h2>Cash over time</h2>", "<h2>Annual budget account</h2>",
                              "<h2>What drives the results</h2>", "<h2>Glossary</h2>", "<h2>Method</h2>"})
    EXPECT_NE(html.find(heading), std::string::npos) << heading;
  // IRR and MOIC histograms, investor + 2 budget fans, 1 budget account, 1 sensitivity chart.
  EXPECT_EQ(count(html, "<svg"), 7u);
  EXPECT_EQ(count(html, "</svg>"), 7u);
  EXPECT_EQ(count(html, "<h2>"), count(html, "</h2>"));
  EXPECT_EQ(count(html, "<table>"), count(html, "</table>"));
  const std::string l = lower(html);
  EXPECT_EQ(l.find("http"), std::string::npos);
  EXPECT_EQ(l.find("<script"), std::string::npos);
  EXPECT_EQ(l.find("url("), std::string::npos);
  EXPECT_EQ(l.find("no data"), std::string::npos);
  // The scenario name is escaped, never raw markup.
  EXPECT_NE(html.find("dk-employment-sib-example &lt;test &amp; sample&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<test & sample>"), std::string::npos);
  for (const char* term : {"IRR (internal rate of return)", "MOIC", "P(event)", "VaR",
                           "ES (expected shortfall)", "NPV (net present value)", "public_total"})
    EXPECT_NE(html.find(term), std::string::npos) << term;
  // The hazard drives NPV by construction, the fill rate not at all: the hazard is ranked first.
  const auto hazard = html.find("cohort.segments.akti");
  const auto fill = html.find(">cohort.fill_rate<");
  ASSERT_NE(hazard, std::string::npos);
  ASSERT_NE(fill, std::string::npos);
  EXPECT_LT(hazard, fill);
  if (const char* out = std::getenv("SISIM_REPORT_SAMPLE")) std::ofstream(out) << html;
}

TEST(Report, HeadlineNumbersByHand) {
  ReportInput in;
  in.paths = 1001;
  for (int i = 0; i <= 1000; ++i) {
    in.investor_irr.push_back(i / 1000.0);
    in.investor_loss.push_back(i < 100 ? 1 : 0);
  }
  const std::string html = render_report(in);
  // Type 7 on 0, 0.001, ..., 1: h = 1000 p, so P5 = 0.05 and P95 = 0.95 exactly; P(loss) = 100 / 1001.
  EXPECT_NE(html.find("between <b>5.0 %</b> and <b>95.0 %</b>"), std::string::npos);
  EXPECT_NE(html.find("<b>10.0 % (&plusmn; "), std::string::npos);
}

TEST(Report, NaNOnlyIrrShowsNoDataNote) {
  ReportInput in = testing::synthetic_input(400);
  std::fill(in.investor_irr.begin(), in.investor_irr.end(), std::nan(""));
  const std::string html = render_report(in);
  EXPECT_NE(html.find("No data: no path has a defined investor IRR."), std::string::npos);
  EXPECT_NE(html.find("No data: no investor return (IRR) could be computed"), std::string::npos);
  EXPECT_EQ(count(html, "<svg"), 6u);  // the IRR histogram is replaced by the note
  EXPECT_EQ(count(html, "</svg>"), 6u);
}

TEST(Report, EmptyInputRendersNotesOnly) {
  const std::string html = render_report(ReportInput{});
  EXPECT_EQ(count(html, "<svg"), 0u);
  EXPECT_GE(count(html, "No data"), 5u);
  EXPECT_NE(html.find("<h2>Glossary</h2>"), std::string::npos);
}

TEST(Report, BudgetAccountWithoutItemNamesStillDrawsAndDropsZeroItems) {
  ReportInput in;
  BudgetAccount a{"state", {"benefit"}, {{1.0e6, 0.0, -2.0e5}, {5.0e5, 0.0, -1.0e5}}, {}, {}};
  in.budget_accounts = {a, BudgetAccount{"region", {"benefit"}, {{0.0}}, {}, {}}};
  const std::string html = render_report(in);
  EXPECT_NE(html.find(">benefit</text>"), std::string::npos);
  EXPECT_NE(html.find(">item 3</text>"), std::string::npos);  // named by position
  EXPECT_EQ(html.find(">item 2</text>"), std::string::npos);  // zero in every year: left out
  EXPECT_NE(html.find("No data: every line item of region is zero"), std::string::npos);
  EXPECT_EQ(count(html, "<svg"), 1u);
}

TEST(Report, MismatchedParameterColumnIsANoteNotACrash) {
  ReportInput in = testing::synthetic_input(200);
  in.parameters.front().values.resize(10);
  const std::string html = render_report(in);
  EXPECT_NE(html.find("No data: rank_sensitivity"), std::string::npos);
}

}  // namespace
}  // namespace sisim::report

namespace sisim::report {
namespace {

TEST(ReportSociety, ShowsTheAlternativesAndTheRiskTransfer) {
  ReportInput in;
  analysis::ColumnMap c;
  c["/paths/society/npv"] = {10e6, 20e6, 30e6, 40e6};
  c["/paths/alternatives/own_funding"] = {5e6, 5e6, 5e6, 5e6};
  c["/paths/alternatives/outcome_contract"] = {4e6, 6e6, 3e6, 3e6};
  in.society = analysis::summarize_society(c);
  const std::string html = render_report(in);
  EXPECT_NE(html.find("(b) the municipality funds it itself"), std::string::npos);
  EXPECT_NE(html.find("Cost of moving the risk to the investor"), std::string::npos);
  EXPECT_NE(html.find("1.00 million DKK"), std::string::npos);  // |mean of (c) - (b)| = 1 M
  ReportInput old;
  EXPECT_NE(render_report(old).find("has no society"), std::string::npos);
}

}  // namespace
}  // namespace sisim::report
