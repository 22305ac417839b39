// The charts and pages of the stress, sweep and price reports, by known answers: the cividis
// stops, the pixel geometry of a whisker, the heatmap's cells and colours, and the numbers each
// page prints for a hand-made input.
#include "analysis/report/file_reports.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <regex>

#include "analysis/report/svg_charts.hpp"

namespace sisim::report {
namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t p = text.find(what); p != std::string::npos; p = text.find(what, p + what.size())) ++n;
  return n;
}

TEST(Cividis, PublishedStopsAndLinearInterpolation) {
  // The five stops (matplotlib's cividis at 0, 1/4, 1/2, 3/4, 1).
  EXPECT_EQ(cividis(0.0), "#00204D");
  EXPECT_EQ(cividis(0.25), "#414D6B");
  EXPECT_EQ(cividis(0.5), "#7C7B78");
  EXPECT_EQ(cividis(0.75), "#BCAF6F");
  EXPECT_EQ(cividis(1.0), "#FFEA46");
  // Halfway between the first two stops: (0x00+0x41)/2 = 32.5 -> 33 = 0x21, (0x20+0x4D)/2 = 54.5
  // -> 55 = 0x37, (0x4D+0x6B)/2 = 92 = 0x5C (halves round away from zero).
  EXPECT_EQ(cividis(0.125), "#21375C");
  EXPECT_EQ(cividis(-3.0), "#00204D");
  EXPECT_EQ(cividis(7.0), "#FFEA46");
  EXPECT_EQ(cividis(std::nan("")), "#00204D");
}

TEST(HorizontalBarsWhiskers, SpanValueMinusToValuePlusTheError) {
  HorizontalBars bars;
  bars.labels = {"case"};
  bars.series = {"change"};
  bars.value = {{2.0}};
  bars.error = {{1.0}};
  bars.error_label = "whiskers";
  // Plot: left 390, width 900 - 410 = 490 over [0, 4]: x = 1 -> 390 + 490 / 4 = 512.5, x = 3 -> 757.5.
  const std::string svg = horizontal_bars_svg(bars, "t", "Change, pp", 0.0, 4.0);
  EXPECT_NE(svg.find("x1=\"512.5\" y1=\"51.0\" x2=\"757.5\" y2=\"51.0\" class=\"whisker\""),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("<title>case, change: 2.00 \u00B1 1.00</title>"), std::string::npos);
  EXPECT_NE(svg.find(">whiskers<"), std::string::npos);
  // No error given: no whisker and no legend entry for it.
  bars.error.clear();
  EXPECT_EQ(count(horizontal_bars_svg(bars, "t", "Change, pp", 0.0, 4.0), "class=\"whisker\""), 0u);
}

TEST(HeatmapSvg, CellsColouredOnTheScaleWithRowZeroAtTheBottom) {
  Heatmap map;
  map.x_labels = {"a", "b"};
  map.y_labels = {"low", "high"};
  map.value = {{0.0, 0.5}, {1.0, std::nan("")}};
  map.tooltip = {{"t00", "t01"}, {"t10", "t11"}};
  map.format = AxisFormat::percent;
  map.scale_title = "P(event)";
  const std::string svg = heatmap_svg(map, "title");
  // Ticks 0 .. 1: the colour of v is cividis(v).
  EXPECT_NE(svg.find("fill=\"#00204D\"><title>t00</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#7C7B78\"><title>t01</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#FFEA46\"><title>t10</title>"), std::string::npos);
  EXPECT_NE(svg.find("fill=\"#f4f4f4\"><title>t11</title>"), std::string::npos) << "a missing point is grey";
  // Row 0 below row 1: a larger y. Rows are 60 px high (360 / 2 clamped to 60) from y = 30.
  const std::regex row0("<rect x=\"110.0\" y=\"([0-9.]+)\"[^>]*><title>t00"),
      row1("<rect x=\"110.0\" y=\"([0-9.]+)\"[^>]*><title>t10");
  std::smatch m0, m1;
  ASSERT_TRUE(std::regex_search(svg, m0, row0));
  ASSERT_TRUE(std::regex_search(svg, m1, row1));
  EXPECT_EQ(m0[1], "90.0");
  EXPECT_EQ(m1[1], "30.0");
  EXPECT_NE(svg.find(">100 %<"), std::string::npos) << "colour bar ticks in the metric's units";
  EXPECT_NE(svg.find(">P(event)<"), std::string::npos);
}

FileHeader header() {
  FileHeader h;
  h.scenario_name = "deal";
  h.paths = 1000;
  h.seed = 7;
  h.currency = "EUR";
  return h;
}

