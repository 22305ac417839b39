#include <algorithm>
#include <cmath>

#include "analysis/report/svg_charts.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::report {
namespace {

constexpr const char* kBarColour = "#0072B2";
constexpr const char* kLossColour = "#D55E00";

struct Bins {
  double lo = 0, width = 1;
  std::vector<double> share;  // fraction of values per bin
};

Bins make_bins(const std::vector<double>& finite, double threshold, bool use_threshold) {
  const auto q = stats::quantiles_of(finite, std::vector<double>{0.005, 0.995});
  double lo = q[0], hi = q[1];
  if (use_threshold) lo = std::min(lo, threshold), hi = std::max(hi, threshold);
  if (hi - lo <= 0) lo -= 0.5, hi += 0.5;
  Bins b;
  // About 30 bars; bar edges at multiples of a nice width so the threshold (0 or 1.0) is an edge.
  b.width = nice_step((hi - lo) / 30.0);
  b.lo = std::floor(lo / b.width + 1e-9) * b.width;
  const auto count = static_cast<std::size_t>(std::max(1.0, std::ceil(hi / b.width - 1e-9) - b.lo / b.width));
  b.share.assign(count, 0.0);
  for (double v : finite) {
    const double k = std::floor((v - b.lo) / b.width);
    b.share[static_cast<std::size_t>(std::clamp(k, 0.0, static_cast<double>(count - 1)))] += 1.0;
  }
  for (double& s : b.share) s /= static_cast<double>(finite.size());
  return b;
}

}  // namespace

std::string histogram_svg(const std::vector<double>& values, const HistogramOptions& o) {
  std::vector<double> finite;
  for (double v : values)
    if (std::isfinite(v)) finite.push_back(v);
  Svg svg(kChartWidth, 356, o.title);
  if (finite.empty()) return svg.finish();
  const bool marked = !o.threshold_label.empty();
  const Bins b = make_bins(finite, o.threshold, marked);
  const double bins_hi = b.lo + b.width * static_cast<double>(b.share.size());
  Axis x{nice_ticks(b.lo, bins_hi, 8), o.format, o.x_title};
  Axis y{nice_ticks(0.0, *std::max_element(b.share.begin(), b.share.end()), 4), AxisFormat::percent,
         "Share of paths (%)"};
  // Legend and note on the first line, the threshold label on the second, then the plot: nothing overlaps.
  const Plot plot{80, 46, kChartWidth - 110, 250, x.lo(), x.hi(), 0.0, y.hi()};
  draw_axes(svg, plot, x, y, o.currency);
  for (std::size_t i = 0; i < b.share.size(); ++i) {
    const double left = b.lo + b.width * static_cast<double>(i);
    const bool loss = marked && left + 0.5 * b.width < o.threshold;
    const double x0 = plot.px(left), x1 = plot.px(left + b.width);
    svg.rect(x0 + 0.5, plot.py(b.share[i]), std::max(0.5, x1 - x0 - 1.0), plot.py(0) - plot.py(b.share[i]),
             loss ? kLossColour : kBarColour, format_percent(b.share[i]) + " of paths");
  }
  double note_x = plot.left;
  if (marked) {
    const double tx = plot.px(o.threshold);
    svg.line(tx, plot.top - 4, tx, plot.bottom(), "marker");
    // Label on the side of the line with more room.
    const bool right_half = tx > plot.left + 0.6 * plot.width;
    svg.text(right_half ? tx - 4 : tx + 4, plot.top - 8, o.threshold_label, "marker-label",
             right_half ? "end" : "start");
    const std::string legend = "loss (below " + o.threshold_label + ")";
    svg.rect(plot.left, 6, 12, 12, kLossColour);
    svg.text(plot.left + 16, 16, legend, "legend");
    note_x = plot.left + 16 + 7.0 * static_cast<double>(legend.size()) + 30;
  }
  if (!o.note.empty()) svg.text(note_x, 17, o.note, "note");
  return svg.finish();
}

}  // namespace sisim::report
