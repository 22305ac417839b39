#pragma once
// The report's chart types, each returning one self-contained <svg> element.
#include <string>
#include <vector>

#include "analysis/report/report_input.hpp"
#include "analysis/report/svg_axis.hpp"

namespace sisim::report {

inline constexpr double kChartWidth = 900.0;

struct HistogramOptions {
  std::string title;
  std::string x_title;
  AxisFormat format = AxisFormat::number;
  std::string currency = "DKK";
  double threshold = 0.0;       // bars below it are drawn in the loss colour, with a line at it
  std::string threshold_label;  // e.g. "0 %" or "1.0x"; empty: no line, no loss colour
  std::string note;             // top-right annotation, e.g. "P(loss) = 12.3 % (SE 0.3 %)"
};

// Histogram of the finite values (share of all finite values per bar, in %). The x range is the
// 0.5 %..99.5 % quantile range (widened to include the threshold); values beyond it are counted in
// the outermost bars, so the picture is not squashed by a few extreme paths.
std::string histogram_svg(const std::vector<double>& values, const HistogramOptions& options);

// Fan chart over months (x axis in years): P5-P95 and P25-P75 bands and the median line.
// Rows with a non-finite value among those quantiles are skipped.
std::string fan_chart_svg(const QuantileFan& fan, const std::string& title, const std::string& y_title,
                          const std::string& currency);

// Vertical bars grouped by category (e.g. year), one bar per series (e.g. line item) with an
// optional low-high whisker; a legend names the series.
struct GroupedBars {
  std::string x_title;  // e.g. "Year of the contract"
  std::vector<std::string> groups;
  std::vector<std::string> series;
  std::vector<std::vector<double>> value;  // [group][series]
  std::vector<std::vector<double>> low;    // [group][series] or empty: no whiskers
  std::vector<std::vector<double>> high;
};
std::string grouped_bars_svg(const GroupedBars& bars, const std::string& title, const std::string& y_title,
                             const std::string& currency);

// Horizontal bars, one row per label and one bar per series inside it, on a fixed x range.
struct HorizontalBars {
  std::vector<std::string> labels;
  std::vector<std::string> series;
  std::vector<std::vector<double>> value;  // [label][series]; NaN draws nothing
  double noise_band = 0.0;  // > 0: a grey band over [-noise_band, noise_band] ("indistinguishable from 0")
  std::string noise_label;  // legend text for the band
};
std::string horizontal_bars_svg(const HorizontalBars& bars, const std::string& title,
                                const std::string& x_title, double x_lo, double x_hi);

}  // namespace sisim::report
