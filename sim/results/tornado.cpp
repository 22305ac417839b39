#include "sim/results/tornado.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <span>

#include "sim/io/result_schema.hpp"
#include "sim/model/model.hpp"
#include "sim/results/paired.hpp"
#include "sim/rng/samplers.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::results {

using engine::run_simulation;
using engine::RunOptions;
using engine::RunOutput;

using config::Config;
using config::ConfigError;
using config::load_config_with_shifts;
using config::LoadResult;
using config::Param;
using config::resolve_shifts;
using config::Shift;
using config::ShiftOp;

using model::check_fixed_gap;

namespace {

constexpr double kLow = 0.10, kHigh = 0.90;

std::string shortest(double v) {
  char buf[40];
  const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return ec == std::errc() ? std::string(buf, end) : std::to_string(v);
}

Shift set_shift(const std::string& path, const std::string& value) {
  Shift s;
  s.path = path;
  s.op = ShiftOp::set;
  s.value_yaml = value;
  s.where.file = "(tornado)";
  return s;
}

bool recession_can_start(const Config& c) {
  const Param& p = c.labour_market.recession.start_probability_monthly;
  return !p.is_fixed() || p.dist.value > 0.0 || c.labour_market.recession.start_month >= 0;
}

// The per-path series each metric is computed from, and whether it is a median (else a mean).
std::vector<double> series_of(const RunOutput& run, std::size_t metric, bool& median) {
  using io::ColumnGroup;
  const std::string column[] = {io::column_path(ColumnGroup::investor, "irr"),
                                io::column_path(ColumnGroup::loss, "nominal"),
                                io::column_path(ColumnGroup::investor, "npv"),
                                io::column_path(ColumnGroup::budget, "npv", "municipality")};
  median = metric == 0;
  const int c = run.columns.find(column[metric]);
  if (c < 0) throw std::runtime_error("tornado: the run has no column " + column[metric]);
  return run.columns.column(c);
}

LoadResult load_shifted(const std::string& scenario, const std::vector<std::string>& overrides,
                        const Config& base, const std::vector<Shift>& shifts) {
  std::vector<ConfigError> errors;
  const std::vector<Shift> resolved = resolve_shifts(base, shifts, errors);
  if (!errors.empty()) return {std::nullopt, errors};
  LoadResult result = load_config_with_shifts(scenario, overrides, resolved);
  if (!result.ok()) return result;
  if (const auto problem = check_fixed_gap(*result.config)) {
    result.errors.push_back({"(tornado)", 0, 0, *problem});
    result.config.reset();
  }
  return result;
}

}  // namespace

