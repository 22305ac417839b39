// The report's prose: the headline, the key-figure table, the glossary and the method note.
#include <algorithm>
#include <cmath>

#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report::detail {
namespace {

std::string format_value(double v, ValueKind kind, const std::string& currency);

// A standard error needs two significant digits, however small it is (0.0031x, not 0.00x).
std::string format_se(double v, ValueKind kind, const std::string& currency) {
  if (!std::isfinite(v) || v == 0.0 || kind == ValueKind::money) return format_value(v, kind, currency);
  const double shown = kind == ValueKind::rate ? 100.0 * std::abs(v) : std::abs(v);
  const int decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(shown))), 0, 8);
  if (kind == ValueKind::rate) return format_percent(v, decimals);
  return format_fixed(v, decimals) + (kind == ValueKind::multiple ? "x" : "");
}

std::string format_value(double v, ValueKind kind, const std::string& currency) {
  switch (kind) {
    case ValueKind::money:
      return std::isfinite(v) ? format_money(v) + " " + escape_html(currency) : "n/a";
    case ValueKind::rate:
      return format_percent(v);
    case ValueKind::multiple:
      return format_multiple(v);
    case ValueKind::number:
      break;
  }
  return format_fixed(v, 3);
}

// "12.3 % (SE 0.4 %)"
std::string probability_with_se(double p, double se) {
  std::string s = format_percent(p);
  if (std::isfinite(se)) s += " (&plusmn; " + format_percent(se) + ")";
  return s;
}

SummaryRow row_from(const std::string& metric, ValueKind kind, const analysis::Summary& s) {
  return {metric, kind, s.quantiles[1], s.quantiles[4], s.quantiles[7], s.quantile_se[4], s.p_loss};
}

std::vector<SummaryRow> computed_rows(const ReportInput& in) {
  const auto flags = investor_loss_flags(in);
  std::vector<SummaryRow> rows;
  if (!in.investor_irr.empty())
    rows.push_back(
        row_from("Investor IRR (annual)", ValueKind::rate, summarize_column(in.investor_irr, &flags)));
  if (!in.investor_moic.empty())
    rows.push_back(
        row_from("Investor MOIC", ValueKind::multiple, summarize_column(in.investor_moic, &flags)));
  if (!in.investor_npv.empty())
    rows.push_back(row_from("Investor NPV", ValueKind::money, summarize_column(in.investor_npv, nullptr)));
  for (const auto& b : in.budget_npv)
    rows.push_back(row_from("NPV " + b.name, ValueKind::money, summarize_column(b.values, nullptr)));
  return rows;
}

// One sentence on a budget's NPV, e.g. for the municipality.
std::string budget_sentence(const ReportInput& in, const std::string& name, const std::string& who) {
  const NamedColumn* col = find_budget(in, name);
  if (col == nullptr) return "";
  const auto s = summarize_column(col->values, nullptr);
  if (s.n == 0) return "";
  return "<p>For " + who + ", the net present value of savings minus payments is " +
         format_money(s.quantiles[4]) + " " + escape_html(in.currency) +
         " in the middle case and lies between " + format_money(s.quantiles[1]) + " and " +
         format_money(s.quantiles[7]) + " in 90 % of futures; the probability that it ends up worse off is " +
         probability_with_se(s.p_loss, s.p_loss_se) + ".</p>\n";
}

}  // namespace

std::string headline_section(const ReportInput& in) {
  std::string html = "<h2>In short</h2>\n";
  const auto flags = investor_loss_flags(in);
  const auto irr = summarize_column(in.investor_irr, &flags);
  if (irr.n == 0) {
    html += no_data("no investor return (IRR) could be computed on any path.");
  } else {
    html += "<p class=\"headline\">In 90 % of the " + std::to_string(irr.n + irr.n_nan) +
            " simulated futures the investor's annual return lies between <b>" +
            format_percent(irr.quantiles[1]) + "</b> and <b>" + format_percent(irr.quantiles[7]) +
            "</b>, with " + format_percent(irr.quantiles[4]) +
            " in the middle case. The probability of losing money is <b>" +
            probability_with_se(irr.p_loss, irr.p_loss_se) + "</b>.</p>\n";
    if (irr.n_nan > 0)
      html +=
          "<p>On " + format_percent(static_cast<double>(irr.n_nan) / static_cast<double>(irr.n + irr.n_nan)) +
          " of the paths the return is not defined (for example when the investor receives nothing back). "
          "Those paths are left out of the return range but counted in the probability of loss.</p>\n";
  }
  const auto moic = summarize_column(in.investor_moic, nullptr);
  if (moic.n > 0)
    html += "<p>For every 1 " + escape_html(in.currency) + " the investor puts in, it gets back " +
            format_multiple(moic.quantiles[4]) + " in the middle case (between " +
            format_multiple(moic.quantiles[1]) + " and " + format_multiple(moic.quantiles[7]) +
            " in 90 % of futures).</p>\n";
  html += budget_sentence(in, "municipality", "the municipality");
  html += budget_sentence(in, "public_total", "the public sector as a whole");
  return html;
}

