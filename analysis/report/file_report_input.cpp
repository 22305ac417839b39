#include "analysis/report/file_report_input.hpp"

#include "analysis/report/report_reader.hpp"
#include "sim/api/price_file.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_file.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::report {

using config::PricingTarget;

// The result schema this reader reads (sim/api).
using api::comparison_metrics;
using api::config_of_file;
using api::describe_target;
using api::kPriceBudgets;
using api::PairedValue;
using api::price_budget_name;
using api::PriceFile;
using api::PriceReport;
using api::PriceSolution;
using api::read_paths_attribute;
using api::read_price_file;
using api::read_stress_comparison;
using api::read_sweep_file;
using api::sweep_metrics;
using api::sweep_stats;
using api::SweepTable;
namespace {

FileHeader header_of(const io::ResultReader& r, const std::string& path) {
  FileHeader h;
  h.scenario_name = r.attribute_string("/", "scenario");
  h.seed = r.attribute_uint("/", "seed");
  h.paths = read_paths_attribute(r);
  h.created = r.has_attribute("/", "created") ? r.attribute_string("/", "created") : "";
  h.sisim_version =
      r.attribute_string("/", "sisim_version") + " (git " + r.attribute_string("/", "git_hash") + ")";
  h.currency = config_of_file(path).currency;
  return h;
}

// The report's name of a stress metric: what it is, and for a probability which event.
std::string stress_label(const std::string& name, const std::string& terminal_label) {
  if (name == "investor_irr_p50") return "Investor IRR, median (annual)";
  if (name == "investor_p_loss")
    return "P(investor nominal loss: receipts plus guarantee below the capital drawn)";
  if (name == "investor_npv_mean") return "Investor NPV, mean";
  if (name == "municipality_npv_mean") return "Municipality NPV, mean";
  if (name == "public_total_npv_mean") return "Public sector (public_total) NPV, mean";
  return terminal_label;  // "P(municipality NPV < 0)" and the like already name their event
}

// An axis title with units for a swept column, short enough for a vertical axis: the last key of
// the path; "scale(p)" is a factor, "add(p)" an increment in p's own units, a plain path a value
// in the units the scenario states it in.
std::string column_title(const std::string& column) {
  const auto last_key = [](const std::string& path) {
    const std::size_t dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
  };
  const auto inner = [&](std::size_t open) { return column.substr(open + 1, column.size() - open - 2); };
  if (column.rfind("scale(", 0) == 0 && column.back() == ')')
    return last_key(inner(5)) + " (factor, 1 = as given)";
  if (column.rfind("add(", 0) == 0 && column.back() == ')')
    return last_key(inner(3)) + " (added, in its own units)";
  return last_key(column) + " (in the scenario's units)";
}

}  // namespace

ResultKind result_kind(const std::string& path) {
  const io::ResultReader r(path);
  if (r.exists("/stress/comparison")) return ResultKind::stress;
  if (r.exists("/sweep/points")) return ResultKind::sweep;
  if (r.exists("/price")) return ResultKind::price;
  return ResultKind::run;
}

StressReportInput read_stress_report_input(const std::string& path) {
  StressReportInput in;
  std::vector<std::vector<PairedValue>> rows;
  read_stress_comparison(path, in.cases, rows);
  const io::ResultReader r(path);
  in.header = header_of(r, path);
  for (const auto& c : in.cases) {
    const std::string g = "/stress/cases/" + c + "/";
    in.descriptions.push_back(r.exists(g + "description") ? r.read_string(g + "description") : "");
    in.applied.push_back(r.exists(g + "applied") ? r.read_string(g + "applied") : "");
  }
  const auto& metrics = comparison_metrics();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    StressMetric sm;
    sm.label = stress_label(metrics[m].name, metrics[m].label);
    sm.kind = value_kind(metrics[m].unit);
    for (const auto& row : rows) {
      sm.value.push_back(row[m].value);
      sm.change.push_back(row[m].change);
      sm.change_se.push_back(row[m].change_se);
    }
    in.metrics.push_back(std::move(sm));
  }
  return in;
}

