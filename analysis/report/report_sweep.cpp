// The sweep report: for a grid over two parameters a heatmap per metric; for one parameter, a
// Latin hypercube or a grid over more, the metric against each swept parameter.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "analysis/report/file_reports.hpp"
#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_charts.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report {
namespace {

using detail::format_se;
using detail::format_value;

// A swept value as configured: "0.12", "1.5", "20000".
std::string param_text(double v) {
  if (!std::isfinite(v)) return "n/a";
  return fmt::format("{:.6g}", v);
}

AxisFormat axis_format(ValueKind kind) {
  switch (kind) {
    case ValueKind::rate:
      return AxisFormat::percent;
    case ValueKind::money:
      return AxisFormat::money;
    case ValueKind::multiple:
      return AxisFormat::multiple;
    default:
      return AxisFormat::number;
  }
}

std::string title_of(const SweepReportInput& in, std::size_t column) {
  return column < in.column_titles.size() ? in.column_titles[column] : in.columns[column];
}

std::string value_with_se(const SweepMetric& m, std::size_t point, const std::string& currency) {
  return format_value(m.value[point], m.kind, currency) + " \u00B1 " +
         format_se(m.se[point], m.kind, currency) + " (SE)";
}

std::vector<double> distinct_sorted(const std::vector<double>& v) {
  std::vector<double> d;
  for (double x : v)
    if (std::isfinite(x)) d.push_back(x);
  std::sort(d.begin(), d.end());
  d.erase(std::unique(d.begin(), d.end()), d.end());
  return d;
}

std::string heatmap_of(const SweepReportInput& in, const SweepMetric& m) {
  const std::string& cur = in.header.currency;
  const auto xs = distinct_sorted(in.values[0]), ys = distinct_sorted(in.values[1]);
  Heatmap map;
  map.x_title = title_of(in, 0);
  map.y_title = title_of(in, 1);
  for (double x : xs) map.x_labels.push_back(param_text(x));
  for (double y : ys) map.y_labels.push_back(param_text(y));
  map.value.assign(ys.size(), std::vector<double>(xs.size(), std::nan("")));
  map.cell_text.assign(ys.size(), std::vector<std::string>(xs.size()));
  map.tooltip.assign(ys.size(), std::vector<std::string>(xs.size()));
  for (std::size_t p = 0; p < in.index.size(); ++p) {
    const auto cx = std::lower_bound(xs.begin(), xs.end(), in.values[0][p]) - xs.begin();
    const auto cy = std::lower_bound(ys.begin(), ys.end(), in.values[1][p]) - ys.begin();
    if (cx >= static_cast<long>(xs.size()) || cy >= static_cast<long>(ys.size())) continue;
    const auto r = static_cast<std::size_t>(cy), c = static_cast<std::size_t>(cx);
    map.value[r][c] = m.value[p];
    // Money without its currency: the colour bar's title carries the unit.
    map.cell_text[r][c] =
        m.kind == ValueKind::money ? format_money(m.value[p]) : format_value(m.value[p], m.kind, cur);
    map.tooltip[r][c] = in.columns[0] + " = " + param_text(in.values[0][p]) + ", " + in.columns[1] + " = " +
                        param_text(in.values[1][p]) + ": " + m.label + " " + value_with_se(m, p, cur);
  }
  map.format = axis_format(m.kind);
  map.currency = cur;
  map.scale_title = m.short_label.empty() ? m.label : m.short_label;
  return heatmap_svg(map, m.label + " over " + in.columns[0] + " and " + in.columns[1]);
}

std::string against_each_parameter(const SweepReportInput& in, const SweepMetric& m, bool line) {
  std::string html;
  for (std::size_t c = 0; c < in.columns.size(); ++c) {
    XYChart chart;
    chart.x_title = title_of(in, c);
    chart.y_title = m.short_label.empty() ? m.label : m.short_label;
    chart.y_format = axis_format(m.kind);
    chart.currency = in.header.currency;
    chart.error_label = "whiskers: \u00B1 2 SE";
    chart.probability = m.label.rfind("P(", 0) == 0;
    XYSeries s;
    s.name = (m.short_label.empty() ? m.label : m.short_label) + (line ? "" : " at each point");
    s.line = line;
    std::vector<std::size_t> order(in.index.size());
    for (std::size_t p = 0; p < order.size(); ++p) order[p] = p;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return in.values[c][a] < in.values[c][b]; });
    for (std::size_t p : order) {
      s.x.push_back(in.values[c][p]);
      s.y.push_back(m.value[p]);
      s.y_error.push_back(2.0 * m.se[p]);
      s.tooltip.push_back("point " + std::to_string(in.index[p]) + ", " + in.columns[c] + " = " +
                          param_text(in.values[c][p]) + ": " + value_with_se(m, p, in.header.currency));
    }
    chart.series.push_back(std::move(s));
    html += xy_chart_svg(chart, m.label + " against " + in.columns[c]);
  }
  return html;
}