std::string human_label(const std::string& path) {
  std::vector<std::string> parts;
  for (size_t start = 0;;) {
    const size_t dot = path.find('.', start);
    parts.push_back(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  auto words = [](std::string s) {
    std::replace(s.begin(), s.end(), '_', ' ');
    return s;
  };
  if (parts.size() == 4 && parts[0] == "cohort" && parts[1] == "segments")
    return words(parts[3]) + " (" + parts[2] + ")";
  if (parts.size() >= 2 && parts[parts.size() - 2] == "recession") return "recession " + words(parts.back());
  if (parts.size() >= 2 && parts[0] == "contract" && parts[1] == "outcomes")
    return "outcome price " + words(path);
  return parts.empty() ? path : words(parts.back());
}

std::vector<TornadoInput> tornado_inputs(const Config& base) {
  std::vector<TornadoInput> inputs;
  for (const auto& u : base.uncertain) {
    TornadoInput in;
    in.name = u.path;
    in.low_value = rng::quantile(u.dist, kLow);
    in.high_value = rng::quantile(u.dist, kHigh);
    in.low_label = fmt::format("P10 = {:.4g}", in.low_value);
    in.high_label = fmt::format("P90 = {:.4g}", in.high_value);
    in.low = {set_shift(u.path, shortest(in.low_value))};
    in.high = {set_shift(u.path, shortest(in.high_value))};
    inputs.push_back(std::move(in));
  }
  if (recession_can_start(base)) {
    TornadoInput in;
    in.name = "regime: recession";
    in.is_switch = true;
    in.low_value = in.high_value = std::nan("");
    in.low_label = "no recession";
    in.high_label = "recession from month 0";
    in.low = {set_shift("labour_market.recession.start_probability_monthly", "0")};
    if (base.labour_market.recession.start_month >= 0)
      in.low.push_back(set_shift("labour_market.recession.start_month", "-1"));
    in.high = {set_shift("labour_market.recession.start_month", "0")};
    inputs.push_back(std::move(in));
  }
  if (base.contract.present) {
    TornadoInput in;
    const int month = std::max(0, base.contract.outcome_window_months / 2 - 1);
    in.name = "payer: termination";
    in.is_switch = true;
    in.low_value = in.high_value = std::nan("");
    in.low_label = "never terminated";
    in.high_label = "terminated after month " + std::to_string(month) + " (half the outcome window)";
    in.low = {set_shift("contract.termination_probability_annual", "0")};
    in.high = {set_shift("contract.termination_month", std::to_string(month))};
    inputs.push_back(std::move(in));
  }
  return inputs;
}

const std::vector<TornadoMetric>& tornado_metrics() {
  static const std::vector<TornadoMetric> m = {
      {"investor_irr_p50", "median investor IRR", Unit::percent, false},
      {"investor_loss_nominal_p", "P(investor nominal loss)", Unit::percent, false},
      {"investor_npv_mean", "investor NPV mean", Unit::money, false},
      {"municipality_npv_mean", "municipality NPV mean", Unit::money, true},
  };
  return m;
}

std::vector<double> tornado_values(const RunOutput& run) {
  std::vector<double> out;
  for (std::size_t m = 0; m < tornado_metrics().size(); ++m) {
    bool median = false;
    const auto x = series_of(run, m, median);
    // The `value` of paired_median(x, x) / paired_mean(x, x), without the change of x against
    // itself and its 32 replicate-group medians, which a single run does not need.
    if (median) {
      const double half = 0.5;
      out.push_back(stats::quantiles_of(x, std::span<const double>(&half, 1)).at(0));
    } else {
      stats::MeanAccumulator mean;
      for (double v : x) mean.add(v);
      out.push_back(mean.mean());
    }
  }
  return out;
}

TornadoResult run_tornado(const std::string& scenario, const std::vector<std::string>& overrides,
                          const Config& base, const RunOutput& base_run, const RunOptions& options,
                          const std::vector<TornadoInput>& inputs,
                          const std::function<void(std::size_t, std::size_t, const std::string&)>& progress) {
  // Load every shifted scenario first: a typo should not surface after an hour of runs.
  std::vector<Config> low, high;
  std::vector<ConfigError> errors;
  for (const auto& in : inputs) {
    for (auto* side : {&in.low, &in.high}) {
      LoadResult r = load_shifted(scenario, overrides, base, *side);
      if (!r.ok()) {
        errors.insert(errors.end(), r.errors.begin(), r.errors.end());
        continue;
      }
      (side == &in.low ? low : high).push_back(*r.config);
    }
  }
  if (!errors.empty()) throw TornadoConfigError(errors);

  const std::size_t metrics = tornado_metrics().size();
  TornadoResult result;
  result.inputs = inputs;
  result.base = tornado_values(base_run);
  result.swings.assign(metrics, std::vector<TornadoSwing>(inputs.size()));
  const std::size_t runs = 2 * inputs.size();
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (progress) progress(2 * i + 1, runs, inputs[i].name + " (" + inputs[i].low_label + ")");
    const RunOutput lo = run_simulation(low[i], options);
    if (lo.cancelled) throw TornadoInterrupted();
    if (progress) progress(2 * i + 2, runs, inputs[i].name + " (" + inputs[i].high_label + ")");
    const RunOutput hi = run_simulation(high[i], options);
    if (hi.cancelled) throw TornadoInterrupted();
    if (!lo.is_root) continue;  // MPI: only rank 0 holds the gathered paths
    for (std::size_t m = 0; m < metrics; ++m) {
      bool median = false;
      const auto a = series_of(lo, m, median);
      const auto b = series_of(hi, m, median);
      const PairedValue p = median ? paired_median(a, b) : paired_mean(a, b);
      result.swings[m][i] = {p.value - p.change, p.value, p.change, p.change_se};
    }
  }
  for (std::size_t m = 0; m < metrics; ++m) {
    std::vector<std::size_t> order(inputs.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
      return std::fabs(result.swings[m][a].swing) > std::fabs(result.swings[m][b].swing);
    });
    result.rank.push_back(order);
  }
  return result;
}

}  // namespace sisim::results
