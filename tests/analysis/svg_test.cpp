// The report's building blocks: nice ticks, escaping and number formats, by known answers.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "analysis/report/svg_axis.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report {
namespace {

void expect_ticks(const std::vector<double>& got, const std::vector<double>& want) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) EXPECT_NEAR(got[i], want[i], 1e-12) << "tick " << i;
}

TEST(NiceTicks, KnownAnswers) {
  // (0, 1): raw step 0.2 -> 0.2. (0, 137): raw 27.4 -> fraction 2.74 < 3 -> 20, ticks up to ceil(6.85) = 7.
  expect_ticks(nice_ticks(0.0, 1.0), {0.0, 0.2, 0.4, 0.6, 0.8, 1.0});
  expect_ticks(nice_ticks(0.0, 137.0), {0, 20, 40, 60, 80, 100, 120, 140});
  // (-0.35, 0.42): raw 0.154 -> 0.2; floor(-1.75) = -2, ceil(2.1) = 3; zero is an exact tick.
  expect_ticks(nice_ticks(-0.35, 0.42), {-0.4, -0.2, 0.0, 0.2, 0.4, 0.6});
  // Degenerate range 5..5 widens to 2.5..7.5 -> step 1.
  expect_ticks(nice_ticks(5.0, 5.0), {2, 3, 4, 5, 6, 7, 8});
  expect_ticks(nice_ticks(std::nan(""), 1.0), {0.0, 1.0});
  expect_ticks(nice_ticks(0.0, 15.0, 8), {0, 2, 4, 6, 8, 10, 12, 14, 16});
}

TEST(NiceTicks, StepRounding) {
  EXPECT_DOUBLE_EQ(nice_step(27.4), 20.0);
  EXPECT_DOUBLE_EQ(nice_step(1.4), 1.0);
  EXPECT_DOUBLE_EQ(nice_step(3.0), 5.0);
  EXPECT_DOUBLE_EQ(nice_step(7.0), 10.0);
  EXPECT_NEAR(nice_step(0.00154), 0.002, 1e-15);
}

TEST(Escape, AllFiveCharacters) {
  EXPECT_EQ(escape_html("<a href=\"x\">Tom & Jerry's</a>"),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
  EXPECT_EQ(escape_html("plain"), "plain");
}

TEST(Format, ReaderFriendlyNumbers) {
  EXPECT_EQ(format_money(1250000.0), "1.25 million");
  EXPECT_EQ(format_money(-48000.0), "-48.0 thousand");
  EXPECT_EQ(format_money(950.0), "950");
  EXPECT_EQ(format_money(2.5e9), "2.50 billion");
  EXPECT_EQ(format_percent(0.1234), "12.3 %");
  EXPECT_EQ(format_percent(-0.0001), "0.0 %");  // no "-0.0"
  EXPECT_EQ(format_multiple(1.0), "1.00x");
  EXPECT_EQ(format_fixed(std::numeric_limits<double>::infinity(), 2), "n/a");
}

TEST(TickLabels, MoneyAxisIsScaledAndTitled) {
  std::string unit;
  const Axis money{nice_ticks(0.0, 2.0e6), AxisFormat::money,
                   "Cash"};  // raw 0.4 million: fraction 4 -> step 0.5
  const auto labels = tick_labels(money, "DKK", unit);
  EXPECT_EQ(unit, " (DKK million)");
  EXPECT_EQ(labels.front(), "0.0");
  EXPECT_EQ(labels[1], "0.5");
  EXPECT_EQ(labels.back(), "2.0");
  const Axis pct{nice_ticks(-0.1, 0.3), AxisFormat::percent, "IRR"};  // step 0.1 -> whole percent
  const auto p = tick_labels(pct, "DKK", unit);
  EXPECT_EQ(unit, "");
  EXPECT_EQ(p.front(), "-10 %");
  EXPECT_EQ(p.back(), "30 %");
}

TEST(Svg, TextIsEscapedAndElementClosed) {
  Svg svg(100, 50, "a < b");
  svg.text(1, 2, "x & y", "tick");
  const std::string s = svg.finish();
  EXPECT_NE(s.find("<title>a &lt; b</title>"), std::string::npos);
  EXPECT_NE(s.find(">x &amp; y</text>"), std::string::npos);
  EXPECT_EQ(s.rfind("</svg>"), s.size() - 6);
}

}  // namespace
}  // namespace sisim::report
