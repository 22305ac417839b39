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
  std::vector<std::vector<double>> error;  // [label][series] whisker half-width (e.g. 2 SE); empty: none
  std::string error_label;                 // legend text for the whiskers, e.g. "whiskers: +- 2 SE"
  std::string value_unit;                  // after each value in the bars' tooltips, e.g. " pp"
};
std::string horizontal_bars_svg(const HorizontalBars& bars, const std::string& title,
                                const std::string& x_title, double x_lo, double x_hi);

// A grid of coloured cells: one metric over two parameters (a 2-parameter sweep). The colour
// scale is cividis-like (dark blue to yellow, readable with any colour vision and in grey), with a
// colour bar whose ticks carry the metric's units. Cell texts and tooltips come from the caller,
// which knows how to format the metric and its standard error.
struct Heatmap {
  std::string x_title, y_title;                     // the parameters, with their units
  std::vector<std::string> x_labels;                // one per column (ascending x)
  std::vector<std::string> y_labels;                // one per row (ascending y, drawn bottom to top)
  std::vector<std::vector<double>> value;           // [row][column]; NaN: no point there
  std::vector<std::vector<std::string>> cell_text;  // [row][column], shown when the cell is wide enough
  std::vector<std::vector<std::string>> tooltip;    // [row][column], e.g. "value +- SE"
  AxisFormat format = AxisFormat::number;           // of the colour bar's ticks
  std::string currency = "DKK";
  std::string scale_title;  // the colour bar's title, e.g. "P(nominal loss)"; money gets its unit appended
};
std::string heatmap_svg(const Heatmap& map, const std::string& title);
// The cividis-like colour of t in [0, 1] (clamped), as "#rrggbb".
std::string cividis(double t);

// Points (x, y) with optional +- error bars on y, joined by a line or not (a scatter); optional
// horizontal target lines, shaded x ranges and vertical markers.
struct XYSeries {
  std::string name;
  std::vector<double> x, y, y_error;  // y_error: whisker half-width (empty: none)
  std::vector<std::string> tooltip;   // per point (may be empty)
  bool line = true;
};
struct XYChart {
  std::string x_title, y_title;  // with units; money axes get the scale appended
  AxisFormat x_format = AxisFormat::number, y_format = AxisFormat::number;
  std::string currency = "DKK";
  std::vector<XYSeries> series;
  struct Level {
    double y;
    std::string label;
  };
  std::vector<Level> y_lines;  // dashed horizontal lines, e.g. a target
  struct Span {
    double lo, hi;
    std::string label;  // legend entry
    std::string colour;
  };
  std::vector<Span> x_spans;  // shaded x ranges, e.g. a negotiating band
  struct Marker {
    double x;
    std::string label;
  };
  std::vector<Marker> x_markers;  // labelled vertical lines, e.g. a solved multiplier
  std::string error_label;        // legend text for the whiskers
  bool probability = false;       // the y axis stays within 0..1 (whiskers are clipped to it)
};
std::string xy_chart_svg(const XYChart& chart, const std::string& title);

}  // namespace sisim::report
