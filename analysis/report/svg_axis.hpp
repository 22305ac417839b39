#pragma once
// Axes for the report's charts: "nice" tick values (1, 2, 5 x 10^k steps), the mapping from data
// to pixels, tick labels in a reader's units, and a legend.
#include <string>
#include <vector>

#include "analysis/report/svg_core.hpp"

namespace sisim::report {

// A step of 1, 2 or 5 x 10^k nearest to `raw` (Heckbert's rounding: fraction < 1.5 -> 1, < 3 -> 2,
// < 7 -> 5, else 10).
double nice_step(double raw);

// Ticks covering [lo, hi] with about `target` intervals: multiples of nice_step((hi - lo) / target)
// from floor(lo / step) to ceil(hi / step). Examples: (0, 1) -> 0, 0.2, ..., 1; (0, 137) -> 0, 20,
// ..., 140. lo == hi is widened to a unit interval around it; non-finite input gives {0, 1}.
std::vector<double> nice_ticks(double lo, double hi, int target = 5);

// How tick values are labelled. money: scaled to thousands/millions, the unit goes into the title.
enum class AxisFormat { number, percent, multiple, money, years };

struct Axis {
  std::vector<double> ticks;  // first and last tick are the axis range
  AxisFormat format = AxisFormat::number;
  std::string title;  // e.g. "Years from contract start"; money axes get " (DKK million)" appended
  double lo() const { return ticks.front(); }
  double hi() const { return ticks.back(); }
};

// Tick labels for an axis, and the unit suffix money axes need in their title (empty otherwise).
std::vector<std::string> tick_labels(const Axis& axis, const std::string& currency, std::string& unit_suffix);

// The plot rectangle of a chart and the data range it shows.
struct Plot {
  double left = 0, top = 0, width = 0, height = 0;
  double x_lo = 0, x_hi = 1, y_lo = 0, y_hi = 1;
  double px(double x) const { return left + (x - x_lo) / (x_hi - x_lo) * width; }
  double py(double y) const { return top + height - (y - y_lo) / (y_hi - y_lo) * height; }
  double bottom() const { return top + height; }
  double right() const { return left + width; }
};

// Grid lines, tick labels and titles for both axes (x labels may be omitted with draw_x = false).
void draw_axes(Svg& svg, const Plot& plot, const Axis& x, const Axis& y, const std::string& currency,
               bool draw_x = true);

// Number of rows draw_legend needs for these names within max_width.
int legend_rows(const std::vector<std::string>& names, double max_width);

// One row of coloured squares with names, starting at (x, y); wraps at max_width.
void draw_legend(Svg& svg, double x, double y, double max_width, const std::vector<std::string>& names,
                 const std::vector<std::string>& colours);

}  // namespace sisim::report
