#include "sim/api/result_file.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_invoke.h>
#include <oneapi/tbb/task_arena.h>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "config/loader.hpp"
#include "sim/api/run_checks.hpp"
#include "sim/api/society_file.hpp"
#include "sim/engine/budget_account.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"
#include "sim/io/timestamp.hpp"
#include "sim/rng/streams.hpp"
#include "sisim/version.hpp"

namespace sisim::api {

using engine::account_budget_name;
using engine::ColumnSet;
using engine::kAccountBudgets;
using engine::RunOutput;
using engine::SeriesSummary;

using config::Config;
using config::load_config_from_string;
using config::LoadResult;
using config::Param;
using config::printable_text;
using config::public_price_basis;

std::string shape_text(const std::vector<std::size_t>& dims) {
  std::string out = "[";
  for (size_t i = 0; i < dims.size(); ++i) out += (i ? " x " : "") + std::to_string(dims[i]);
  return out + "]";
}

void write_summary(io::ResultWriter& w, const std::string& prefix, const std::string& group,
                   const stats::Summary& s, const std::string& units, const std::string& p_loss_label) {
  const std::string g = prefix + "/summary/" + group + "/";
  w.write_scalar(g + "mean", s.mean, units, "mean over paths");
  w.write_scalar(g + "sd", s.sd, units, "standard deviation over paths");
  w.write_scalar(g + "se", s.se_mean, units, "standard error of the mean");
  w.write_column(g + "quantiles", std::vector<double>(s.quantiles.begin(), s.quantiles.end()), units,
                 "type-7 quantiles at quantile_levels");
  w.write_column(g + "quantile_se", std::vector<double>(s.quantile_se.begin(), s.quantile_se.end()), units,
                 "order-statistic standard errors of the quantiles (docs/HDF5.md)");
  // The same names as a sweep's /sweep/summary/<metric>/<stat> (docs/HDF5.md 2.4).
  w.write_scalar(g + "p05", s.quantiles[1], units, "5 % quantile (= quantiles[1])");
  w.write_scalar(g + "p50", s.quantiles[4], units, "median (= quantiles[4])");
  w.write_scalar(g + "p95", s.quantiles[7], units, "95 % quantile (= quantiles[7])");
  w.write_column(g + "quantile_levels",
                 std::vector<double>(stats::kQuantileLevels.begin(), stats::kQuantileLevels.end()), "1",
                 "probability levels of the quantiles");
  w.write_scalar(g + "p_loss", s.p_loss, "1", p_loss_label);
  w.write_scalar(g + "p_loss_se", s.p_loss_se, "1", "binomial standard error of p_loss, sqrt(p (1 - p) / n)");
  w.write_scalar(g + "var_05", s.var_05, units, "value at risk at 5 %: the 5 % quantile (the metric's sign)");
  w.write_scalar(g + "es_05", s.es_05, units,
                 "expected shortfall at 5 %: the mean of the worst 5 % of paths");
  w.write_scalar(g + "var_01", s.var_01, units, "value at risk at 1 %");
  w.write_scalar(g + "es_01", s.es_01, units, "expected shortfall at 1 %");
  w.write_scalar(g + "var_05_se", s.var_05_se, units, "standard error of var_05");
  w.write_scalar(g + "es_05_se", s.es_05_se, units, "standard error of es_05");
  w.write_scalar(g + "var_01_se", s.var_01_se, units, "standard error of var_01");
  w.write_scalar(g + "es_01_se", s.es_01_se, units, "standard error of es_01");
  w.write_scalar(g + "n", static_cast<double>(s.n), "paths", "paths with a defined value");
  w.write_scalar(g + "n_nan", static_cast<double>(s.n_nan), "paths", "paths with an undefined value (NaN)");
}

namespace {

// The /paths columns, each in its file type (the schema table, sim/io/result_schema.hpp). With
// `release`, each column's memory is freed as soon as it is in the file image: the image and all
// columns together would exceed 1 GiB at a million paths (issue 16).
void write_columns(io::ResultWriter& w, const std::string& prefix, const ColumnSet& columns,
                   ColumnSet* release) {
  for (size_t c = 0; c < columns.specs().size(); ++c) {
    const auto& spec = columns.specs()[c];
    const auto& values = columns.column(static_cast<int>(c));
    switch (spec.type) {
      case io::ElementType::int32: {
        std::vector<std::int32_t> ints(values.size());
        for (size_t i = 0; i < values.size(); ++i) ints[i] = static_cast<std::int32_t>(values[i]);
        w.write_column(prefix + spec.path, ints, spec.units, spec.description);
        break;
      }
      case io::ElementType::uint8: {
        std::vector<std::uint8_t> flags(values.size());
        for (size_t i = 0; i < values.size(); ++i) flags[i] = static_cast<std::uint8_t>(values[i]);
        w.write_column(prefix + spec.path, flags, spec.units, spec.description);
        break;
      }
      case io::ElementType::float64:
        w.write_column(prefix + spec.path, values, spec.units, spec.description);
    }
    if (release) release->release(static_cast<int>(c));
  }
}

void write_timeseries(io::ResultWriter& w, const std::string& prefix, const SeriesSummary& s,
                      const std::string& currency) {
  const std::vector<std::string> levels = {"p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99"};
  const auto months = static_cast<size_t>(s.months);
  const std::string fan_note = " (quantiles over the first " + std::to_string(s.fan_paths) + " paths)";
  w.write_matrix(prefix + "/timeseries/investor/cumulative_cash", months, levels.size(), s.investor_cash_fan,
                 currency, "investor's cumulative net cash flow by month, quantile bands" + fan_note, levels,
                 "month");
  w.write_matrix(prefix + "/timeseries/investor/cumulative_drawn", months, levels.size(),
                 s.investor_drawn_fan, currency,
                 "investor's cumulative drawdowns (capital drawn so far) by month, quantile bands" + fan_note,
                 levels, "month");
  for (int b = 0; b < kAccountBudgets; ++b) {
    const std::string name = account_budget_name(b);
    w.write_matrix(prefix + "/timeseries/budgets/" + name + "/cumulative_net", months, levels.size(),
                   s.budget_net_fan[static_cast<size_t>(b)], currency,
                   "cumulative net savings of " + name + " by month, quantile bands" + fan_note, levels,
                   "month");
    const std::string g = prefix + "/timeseries/annual_account/" + name + "/";
    const auto years = static_cast<size_t>(s.years), items = static_cast<size_t>(s.items);
    w.write_matrix(g + "mean", years, items, s.annual_mean[static_cast<size_t>(b)], currency + "/year",
                   "mean annual net savings by line item over all paths (positive: the budget gains)",
                   s.item_names, "year");
    w.write_matrix(g + "p05", years, items, s.annual_p05[static_cast<size_t>(b)], currency + "/year",
                   "5 % quantile of annual net savings by line item" + fan_note, s.item_names, "year");
    w.write_matrix(g + "p95", years, items, s.annual_p95[static_cast<size_t>(b)], currency + "/year",
                   "95 % quantile of annual net savings by line item" + fan_note, s.item_names, "year");
  }
}

std::string where_in(const io::ResultReader& r, const std::string& object) {
  return "'" + object + "' in '" + r.path() + "'";
}

}  // namespace

std::string arm_coupling_text(const Config& config) {
  const Param& c = config.intervention.arm_coupling;
  if (!c.is_fixed()) return "uncertain (drawn per path; see /meta/config_yaml)";
  return fmt::format("{:g}", c.dist.value);
}

std::string assumption_line(const std::string& arm_coupling) {
  return "assumption: arm coupling " + arm_coupling +
         " (rank correlation of a participant's labour-market luck with and without the programme:"
         " 0 independent, 1 identical; no trial identifies it; docs/MODEL.md 5.1)";
}

std::int64_t read_paths_attribute(const io::ResultReader& r) {
  const std::int64_t paths = r.attribute_int("/", "paths");
  if (paths < 1)
    throw io::IoError("root attribute 'paths' of '" + r.path() + "' is " + std::to_string(paths) +
                      ": not a number of paths (damaged or forged file)");
  return paths;
}

std::vector<double> read_column_of_length(const io::ResultReader& r, const std::string& path,
                                          std::int64_t length) {
  const auto dims = r.shape(path);
  if (dims.size() != 1 || static_cast<std::int64_t>(dims[0]) != length)
    throw io::IoError("dataset " + where_in(r, path) + " has shape " + shape_text(dims) + ", expected [" +
                      std::to_string(length) + "] (damaged or forged file)");
  return r.read_doubles(path);
}

std::vector<double> read_matrix_of_shape(const io::ResultReader& r, const std::string& path,
                                         std::int64_t rows, std::int64_t cols, std::size_t& rows_read) {
  const auto dims = r.shape(path);
  if (dims.size() != 2 || static_cast<std::int64_t>(dims[1]) != cols ||
      (rows >= 0 && static_cast<std::int64_t>(dims[0]) != rows))
    throw io::IoError("dataset " + where_in(r, path) + " has shape " + shape_text(dims) + ", expected [" +
                      (rows >= 0 ? std::to_string(rows) : std::string("rows")) + " x " +
                      std::to_string(cols) + "] (damaged or forged file)");
  rows_read = dims[0];
  return r.read_doubles(path);
}

results::ResultSummary headline_rows(const Config& config, const RunOutput& run) {
  return results::summarize_run(config, run.columns);
}

RunSummaries run_summaries(const Config& config, const RunOutput& run) {
  RunSummaries out;
  // headline_rows spreads its metrics over the arena's threads; society's few summaries run beside.
  tbb::task_arena arena(std::max(1, run.threads));
  arena.execute([&] {
    tbb::parallel_invoke([&] { out.headline = headline_rows(config, run); },
                         [&] { out.society = analysis::summarize_society(society_columns(run)); });
  });
  return out;
}

void write_root_metadata(io::ResultWriter& w, const WriteRequest& request, const Config& config,
                         const RunOutput& run) {
  w.set_root_attribute("sisim_version", std::string(kVersion));
  w.set_root_attribute("git_hash", std::string(kGitHash));
  w.set_root_attribute("schema_version", static_cast<std::int64_t>(kSchemaVersion));
  w.set_root_attribute("seed", static_cast<std::uint64_t>(run.seed));
  w.set_root_attribute("stream_scheme", static_cast<std::int64_t>(rng::kStreamScheme));
  w.set_root_attribute("paths", static_cast<std::int64_t>(run.paths));
  w.set_root_attribute("scenario", config.name);
  w.set_root_attribute("command_line", request.command_line);
  w.set_root_attribute("created", io::creation_timestamp());
  w.set_root_attribute("threads", static_cast<std::int64_t>(run.threads));
  w.set_root_attribute("arm_coupling", arm_coupling_text(config));
  // The price basis of every public NPV (public.discount): "real 2026 prices" or "nominal".
  w.set_root_attribute("public_price_basis", public_price_basis(config));
  w.write_string("/meta/config_yaml", config.resolved_yaml,
                 "the fully resolved scenario (extends and --set applied)");
}

namespace {

// write_run; with `release` (= &run.columns), frees each column once it is in the file image (the
// summaries were made before, while the columns were all there).
void write_run_columns_then_summaries(io::ResultWriter& w, const std::string& prefix, const RunOutput& run,
                                      ColumnSet* release, const results::ResultSummary& summary,
                                      const std::optional<analysis::SocietySummary>& society,
                                      const std::string& currency) {
  if (!prefix.empty())
    w.set_attribute(prefix, "gap_clamped_paths", static_cast<std::int64_t>(run.gap_clamped_paths));
  else
    w.set_root_attribute("gap_clamped_paths", static_cast<std::int64_t>(run.gap_clamped_paths));
  write_columns(w, prefix, run.columns, release);
  for (const auto& row : summary.metrics) {
    const auto* event = summary.event(row.spec.loss_event);
    write_summary(w, prefix, row.spec.group, row.summary, results::units_of(row.spec, currency),
                  "probability of " + (event ? event->spec.label : row.spec.label + " < 0"));
  }
  for (const auto& e : summary.events) {
    const std::string g = prefix + "/summary/events/" + e.spec.key + "/";
    w.write_scalar(g + "p", e.p, "1", "P(" + e.spec.label + "): share of all paths");
    w.write_scalar(g + "p_se", e.p_se, "1", "replicate-group standard error of p");
  }
  write_timeseries(w, prefix, run.series, currency);
  write_society(w, prefix, society, run.series, currency);
}

}  // namespace

void write_run(io::ResultWriter& w, const std::string& prefix, const RunOutput& run,
               const results::ResultSummary& summary, const std::string& currency) {
  write_run_columns_then_summaries(w, prefix, run, nullptr, summary,
                                   analysis::summarize_society(society_columns(run)), currency);
}

void write_result_file(const WriteRequest& request, const Config& config, const RunOutput& run,
                       const RunSummaries& summaries) {
  io::ResultWriter w(request.path, request.force);
  write_root_metadata(w, request, config, run);
  write_run_columns_then_summaries(w, "", run, nullptr, summaries.headline, summaries.society,
                                   config.currency);
  w.commit();
}

void write_result_file(const WriteRequest& request, const Config& config, RunOutput&& run,
                       const RunSummaries& summaries) {
  io::ResultWriter w(request.path, request.force);
  write_root_metadata(w, request, config, run);
  write_run_columns_then_summaries(w, "", run, &run.columns, summaries.headline, summaries.society,
                                   config.currency);
  w.commit();
}

Config config_of_file(const std::string& path) {
  io::ResultReader r(path);
  const LoadResult loaded =
      load_config_from_string(r.read_string("/meta/config_yaml"), path + ":/meta/config_yaml");
  if (!loaded.ok())
    throw io::IoError("its /meta/config_yaml does not load (" +
                      (loaded.errors.empty() ? std::string("?") : loaded.errors.front().message) + ")");
  return *loaded.config;
}

SummaryDocument read_summary_document(const std::string& path, const std::string& prefix) {
  io::ResultReader r(path);
  if (!r.exists(prefix + "/summary")) {
    const std::string kind = r.exists("/price")   ? "a `sisim price` file (its results are under /price)"
                             : r.exists("/cases") ? "a `sisim stress` file (runs are under /cases/<name>)"
                             : r.exists("/sweep") ? "a `sisim sweep` file (results are under /sweep)"
                                                  : "a sisim file without a run summary";
    throw io::IoError("this is " + kind + ", not the result of `sisim run`; see docs/HDF5.md");
  }
  if (!r.exists(prefix + "/summary/events"))
    throw io::IoError("written by an older sisim (result schema version 1): run the scenario again");
  const Config config = config_of_file(path);
  SummaryDocument doc;
  // The scenario name comes from the file: escaped, so it cannot drive the terminal.
  doc.title = "sisim results: " + printable_text(r.attribute_string("/", "scenario")) + " (" +
              std::to_string(read_paths_attribute(r)) + " paths, seed " +
              std::to_string(r.attribute_uint("/", "seed")) + ")";
  // Files written before the coupling was a stated assumption had identical luck in both arms.
  doc.title += "\n" + assumption_line(r.has_attribute("/", "arm_coupling")
                                          ? printable_text(r.attribute_string("/", "arm_coupling"))
                                          : "1 (written before the key existed)");
  const auto levels = static_cast<std::int64_t>(stats::kQuantileLevels.size());
  doc.currency = config.currency;
  doc.terms = results::deal_terms(config);
  for (const auto& spec : results::metric_specs(config)) {
    const std::string g = prefix + "/summary/" + spec.group + "/";
    if (!r.exists(g + "mean")) continue;
    auto scalar = [&](const char* name) { return r.read_scalar(g + name); };
    results::MetricRow row{spec, {}};
    auto& s = row.summary;
    s.mean = scalar("mean");
    s.sd = scalar("sd");
    s.se_mean = scalar("se");
    const auto q = read_column_of_length(r, g + "quantiles", levels);
    const auto qse = read_column_of_length(r, g + "quantile_se", levels);
    for (size_t k = 0; k < s.quantiles.size(); ++k) {
      s.quantiles[k] = q[k];
      s.quantile_se[k] = qse[k];
    }
    s.p_loss = scalar("p_loss");
    s.p_loss_se = scalar("p_loss_se");
    s.var_05 = scalar("var_05");
    s.es_05 = scalar("es_05");
    s.var_01 = scalar("var_01");
    s.es_01 = scalar("es_01");
    s.var_05_se = scalar("var_05_se");
    s.es_05_se = scalar("es_05_se");
    s.var_01_se = scalar("var_01_se");
    s.es_01_se = scalar("es_01_se");
    const double n = scalar("n"), n_nan = scalar("n_nan");
    if (!(n >= 0 && n <= 9.0e15) || !(n_nan >= 0 && n_nan <= 9.0e15))
      throw io::IoError("dataset '" + g + "n' or 'n_nan' in '" + path + "' is not a count of paths");
    s.n = static_cast<std::int64_t>(n);
    s.n_nan = static_cast<std::int64_t>(n_nan);
    doc.summary.metrics.push_back(row);
  }
  const auto paths = read_paths_attribute(r);
  for (const auto& spec : results::event_specs(config)) {
    const std::string g = prefix + "/summary/events/" + spec.key + "/";
    if (!r.exists(g + "p")) continue;
    doc.summary.events.push_back({spec, r.read_scalar(g + "p"), r.read_scalar(g + "p_se"), paths});
  }
  std::vector<double> drawn_fan;
  if (r.exists(prefix + "/timeseries/investor/cumulative_drawn")) {
    std::size_t rows = 0;
    drawn_fan = read_matrix_of_shape(r, prefix + "/timeseries/investor/cumulative_drawn", -1, levels, rows);
  }
  doc.notes = result_notes(config, doc.summary, &drawn_fan);
  return doc;
}

}  // namespace sisim::api
