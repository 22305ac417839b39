#include "sim/api/sweep_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <numeric>
#include <stdexcept>

#include "config/loader.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/io/timestamp.hpp"
#include "sim/results/summary_spec.hpp"
#include "sim/rng/streams.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::api {

using engine::RunOutput;

using config::load_config_from_string;
using config::LoadResult;
using config::printable_text;
using config::public_price_basis;

namespace {

constexpr int kP05 = 1, kP50 = 4, kP95 = 7;  // indices into stats::kQuantileLevels

// A budget's NPV is on public.discount's price basis ("DKK, real 2026 prices"); the investor's is nominal.
std::string units_of(const std::string& metric, const std::string& currency,
                     const std::string& public_basis) {
  if (metric == "investor/irr") return "1/year";
  if (metric == "investor/moic") return "1";
  const bool public_budget = metric.rfind("budgets/", 0) == 0;
  return results::money_units(currency, public_budget ? public_basis : "");
}

std::string stat_description(const std::string& stat) {
  if (stat == "mean") return "mean over the point's paths";
  if (stat == "sd") return "standard deviation over the point's paths";
  if (stat == "se") return "standard error of the mean";
  if (stat == "p05" || stat == "p50" || stat == "p95")
    return stat + " quantile (type 7) over the point's paths";
  if (stat == "p_loss")
    return "probability of the metric's loss event (investor IRR and MOIC: nominal loss, receipts + "
           "guarantee "
           "< capital drawn; an NPV: NPV < 0)";
  return "binomial standard error of p_loss, sqrt(p (1 - p) / n)";
}

void check_same(bool same, const std::string& what, const std::string& name) {
  if (!same) throw std::runtime_error(name + " is not a slice of the same sweep (" + what + " differs)");
}

}  // namespace

const std::vector<std::string>& sweep_metrics() {
  static const std::vector<std::string> m = {"investor/irr",      "investor/moic",
                                             "investor/npv",      "budgets/municipality/npv",
                                             "budgets/state/npv", "budgets/public_total/npv"};
  return m;
}

const std::vector<std::string>& sweep_stats() {
  static const std::vector<std::string> s = {"mean", "sd", "se", "p05", "p50", "p95", "p_loss", "p_loss_se"};
  return s;
}

void add_sweep_point(SweepTable& t, std::int64_t index, const std::vector<double>& values,
                     const RunOutput& run) {
  t.index.push_back(index);
  t.values.resize(values.size());
  for (size_t c = 0; c < values.size(); ++c) t.values[c].push_back(values[c]);
  t.gap_clamped.push_back(run.gap_clamped_paths);
  t.stats.resize(sweep_metrics().size() * sweep_stats().size());
  size_t k = 0;
  for (const auto& metric : sweep_metrics()) {
    const auto loss = results::loss_flags_of_metric(run.columns, io::path_of_relative_name(metric));
    const stats::Summary s =
        stats::summarize(column_of(run, io::path_of_relative_name(metric)), loss.empty() ? nullptr : &loss);
    for (double v : {s.mean, s.sd, s.se_mean, s.quantiles[kP05], s.quantiles[kP50], s.quantiles[kP95],
                     s.p_loss, s.p_loss_se})
      t.stats[k++].push_back(v);
  }
}

