// The parts the stress, sweep and price reports share: the page top and chart units.
#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report::detail {

std::string file_page_start(const std::string& title, const FileHeader& h) {
  std::string html = page_start(title);
  html += "<p class=\"meta\">" + std::to_string(h.paths) + " simulated paths per run, seed " +
          std::to_string(h.seed) + (h.created.empty() ? "" : ", run " + escape_html(h.created)) +
          (h.sisim_version.empty() ? "" : ", sisim " + escape_html(h.sisim_version)) + ". Money in " +
          escape_html(h.currency) + ", nominal; NPVs discounted to the start of the contract.</p>\n";
  return html;
}

ChartUnit chart_unit(ValueKind kind, const std::string& currency, bool is_change) {
  switch (kind) {
    case ValueKind::rate:
      return is_change ? ChartUnit{100.0, " pp"} : ChartUnit{100.0, " %"};
    case ValueKind::money:
      return {1e-6, " M " + currency};
    case ValueKind::multiple:
      return {1.0, "x"};
    case ValueKind::months:
      return {1.0, " months"};
    case ValueKind::number:
      break;
  }
  return {};
}

}  // namespace sisim::report::detail