std::string summary_table_section(const ReportInput& in) {
  std::string html = "<h2>Key figures</h2>\n";
  const std::vector<SummaryRow> rows = in.summary_rows.empty() ? computed_rows(in) : in.summary_rows;
  if (rows.empty()) return html + no_data("no per-path results to summarise.");
  html +=
      "<p class=\"caption\">P5, P50 and P95: 5 % of simulated futures are worse than P5, half are worse than "
      "P50 (the median), 95 % are worse than P95. SE: how much P50 would move with another seed. P(loss): "
      "for "
      "the investor's IRR and MOIC the share of paths where the investor gets back less than it paid, for an "
      "NPV "
      "the share of paths where it is below zero. Money in " +
      escape_html(in.currency) + ".</p>\n";
  html +=
      "<table>\n<thead><tr><th>Metric</th><th>P5</th><th>P50 (median)</th><th>P95</th><th>SE of P50</th>"
      "<th>P(loss)</th></tr></thead>\n<tbody>\n";
  for (const auto& r : rows) {
    html += "<tr><td>" + escape_html(r.metric) + "</td><td>" + format_value(r.p5, r.kind, in.currency) +
            "</td><td>" + format_value(r.p50, r.kind, in.currency) + "</td><td>" +
            format_value(r.p95, r.kind, in.currency) + "</td><td>" + format_se(r.se, r.kind, in.currency) +
            "</td><td>" + format_percent(r.p_loss) + "</td></tr>\n";
  }
  return html + "</tbody>\n</table>\n";
}

std::string glossary_section() {
  return R"(<h2>Glossary</h2>
<dl>
<dt>IRR (internal rate of return)</dt><dd>The investor's average yearly return: the interest rate at which the money paid in and the money received back balance out. 8 % means the investment grew as if it earned 8 % a year.</dd>
<dt>MOIC (multiple on invested capital)</dt><dd>Money received back divided by money paid in. 1.0x means the investor got exactly its money back (before any interest); below 1.0x it lost money.</dd>
<dt>P(loss)</dt><dd>The probability of losing money: the share of simulated futures in which the investor (or a budget) ends up with less than it started with.</dd>
<dt>VaR (value at risk)</dt><dd>A bad-but-plausible outcome: VaR 5 % is the loss that is exceeded in only 5 % of simulated futures.</dd>
<dt>ES (expected shortfall)</dt><dd>The average loss in those worst futures: ES 5 % averages the worst 5 % of outcomes. It is always at least as large as the VaR.</dd>
<dt>NPV (net present value)</dt><dd>All future payments added up after converting them to today's money with a discount rate, so that money received later counts for less.</dd>
<dt>public_total</dt><dd>All public budgets together (municipality, state, region and other municipalities). Transfers between them, such as result grants and tax equalisation, cancel out here.</dd>
<dt>P5, P50, P95</dt><dd>Percentiles: the value below which 5 %, 50 % or 95 % of simulated futures fall.</dd>
</dl>
)";
}

std::string method_section(const ReportInput& in) {
  return "<h2>Method</h2>\n<p>The results come from " + std::to_string(in.paths) +
         " simulated futures (paths) of the scenario, generated with random seed " + std::to_string(in.seed) +
         ". Each path draws the uncertain parameters, the labour market's ups and downs, and every "
         "participant's "
         "employment history with and without the programme; the same seed always gives the same "
         "results.</p>\n"
         "<p>Every figure is an estimate from a finite number of paths. Its standard error (SE, shown as "
         "&plusmn;) "
         "says how much it would move if the simulation were repeated with a different seed: about 95 % of "
         "repeats "
         "would fall within 2 SE. The SE of a mean is the standard deviation divided by the square root of "
         "the "
         "number of paths; a percentile's SE comes from the spread of the sorted values around it that a "
         "95 % distribution-free interval spans, a probability's from the binomial formula sqrt(p (1 - p) / "
         "n). "
         "Percentiles use linear interpolation between sorted "
         "values "
         "(the same definition as numpy's default).</p>\n";
}

}  // namespace sisim::report::detail
