// The report's chart sections: investor distributions, fan charts, budget accounts, sensitivity.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "analysis/report/report_sections.hpp"
#include "analysis/report/svg_charts.hpp"
#include "analysis/sensitivity.hpp"

namespace sisim::report::detail {
namespace {

constexpr std::size_t kMaxSensitivityRows = 15;

bool has_finite(const std::vector<double>& x) {
  return std::any_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

std::string loss_note(const stats::Summary& s) {
  std::string note = "P(nominal loss) = " + format_percent(s.p_loss);
  if (std::isfinite(s.p_loss_se) && s.p_loss_se > 0.0) {
    // Two significant digits, so a nonzero SE never prints as 0.0 %.
    const int decimals = std::clamp(1 - static_cast<int>(std::floor(std::log10(100.0 * s.p_loss_se))), 1, 6);
    note += " (SE " + format_percent(s.p_loss_se, decimals) + ")";
  }
  return note;
}

bool all_zero(const BudgetAccount& a, std::size_t item) {
  for (const auto* m : {&a.mean, &a.p05, &a.p95})
    for (const auto& year : *m)
      if (item < year.size() && year[item] != 0.0 && !std::isnan(year[item])) return false;
  return true;
}

std::string account_chart(const BudgetAccount& a, const std::string& currency) {
  GroupedBars bars;
  bars.x_title = "Year of the contract";
  // Items come from the data's width; a missing name is shown as "item k" rather than dropping data.
  std::size_t width = a.items.size();
  for (const auto& year : a.mean) width = std::max(width, year.size());
  std::vector<std::size_t> kept;  // items that are not zero throughout: fewer, wider bars
  for (std::size_t i = 0; i < width; ++i)
    if (!all_zero(a, i)) kept.push_back(i);
  if (a.mean.empty()) return no_data("no budget account for " + a.budget + ".");
  if (kept.empty()) return no_data("every line item of " + a.budget + " is zero in every year.");
  for (std::size_t i : kept)
    bars.series.push_back(i < a.items.size() ? a.items[i] : "item " + std::to_string(i + 1));
  const bool whiskers = a.p05.size() == a.mean.size() && a.p95.size() == a.mean.size();
  for (std::size_t y = 0; y < a.mean.size(); ++y) {
    bars.groups.push_back("Y" + std::to_string(y + 1));
    std::vector<double> v, lo, hi;
    for (std::size_t i : kept) {
      const auto pick = [&](const std::vector<std::vector<double>>& m) {
        return i < m[y].size() ? m[y][i] : std::nan("");
      };
      v.push_back(pick(a.mean));
      if (whiskers) lo.push_back(pick(a.p05)), hi.push_back(pick(a.p95));
    }
    bars.value.push_back(v);
    if (whiskers) bars.low.push_back(lo), bars.high.push_back(hi);
  }
  return grouped_bars_svg(bars, "Annual budget account: " + a.budget, "Per year", currency);
}

}  // namespace

std::string investor_section(const ReportInput& in) {
  std::string html = "<h2>The investor's return</h2>\n";
  const auto flags = investor_loss_flags(in);
  html += "<h3>Annual return (IRR)</h3>\n";
  if (!has_finite(in.investor_irr)) {
    html += no_data("no path has a defined investor IRR.");
  } else {
    const auto s = summarize_column(in.investor_irr, &flags);
    std::string missing;
    if (s.n_nan > 0)
      missing =
          " Not shown: " + format_percent(static_cast<double>(s.n_nan) / static_cast<double>(s.n + s.n_nan)) +
          " of paths where the return is not defined (e.g. nothing was paid back).";
    html +=
        "<p class=\"caption\">How often each annual return occurred across the simulated futures. Bars left "
        "of "
        "the dashed 0 % line are futures in which the investor lost money. The outermost bars also hold the "
        "rare paths beyond the axis." +
        missing + "</p>\n";
    html +=
        histogram_svg(in.investor_irr, {"Distribution of the investor's IRR", "Annual return (IRR), % a year",
                                        AxisFormat::percent, in.currency, 0.0, "0 %", loss_note(s)});
  }
  html += "<h3>Money back per money in (MOIC)</h3>\n";
  if (!has_finite(in.investor_moic)) {
    html += no_data("no path has a defined MOIC.");
  } else {
    const auto s = summarize_column(in.investor_moic, &flags);
    html +=
        "<p class=\"caption\">Left of the dashed 1.0x line the investor got back less than it paid in.</p>\n";
    html += histogram_svg(in.investor_moic, {"Distribution of the investor's MOIC",
                                             "Multiple on invested capital (money back per money in, x)",
                                             AxisFormat::multiple, in.currency, 1.0, "1.0x", loss_note(s)});
  }
  if (!in.tranche_moic.empty()) {
    html +=
        "<h3>Tranches: money back per money in</h3>\n<p class=\"caption\">The waterfall's outcome for each "
        "tranche: outcome money goes to the most senior tranche first, so the last one takes the first loss. "
        "Left of the dashed 1.0x line the tranche got back less than it paid in.</p>\n";
    for (const auto& t : in.tranche_moic) {
      if (!has_finite(t.values)) {
        html += no_data("no path has a defined MOIC for tranche " + t.name + ".");
        continue;
      }
      // The probability the simulation computed from the tranche's own loss flags (not re-derived).
      std::string note;
      for (const auto& p : in.probabilities)
        if (p.key == "tranche_" + t.name + "_loss_nominal")
          note = "P(nominal loss, MOIC < 1) = " + format_percent(p.p);
      html += histogram_svg(t.values, {"Tranche " + t.name + ": MOIC", "Multiple on invested capital (x)",
                                       AxisFormat::multiple, in.currency, 1.0, "1.0x", note});
    }
  }
  return html;
}

std::string fan_section(const ReportInput& in) {
  std::string html =
      "<h2>Cash over time</h2>\n<p class=\"caption\">The dark line is the middle case; the bands "
      "hold the middle 50 % and 90 % of simulated futures. Below zero: more paid out than received "
      "so far.</p>\n";
  html += "<h3>Investor: cumulative cash</h3>\n";
  html += in.investor_cumulative_cash.months.empty()
              ? no_data("no investor cash-flow bands.")
              : fan_chart_svg(in.investor_cumulative_cash, "Investor cumulative cash", "Cumulative cash",
                              in.currency);
  if (!in.undrawn_commitment.months.empty()) {
    html +=
        "<h3>Investor: undrawn commitment</h3>\n<p class=\"caption\">The capital committed up front minus "
        "the drawdowns so far; below zero the programme has drawn more than was committed.</p>\n";
    html += fan_chart_svg(in.undrawn_commitment, "Undrawn commitment", "Undrawn commitment", in.currency);
  }
  for (const auto& fan : in.budget_cumulative_net) {
    html += "<h3>" + escape_html(fan.name) + ": cumulative net</h3>\n";
    html += fan.months.empty()
                ? no_data("no bands for " + fan.name + ".")
                : fan_chart_svg(fan, fan.name + " cumulative net", "Cumulative net", in.currency);
  }
  return html;
}

std::string budget_account_section(const ReportInput& in) {
  std::string html = "<h2>Annual budget account</h2>\n";
  if (in.budget_accounts.empty()) return html + no_data("no annual budget accounts.");
  html +=
      "<p class=\"caption\">Per year and line item: the average over simulated futures (bar) and the range "
      "holding 90 % of them (whisker, P5 to P95). Positive: the budget gains (a saving or extra "
      "income).</p>\n";
  for (const auto& a : in.budget_accounts) {
    html += "<h3>" + escape_html(a.budget) + "</h3>\n";
    html += account_chart(a, in.currency);
  }
  return html;
}

std::string sensitivity_section(const ReportInput& in) {
  std::string html = "<h2>What drives the results</h2>\n";
  std::vector<std::pair<std::string, const std::vector<double>*>> targets;
  if (!in.investor_npv.empty()) targets.emplace_back("investor NPV", &in.investor_npv);
  const NamedColumn* budget = find_budget(in, "municipality");
  if (budget == nullptr && !in.budget_npv.empty()) budget = &in.budget_npv.front();
  if (budget != nullptr) targets.emplace_back(budget->name + " NPV", &budget->values);
  if (in.parameters.empty() || targets.empty()) return html + no_data("no sampled parameters to rank.");

  std::vector<std::string> names;
  std::vector<std::vector<double>> columns;
  for (const auto& p : in.parameters) names.push_back(p.name), columns.push_back(p.values);
  // How much of the target's variance the sampled draws explain (before the drivers are added).
  double r2 = std::nan("");
  try {
    r2 = analysis::linear_r_squared(columns, *targets.front().second);
  } catch (const std::invalid_argument&) {
  }
  for (const auto& d : in.drivers) names.push_back(d.name), columns.push_back(d.values);
  HorizontalBars bars;
  std::vector<std::vector<analysis::SensitivityRow>> by_target;
  try {
    for (const auto& t : targets) by_target.push_back(analysis::rank_sensitivity(names, columns, *t.second));
  } catch (const std::invalid_argument& e) {
    return html + no_data(e.what());
  }
  // Order parameters by their largest |rho| over the targets (the first target's order breaks ties).
  const auto rho_of = [&](std::size_t t, const std::string& name) {
    for (const auto& r : by_target[t])
      if (r.name == name) return r.rho;
    return std::nan("");
  };
  std::vector<std::pair<double, std::string>> order;
  for (const auto& r : by_target.front()) {
    double best = 0.0;
    for (std::size_t t = 0; t < targets.size(); ++t)
      if (std::isfinite(rho_of(t, r.name))) best = std::max(best, std::abs(rho_of(t, r.name)));
    order.emplace_back(best, r.name);
  }
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  if (order.size() > kMaxSensitivityRows) order.resize(kMaxSensitivityRows);
  for (const auto& t : targets) bars.series.push_back(t.first);
  for (const auto& [best, name] : order) {
    bars.labels.push_back(name);
    std::vector<double> v;
    for (std::size_t t = 0; t < targets.size(); ++t) v.push_back(rho_of(t, name));
    bars.value.push_back(v);
  }
  const double noise = 4.0 * by_target.front().front().se;
  html +=
      "<p class=\"caption\">Rank correlation of each uncertain input with the result, over simulated "
      "futures: "
      "+1 means a higher input always goes with a higher result, -1 always with a lower one, 0 no relation. "
      "Bars shorter than &plusmn;" +
      format_fixed(noise, 2) +
      " (4 standard errors) cannot be told apart from "
      "chance.</p>\n";
  if (std::isfinite(r2))
    html +=
        "<p>The sampled inputs explain <b>R&sup2; = " + format_percent(r2) + "</b> of the variance of " +
        escape_html(targets.front().first) +
        " (a linear regression on all of them); the rest comes from the labour-market regime, the payer's "
        "termination and each participant's own history" +
        (in.drivers.empty() ? std::string(".") : std::string(" (the first two are shown as drivers).")) +
        "</p>\n";
  bars.noise_band = noise;
  bars.noise_label = "within 4 SE of 0 (noise)";
  html += horizontal_bars_svg(bars, "Rank correlation of inputs with results",
                              "Spearman rank correlation (-1 to +1, no unit)", -1.0, 1.0);
  return html;
}

std::string tornado_section(const ReportInput& in) {
  if (in.tornado.empty()) return "";
  std::string html =
      "<h2>Tornado: what each input does on its own</h2>\n<p class=\"caption\">Each input is fixed at its "
      "low "
      "end (P10) and then at its high end (P90), every other draw as sampled on the same paths; the switches "
      "compare no recession with a recession from the start, and a payer who never terminates with one who "
      "ends the contract halfway through the outcome window. Bars: change from the scenario as given; inputs "
      "ranked by the swing (high end minus low end).</p>\n";
  for (const auto& t : in.tornado) {
    if (t.bars.empty()) continue;
    const bool rate = t.kind == ValueKind::rate;
    const double unit = rate ? 100.0 : 1e6;
    const std::string x_title = rate ? "Change from the scenario as given, percentage points"
                                     : "Change from the scenario as given, M " + in.currency;
    HorizontalBars bars;
    bars.series = {"input at its low end", "input at its high end"};
    double lo = 0.0, hi = 0.0;
    std::string rows;
    for (const auto& b : t.bars) {
      bars.labels.push_back(b.input);
      const double a = (b.low - t.base) * unit, c = (b.high - t.base) * unit;
      bars.value.push_back({a, c});
      lo = std::min({lo, a, c});
      hi = std::max({hi, a, c});
      const std::string swing = rate ? format_fixed(100.0 * (b.high - b.low), 1) + " pp &plusmn; " +
                                           format_fixed(100.0 * b.swing_se, 1) + " pp"
                                     : format_money(b.high - b.low) + " &plusmn; " +
                                           format_money(b.swing_se) + " " + escape_html(in.currency);
      rows += "<tr><td>" + escape_html(b.input) + "</td><td>" + escape_html(b.low_label) + " &rarr; " +
              escape_html(b.high_label) + "</td><td>" + swing + "</td></tr>\n";
    }
    const double pad = 0.05 * std::max(hi - lo, 1e-9);
    html += "<h3>" + escape_html(t.metric) + "</h3>\n";
    html += horizontal_bars_svg(bars, "Tornado: " + t.metric, x_title, lo - pad, hi + pad);
    html +=
        "<div class=\"scroll\"><table>\n<thead><tr><th>Input</th><th>Low end &rarr; high end</th><th>Swing "
        "(high &minus; low) &plusmn; SE</th></tr></thead>\n<tbody>\n" +
        rows + "</tbody>\n</table></div>\n";
  }
  return html;
}

}  // namespace sisim::report::detail
