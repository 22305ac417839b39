#include "analysis/report/report_reader.hpp"

#include <array>
#include <cmath>

#include "config/loader.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/api/tornado_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/results/deal_terms.hpp"
#include "sim/results/tornado.hpp"

namespace sisim::report {

using config::Config;
using config::load_config_from_string;
using config::LoadResult;
using config::Outcome;

// The result schema this reader reads (sim/api).
using api::config_of_file;
using api::read_column_of_length;
using api::read_matrix_of_shape;
using api::read_paths_attribute;
using api::read_society_columns;
using api::read_summary_document;
using api::read_tornado;
using api::SummaryDocument;
using api::Unit;
namespace {

// A [months x 9] fan (quantiles at stats::kQuantileLevels); `months` < 0: any number of rows.
QuantileFan read_fan(const io::ResultReader& r, const std::string& path, const std::string& name,
                     std::int64_t months) {
  QuantileFan fan;
  fan.name = name;
  size_t rows = 0;
  const auto data = read_matrix_of_shape(r, path, months, 9, rows);
  fan.months.resize(rows);
  for (size_t m = 0; m < rows; ++m)
    for (size_t k = 0; k < 9; ++k) fan.months[m][k] = data[m * 9 + k];
  return fan;
}

// [rows][cols] from a row-major matrix dataset of exactly `cols` columns and `rows` rows.
std::vector<std::vector<double>> read_rows(const io::ResultReader& r, const std::string& path,
                                           std::int64_t rows, std::int64_t cols) {
  size_t n = 0;
  const std::vector<double> data = read_matrix_of_shape(r, path, rows, cols, n);
  const auto width = static_cast<size_t>(cols);
  std::vector<std::vector<double>> out(n, std::vector<double>(width));
  for (size_t y = 0; y < n; ++y)
    for (size_t i = 0; i < width; ++i) out[y][i] = data[y * width + i];
  return out;
}

}  // namespace

ValueKind value_kind(Unit unit) {
  switch (unit) {
    case Unit::percent:
      return ValueKind::rate;
    case Unit::multiple:
      return ValueKind::multiple;
    case Unit::money:
      return ValueKind::money;
    case Unit::months:
      return ValueKind::months;
  }
  return ValueKind::number;
}

ReportInput read_report_input(const std::string& path) {
  ReportInput in;
  const SummaryDocument doc = read_summary_document(path);
  in.currency = doc.currency;
  for (const auto& t : doc.terms) in.terms.push_back({t.name, t.value});
  for (const auto& row : doc.summary.metrics) {
    if (row.spec.section == "budgets") continue;
    const auto& s = row.summary;
    const bool es = row.spec.section != "capital";
    in.summary_rows.push_back({row.spec.label, value_kind(row.spec.unit), s.quantiles[1], s.quantiles[4],
                               s.quantiles[7], s.quantile_se[4], s.mean, es ? s.es_05 : std::nan(""),
                               row.spec.section});
  }
  for (const auto& e : doc.summary.events)
    in.probabilities.push_back({e.spec.key, e.spec.label, e.p, e.p_se});
  in.notes = doc.notes;
  const io::ResultReader r(path);
  in.scenario_name = r.attribute_string("/", "scenario");
  in.seed = r.attribute_uint("/", "seed");
  in.paths = read_paths_attribute(r);
  in.created = r.attribute_string("/", "created");
  in.arm_coupling = r.has_attribute("/", "arm_coupling") ? r.attribute_string("/", "arm_coupling") : "1";
  in.sisim_version =
      r.attribute_string("/", "sisim_version") + " (git " + r.attribute_string("/", "git_hash") + ")";
  // Every per-path column holds exactly `paths` values: a forged file with a short column must
  // be refused, not read past its end.
  const auto column = [&](const std::string& p) { return read_column_of_length(r, p, in.paths); };
  in.investor_irr = column(io::column_path(io::ColumnGroup::investor, "irr"));
  in.investor_moic = column(io::column_path(io::ColumnGroup::investor, "moic"));
  in.investor_npv = column(io::column_path(io::ColumnGroup::investor, "npv"));
  // As the path decided it: a 0/1 flag. A forged value (256, NaN) must be refused, not
  // converted (converting an out-of-range double to uint8_t is undefined; found by the fuzzer).
  const std::string loss_path = io::column_path(io::ColumnGroup::loss, "nominal");
  const auto loss = column(loss_path);
  in.investor_loss.reserve(loss.size());
  for (double flag : loss) {
    if (flag != 0.0 && flag != 1.0)
      throw io::IoError("dataset '" + loss_path + "' in '" + path + "' holds " + std::to_string(flag) +
                        ", not a 0/1 flag (damaged or forged file)");
    in.investor_loss.push_back(static_cast<std::uint8_t>(flag));
  }
  in.investor_cumulative_cash = read_fan(r, "/timeseries/investor/cumulative_cash", "investor", -1);
  const auto months = static_cast<std::int64_t>(in.investor_cumulative_cash.months.size());
  if (const Config config = config_of_file(path);
      config.finance.commitment && r.exists("/timeseries/investor/cumulative_drawn")) {
    // Undrawn = commitment - drawn: its q-quantile is the commitment minus drawn's (1-q)-quantile.
    const auto drawn = read_fan(r, "/timeseries/investor/cumulative_drawn", "drawn", months);
    in.undrawn_commitment.name = "undrawn commitment";
    for (const auto& q : drawn.months) {
      std::array<double, 9> u{};
      for (size_t k = 0; k < 9; ++k) u[k] = *config.finance.commitment - q[8 - k];
      in.undrawn_commitment.months.push_back(u);
    }
  }
  for (const auto& budget : r.list(io::group_path(io::ColumnGroup::budget))) {
    in.budget_npv.push_back({budget, column(io::column_path(io::ColumnGroup::budget, "npv", budget))});
    in.budget_cumulative_net.push_back(
        read_fan(r, "/timeseries/budgets/" + budget + "/cumulative_net", budget, months));
    const std::string g = "/timeseries/annual_account/" + budget + "/";
    BudgetAccount account;
    account.budget = budget;
    account.items = r.attribute_strings(g + "mean", "columns");
    const auto items = static_cast<std::int64_t>(account.items.size());
    account.mean = read_rows(r, g + "mean", -1, items);
    const auto years = static_cast<std::int64_t>(account.mean.size());
    account.p05 = read_rows(r, g + "p05", years, items);
    account.p95 = read_rows(r, g + "p95", years, items);
    in.budget_accounts.push_back(std::move(account));
  }
  if (r.exists(io::group_path(io::ColumnGroup::tranche)))
    for (const auto& tranche : results::tranche_names_in_order(config_of_file(path)))
      in.tranche_moic.push_back(
          {tranche, column(io::column_path(io::ColumnGroup::tranche, "moic", tranche))});
  in.society = analysis::summarize_society(read_society_columns(r));
  if (r.exists("/meta/config_yaml")) {  // the scenario's price of the first rate-card line
    const LoadResult scenario = load_config_from_string(r.read_string("/meta/config_yaml"), "config_yaml");
    if (scenario.ok() && !scenario.config->contract.outcomes.empty()) {
      const Outcome& o = scenario.config->contract.outcomes.front();
      if (o.price.is_fixed()) {
        in.first_price = o.price.dist.value;
        in.first_price_label = std::string(to_string(o.metric)) + " (first rate-card line)";
      }
    }
  }
  if (r.exists("/timeseries/society_account/mean")) {
    in.society_lines = r.attribute_strings("/timeseries/society_account/mean", "columns");
    in.society_annual = read_rows(r, "/timeseries/society_account/mean", -1,
                                  static_cast<std::int64_t>(in.society_lines.size()));
  }
  if (r.exists(io::group_path(io::ColumnGroup::params)))
    for (const auto& name : r.list(io::group_path(io::ColumnGroup::params)))
      in.parameters.push_back(
          {results::human_label(name), column(io::column_path(io::ColumnGroup::params, "", name))});
  // Regime and payer: drivers that are drawn per path but are not parameters.
  in.drivers.push_back({"months in recession (regime)",
                        column(io::column_path(io::ColumnGroup::outcomes, "recession_months"))});
  auto termination = column(io::column_path(io::ColumnGroup::outcomes, "termination_month"));
  const double horizon = static_cast<double>(months);
  for (double& m : termination)
    if (m < 0) m = horizon;  // never terminated: as late as the horizon
  in.drivers.push_back({"termination month (payer; never = horizon)", termination});
  if (r.exists("/tornado")) {
    const results::TornadoResult t = read_tornado(path);
    const auto& metrics = results::tornado_metrics();
    for (std::size_t m = 0; m < metrics.size(); ++m) {
      TornadoChart chart;
      chart.metric = metrics[m].label;
      chart.kind = value_kind(metrics[m].unit);
      chart.base = t.base[m];
      for (std::size_t i : t.rank[m]) {
        const auto& s = t.swings[m][i];
        chart.bars.push_back(
            {t.inputs[i].is_switch ? t.inputs[i].name : results::human_label(t.inputs[i].name),
             t.inputs[i].low_label, t.inputs[i].high_label, s.low, s.high, s.swing_se});
      }
      in.tornado.push_back(chart);
    }
  }
  return in;
}

}  // namespace sisim::report
