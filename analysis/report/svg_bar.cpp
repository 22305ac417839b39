#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/report/svg_charts.hpp"

namespace sisim::report {
namespace {

double cell(const std::vector<std::vector<double>>& m, std::size_t g, std::size_t s) {
  if (g >= m.size() || s >= m[g].size()) return std::numeric_limits<double>::quiet_NaN();
  return m[g][s];
}

// Shortens a long label in the middle ("cohort.seg...job_finding_hazard"): both ends carry meaning.
std::string shorten(const std::string& s, std::size_t max_chars) {
  if (s.size() <= max_chars) return s;
  const std::size_t head = (max_chars - 3) / 2, tail = max_chars - 3 - head;
  return s.substr(0, head) + "..." + s.substr(s.size() - tail);
}

}  // namespace

std::string grouped_bars_svg(const GroupedBars& bars, const std::string& title, const std::string& y_title,
                             const std::string& currency) {
  const double legend_h = 18.0 * legend_rows(bars.series, kChartWidth - 110);
  Svg svg(kChartWidth, 330 + legend_h, title);
  if (bars.groups.empty() || bars.series.empty()) return svg.finish();
  const bool whiskers = !bars.low.empty() && !bars.high.empty();
  double lo = 0.0, hi = 0.0;
  for (std::size_t g = 0; g < bars.groups.size(); ++g)
    for (std::size_t s = 0; s < bars.series.size(); ++s)
      for (double v : {cell(bars.value, g, s), whiskers ? cell(bars.low, g, s) : 0.0,
                       whiskers ? cell(bars.high, g, s) : 0.0})
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  Axis y{nice_ticks(lo, hi, 6), AxisFormat::money, y_title};
  const double top = 24 + legend_h;
  const Plot plot{90,     top,   kChartWidth - 110, 240, 0.0, static_cast<double>(bars.groups.size()),
                  y.lo(), y.hi()};
  draw_axes(svg, plot, Axis{{0.0, 1.0}, AxisFormat::number, ""}, y, currency, false);
  const double group_w = plot.width / static_cast<double>(bars.groups.size());
  const double bar_w = group_w * 0.8 / static_cast<double>(bars.series.size());
  // Label every k-th group so labels never overlap (about 40 px per label).
  const std::size_t label_every =
      std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(40.0 / group_w)));
  for (std::size_t g = 0; g < bars.groups.size(); ++g) {
    const double gx = plot.left + group_w * static_cast<double>(g) + group_w * 0.1;
    for (std::size_t s = 0; s < bars.series.size(); ++s) {
      const double v = cell(bars.value, g, s);
      if (!std::isfinite(v)) continue;
      const double bx = gx + bar_w * static_cast<double>(s);
      std::string tip = bars.groups[g] + ", " + bars.series[s] + ": " + format_money(v);
      if (whiskers)
        tip += " (P5 " + format_money(cell(bars.low, g, s)) + ", P95 " + format_money(cell(bars.high, g, s)) +
               ")";
      svg.rect(bx, plot.py(0.0), bar_w * 0.92, plot.py(v) - plot.py(0.0), series_colour(s), tip);
      const double l = cell(bars.low, g, s), h = cell(bars.high, g, s);
      if (whiskers && std::isfinite(l) && std::isfinite(h))
        svg.line(bx + bar_w * 0.46, plot.py(l), bx + bar_w * 0.46, plot.py(h), "whisker");
    }
    if (g % label_every == 0)
      svg.text(gx + group_w * 0.4, plot.bottom() + 18, bars.groups[g], "tick", "middle");
  }
  svg.line(plot.left, plot.py(0.0), plot.right(), plot.py(0.0), "zero");
  svg.text(plot.left + plot.width / 2, plot.bottom() + 40, bars.x_title, "axis-title", "middle");
  std::vector<std::string> colours;
  for (std::size_t s = 0; s < bars.series.size(); ++s) colours.push_back(series_colour(s));
  draw_legend(svg, plot.left, 18, plot.width, bars.series, colours);
  return svg.finish();
}

std::string horizontal_bars_svg(const HorizontalBars& bars, const std::string& title,
                                const std::string& x_title, double x_lo, double x_hi) {
  const double row_h = 14.0 * static_cast<double>(std::max<std::size_t>(1, bars.series.size())) + 10.0;
  const double height = 80 + row_h * static_cast<double>(bars.labels.size());
  Svg svg(kChartWidth, height, title);
  if (bars.labels.empty()) return svg.finish();
  constexpr std::size_t kMaxLabel = 58;  // about 370 px at the report's 12 px font
  const Plot plot{390, 40, kChartWidth - 410, row_h * static_cast<double>(bars.labels.size()), x_lo, x_hi,
                  0,   1};
  Axis x{nice_ticks(x_lo, x_hi, 8), AxisFormat::number, x_title};
  if (bars.noise_band > 0.0) {
    const double b = std::min(bars.noise_band, std::max(std::abs(x_lo), std::abs(x_hi)));
    svg.rect(plot.px(-b), plot.top, plot.px(b) - plot.px(-b), plot.height, "#e8e8e8");
  }
  for (double t : x.ticks)
    svg.line(plot.px(t), plot.top, plot.px(t), plot.bottom(), t == 0.0 ? "zero" : "grid");
  std::string unit;
  const auto labels = tick_labels(x, "", unit);
  for (std::size_t i = 0; i < x.ticks.size(); ++i)
    svg.text(plot.px(x.ticks[i]), plot.bottom() + 16, labels[i], "tick", "middle");
  svg.text(plot.left + plot.width / 2, plot.bottom() + 34, x_title, "axis-title", "middle");
  for (std::size_t r = 0; r < bars.labels.size(); ++r) {
    const double ry = plot.top + row_h * static_cast<double>(r) + 5;
    svg.text(plot.left - 8, ry + row_h / 2, shorten(bars.labels[r], kMaxLabel), "tick", "end");
    for (std::size_t s = 0; s < bars.series.size(); ++s) {
      const double v = cell(bars.value, r, s);
      if (!std::isfinite(v)) continue;
      const double e = cell(bars.error, r, s);
      std::string tip = bars.labels[r] + ", " + bars.series[s] + ": " + format_fixed(v, 2) + bars.value_unit;
      if (std::isfinite(e)) tip += " ± " + format_fixed(e, 2) + bars.value_unit;
      const double by = ry + 14.0 * static_cast<double>(s);
      svg.rect(plot.px(0.0), by, plot.px(v) - plot.px(0.0), 12.0, series_colour(s), tip);
      if (std::isfinite(e)) {  // a whisker from v - e to v + e with end caps, clipped to the plot
        const double a = std::clamp(plot.px(v - e), plot.left, plot.right()),
                     b = std::clamp(plot.px(v + e), plot.left, plot.right());
        svg.line(a, by + 6.0, b, by + 6.0, "whisker");
        svg.line(a, by + 1.0, a, by + 11.0, "whisker");
        svg.line(b, by + 1.0, b, by + 11.0, "whisker");
      }
    }
  }
  std::vector<std::string> names = bars.series, colours;
  for (std::size_t s = 0; s < bars.series.size(); ++s) colours.push_back(series_colour(s));
  if (bars.noise_band > 0.0 && !bars.noise_label.empty()) {
    names.push_back(bars.noise_label);
    colours.push_back("#e8e8e8");
  }
  if (!bars.error.empty() && !bars.error_label.empty()) {
    names.push_back(bars.error_label);
    colours.push_back("#222222");
  }
  draw_legend(svg, plot.left, 20, plot.width, names, colours);
  return svg.finish();
}

}  // namespace sisim::report
