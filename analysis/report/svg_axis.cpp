#include "analysis/report/svg_axis.hpp"

#include <algorithm>
#include <cmath>

namespace sisim::report {

double nice_step(double raw) {
  if (!(raw > 0.0) || !std::isfinite(raw)) return 1.0;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  const double f = raw / magnitude;
  const double nice = f < 1.5 ? 1.0 : (f < 3.0 ? 2.0 : (f < 7.0 ? 5.0 : 10.0));
  return nice * magnitude;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
  if (!std::isfinite(lo) || !std::isfinite(hi)) return {0.0, 1.0};
  if (lo > hi) std::swap(lo, hi);
  if (hi - lo <= 1e-12 * std::max(1.0, std::abs(lo))) {
    const double half = std::abs(lo) > 0 ? 0.5 * std::abs(lo) : 0.5;
    lo -= half;
    hi += half;
  }
  const double step = nice_step((hi - lo) / std::max(target, 1));
  // Integer multiples of the step (not repeated addition) so tick values carry no drift; the
  // small tolerance keeps a bound that is already a multiple (0.6 / 0.2 = 2.9999...) from adding a tick.
  const double first = std::floor(lo / step + 1e-9), last = std::ceil(hi / step - 1e-9);
  std::vector<double> ticks;
  for (double k = first; k <= last + 0.5; k += 1.0) {
    const double t = k * step;
    ticks.push_back(std::abs(t) < 1e-12 * step ? 0.0 : t);
  }
  if (ticks.size() < 2) ticks.push_back(ticks.back() + step);
  return ticks;
}

std::vector<std::string> tick_labels(const Axis& axis, const std::string& currency,
                                     std::string& unit_suffix) {
  unit_suffix.clear();
  const double step = axis.ticks.size() > 1 ? std::abs(axis.ticks[1] - axis.ticks[0]) : 1.0;
  double scale = 1.0;
  if (axis.format == AxisFormat::money) {
    double max_abs = 0.0;
    for (double t : axis.ticks) max_abs = std::max(max_abs, std::abs(t));
    if (max_abs >= 1e9)
      scale = 1e9, unit_suffix = " (" + currency + " billion)";
    else if (max_abs >= 1e6)
      scale = 1e6, unit_suffix = " (" + currency + " million)";
    else if (max_abs >= 1e4)
      scale = 1e3, unit_suffix = " (" + currency + " thousand)";
    else
      unit_suffix = " (" + currency + ")";
  }
  if (axis.format == AxisFormat::percent) scale = 0.01;
  // Enough decimals to tell neighbouring ticks apart, no more.
  const int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step / scale) + 1e-9)));
  std::vector<std::string> labels;
  for (double t : axis.ticks) {
    std::string s = format_fixed(t / scale, decimals);
    if (axis.format == AxisFormat::percent) s += " %";
    if (axis.format == AxisFormat::multiple) s += "x";
    labels.push_back(s);
  }
  return labels;
}

void draw_axes(Svg& svg, const Plot& plot, const Axis& x, const Axis& y, const std::string& currency,
               bool draw_x) {
  std::string y_unit, x_unit;
  const auto y_labels = tick_labels(y, currency, y_unit);
  for (std::size_t i = 0; i < y.ticks.size(); ++i) {
    const double py = plot.py(y.ticks[i]);
    svg.line(plot.left, py, plot.right(), py, y.ticks[i] == 0.0 ? "zero" : "grid");
    svg.text(plot.left - 6, py + 4, y_labels[i], "tick", "end");
  }
  svg.text(14, plot.top + plot.height / 2, y.title + y_unit, "axis-title", "middle", -90.0);
  svg.line(plot.left, plot.bottom(), plot.right(), plot.bottom(), "axis");
  if (!draw_x) return;
  const auto x_labels = tick_labels(x, currency, x_unit);
  for (std::size_t i = 0; i < x.ticks.size(); ++i) {
    const double px = plot.px(x.ticks[i]);
    svg.line(px, plot.bottom(), px, plot.bottom() + 5, "axis");
    svg.text(px, plot.bottom() + 18, x_labels[i], "tick", "middle");
  }
  svg.text(plot.left + plot.width / 2, plot.bottom() + 38, x.title + x_unit, "axis-title", "middle");
}

namespace {

constexpr double kLegendRowHeight = 18.0;

// Legend entry positions relative to the legend's origin, wrapping rows at max_width. Text width is
// estimated (about 7 px per character at the report's 12 px font): no font metrics without a browser.
std::vector<std::pair<double, double>> legend_layout(const std::vector<std::string>& names,
                                                     double max_width) {
  std::vector<std::pair<double, double>> pos;
  double cx = 0.0, cy = 0.0;
  for (const auto& name : names) {
    const double w = 22.0 + 7.0 * static_cast<double>(name.size());
    if (cx + w > max_width && cx > 0.0) {
      cx = 0.0;
      cy += kLegendRowHeight;
    }
    pos.emplace_back(cx, cy);
    cx += w + 10.0;
  }
  return pos;
}

}  // namespace

int legend_rows(const std::vector<std::string>& names, double max_width) {
  const auto pos = legend_layout(names, max_width);
  return pos.empty() ? 0 : 1 + static_cast<int>(pos.back().second / kLegendRowHeight + 0.5);
}

void draw_legend(Svg& svg, double x, double y, double max_width, const std::vector<std::string>& names,
                 const std::vector<std::string>& colours) {
  const auto pos = legend_layout(names, max_width);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const double cx = x + pos[i].first, cy = y + pos[i].second;
    svg.rect(cx, cy - 10, 12, 12, colours[i % colours.size()]);
    svg.text(cx + 16, cy, names[i], "legend");
  }
}

}  // namespace sisim::report
