// The report's prose: the headline, the key-figure table, the glossary and the method note.
#include <algorithm>
#include <cmath>

#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report::detail {

// A standard error needs two significant digits, however small it is (0.0031x, not 0.00x).
std::string format_se(double v, ValueKind kind, const std::string& currency) {
  if (!std::isfinite(v) || v == 0.0 || kind == ValueKind::money || kind == ValueKind::months)
    return format_value(v, kind, currency);
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
    case ValueKind::months:
      return std::isfinite(v) ? format_fixed(v, 1) + " months" : "n/a";
    case ValueKind::number:
      break;
  }
  return format_fixed(v, 3);
}

namespace {

// "12.3 % (SE 0.4 %)"
std::string probability_with_se(double p, double se) {
  std::string s = format_percent(p);
  // Two significant digits: a nonzero SE never prints as 0.0 %.
  if (std::isfinite(se)) s += " (&plusmn; " + format_se(se, ValueKind::rate, "") + ")";
  return s;
}

SummaryRow row_from(const std::string& metric, ValueKind kind, const stats::Summary& s) {
  return {metric,           kind,   s.quantiles[1], s.quantiles[4], s.quantiles[7],
          s.quantile_se[4], s.mean, s.es_05,        "returns"};
}

const Probability* find_probability(const ReportInput& in, const std::string& key) {
  for (const auto& p : in.probabilities)
    if (p.key == key) return &p;
  return nullptr;
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
         format_money(s.quantiles[7]) +
         " in 90 % of futures; the probability that this NPV is below zero is " +
         probability_with_se(s.p_loss, s.p_loss_se) + ".</p>\n";
}

// The loss probabilities of the headline, each named by its event.
std::string loss_sentence(const ReportInput& in, const stats::Summary& irr) {
  const Probability* nominal = find_probability(in, "investor_loss_nominal");
  const Probability* npv = find_probability(in, "investor_npv_negative");
  if (nominal == nullptr) {
    if (in.investor_loss.empty()) return "";
    return "The probability that the investor gets back less than it put in (a nominal loss) is <b>" +
           probability_with_se(irr.p_loss, irr.p_loss_se) + "</b>.";
  }
  std::string s =
      "The probability that the investor gets back less than it put in (a nominal loss: "
      "receipts plus guarantee below the capital drawn) is <b>" +
      probability_with_se(nominal->p, nominal->se) + "</b>";
  if (npv != nullptr)
    s += "; the probability that it earns less than its discount rate (P(" + escape_html(npv->label) +
         ")) is <b>" + probability_with_se(npv->p, npv->se) + "</b>";
  return s + ".";
}

}  // namespace