std::string points_table(const SweepReportInput& in) {
  const std::string& cur = in.header.currency;
  std::string html =
      "<h2>Every point</h2>\n<p class=\"caption\">Each metric's estimate &plusmn; its Monte Carlo standard "
      "error (SE).</p>\n<div class=\"scroll\"><table>\n<thead><tr><th>Point</th>";
  for (const auto& c : in.columns) html += "<th>" + escape_html(c) + "</th>";
  for (const auto& m : in.metrics) html += "<th>" + escape_html(m.label) + "</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t p = 0; p < in.index.size(); ++p) {
    html += "<tr><td>" + std::to_string(in.index[p]) + "</td>";
    for (const auto& v : in.values) html += "<td>" + param_text(v[p]) + "</td>";
    for (const auto& m : in.metrics)
      html += "<td>" + format_value(m.value[p], m.kind, cur) + " &plusmn; " +
              format_se(m.se[p], m.kind, cur) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string render_sweep_report(const SweepReportInput& in) {
  const std::string name = in.header.scenario_name.empty() ? "unnamed scenario" : in.header.scenario_name;
  std::string html = detail::file_page_start("sisim sweep report: " + name, in.header);
  const bool grid = in.kind == "grid";
  html += "<p>A " + std::string(grid ? "grid" : "Latin-hypercube") + " sweep over " +
          std::to_string(in.columns.size()) + " parameter" + (in.columns.size() == 1 ? "" : "s") + " (";
  for (std::size_t c = 0; c < in.columns.size(); ++c) html += (c ? ", " : "") + escape_html(in.columns[c]);
  html += "); this file holds " + std::to_string(in.index.size()) + " of its " +
          std::to_string(in.points_total) +
          " points. Each point reruns the scenario with the swept values on the same seed and paths.</p>\n";
  bool fits = !in.index.empty() && !in.columns.empty() && in.values.size() == in.columns.size();
  for (const auto& v : in.values) fits = fits && v.size() == in.index.size();
  for (const auto& m : in.metrics)
    fits = fits && m.value.size() == in.index.size() && m.se.size() == in.index.size();
  if (!fits)
    return html + detail::no_data("no sweep points, or not one value per point.") + detail::page_end();
  const bool heatmap = grid && in.columns.size() == 2;
  html += "<h2>" +
          std::string(heatmap ? "Each metric over the two swept parameters"
                              : "Each metric against each swept parameter") +
          "</h2>\n<p class=\"caption\">" +
          (heatmap ? "One cell per grid point, coloured by the metric (dark: low, yellow: high; the colour "
                     "bar gives the units). Hover over a cell for its value and standard error (SE)."
                   : "One marker per point, with whiskers of &plusmn; 2 standard errors (SE). Hover over "
                     "a marker for its value and SE.") +
          " A probability is the share of paths in which the named event happens. Parameters in the units "
          "the scenario states them in; scale(...) is a factor on the scenario's value.</p>\n";
  for (const auto& m : in.metrics) {
    html += "<h3>" + escape_html(m.label) + "</h3>\n";
    html += heatmap ? heatmap_of(in, m) : against_each_parameter(in, m, grid && in.columns.size() == 1);
  }
  html += points_table(in);
  return html + detail::page_end();
}

}  // namespace sisim::report