void write_sweep_file(const std::string& path, bool force, const std::string& command_line,
                      const SweepTable& t) {
  io::ResultWriter w(path, force);
  w.set_root_attribute("sisim_version", t.sisim_version);
  w.set_root_attribute("git_hash", t.git_hash);
  w.set_root_attribute("schema_version", static_cast<std::int64_t>(kSchemaVersion));
  w.set_root_attribute("seed", static_cast<std::uint64_t>(t.seed));
  w.set_root_attribute("stream_scheme", static_cast<std::int64_t>(rng::kStreamScheme));
  w.set_root_attribute("paths", static_cast<std::int64_t>(t.paths));
  w.set_root_attribute("scenario", t.scenario);
  w.set_root_attribute("command_line", command_line);
  w.set_root_attribute("created", io::creation_timestamp());
  w.set_root_attribute("threads", static_cast<std::int64_t>(t.threads));
  w.write_string("/meta/config_yaml", t.config_yaml,
                 "the resolved base scenario of the sweep (before each point's shifts)");
  w.write_string("/meta/sweep_yaml", t.sweep_yaml, "the sweep file as given");
  w.set_attribute("/sweep", "kind", t.kind);
  w.set_attribute("/sweep", "points_total", static_cast<std::int64_t>(t.points_total));
  w.set_attribute("/sweep", "columns", t.columns);
  const std::int64_t begin = t.index.empty() ? 0 : t.index.front();
  w.set_attribute("/sweep", "slice_begin", begin);
  w.set_attribute("/sweep", "slice_end", begin + static_cast<std::int64_t>(t.index.size()));
  w.write_column("/sweep/grid_shape", t.grid_shape, "1",
                 "values per grid dimension (first slowest); {samples} for a Latin hypercube");
  w.write_column("/sweep/points/index", t.index, "1", "the point's index in the whole sweep (0-based)");
  for (size_t c = 0; c < t.columns.size(); ++c)
    w.write_column("/sweep/points/" + t.columns[c], t.values[c], "as configured",
                   "the swept value at each point (scale(...)/add(...): the factor or increment)");
  w.write_column("/sweep/gap_clamped_paths", t.gap_clamped, "paths",
                 "paths on which an employment_gap was unreachable and clamped, per point");
  size_t k = 0;
  // The base scenario's currency and price basis (every point shares them: a sweep shifts
  // parameters, not units).
  const LoadResult base = load_config_from_string(t.config_yaml, "sweep base");
  const std::string currency = base.ok() ? base.config->currency : "DKK";
  const std::string public_basis = base.ok() ? public_price_basis(*base.config) : "";
  for (const auto& metric : sweep_metrics())
    for (const auto& stat : sweep_stats()) {
      const bool probability = stat == "p_loss" || stat == "p_loss_se";
      w.write_column("/sweep/summary/" + metric + "/" + stat, t.stats[k++],
                     probability ? "1" : units_of(metric, currency, public_basis),
                     stat_description(stat) + " of /paths/" + metric + ", one value per point");
    }
  w.commit();
}

std::string format_sweep_table(const SweepTable& t) {
  const auto stat = [&](const char* metric, const char* name) {
    size_t m = 0, s = 0;
    while (sweep_metrics()[m] != metric) ++m;
    while (sweep_stats()[s] != name) ++s;
    return t.stats[m * sweep_stats().size() + s];
  };
  const auto irr = stat("investor/irr", "p50"), loss = stat("investor/irr", "p_loss"),
             mun = stat("budgets/municipality/npv", "mean");
  // Short headers: the last key of each path ("scale(outcome_prices)").
  std::vector<std::string> heads;
  for (const auto& c : t.columns) {
    const size_t open = c.find('('), dot = c.rfind('.');
    heads.push_back(dot == std::string::npos    ? c
                    : open == std::string::npos ? c.substr(dot + 1)
                                                : c.substr(0, open + 1) + c.substr(dot + 1));
  }
  std::string out;
  const auto to_out = std::back_inserter(out);
  fmt::format_to(to_out, "{:>6}", "point");
  for (const auto& h : heads) fmt::format_to(to_out, " {:>{}}", h, std::max<size_t>(10, h.size()));
  out += "   median IRR  P(nom. loss)  municipality NPV mean\n";
  for (size_t r = 0; r < t.index.size(); ++r) {
    fmt::format_to(to_out, "{:6}", t.index[r]);
    for (size_t c = 0; c < t.values.size(); ++c)
      fmt::format_to(to_out, " {:{}.6g}", t.values[c][r], std::max<size_t>(10, heads[c].size()));
    fmt::format_to(to_out, " {:10.1f} % {:11.1f} % {:20.2f} M\n", 100 * irr[r], 100 * loss[r], mun[r] / 1e6);
  }
  return out;
}