std::string terms_section(const ReportInput& in) {
  if (in.terms.empty()) return "";
  std::string html =
      "<h2>The deal's terms</h2>\n<p class=\"caption\">As the scenario states them; every result below "
      "follows from these terms.</p>\n<div class=\"scroll\"><table class=\"terms\">\n<tbody>\n";
  for (const auto& t : in.terms)
    html += "<tr><td>" + escape_html(t.name) + "</td><td style=\"text-align:left\">" + escape_html(t.value) +
            "</td></tr>\n";
  return html + "</tbody>\n</table></div>\n";
}

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
            "</b>, with " + format_percent(irr.quantiles[4]) + " in the middle case. " +
            loss_sentence(in, irr) + "</p>\n";
    for (const auto& note : in.notes) html += "<p>" + escape_html(note) + ".</p>\n";
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
      "<p class=\"caption\">P5, P50 and P95: 5 % of simulated futures are worse than P5 (the value at risk "
      "at 5 %, VaR), half are worse than P50 (the median), 95 % are worse than P95. Worst 5 % (ES): the "
      "average of the worst 5 % of futures (expected shortfall). All in the metric's own units, so a loss "
      "shows as a negative IRR or NPV or a MOIC below 1. SE: how much P50 would move with another seed. "
      "Money in " +
      escape_html(in.currency) + ", nominal; NPVs are discounted to the start of the contract.</p>\n";
  std::string section;
  for (const auto& r : rows) {
    if (r.section != section) {
      if (!section.empty()) html += "</tbody>\n</table></div>\n";
      section = r.section;
      const std::string title = section == "tranches"
                                    ? "Tranches (most senior first; the last takes the first loss)"
                                : section == "capital" ? "Capital"
                                                       : "Returns";
      html += "<h3>" + title +
              "</h3>\n<div class=\"scroll\"><table>\n<thead><tr><th>Metric</th><th>P5 (VaR 5 %)</th>"
              "<th>P50 (median)</th><th>P95</th><th>SE of P50</th><th>Mean</th><th>Worst 5 % (ES)</th></tr>"
              "</thead>\n<tbody>\n";
    }
    html += "<tr><td>" + escape_html(r.metric) + "</td><td>" + format_value(r.p5, r.kind, in.currency) +
            "</td><td>" + format_value(r.p50, r.kind, in.currency) + "</td><td>" +
            format_value(r.p95, r.kind, in.currency) + "</td><td>" + format_se(r.se, r.kind, in.currency) +
            "</td><td>" + format_value(r.mean, r.kind, in.currency) + "</td><td>" +
            (std::isfinite(r.es05) ? format_value(r.es05, r.kind, in.currency) : std::string("&ndash;")) +
            "</td></tr>\n";
  }
  html += "</tbody>\n</table></div>\n";
  if (!in.probabilities.empty()) {
    html +=
        "<h3>Probabilities</h3>\n<p class=\"caption\">Each is the share of all simulated futures in which "
        "the named event happens, &plusmn; its standard error.</p>\n<div class=\"scroll\"><table>\n<thead>"
        "<tr><th>Event</th><th>Probability</th></tr></thead>\n<tbody>\n";
    for (const auto& p : in.probabilities)
      html += "<tr><td>P(" + escape_html(p.label) + ")</td><td>" + probability_with_se(p.p, p.se) +
              "</td></tr>\n";
    html += "</tbody>\n</table></div>\n";
  }
  return html;
}

std::string glossary_section() {
  return R"(<h2>Glossary</h2>
<dl>
<dt>IRR (internal rate of return)</dt><dd>The investor's average yearly return: the interest rate at which the money paid in and the money received back balance out. 8 % means the investment grew as if it earned 8 % a year.</dd>
<dt>MOIC (multiple on invested capital)</dt><dd>Money received back divided by money paid in. 1.0x means the investor got exactly its money back (before any interest); below 1.0x it lost money.</dd>
<dt>P(event)</dt><dd>The share of simulated futures in which the named event happens. A nominal loss: the investor gets back (outcome payments plus any guarantee) less than the capital it paid in, the same as a MOIC below 1. NPV &lt; 0: the investor earns less than its discount rate, a weaker condition than a nominal loss, so its probability is larger.</dd>
<dt>VaR (value at risk)</dt><dd>A bad-but-plausible outcome: VaR 5 % is the P5 value, which only 5 % of simulated futures fall below. Shown in the metric's own units (a negative IRR or NPV is a loss).</dd>
<dt>ES (expected shortfall)</dt><dd>The average of those worst futures: ES 5 % averages the worst 5 % of outcomes, in the metric's own units. It is never above the VaR.</dd>
<dt>NPV (net present value)</dt><dd>All future payments added up after converting them to today's money with a discount rate, so that money received later counts for less.</dd>
<dt>public_total</dt><dd>All public budgets together (municipality, state, region and other municipalities). Transfers between them, such as result grants and tax equalisation, cancel out here.</dd>
<dt>Payback month, time to repayment</dt><dd>The month from which the investor's cumulative cash stays at or above zero: undiscounted (payback), or discounted at its discount rate (repaid with that return). "Never" paths are left out of the percentiles and counted separately.</dd>
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
