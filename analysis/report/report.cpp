#include "analysis/report/report.hpp"

#include <cmath>

#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report {
namespace detail {

std::vector<std::uint8_t> investor_loss_flags(const ReportInput& in) {
  return in.investor_loss;  // decided by the simulation, never re-derived here
}

stats::Summary summarize_column(const std::vector<double>& x, const std::vector<std::uint8_t>* flags) {
  const bool use_flags = flags != nullptr && !flags->empty() && flags->size() == x.size();
  return stats::summarize(x, use_flags ? flags : nullptr);
}

const NamedColumn* find_budget(const ReportInput& in, const std::string& name) {
  for (const auto& c : in.budget_npv)
    if (c.name == name) return &c;
  return nullptr;
}

std::string no_data(const std::string& what) {
  return "<p class=\"nodata\">No data: " + escape_html(what) + "</p>\n";
}

}  // namespace detail

namespace {

// Inline style sheet: system fonts only, so the file needs nothing from outside.
constexpr const char* kStyle = R"(
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
       color: #222; max-width: 960px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; margin-top: 2em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin-top: 1.5em; }
.meta { color: #666; font-size: 0.9em; }
.headline { font-size: 1.1em; background: #f2f7fb; border-left: 4px solid #0072B2; padding: 0.8em 1em; }
.nodata { color: #8a4b00; background: #fff6e5; padding: 0.5em 1em; border-left: 4px solid #E69F00; }
.caption { color: #555; font-size: 0.92em; }
table { border-collapse: collapse; margin: 1em 0; font-size: 0.95em; }
.scroll { overflow-x: auto; max-width: 100%; }
.terms td:first-child { font-weight: 600; }
th, td { padding: 0.35em 0.8em; border-bottom: 1px solid #ddd; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: #f2f2f2; }
dt { font-weight: bold; margin-top: 0.6em; }
dd { margin-left: 1.5em; }
svg { width: 100%; height: auto; display: block; margin: 0.5em 0 1em; }
svg text { font-family: inherit; fill: #333; }
svg .tick { font-size: 12px; }
svg .tick-light { font-size: 12px; fill: #fff; }
svg .axis-title { font-size: 13px; }
svg .legend { font-size: 12px; }
svg .note { font-size: 14px; font-weight: bold; fill: #D55E00; }
svg .marker-label { font-size: 13px; font-weight: bold; fill: #D55E00; }
svg .grid { stroke: #e4e4e4; stroke-width: 1; }
svg .zero { stroke: #555; stroke-width: 1.2; }
svg .axis { stroke: #555; stroke-width: 1; }
svg .marker { stroke: #D55E00; stroke-width: 2; stroke-dasharray: 5 3; }
svg .whisker { stroke: #222; stroke-width: 1; }
p, td, th, dd, h1, h2, h3 { overflow-wrap: anywhere; }
@media (max-width: 600px) {
  body { margin: 1em auto; padding: 0 0.6em; }
  th, td { padding: 0.3em 0.4em; }
  table { font-size: 0.85em; }
}
@media print {
  body { max-width: none; margin: 0; font-size: 10pt; color: #000; }
  h2 { page-break-after: avoid; break-after: avoid; }
  svg, table, .headline { page-break-inside: avoid; break-inside: avoid; }
  .scroll { overflow: visible; }
  .headline, .nodata, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)";

}  // namespace

namespace detail {

std::string page_start(const std::string& title) {
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
  html += "<title>" + escape_html(title) + "</title>\n<style>" + std::string(kStyle) +
          "</style>\n</head>\n<body>\n";
  return html + "<h1>" + escape_html(title) + "</h1>\n";
}

std::string page_end() {
  return "</body>\n</html>\n";
}

}  // namespace detail

std::string render_report(const ReportInput& in) {
  const std::string title =
      "sisim risk report: " + (in.scenario_name.empty() ? "unnamed scenario" : in.scenario_name);
  std::string html = detail::page_start(title);
  html += "<p class=\"meta\">" + std::to_string(in.paths) + " simulated paths, seed " +
          std::to_string(in.seed) + (in.created.empty() ? "" : ", run " + escape_html(in.created)) +
          (in.sisim_version.empty() ? "" : ", sisim " + escape_html(in.sisim_version)) + "</p>\n";
  if (!in.arm_coupling.empty()) {
    html += "<p class=\"meta\">Assumption: arm coupling " + escape_html(in.arm_coupling) +
            ", the rank correlation of a participant's labour-market luck with and without the programme "
            "(0 independent, 1 identical). No trial identifies it; it moves the spread of the public "
            "budgets' results, not their means (stress cases arms_independent and arms_identical show "
            "both ends).</p>\n";
  }
  html += detail::terms_section(in);
  html += detail::headline_section(in);
  html += detail::summary_table_section(in);
  html += detail::investor_section(in);
  html += detail::fan_section(in);
  html += detail::budget_account_section(in);
  html += detail::tornado_section(in);
  html += detail::society_section(in);
  html += detail::sensitivity_section(in);
  html += detail::glossary_section();
  html += detail::method_section(in);
  html += detail::page_end();
  return html;
}

}  // namespace sisim::report