TEST(StressReport, PrintsChangesInPointsAndMoneyWithTheirSes) {
  StressReportInput in;
  in.header = header();
  in.cases = {"base", "recession"};
  in.metrics.push_back(
      {"P(investor nominal loss)", ValueKind::rate, {0.20, 0.2345}, {0.0, 0.0345}, {0.0, 0.0047}});
  in.metrics.push_back({"Investor NPV, mean", ValueKind::money, {1e6, -0.5e6}, {0.0, -1.5e6}, {0.0, 0.21e6}});
  const std::string html = render_stress_report(in);
  EXPECT_NE(html.find("<tr><td>recession</td><td>23.4 %</td><td>+3.45 pp</td><td>0.47 pp</td></tr>"),
            std::string::npos);
  EXPECT_NE(
      html.find("<tr><td>recession</td><td>-500 thousand EUR</td><td>-1.50 million EUR</td><td>210 thousand "
                "EUR</td></tr>"),
      std::string::npos);
  // Whisker half-width 2 SE: 2 x 0.47 pp, and 2 x 0.21 M.
  EXPECT_NE(html.find("recession, change against the base: 3.45 pp \u00B1 0.94 pp"), std::string::npos);
  EXPECT_NE(html.find("recession, change against the base: -1.50 M EUR \u00B1 0.42 M EUR"),
            std::string::npos);
  EXPECT_NE(html.find("Change against the base, M EUR (nominal)"), std::string::npos);
  EXPECT_EQ(html.find("DKK"), std::string::npos) << "the scenario's currency everywhere";
  EXPECT_NE(html.find("@media print"), std::string::npos);
  EXPECT_EQ(html.find("http"), std::string::npos) << "self-contained";
}

TEST(SweepReport, OneParameterGridIsALineTwoAHeatmapAHypercubeAScatter) {
  SweepReportInput in;
  in.header = header();
  in.kind = "grid";
  in.columns = {"p"};
  in.index = {0, 1, 2};
  in.points_total = 3;
  in.values = {{1.0, 2.0, 3.0}};
  in.metrics.push_back({"Investor NPV, mean", "NPV", ValueKind::money, {1e6, 2e6, 3e6}, {1e5, 1e5, 1e5}});
  const std::string line = render_sweep_report(in);
  EXPECT_EQ(count(line, "<polyline"), 1u);
  EXPECT_EQ(count(line, "class=\"whisker\""), 9u) << "three whiskers of three lines each";
  EXPECT_NE(line.find("point 1, p = 2: 2.00 million EUR \u00B1 100 thousand EUR (SE)"), std::string::npos);
  in.kind = "latin_hypercube";
  EXPECT_EQ(count(render_sweep_report(in), "<polyline"), 0u);
  in.kind = "grid";
  in.columns = {"p", "q"};
  in.values = {{1.0, 1.0, 2.0}, {5.0, 6.0, 5.0}};
  const std::string map = render_sweep_report(in);
  EXPECT_EQ(count(map, "<polyline"), 0u);
  EXPECT_NE(map.find("p = 2, q = 5: Investor NPV, mean 3.00 million EUR \u00B1 100 thousand EUR (SE)"),
            std::string::npos);
  EXPECT_NE(map.find("no point here"), std::string::npos) << "(p 2, q 6) was not run";
}

TEST(PriceReport, ShowsTheBandTheMultipliersAndThePrices) {
  PriceReportInput in;
  in.header = header();
  in.investor_kind = ValueKind::rate;
  in.payer_kind = ValueKind::money;
  in.investor_metric = "Investor IRR, median (% a year)";
  in.payer_metric = "The budget's NPV, mean";
  in.multipliers = {0.5, 1.0, 1.5};
  in.investor = {"investor", "median IRR >= 6.00 %", "solved",          0.8712, 0.0132, 0.061, 0.012,
                 0.06,       {-0.1, 0.08, 0.15},     {0.01, 0.01, 0.01}};
  in.payers.push_back({"payer (municipality)",
                       "mean NPV >= 0 EUR",
                       "solved",
                       1.25,
                       0.02,
                       0.0,
                       1e5,
                       0.0,
                       {2e6, 1e6, -1e6},
                       {1e5, 1e5, 1e5}});
  in.line_labels = {"job_start"};
  in.base_prices = {40000.0};
  in.verdict = "municipality budget: band k in [0.871, 1.250]\n";
  const std::string html = render_price_report(in);
  EXPECT_NE(html.find("k \u2265 0.871 \u00B1 0.013"), std::string::npos);
  EXPECT_NE(html.find("k \u2264 1.250 \u00B1 0.020"), std::string::npos);
  // Prices: 40,000 x 0.8712 = 34,848 and its SE 40,000 x 0.0132 = 528; 40,000 x 1.25 = 50,000.
  EXPECT_NE(html.find("<td>34.8 thousand EUR &plusmn; 528 EUR</td>"), std::string::npos);
  EXPECT_NE(html.find("<td>50.0 thousand EUR &plusmn; 800 EUR</td>"), std::string::npos);
  EXPECT_NE(html.find("band: investor&#39;s minimum to payer (municipality)&#39;s maximum"),
            std::string::npos);
  EXPECT_EQ(count(html, "<title>investor at k = "), 3u);
  EXPECT_NE(html.find("band k in [0.871, 1.250]"), std::string::npos);
}

}  // namespace
}  // namespace sisim::report
