// api::price: the outcome-price multiplier band between the investor's minimum and the payer's
// maximum (price_solver.hpp), every evaluation on the same seed and paths.
#include <fmt/format.h>

#include "config/pricing.hpp"
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/price_metrics.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"

namespace sisim::api {

using engine::broadcast_from_root;
using engine::check_memory;
using engine::ColumnSet;
using engine::process_group;
using engine::RunOutput;

using config::Config;
using config::format_errors;
using config::kOutcomePricesPath;
using config::LoadResult;
using config::PricingReadResult;
using config::read_scenario_pricing;
using config::Shift;
using config::ShiftOp;

namespace {

// Under MPI only rank 0 holds the gathered paths: its metrics steer every rank's search.
PriceMetrics broadcast_metrics(PriceMetrics m) {
  double packed[2 + 2 * kPriceBudgets] = {m.investor, m.investor_se};
  for (int b = 0; b < kPriceBudgets; ++b) {
    packed[2 + b] = m.budget[b];
    packed[2 + kPriceBudgets + b] = m.budget_se[b];
  }
  broadcast_from_root(process_group(), packed, 2 + 2 * kPriceBudgets);
  m.investor = packed[0];
  m.investor_se = packed[1];
  for (int b = 0; b < kPriceBudgets; ++b) {
    m.budget[b] = packed[2 + b];
    m.budget_se[b] = packed[2 + kPriceBudgets + b];
  }
  return m;
}

}  // namespace

PriceResult price(const Scenario& scenario, const RunSettings& settings, const OutputFile& output,
                  const Progress& progress) {
  const Config& base = scenario.config;
  const PricingReadResult pricing = read_scenario_pricing(scenario.path, scenario.overrides);
  if (!pricing.ok()) throw Error(pricing.errors);
  check_output(output, scenario_inputs(scenario.path, base));
  PriceResult result;
  PriceReport& report = result.report;
  report.spec = pricing.spec;
  report.lines = price_lines(base);
  report.currency = base.currency;
  if (report.lines.empty()) throw Error(ErrorKind::config, scenario.path + " has no outcome prices to scale");
  result.options = paired_options(settings, base);
  result.root = process_group().is_root();
  RunOutput last;
  int evaluations = 0;
  auto evaluate = [&](double k) {
    Shift s;
    s.path = kOutcomePricesPath;
    s.op = ShiftOp::scale;
    s.amount = k;
    s.where = {"pricing", 0, 0};
    const LoadResult r = load_shifted(scenario.path, scenario.overrides, base, {s});
    if (!r.ok())
      throw Error(ErrorKind::config, "prices at k = " + std::to_string(k) + ":\n" + format_errors(r.errors));
    ++evaluations;
    if (progress && result.root) {
      progress(fmt::format("evaluation {} at k = {:.6g}", evaluations, k));
    }
    last = run_paired(*r.config, result.options);
    return broadcast_metrics(last.is_root ? price_metrics_of(last, report.spec) : PriceMetrics{});
  };
  if (const std::string why = check_memory(base, result.options, 2); !why.empty())
    throw Error(ErrorKind::resources, why);
  PriceSearch search(report.spec, evaluate);
  report.investor = search.investor();
  for (int b = 0; b < kPriceBudgets; ++b) report.payer[b] = search.payer(b);
  report.evaluations = search.evaluations();
  report.verdict = price_verdict(report, base);
  if (!result.root) return result;
  writing(output, [&] {
    io::ResultWriter w(output.path, output.force);
    last.columns = ColumnSet();  // only seed, paths and threads are read
    write_root_metadata(w, {output.path, output.force, output.command_line}, base, last);
    write_price_groups(w, report);
    w.commit();
  });
  return result;
}

}  // namespace sisim::api
