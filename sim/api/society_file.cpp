#include "sim/api/society_file.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "sim/api/result_file.hpp"

namespace sisim::api {

using engine::RunOutput;
using engine::SeriesSummary;

namespace {

std::string money(double v) {
  if (std::isnan(v)) return "n/a";
  if (std::fabs(v) >= 1e6) return fmt::format("{:.2f} M", v / 1e6);
  return fmt::format("{:.0f} k", std::fabs(v) < 500.0 ? 0.0 : v / 1e3);
}

// A budget no flow of the scenario reaches (zero on every path) prints as a plain "0".
std::string money_se(double v, double se) {
  if (v == 0.0 && se == 0.0) return "0";
  return money(v) + " \xC2\xB1" + money(se);
}

void write_ratio(io::ResultWriter& w, const std::string& g, const std::string& name, const analysis::Ratio& r,
                 const std::string& what, const std::string& currency) {
  w.write_scalar(g + name, r.value, currency, what + " (ratio of means over paths)");
  w.write_scalar(g + name + "_se", r.se, currency, "delta-method standard error of " + name);
}

}  // namespace

analysis::ColumnMap society_columns(const RunOutput& run) {
  analysis::ColumnMap out;
  for (const auto& path : analysis::society_column_paths()) {
    const int c = run.columns.find(path);
    if (c >= 0) out[path] = run.columns.column(c);
  }
  return out;
}

analysis::ColumnMap read_society_columns(const io::ResultReader& r, const std::string& prefix) {
  analysis::ColumnMap out;
  for (const auto& path : analysis::society_column_paths())
    if (r.exists(prefix + path)) out[path] = r.read_doubles(prefix + path);
  return out;
}

void write_society(io::ResultWriter& w, const std::string& prefix, const RunOutput& run,
                   const std::string& currency) {
  write_society(w, prefix, analysis::summarize_society(society_columns(run)), run.series, currency);
}

void write_society(io::ResultWriter& w, const std::string& prefix,
                   const std::optional<analysis::SocietySummary>& s, const SeriesSummary& ts,
                   const std::string& currency) {
  if (!s) return;
  write_summary(w, prefix, "society/npv", s->society, currency, "probability that society's NPV is below 0");
  for (const auto& d : s->division) {
    const std::string g = prefix + "/summary/society/division/" + d.name + "/";
    w.write_scalar(g + "mean", d.mean, currency, "mean NPV over paths of what " + d.name + " receives");
    w.write_scalar(g + "se", d.se, currency, "standard error of the mean");
  }
  for (const auto& a : s->alternatives)
    write_summary(w, prefix, "alternatives/" + a.name, a.summary, currency,
                  "probability that " + a.name + " NPV is below 0");
  const std::string rt = prefix + "/summary/alternatives/risk_transfer/";
  w.write_scalar(
      rt + "mean", s->risk_transfer.mean, currency,
      "mean of (c) outcome contract minus (b) own funding, the municipality's NPV, paired by path: "
      "minus the cost of transferring the risk to the investor");
  w.write_scalar(rt + "se", s->risk_transfer.se, currency, "paired standard error of mean");
  w.write_scalar(rt + "p_contract_better", s->risk_transfer.p_greater, "1",
                 "share of paths on which (c) gives the municipality a higher NPV than (b)");
  w.write_scalar(rt + "p_contract_better_se", s->risk_transfer.p_greater_se, "1",
                 "standard error of p_contract_better");
  const std::string pb = prefix + "/summary/alternatives/price_band/";
  write_ratio(w, pb, "cost_per_outcome", s->cost_per_outcome,
              "programme costs (NPV) per extra outcome of the first rate-card line", currency);
  write_ratio(w, pb, "value_per_outcome_municipality", s->value_per_outcome_municipality,
              "the municipality's savings before payments (NPV) per extra outcome", currency);
  write_ratio(w, pb, "value_per_outcome_public", s->value_per_outcome_public,
              "the public budgets' savings before payments (NPV) per extra outcome", currency);
  const auto years = static_cast<size_t>(ts.years);
  const auto items = ts.society_item_names.size();
  if (ts.society_mean.size() != years * items || items == 0) return;
  const std::string g = prefix + "/timeseries/society_account/";
  const std::string note = " (quantiles over the first " + std::to_string(ts.fan_paths) + " paths)";
  w.write_matrix(
      g + "mean", years, items, ts.society_mean, currency + "/year",
      "mean over all paths of society's account by line and contract year (positive: society gains)",
      ts.society_item_names, "year");
  w.write_matrix(g + "p05", years, items, ts.society_p05, currency + "/year",
                 "5 % quantile of society's account by line and year" + note, ts.society_item_names, "year");
  w.write_matrix(g + "p95", years, items, ts.society_p95, currency + "/year",
                 "95 % quantile of society's account by line and year" + note, ts.society_item_names, "year");
}

std::string format_society_table(const std::optional<analysis::SocietySummary>& s,
                                 const std::string& currency) {
  if (!s) return "";
  std::string out = "\nsociety and the funding alternatives (NPV at public.discount; " + currency +
                    " on the public budgets' price basis, see the deal terms)\n";
  // Widths count characters, so a cell with "\xC2\xB1" lines up with one without.
  const auto row_of = [&](const std::string& label, const std::string& p5, const std::string& p50,
                          const std::string& p95, const std::string& mean) {
    fmt::format_to(std::back_inserter(out), "{:<56} {:>14} {:>14} {:>14} {:>20}\n", label, p5, p50, p95,
                   mean);
  };
  row_of("", "P5", "P50", "P95", "mean");
  auto row = [&](const std::string& label, const stats::Summary& x) {
    row_of(label, money(x.quantiles[1]), money(x.quantiles[4]), money(x.quantiles[7]),
           money_se(x.mean, x.se_mean));
  };
  row("society's account", s->society);
  row_of("municipality: (a) does nothing", "0", "0", "0", "0");
  for (const auto& a : s->alternatives)
    row(a.name == "co_funding_fund" ? a.label : "municipality: " + a.label, a.summary);
  const auto& rt = s->risk_transfer;
  const auto item = [&](const std::string& label, const std::string& value) {
    fmt::format_to(std::back_inserter(out), "  {:<54} {}\n", label, value);
  };
  item("(c) minus (b), mean (paired)", money_se(rt.mean, rt.se));
  item("P((c) gives the municipality more than (b))",
       fmt::format("{:.1f} % \xC2\xB1{:.1f}", 100.0 * rt.p_greater, 100.0 * rt.p_greater_se));
  item("price band per extra outcome: cost .. value",
       fmt::format("{} .. {} (public: {})", money_se(s->cost_per_outcome.value, s->cost_per_outcome.se),
                   money_se(s->value_per_outcome_municipality.value, s->value_per_outcome_municipality.se),
                   money(s->value_per_outcome_public.value)));
  out += "who gains (mean NPV; the rows sum to society's account)\n";
  double total = 0.0;
  for (const auto& d : s->division) {
    item(d.name, money_se(d.mean, d.se));
    total += d.mean;
  }
  item("= society", money(total));
  out +=
      "((c) minus (b) < 0: what the municipality pays on average for moving the risk to the investor;\n"
      " an extra outcome = one more event of the first rate-card line than without the programme)\n";
  return out;
}

}  // namespace sisim::api
