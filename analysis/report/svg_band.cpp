#include <algorithm>
#include <cmath>
#include <limits>

#include "analysis/report/svg_charts.hpp"

namespace sisim::report {
namespace {

// Columns of the 9-quantile rows (levels 1, 5, 10, 25, 50, 75, 90, 95, 99 %).
constexpr std::size_t kP5 = 1, kP25 = 3, kP50 = 4, kP75 = 5, kP95 = 7;
constexpr const char* kBandColour = "#0072B2";

using Points = std::vector<std::pair<double, double>>;

// Band between two quantile columns: along the upper edge, back along the lower one.
Points band(const Plot& plot, const std::vector<std::pair<double, std::array<double, 9>>>& rows,
            std::size_t lower, std::size_t upper) {
  Points p;
  for (const auto& [years, q] : rows) p.emplace_back(plot.px(years), plot.py(q[upper]));
  for (auto it = rows.rbegin(); it != rows.rend(); ++it)
    p.emplace_back(plot.px(it->first), plot.py(it->second[lower]));
  return p;
}

}  // namespace

std::string fan_chart_svg(const QuantileFan& fan, const std::string& title, const std::string& y_title,
                          const std::string& currency) {
  Svg svg(kChartWidth, 360, title);
  std::vector<std::pair<double, std::array<double, 9>>> rows;  // (years, quantiles)
  double y_lo = std::numeric_limits<double>::infinity(), y_hi = -y_lo;
  for (std::size_t m = 0; m < fan.months.size(); ++m) {
    const auto& q = fan.months[m];
    if (!std::isfinite(q[kP5]) || !std::isfinite(q[kP25]) || !std::isfinite(q[kP50]) ||
        !std::isfinite(q[kP75]) || !std::isfinite(q[kP95]))
      continue;
    rows.emplace_back(static_cast<double>(m) / 12.0, q);
    y_lo = std::min({y_lo, q[kP5], 0.0});
    y_hi = std::max({y_hi, q[kP95], 0.0});
  }
  if (rows.empty()) return svg.finish();
  const double years = std::max(1.0, static_cast<double>(fan.months.size()) / 12.0);
  Axis x{nice_ticks(0.0, years, 8), AxisFormat::years, "Years from contract start"};
  Axis y{nice_ticks(y_lo, y_hi, 6), AxisFormat::money, y_title};
  const Plot plot{90, 36, kChartWidth - 120, 260, x.lo(), x.hi(), y.lo(), y.hi()};
  draw_axes(svg, plot, x, y, currency);
  svg.polygon(band(plot, rows, kP5, kP95), kBandColour, 0.18);
  svg.polygon(band(plot, rows, kP25, kP75), kBandColour, 0.35);
  Points median;
  for (const auto& [yr, q] : rows) median.emplace_back(plot.px(yr), plot.py(q[kP50]));
  svg.polyline(median, "#003f66", 2.0);
  draw_legend(svg, plot.left, 18, plot.width,
              {"middle 90 % of paths (P5-P95)", "middle 50 % (P25-P75)", "median (P50)"},
              {"rgba(0,114,178,0.18)", "rgba(0,114,178,0.5)", "#003f66"});
  return svg.finish();
}

}  // namespace sisim::report
