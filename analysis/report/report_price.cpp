// The price report: the target metrics against the price multiplier k, the solved multiplier of
// each side with its SE, the negotiating band between them, and the prices at both ends.
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

constexpr const char* kBandColour = "#009E73";  // Okabe-Ito green
constexpr const char* kSeColour = "#999999";

bool has_k(const PriceSide& s) {
  return s.status != "not_reachable" && std::isfinite(s.k);
}

// "k >= 0.889 ± 0.005" (investor) or "k <= 2.950" (payer at a range end: no SE).
std::string k_text(const PriceSide& s, bool investor) {
  if (!has_k(s)) return "not reachable in the searched range";
  std::string t = std::string(investor ? "k \u2265 " : "k \u2264 ") + format_fixed(s.k, 3);
  if (std::isfinite(s.k_se)) t += " \u00B1 " + format_fixed(s.k_se, 3);
  if (s.status == "met_at_lower_bound") t += " (met at the lower end of the range)";
  if (s.status == "met_at_upper_bound") t += " (met at the upper end of the range)";
  return t;
}

AxisFormat axis_format(ValueKind kind) {
  return kind == ValueKind::rate    ? AxisFormat::percent
         : kind == ValueKind::money ? AxisFormat::money
                                    : AxisFormat::number;
}

// The metric of each side against k, its target, its solved k (with a shaded ± 2 SE of k) and the
// band each payer view leaves.
std::string chart_of(const PriceReportInput& in, const std::vector<const PriceSide*>& sides, bool investor) {
  const std::string& cur = in.header.currency;
  const ValueKind kind = investor ? in.investor_kind : in.payer_kind;
  XYChart chart;
  chart.x_title = "Price multiplier k (factor on every outcome price of the scenario)";
  chart.y_title = investor ? in.investor_metric : in.payer_metric;
  chart.y_format = axis_format(kind);
  chart.currency = cur;
  chart.error_label = "whiskers: \u00B1 2 SE of the metric";
  chart.probability = (investor ? in.investor_metric : in.payer_metric).rfind("P(", 0) == 0;
  for (const PriceSide* side : sides) {
    XYSeries s;
    s.name = side->who;
    for (std::size_t e = 0; e < in.multipliers.size() && e < side->metric_at.size(); ++e) {
      s.x.push_back(in.multipliers[e]);
      s.y.push_back(side->metric_at[e]);
      const double se = e < side->metric_se_at.size() ? side->metric_se_at[e] : std::nan("");
      s.y_error.push_back(2.0 * se);
      s.tooltip.push_back(side->who + " at k = " + format_fixed(in.multipliers[e], 3) + ": " +
                          format_value(side->metric_at[e], kind, cur) + " \u00B1 " +
                          format_se(se, kind, cur) + " (SE)");
    }
    chart.series.push_back(std::move(s));
    if (has_k(*side)) {
      chart.x_markers.push_back({side->k, side->who + ": " + k_text(*side, investor)});
      if (std::isfinite(side->k_se) && side->k_se > 0)
        chart.x_spans.push_back(
            {side->k - 2 * side->k_se, side->k + 2 * side->k_se, side->who + ": k \u00B1 2 SE", kSeColour});
    }
  }
  chart.y_lines.push_back(
      {sides.front()->target_value, "target " + format_value(sides.front()->target_value, kind, cur)});
  // The band: from the investor's minimum to the first payer view's maximum, when it exists.
  if (!in.payers.empty() && has_k(in.investor) && has_k(in.payers.front()) &&
      in.investor.k <= in.payers.front().k)
    chart.x_spans.push_back({in.investor.k, in.payers.front().k,
                             "band: investor's minimum to " + in.payers.front().who + "'s maximum",
                             kBandColour});
  return xy_chart_svg(chart, std::string(investor ? "The investor's" : "The payer's") +
                                 " target metric against the price multiplier k");
}

std::string solutions_table(const PriceReportInput& in) {
  const std::string& cur = in.header.currency;
  std::string html =
      "<div class=\"scroll\"><table>\n<thead><tr><th>Side</th><th>Target</th><th>Multiplier k &plusmn; "
      "SE</th>"
      "<th>Target metric at k &plusmn; SE</th></tr></thead>\n<tbody>\n";
  const auto row = [&](const PriceSide& s, bool investor) {
    const ValueKind kind = investor ? in.investor_kind : in.payer_kind;
    html += "<tr><td>" + escape_html(s.who) + "</td><td>" + escape_html(s.target) + "</td><td>" +
            escape_html(k_text(s, investor)) + "</td><td>" + format_value(s.metric, kind, cur) +
            " &plusmn; " + format_se(s.metric_se, kind, cur) +
            (has_k(s) ? "" : " (the best value in the range)") + "</td></tr>\n";
  };
  row(in.investor, true);
  for (const auto& p : in.payers) row(p, false);
  return html + "</tbody>\n</table></div>\n";
}

