// The stress report: per headline metric, each case's change against the base with its paired
// standard error, drawn as bars with whiskers and listed in a table.
#include <algorithm>
#include <cmath>

#include "analysis/report/file_reports.hpp"
#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_charts.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report {
namespace {

using detail::chart_unit;
using detail::format_se;
using detail::format_value;

// A change with its sign: "+1.23 pp", "-0.84 million DKK".
std::string change_text(double v, ValueKind kind, const std::string& currency) {
  if (!std::isfinite(v)) return "n/a";
  const std::string sign = v > 0 ? "+" : "";
  if (kind == ValueKind::rate) return sign + format_fixed(100.0 * v, 2) + " pp";
  return sign + format_value(v, kind, currency);
}

// The SE of a change: rates in percentage points with two significant digits.
std::string change_se_text(double se, ValueKind kind, const std::string& currency) {
  if (kind != ValueKind::rate) return format_se(se, kind, currency);
  std::string s = format_se(se, kind, currency);  // "0.45 %"
  if (s.size() > 2 && s.compare(s.size() - 2, 2, " %") == 0) s.replace(s.size() - 2, 2, " pp");
  return s;
}

std::string cases_section(const StressReportInput& in) {
  std::string html =
      "<h2>The cases</h2>\n<p class=\"caption\">Each case reruns the base scenario with the changes "
      "listed, on the same seed and the same paths (common random numbers).</p>\n"
      "<div class=\"scroll\"><table class=\"terms\">\n<thead><tr><th>Case</th><th>What it represents</th>"
      "<th>Changes applied to the base</th></tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < in.cases.size(); ++c) {
    std::string applied = c < in.applied.size() ? escape_html(in.applied[c]) : std::string();
    while (!applied.empty() && applied.back() == '\n') applied.pop_back();
    for (std::size_t p = applied.find('\n'); p != std::string::npos; p = applied.find('\n', p))
      applied.replace(p, 1, "<br>");
    html += "<tr><td>" + escape_html(in.cases[c]) + "</td><td style=\"text-align:left\">" +
            (c < in.descriptions.size() ? escape_html(in.descriptions[c]) : std::string()) +
            "</td><td style=\"text-align:left\">" +
            (c == 0 ? std::string("none (the scenario as given)") : applied) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table></div>\n";
}

std::string metric_section(const StressReportInput& in, const StressMetric& m) {
  const std::string& cur = in.header.currency;
  std::string html = "<h3>" + escape_html(m.label) + "</h3>\n";
  const detail::ChartUnit unit = chart_unit(m.kind, cur, true);
  HorizontalBars bars;
  bars.series = {"change against the base"};
  bars.error_label = "whiskers: \u00B1 2 SE of the change (about 95 % of reruns)";
  bars.value_unit = unit.suffix;
  double lo = 0.0, hi = 0.0;
  for (std::size_t c = 1; c < in.cases.size() && c < m.change.size(); ++c) {
    const double v = m.change[c] * unit.scale;
    const double e = c < m.change_se.size() ? 2.0 * m.change_se[c] * unit.scale : std::nan("");
    bars.labels.push_back(in.cases[c]);
    bars.value.push_back({v});
    bars.error.push_back({e});
    for (double x : {v, v - (std::isfinite(e) ? e : 0.0), v + (std::isfinite(e) ? e : 0.0)})
      if (std::isfinite(x)) lo = std::min(lo, x), hi = std::max(hi, x);
  }
  if (bars.labels.empty()) return html + detail::no_data("the file holds no case besides the base.");
  const double pad = 0.05 * std::max(hi - lo, 1e-9);
  const std::string x_title = m.kind == ValueKind::rate ? "Change against the base, percentage points"
                              : m.kind == ValueKind::money
                                  ? "Change against the base, M " + cur + " (nominal)"
                                  : "Change against the base (" + unit.suffix + ")";
  html += horizontal_bars_svg(bars, m.label + ": change of each case against the base", x_title, lo - pad,
                              hi + pad);
  html +=
      "<div class=\"scroll\"><table>\n<thead><tr><th>Case</th><th>Value</th><th>Change against the base</th>"
      "<th>SE of the change</th></tr></thead>\n<tbody>\n";
  for (std::size_t c = 0; c < in.cases.size() && c < m.value.size(); ++c)
    html += "<tr><td>" + escape_html(in.cases[c]) + "</td><td>" + format_value(m.value[c], m.kind, cur) +
            "</td><td>" + (c == 0 ? std::string("&ndash;") : change_text(m.change[c], m.kind, cur)) +
            "</td><td>" + (c == 0 ? std::string("&ndash;") : change_se_text(m.change_se[c], m.kind, cur)) +
            "</td></tr>\n";
  return html + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string render_stress_report(const StressReportInput& in) {
  const std::string name = in.header.scenario_name.empty() ? "unnamed scenario" : in.header.scenario_name;
  std::string html = detail::file_page_start("sisim stress report: " + name, in.header);
  html += cases_section(in);
  html +=
      "<h2>What each case changes</h2>\n<p class=\"caption\">Bars: the case's value minus the base's, for "
      "each headline figure. Whiskers: &plusmn; 2 standard errors of that change, estimated from the "
      "paired paths (the same futures with and without the case's changes), so a whisker that crosses "
      "zero is a change the simulation cannot tell from no change at this number of paths. Rates and "
      "probabilities change in percentage points (pp); money in " +
      escape_html(in.header.currency) + ", nominal.</p>\n";
  for (const auto& m : in.metrics) {
    // Every metric holds one value, change and SE per case; anything else is not drawn.
    const std::size_t n = in.cases.size();
    if (m.value.size() != n || m.change.size() != n || m.change_se.size() != n) {
      html += "<h3>" + escape_html(m.label) + "</h3>\n" + detail::no_data("not one value per case.");
      continue;
    }
    html += metric_section(in, m);
  }
  html += "<h2>Method</h2>\n<p>Every case runs " + std::to_string(in.header.paths) + " paths with seed " +
          std::to_string(in.header.seed) +
          ", so path i of a case and path i of the base share every draw the case did not change. The "
          "standard error of a change in a mean or a probability is the standard deviation of the per-path "
          "differences divided by the square root of the number of paths; for the median IRR it is the "
          "spread of the change over 32 groups of consecutive paths, divided by the square root of 32. A "
          "probability is the share of paths in which the named event happens.</p>\n";
  return html + detail::page_end();
}

}  // namespace sisim::report