SweepTable read_sweep_file(const std::string& path) {
  io::ResultReader r(path);
  if (!r.exists("/sweep/points/index"))
    throw io::IoError(path + ": not a sweep result file (no /sweep/points)");
  SweepTable t;
  t.sisim_version = r.attribute_string("/", "sisim_version");
  t.git_hash = r.attribute_string("/", "git_hash");
  t.seed = r.attribute_uint("/", "seed");
  t.paths = read_paths_attribute(r);
  t.threads = r.attribute_int("/", "threads");
  t.scenario = r.attribute_string("/", "scenario");
  t.config_yaml = r.read_string("/meta/config_yaml");
  t.sweep_yaml = r.read_string("/meta/sweep_yaml");
  t.kind = r.attribute_string("/sweep", "kind");
  t.points_total = r.attribute_int("/sweep", "points_total");
  t.columns = r.attribute_strings("/sweep", "columns");
  t.grid_shape = r.read_ints("/sweep/grid_shape");
  t.index = r.read_ints("/sweep/points/index");
  // Every per-point array has one entry per point of the file, and the points are a contiguous
  // range inside the sweep: anything else is a damaged or forged file, refused before any table is
  // printed or merged.
  const auto forged = [&](const std::string& what) {
    return io::IoError("'" + path + "' is not a consistent sweep file: " + what +
                       " (damaged or forged file)");
  };
  const auto points = static_cast<std::int64_t>(t.index.size());
  if (t.kind != "grid" && t.kind != "latin_hypercube")
    throw forged("unknown sweep kind '" + printable_text(t.kind) + "'");
  if (t.points_total < 1 || t.points_total > (std::int64_t{1} << 40))
    throw forged("points_total is " + std::to_string(t.points_total));
  if (points < 1 || points > t.points_total)
    throw forged(std::to_string(points) + " points for a sweep of " + std::to_string(t.points_total));
  for (std::int64_t i = 0; i < points; ++i)
    if (t.index[static_cast<size_t>(i)] != t.index.front() + i || t.index.front() < 0 ||
        t.index.back() >= t.points_total)
      throw forged("the point indices are not a contiguous range inside 0.." +
                   std::to_string(t.points_total - 1));
  if (t.columns.empty()) throw forged("no swept columns");
  std::int64_t product = 1;
  for (const std::int64_t n : t.grid_shape) {
    if (n < 1 || n > t.points_total) throw forged("grid_shape holds " + std::to_string(n));
    product *= n;
  }
  if (t.grid_shape.empty() || product != t.points_total)
    throw forged("grid_shape does not multiply to points_total " + std::to_string(t.points_total));
  for (const auto& c : t.columns) t.values.push_back(read_column_of_length(r, "/sweep/points/" + c, points));
  const auto ints = [&](const std::string& p) {
    const auto dims = r.shape(p);
    if (dims.size() != 1 || static_cast<std::int64_t>(dims[0]) != points)
      throw forged(p + " has shape " + shape_text(dims) + ", expected [" + std::to_string(points) + "]");
    return r.read_ints(p);
  };
  t.gap_clamped = ints("/sweep/gap_clamped_paths");
  for (const auto& metric : sweep_metrics())
    for (const auto& stat : sweep_stats())
      t.stats.push_back(read_column_of_length(r, "/sweep/summary/" + metric + "/" + stat, points));
  return t;
}

SweepTable merge_sweep_tables(const std::vector<SweepTable>& slices, const std::vector<std::string>& names) {
  if (slices.empty()) throw std::runtime_error("nothing to merge");
  const SweepTable& first = slices.front();
  // Rows of all slices, in point order.
  std::vector<std::pair<std::int64_t, std::pair<size_t, size_t>>> rows;  // index -> (slice, row)
  for (size_t s = 0; s < slices.size(); ++s) {
    const SweepTable& t = slices[s];
    check_same(t.sisim_version == first.sisim_version && t.git_hash == first.git_hash,
               "the sisim build: " + printable_text(t.sisim_version + " (git " + t.git_hash + ")") + " vs " +
                   printable_text(first.sisim_version + " (git " + first.git_hash + ")"),
               names[s]);
    check_same(t.config_yaml == first.config_yaml, "the base scenario", names[s]);
    check_same(t.sweep_yaml == first.sweep_yaml, "the sweep file", names[s]);
    check_same(t.seed == first.seed && t.paths == first.paths, "seed or paths", names[s]);
    check_same(t.columns == first.columns && t.points_total == first.points_total && t.kind == first.kind &&
                   t.grid_shape == first.grid_shape,
               "the points", names[s]);
    for (size_t i = 0; i < t.index.size(); ++i) rows.push_back({t.index[i], {s, i}});
  }
  std::sort(rows.begin(), rows.end());
  for (size_t i = 1; i < rows.size(); ++i) {
    if (rows[i].first == rows[i - 1].first)
      throw std::runtime_error("point " + std::to_string(rows[i].first) + " is in " +
                               names[rows[i - 1].second.first] + " and in " + names[rows[i].second.first]);
    if (rows[i].first != rows[i - 1].first + 1)
      throw std::runtime_error("points " + std::to_string(rows[i - 1].first + 1) + " to " +
                               std::to_string(rows[i].first - 1) + " are in none of the files");
  }
  SweepTable out = first;
  out.index.clear();
  out.gap_clamped.clear();
  for (auto& v : out.values) v.clear();
  for (auto& v : out.stats) v.clear();
  for (const auto& [index, at] : rows) {
    const SweepTable& t = slices[at.first];
    out.index.push_back(index);
    out.gap_clamped.push_back(t.gap_clamped[at.second]);
    for (size_t c = 0; c < out.values.size(); ++c) out.values[c].push_back(t.values[c][at.second]);
    for (size_t k = 0; k < out.stats.size(); ++k) out.stats[k].push_back(t.stats[k][at.second]);
  }
  return out;
}

}  // namespace sisim::api