std::string prices_table(const PriceReportInput& in) {
  const std::string& cur = in.header.currency;
  std::string html =
      "<h2>Prices at both ends</h2>\n<p class=\"caption\">Each outcome price at k = 1 (the scenario) and "
      "times each side's multiplier, in " +
      escape_html(cur) +
      ", nominal; &plusmn; the price times the SE of k. An uncertain price (a distribution) shows n/a: k "
      "scales its distribution.</p>\n<div class=\"scroll\"><table>\n<thead><tr><th>Price</th><th>At k = "
      "1</th>"
      "<th>" +
      escape_html(in.investor.who) + " minimum</th>";
  for (const auto& p : in.payers) html += "<th>" + escape_html(p.who) + " maximum</th>";
  html += "</tr></thead>\n<tbody>\n";
  for (std::size_t l = 0; l < in.line_labels.size() && l < in.base_prices.size(); ++l) {
    const double b = in.base_prices[l];
    html += "<tr><td>" + escape_html(in.line_labels[l]) + "</td><td>" +
            format_value(b, ValueKind::money, cur) + "</td>";
    const auto cell = [&](const PriceSide& s) {
      if (!has_k(s) || !std::isfinite(b)) return std::string("n/a");
      std::string t = format_value(b * s.k, ValueKind::money, cur);
      if (std::isfinite(s.k_se)) t += " &plusmn; " + format_value(b * s.k_se, ValueKind::money, cur);
      return t;
    };
    html += "<td>" + cell(in.investor) + "</td>";
    for (const auto& p : in.payers) html += "<td>" + cell(p) + "</td>";
    html += "</tr>\n";
  }
  return html + "</tbody>\n</table></div>\n";
}

}  // namespace

std::string render_price_report(const PriceReportInput& in) {
  const std::string name = in.header.scenario_name.empty() ? "unnamed scenario" : in.header.scenario_name;
  std::string html = detail::file_page_start("sisim price report: " + name, in.header);
  html +=
      "<h2>In short</h2>\n<p class=\"caption\">One multiplier k scales every outcome price of the "
      "scenario. The investor needs at least its minimum k; each payer view allows at most its "
      "maximum; the band between them is where a deal meets both targets. Searched over k in [" +
      format_fixed(in.k_low, 2) + ", " + format_fixed(in.k_high, 2) + "].</p>\n";
  std::string verdict = escape_html(in.verdict);
  while (!verdict.empty() && verdict.back() == '\n') verdict.pop_back();
  for (std::size_t p = verdict.find('\n'); p != std::string::npos; p = verdict.find('\n', p))
    verdict.replace(p, 1, "<br>");
  html += "<p class=\"headline\">" + verdict + "</p>\n";
  html += solutions_table(in);
  html +=
      "<h2>The band against the multiplier</h2>\n<p class=\"caption\">Markers: the target metric at "
      "every k the solver evaluated, on the same seed and paths (common random numbers), with "
      "whiskers of &plusmn; 2 standard errors (SE). Dashed lines: the target and each side's "
      "solved k; grey: k &plusmn; 2 SE; green: the band.</p>\n";
  if (in.multipliers.empty()) {
    html += detail::no_data("no evaluated multipliers in the file.");
  } else {
    html += "<h3>" + escape_html(in.investor.who) + ": " + escape_html(in.investor.target) + "</h3>\n";
    html += chart_of(in, {&in.investor}, true);
    if (!in.payers.empty()) {
      std::vector<const PriceSide*> payers;
      for (const auto& p : in.payers) payers.push_back(&p);
      html += "<h3>Payer: " + escape_html(in.payers.front().target) + "</h3>\n";
      html += chart_of(in, payers, false);
    }
  }
  html += prices_table(in);
  html += "<h2>Method</h2>\n<p>Every evaluation runs " + std::to_string(in.header.paths) +
          " paths with seed " + std::to_string(in.header.seed) +
          ", so the metrics are step functions of k and a bisection brackets the threshold. The SE of a "
          "solved k is the SE of the metric there divided by the slope of the metric in k (central "
          "difference over k &plusmn; 0.05); it is not given where k is an end of the range or the metric is "
          "flat.</p>\n";
  return html + detail::page_end();
}

}  // namespace sisim::report
