#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "analysis/report/svg_charts.hpp"

namespace sisim::report {
namespace {

// Five stops of matplotlib's cividis (Nuñez, Anderton and Renslow 2018, PLoS ONE 13(7): e0199239),
// interpolated linearly in RGB: monotone in lightness, so the order of the cells survives
// colour-vision deficiency and grey-scale printing.
constexpr std::array<std::array<double, 3>, 5> kStops = {
    {{0x00, 0x20, 0x4D}, {0x41, 0x4D, 0x6B}, {0x7C, 0x7B, 0x78}, {0xBC, 0xAF, 0x6F}, {0xFF, 0xEA, 0x46}}};

// Relative lightness (0 dark .. 1 light) of the colour at t, to choose a readable text colour.
double lightness(double t) {
  return std::clamp(t, 0.0, 1.0);  // cividis is monotone in lightness
}

}  // namespace

std::string cividis(double t) {
  if (!std::isfinite(t)) t = 0.0;
  t = std::clamp(t, 0.0, 1.0) * static_cast<double>(kStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  int rgb[3];
  for (int c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(kStops[i][c] + f * (kStops[i + 1][c] - kStops[i][c])));
  return fmt::format("#{:02X}{:02X}{:02X}", rgb[0], rgb[1], rgb[2]);
}

std::string heatmap_svg(const Heatmap& map, const std::string& title) {
  const std::size_t cols = map.x_labels.size(), rows = map.y_labels.size();
  constexpr double kLeft = 110, kTop = 30, kBarWidth = 18, kRightSpace = 170;
  const double plot_w = kChartWidth - kLeft - kRightSpace;
  const double cell_h = rows == 0 ? 40.0 : std::clamp(360.0 / static_cast<double>(rows), 22.0, 60.0);
  const double plot_h = cell_h * static_cast<double>(std::max<std::size_t>(rows, 1));
  Svg svg(kChartWidth, kTop + plot_h + 60, title);
  if (cols == 0 || rows == 0) return svg.finish();
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const auto& row : map.value)
    for (double v : row)
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
  if (!std::isfinite(lo)) return svg.finish();
  // The colour scale spans nice ticks around the data, so the colour bar reads like an axis.
  const Axis scale{nice_ticks(lo, hi, 5), map.format, map.scale_title};
  const auto t_of = [&](double v) { return (v - scale.lo()) / (scale.hi() - scale.lo()); };
  const double cell_w = plot_w / static_cast<double>(cols);
  for (std::size_t r = 0; r < rows; ++r) {
    // Row 0 (the smallest y) at the bottom, as on an axis.
    const double y = kTop + plot_h - cell_h * static_cast<double>(r + 1);
    for (std::size_t c = 0; c < cols; ++c) {
      const double v = r < map.value.size() && c < map.value[r].size()
                           ? map.value[r][c]
                           : std::numeric_limits<double>::quiet_NaN();
      const double x = kLeft + cell_w * static_cast<double>(c);
      const std::string tip =
          r < map.tooltip.size() && c < map.tooltip[r].size() ? map.tooltip[r][c] : std::string();
      if (!std::isfinite(v)) {
        svg.rect(x, y, cell_w - 1, cell_h - 1, "#f4f4f4", tip.empty() ? "no point here" : tip);
        continue;
      }
      svg.rect(x, y, cell_w - 1, cell_h - 1, cividis(t_of(v)), tip);
      const std::string text =
          r < map.cell_text.size() && c < map.cell_text[r].size() ? map.cell_text[r][c] : std::string();
      // About 7 px per character at the 12 px tick font: show the text only where it fits.
      if (!text.empty() && 7.0 * static_cast<double>(text.size()) + 6 <= cell_w && cell_h >= 18)
        svg.text(x + cell_w / 2, y + cell_h / 2 + 4, text, lightness(t_of(v)) > 0.55 ? "tick" : "tick-light",
                 "middle");
    }
  }
  // Axis labels: every k-th column so labels never overlap (about 60 px per label).
  const std::size_t every = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(60.0 / cell_w)));
  for (std::size_t c = 0; c < cols; c += every)
    svg.text(kLeft + cell_w * (static_cast<double>(c) + 0.5), kTop + plot_h + 18, map.x_labels[c], "tick",
             "middle");
  const std::size_t every_row = std::max<std::size_t>(1, static_cast<std::size_t>(std::ceil(16.0 / cell_h)));
  for (std::size_t r = 0; r < rows; r += every_row)
    svg.text(kLeft - 6, kTop + plot_h - cell_h * (static_cast<double>(r) + 0.5) + 4, map.y_labels[r], "tick",
             "end");
  svg.text(kLeft + plot_w / 2, kTop + plot_h + 40, map.x_title, "axis-title", "middle");
  svg.text(14, kTop + plot_h / 2, map.y_title, "axis-title", "middle", -90.0);
  // Colour bar: stacked thin slices from the scale's low end (bottom) to its high end (top).
  const double bar_x = kLeft + plot_w + 24;
  constexpr int kSlices = 40;
  for (int i = 0; i < kSlices; ++i) {
    const double t0 = static_cast<double>(i) / kSlices;
    svg.rect(bar_x, kTop + plot_h * (1.0 - t0 - 1.0 / kSlices), kBarWidth, plot_h / kSlices + 0.5,
             cividis(t0 + 0.5 / kSlices));
  }
  std::string unit;
  const auto labels = tick_labels(scale, map.currency, unit);
  for (std::size_t i = 0; i < scale.ticks.size(); ++i) {
    const double y = kTop + plot_h * (1.0 - t_of(scale.ticks[i]));
    svg.line(bar_x + kBarWidth, y, bar_x + kBarWidth + 4, y, "axis");
    svg.text(bar_x + kBarWidth + 7, y + 4, labels[i], "tick");
  }
  svg.text(kChartWidth - 12, kTop + plot_h / 2, map.scale_title + unit, "axis-title", "middle", -90.0);
  return svg.finish();
}

}  // namespace sisim::report