SweepReportInput read_sweep_report_input(const std::string& path) {
  const SweepTable t = read_sweep_file(path);
  SweepReportInput in;
  in.header = header_of(io::ResultReader(path), path);
  in.kind = t.kind;
  in.columns = t.columns;
  for (const auto& c : t.columns) in.column_titles.push_back(column_title(c));
  in.grid_shape = t.grid_shape;
  in.points_total = t.points_total;
  in.index = t.index;
  in.values = t.values;
  const auto column = [&](const std::string& metric, const std::string& stat) -> const std::vector<double>& {
    std::size_t m = 0, s = 0;
    while (sweep_metrics()[m] != metric) ++m;
    while (sweep_stats()[s] != stat) ++s;
    return t.stats[m * sweep_stats().size() + s];
  };
  // Estimates with a standard error in the file: means (se) and probabilities (p_loss_se).
  const struct {
    const char* metric;
    const char* stat;
    const char* se;
    const char* label;
    const char* short_label;
    ValueKind kind;
  } shown[] = {
      {"investor/irr", "mean", "se", "Investor IRR, mean over paths where it is defined (annual)",
       "Investor IRR, mean (annual)", ValueKind::rate},
      {"investor/irr", "p_loss", "p_loss_se",
       "P(investor nominal loss: receipts plus guarantee below the capital drawn)",
       "P(investor nominal loss)", ValueKind::rate},
      {"investor/npv", "mean", "se", "Investor NPV, mean", "Investor NPV, mean", ValueKind::money},
      {"investor/npv", "p_loss", "p_loss_se", "P(investor NPV < 0 at its discount rate)",
       "P(investor NPV < 0)", ValueKind::rate},
      {"budgets/municipality/npv", "mean", "se", "Municipality NPV, mean", "Municipality NPV, mean",
       ValueKind::money},
      {"budgets/municipality/npv", "p_loss", "p_loss_se", "P(municipality NPV < 0)",
       "P(municipality NPV < 0)", ValueKind::rate},
      {"budgets/public_total/npv", "mean", "se", "Public sector (public_total) NPV, mean",
       "public_total NPV, mean", ValueKind::money},
  };
  for (const auto& s : shown)
    in.metrics.push_back({s.label, s.short_label, s.kind, column(s.metric, s.stat), column(s.metric, s.se)});
  return in;
}

PriceReportInput read_price_report_input(const std::string& path) {
  const PriceFile f = read_price_file(path);
  const PriceReport& p = f.report;
  PriceReportInput in;
  in.header = header_of(io::ResultReader(path), path);
  in.k_low = p.spec.k_low;
  in.k_high = p.spec.k_high;
  using K = PricingTarget::Kind;
  const auto kind_of_target = [](const PricingTarget& t) {
    return t.kind == K::npv_mean_min ? ValueKind::money : ValueKind::rate;
  };
  in.investor_kind = kind_of_target(p.spec.investor);
  in.payer_kind = kind_of_target(p.spec.payer);
  in.investor_metric = p.spec.investor.kind == K::irr_p50      ? "Investor IRR, median (% a year)"
                       : p.spec.investor.kind == K::p_loss_max ? "P(investor nominal loss), %"
                                                               : "Investor NPV, mean";
  in.payer_metric =
      p.spec.payer.kind == K::p_loss_max ? "P(the budget's NPV < 0), %" : "The budget's NPV, mean";
  const auto side = [&](const std::string& who, const PriceSolution& s, const PricingTarget& t, bool investor,
                        int budget) {
    PriceSide out;
    out.who = who;
    out.target = describe_target(t, investor, p.currency);
    out.status = to_string(s.status);
    out.k = s.k;
    out.k_se = s.k_se;
    out.metric = s.metric;
    out.metric_se = s.metric_se;
    out.target_value = t.value;
    for (const auto& [k, m] : p.evaluations) {
      out.metric_at.push_back(investor ? m.investor : m.budget[budget]);
      out.metric_se_at.push_back(investor ? m.investor_se : m.budget_se[budget]);
    }
    return out;
  };
  in.investor = side("investor", p.investor, p.spec.investor, true, 0);
  for (int b = 0; b < kPriceBudgets; ++b)
    in.payers.push_back(
        side(std::string("payer (") + price_budget_name(b) + ")", p.payer[b], p.spec.payer, false, b));
  for (const auto& [k, m] : p.evaluations) in.multipliers.push_back(k);
  for (const auto& l : p.lines) {
    in.line_labels.push_back(l.label);
    in.base_prices.push_back(l.base);
  }
  in.verdict = p.verdict;
  return in;
}

}  // namespace sisim::report
