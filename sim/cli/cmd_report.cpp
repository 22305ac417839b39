// `sisim report RESULTS.h5 -o REPORT.html`: one self-contained HTML file an investor can read.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "analysis/report/report.hpp"
#include "config/loader.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/run_checks.hpp"
#include "sim/cli/society_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {
namespace {

report::QuantileFan read_fan(const io::ResultReader& r, const std::string& path, const std::string& name) {
  report::QuantileFan fan;
  fan.name = name;
  size_t rows = 0, cols = 0;
  const auto data = r.read_matrix(path, rows, cols);
  fan.months.resize(rows);
  for (size_t m = 0; m < rows; ++m)
    for (size_t k = 0; k < 9 && k < cols; ++k) fan.months[m][k] = data[m * cols + k];
  return fan;
}

// [rows][cols] from a row-major matrix dataset.
std::vector<std::vector<double>> read_rows(const io::ResultReader& r, const std::string& path) {
  size_t rows = 0, cols = 0;
  const std::vector<double> data = r.read_matrix(path, rows, cols);
  std::vector<std::vector<double>> out(rows, std::vector<double>(cols));
  for (size_t y = 0; y < rows; ++y)
    for (size_t i = 0; i < cols; ++i) out[y][i] = data[y * cols + i];
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
  in.paths = r.attribute_int("/", "paths");
  in.created = r.attribute_string("/", "created");
  in.arm_coupling = r.has_attribute("/", "arm_coupling") ? r.attribute_string("/", "arm_coupling") : "1";
  in.sisim_version =
      r.attribute_string("/", "sisim_version") + " (git " + r.attribute_string("/", "git_hash") + ")";
  in.investor_irr = r.read_doubles("/paths/investor/irr");
  in.investor_moic = r.read_doubles("/paths/investor/moic");
  in.investor_npv = r.read_doubles("/paths/investor/npv");
  in.investor_loss = investor_loss_flags(r.read_doubles("/paths/investor/total_received"),
                                         r.read_doubles("/paths/investor/guarantee_received"),
                                         r.read_doubles("/paths/investor/total_drawn"));
  in.investor_cumulative_cash = read_fan(r, "/timeseries/investor/cumulative_cash", "investor");
  for (const auto& budget : r.list("/paths/budgets")) {
    in.budget_npv.push_back({budget, r.read_doubles("/paths/budgets/" + budget + "/npv")});
    in.budget_cumulative_net.push_back(
        read_fan(r, "/timeseries/budgets/" + budget + "/cumulative_net", budget));
    const std::string g = "/timeseries/annual_account/" + budget + "/";
    report::BudgetAccount account;
    account.budget = budget;
    account.items = r.attribute_strings(g + "mean", "columns");
    account.mean = read_rows(r, g + "mean");
    account.p05 = read_rows(r, g + "p05");
    account.p95 = read_rows(r, g + "p95");
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
    in.society_annual = read_rows(r, "/timeseries/society_account/mean");
  }
  if (r.exists("/paths/params"))
    for (const auto& name : r.list("/paths/params"))
      in.parameters.push_back({name, r.read_doubles("/paths/params/" + name)});
  return in;
}

}  // namespace

int cmd_report(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim report: expected RESULTS.h5 -o REPORT.html\n");
    return kExitUsage;
  }
  namespace fs = std::filesystem;
  if (fs::exists(args.output) && !args.force) {
    std::fprintf(stderr, "sisim report: %s exists (use --force to replace it)\n", args.output.c_str());
    return kExitIo;
  }
  report::ReportInput input;
  try {
    input = read_report_input(args.positional[0]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim report: %s: %s\n", args.positional[0].c_str(), e.what());
    return kExitData;
  }
  const std::string html = report::render_report(input);
  // Atomic: write a temporary file beside the target, then rename.
  const std::string temp = args.output + ".tmp";
  {
    std::ofstream file(temp, std::ios::binary | std::ios::trunc);
    file << html;
    file.close();
    if (!file) {
      std::error_code ec;
      fs::remove(temp, ec);
      std::fprintf(stderr, "sisim report: cannot write %s\n", args.output.c_str());
      return kExitIo;
    }
  }
  std::error_code ec;
  fs::rename(temp, args.output, ec);
  if (ec) {
    fs::remove(temp, ec);
    std::fprintf(stderr, "sisim report: cannot write %s: %s\n", args.output.c_str(), ec.message().c_str());
    return kExitIo;
  }
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
