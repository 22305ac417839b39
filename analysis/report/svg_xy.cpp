#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/report/svg_charts.hpp"

namespace sisim::report {

std::string xy_chart_svg(const XYChart& chart, const std::string& title) {
  std::vector<std::string> names, colours;
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    names.push_back(chart.series[s].name);
    colours.push_back(series_colour(s));
  }
  for (const auto& span : chart.x_spans) {
    names.push_back(span.label);
    colours.push_back(span.colour);
  }
  bool any_error = false;
  for (const auto& s : chart.series) any_error = any_error || !s.y_error.empty();
  if (any_error && !chart.error_label.empty()) {
    names.push_back(chart.error_label);
    colours.push_back("#222222");
  }
  const double legend_h = 18.0 * legend_rows(names, kChartWidth - 120);
  Svg svg(kChartWidth, 350 + legend_h, title);
  constexpr double inf = std::numeric_limits<double>::infinity();
  double x_lo = inf, x_hi = -inf, y_lo = inf, y_hi = -inf;
  const auto take_x = [&](double x) {
    if (std::isfinite(x)) x_lo = std::min(x_lo, x), x_hi = std::max(x_hi, x);
  };
  const auto take_y = [&](double y) {
    if (std::isfinite(y)) y_lo = std::min(y_lo, y), y_hi = std::max(y_hi, y);
  };
  for (const auto& s : chart.series)
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
      if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
      take_x(s.x[i]);
      const double e = i < s.y_error.size() && std::isfinite(s.y_error[i]) ? s.y_error[i] : 0.0;
      take_y(s.y[i] - e);
      take_y(s.y[i] + e);
    }
  if (!std::isfinite(x_lo) || !std::isfinite(y_lo)) return svg.finish();
  for (const auto& l : chart.y_lines) take_y(l.y);
  for (const auto& m : chart.x_markers) take_x(m.x);
  const Axis x{nice_ticks(x_lo, x_hi, 8), chart.x_format, chart.x_title};
  if (chart.probability) y_lo = std::max(y_lo, 0.0), y_hi = std::min(y_hi, 1.0);
  const Axis y{nice_ticks(y_lo, y_hi, 6), chart.y_format, chart.y_title};
  const double top = 30 + legend_h;
  const Plot plot{100, top, kChartWidth - 130, 250, x.lo(), x.hi(), y.lo(), y.hi()};
  for (const auto& span : chart.x_spans) {
    const double a = std::clamp(plot.px(span.lo), plot.left, plot.right()),
                 b = std::clamp(plot.px(span.hi), plot.left, plot.right());
    if (std::isfinite(a) && std::isfinite(b))
      svg.polygon({{a, plot.top}, {b, plot.top}, {b, plot.bottom()}, {a, plot.bottom()}}, span.colour, 0.35);
  }
  draw_axes(svg, plot, x, y, chart.currency);
  for (const auto& l : chart.y_lines) {
    svg.line(plot.left, plot.py(l.y), plot.right(), plot.py(l.y), "marker");
    svg.text(plot.right() - 4, plot.py(l.y) - 6, l.label, "marker-label", "end");
  }
  for (std::size_t m = 0; m < chart.x_markers.size(); ++m) {
    const auto& mk = chart.x_markers[m];
    if (!std::isfinite(mk.x)) continue;
    svg.line(plot.px(mk.x), plot.top, plot.px(mk.x), plot.bottom(), "marker");
    // Staggered so that two markers close together keep readable labels.
    const bool right_half = plot.px(mk.x) > plot.left + plot.width / 2;
    svg.text(plot.px(mk.x) + (right_half ? -4 : 4), plot.top + 14 + 16.0 * static_cast<double>(m), mk.label,
             "marker-label", right_half ? "end" : "start");
  }
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const auto& ser = chart.series[s];
    std::vector<std::pair<double, double>> line;
    for (std::size_t i = 0; i < ser.x.size() && i < ser.y.size(); ++i) {
      if (!std::isfinite(ser.x[i]) || !std::isfinite(ser.y[i])) continue;
      const double px = plot.px(ser.x[i]), py = plot.py(ser.y[i]);
      line.emplace_back(px, py);
      const double e = i < ser.y_error.size() ? ser.y_error[i] : std::nan("");
      if (std::isfinite(e) && e > 0) {
        const double lo = std::clamp(plot.py(ser.y[i] - e), plot.top, plot.bottom()),
                     hi = std::clamp(plot.py(ser.y[i] + e), plot.top, plot.bottom());
        svg.line(px, lo, px, hi, "whisker");
        svg.line(px - 3, lo, px + 3, lo, "whisker");
        svg.line(px - 3, hi, px + 3, hi, "whisker");
      }
      svg.rect(px - 3, py - 3, 6, 6, series_colour(s), i < ser.tooltip.size() ? ser.tooltip[i] : "");
    }
    if (ser.line && line.size() > 1) svg.polyline(line, series_colour(s), 1.5);
  }
  draw_legend(svg, plot.left, 18, plot.width, names, colours);
  return svg.finish();
}

}  // namespace sisim::report
