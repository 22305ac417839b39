// The report's section on society's account and the funding alternatives (docs/MODEL.md 14-15),
// written for a municipal decision-maker: what each way of paying for the programme leaves the
// municipality, what the outcome contract costs compared with funding it directly, and who gains.
#include <cmath>

#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_core.hpp"

namespace sisim::report::detail {
namespace {

std::string money(double v, const std::string& currency) {
  return std::isfinite(v) ? format_money(v) + " " + escape_html(currency) : "n/a";
}

std::string money_se(double v, double se, const std::string& currency) {
  return money(v, currency) + (std::isfinite(se) ? " (&plusmn; " + format_money(se) + ")" : "");
}

std::string party_label(const std::string& name) {
  if (name == "other_municipalities") return "other municipalities (equalisation)";
  if (name == "participants") return "participants (wages + benefits - taxes)";
  if (name == "investor") return "investor (receipts - costs funded)";
  if (name == "grants") return "donors' grants (non-repayable tranches)";
  if (name == "employer_costs") return "production above the gross wage (employer costs)";
  if (name == "distortion") return "distortion effect of net public spending";
  return name;
}

}  // namespace

std::string society_section(const ReportInput& in) {
  std::string html = "<h2>Society and the ways to pay for the programme</h2>\n";
  if (!in.society)
    return html + no_data("this result file has no society's account (written by an older sisim).");
  const analysis::SocietySummary& s = *in.society;
  const std::string& cur = in.currency;
  html +=
      "<p>The same simulated futures, four ways for the municipality to run the programme: (a) not at all, "
      "(b) "
      "paying its costs itself and keeping every saving, (c) paying for outcomes through the investor (this "
      "scenario's deal), and, if the scenario names one, (d) with a fund paying part of the costs. Values "
      "are "
      "the municipality's net present value at the public discount rate, nominal " +
      escape_html(cur) + ".</p>\n";
  html +=
      "<table>\n<thead><tr><th>Municipality's result</th><th>P5</th><th>P50</th><th>P95</th><th>Mean "
      "(&plusmn; SE)</th></tr></thead>\n<tbody>\n<tr><td>(a) does "
      "nothing</td><td>0</td><td>0</td><td>0</td><td>0 "
      "(by definition)</td></tr>\n";
  for (const auto& a : s.alternatives) {
    const auto& x = a.summary;
    html += "<tr><td>" + escape_html(a.label) + "</td><td>" + money(x.quantiles[1], cur) + "</td><td>" +
            money(x.quantiles[4], cur) + "</td><td>" + money(x.quantiles[7], cur) + "</td><td>" +
            money_se(x.mean, x.se_mean, cur) + "</td></tr>\n";
  }
  const auto& so = s.society;
  html += "<tr><td>Society's account (all of Denmark)</td><td>" + money(so.quantiles[1], cur) + "</td><td>" +
          money(so.quantiles[4], cur) + "</td><td>" + money(so.quantiles[7], cur) + "</td><td>" +
          money_se(so.mean, so.se_mean, cur) + "</td></tr>\n</tbody>\n</table>\n";
  const auto& rt = s.risk_transfer;
  if (std::isfinite(rt.mean)) {
    const bool costs = rt.mean < 0.0;
    html +=
        "<p><b>Cost of moving the risk to the investor:</b> on average the outcome contract leaves the "
        "municipality " +
        money_se(std::fabs(rt.mean), rt.se, cur) + (costs ? " less" : " more") +
        " than funding the programme itself (standard error from the difference on each path). " +
        (costs ? "That is what the municipality pays for not carrying the risk that the programme fails. "
               : "") +
        "In " + format_percent(rt.p_greater) + " (&plusmn; " + format_percent(rt.p_greater_se) +
        ") of futures the contract does better for the municipality than own funding: the futures in which "
        "its outcome payments fall short of the programme's costs (the programme works badly and the "
        "investor bears the loss).</p>\n";
  }
  if (std::isfinite(s.cost_per_outcome.value) && std::isfinite(s.value_per_outcome_municipality.value))
    html +=
        "<p><b>Price band:</b> each extra outcome the programme causes (one more event of the first "
        "rate-card line than without it) costs " +
        money_se(s.cost_per_outcome.value, s.cost_per_outcome.se, cur) + " to produce and is worth " +
        money_se(s.value_per_outcome_municipality.value, s.value_per_outcome_municipality.se, cur) +
        " in savings to the municipality (" + money(s.value_per_outcome_public.value, cur) +
        " to all public budgets). Outcome-fund guidance recommends prices between the cost and the value "
        "per outcome" +
        (std::isfinite(in.first_price) ? "; the scenario pays " + money(in.first_price, cur) + " per " +
                                             escape_html(in.first_price_label)
                                       : std::string()) +
        "; <code>sisim price</code> solves the band of prices the investor and the payers accept. "
        "Prices are paid on measured outcomes, which may count more events than the extra ones.</p>\n";
  html +=
      "<h3>Who gains: the division of society's account</h3>\n<table>\n<thead><tr><th>Party</th><th>Mean "
      "NPV (&plusmn; SE)</th></tr></thead>\n<tbody>\n";
  double total = 0.0;
  for (const auto& d : s.division) {
    html += "<tr><td>" + escape_html(party_label(d.name)) + "</td><td>" + money_se(d.mean, d.se, cur) +
            "</td></tr>\n";
    total += d.mean;
  }
  html += "<tr><td><b>Society</b></td><td><b>" + money(total, cur) + "</b></td></tr>\n</tbody>\n</table>\n";
  html +=
      "<p class=\"caption\">Society's account counts real resources: the production value of the extra hours "
      "worked, minus the programme's costs, plus public services saved, plus the distortion effect of the "
      "change in net public spending. Benefits, taxes, grants and outcome payments only move money between "
      "the parties above, so the parties add up to society's account on every path.</p>\n";
  if (!in.society_annual.empty() && !in.society_lines.empty()) {
    html += "<h3>Society's account by year (mean over paths)</h3>\n<table>\n<thead><tr><th>Year</th>";
    for (const auto& l : in.society_lines) html += "<th>" + escape_html(l) + "</th>";
    html += "<th>total</th></tr></thead>\n<tbody>\n";
    for (size_t y = 0; y < in.society_annual.size(); ++y) {
      html += "<tr><td>" + std::to_string(y + 1) + "</td>";
      double row = 0.0;
      for (double v : in.society_annual[y]) {
        html += "<td>" + format_money(v) + "</td>";
        row += v;
      }
      html += "<td>" + format_money(row) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n";
  }
  return html;
}

}  // namespace sisim::report::detail
