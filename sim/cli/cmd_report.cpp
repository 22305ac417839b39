// `sisim report RESULTS.h5 -o REPORT.html`: one self-contained HTML file an investor can read.
#include <cmath>
#include <cstdio>

#include "analysis/report/report.hpp"
#include "config/loader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/report_reader.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/run_checks.hpp"
#include "sim/cli/society_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"
#include "sim/io/output_file.hpp"

namespace sisim::cli {
namespace {

// A [months x 9] fan (quantiles at analysis::kQuantileLevels); `months` < 0: any number of rows.
report::QuantileFan read_fan(const io::ResultReader& r, const std::string& path, const std::string& name,
                             std::int64_t months) {
  report::QuantileFan fan;
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

report::ValueKind kind_of(Unit unit) {
  switch (unit) {
    case Unit::percent:
      return report::ValueKind::rate;
    case Unit::multiple:
      return report::ValueKind::multiple;
    case Unit::money:
      return report::ValueKind::money;
  }
  return report::ValueKind::number;
}

}  // namespace

report::ReportInput read_report_input(const std::string& path) {
  report::ReportInput in;
  std::string title;
  for (const auto& row : read_headline_rows(path, title)) {
    const auto& s = row.summary;
    in.summary_rows.push_back({row.label, kind_of(row.unit), s.quantiles[1], s.quantiles[4], s.quantiles[7],
                               s.quantile_se[4], s.p_loss});
  }
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
  in.investor_irr = column("/paths/investor/irr");
  in.investor_moic = column("/paths/investor/moic");
  in.investor_npv = column("/paths/investor/npv");
  in.investor_loss = investor_loss_flags(column("/paths/investor/total_received"),
                                         column("/paths/investor/guarantee_received"),
                                         column("/paths/investor/total_drawn"));
  in.investor_cumulative_cash = read_fan(r, "/timeseries/investor/cumulative_cash", "investor", -1);
  const auto months = static_cast<std::int64_t>(in.investor_cumulative_cash.months.size());
  for (const auto& budget : r.list("/paths/budgets")) {
    in.budget_npv.push_back({budget, column("/paths/budgets/" + budget + "/npv")});
    in.budget_cumulative_net.push_back(
        read_fan(r, "/timeseries/budgets/" + budget + "/cumulative_net", budget, months));
    const std::string g = "/timeseries/annual_account/" + budget + "/";
    report::BudgetAccount account;
    account.budget = budget;
    account.items = r.attribute_strings(g + "mean", "columns");
    const auto items = static_cast<std::int64_t>(account.items.size());
    account.mean = read_rows(r, g + "mean", -1, items);
    const auto years = static_cast<std::int64_t>(account.mean.size());
    account.p05 = read_rows(r, g + "p05", years, items);
    account.p95 = read_rows(r, g + "p95", years, items);
    in.budget_accounts.push_back(std::move(account));
  }
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
  if (r.exists("/paths/params"))
    for (const auto& name : r.list("/paths/params"))
      in.parameters.push_back({name, column("/paths/params/" + name)});
  return in;
}

int cmd_report(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim report: expected RESULTS.h5 -o REPORT.html\n");
    return kExitUsage;
  }
  std::string why;
  if (!output_is_usable(args.output, args.force, {{args.positional[0], "the result file"}}, why)) {
    std::fprintf(stderr, "sisim report: %s\n", why.c_str());
    return kExitIo;
  }
  report::ReportInput input;
  try {
    input = read_report_input(args.positional[0]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim report: %s: %s\n", args.positional[0].c_str(), e.what());
    return kExitData;
  }
  try {
    io::write_file_atomically(args.output, args.force, report::render_report(input));
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim report: %s\n", e.what());
    return kExitIo;
  }
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
