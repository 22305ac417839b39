// `sisim price SCENARIO.yaml -o OUT.h5`: the outcome-price multiplier band between the investor's
// minimum and the payer's maximum (sim/cli/price_solver.hpp), on common random numbers.
#include <cstdio>

#include "config/pricing.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/price_metrics.hpp"
#include "sim/cli/price_report.hpp"
#include "sim/cli/price_solver.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/stress_run.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"
#include "sim/io/io_error.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::cli {

int cmd_price(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim price: expected SCENARIO.yaml -o OUT.h5\n");
    return kExitUsage;
  }
  const std::string& scenario = args.positional[0];
  const LoadResult loaded = load_scenario(scenario, args.overrides);
  const PricingReadResult pricing = read_scenario_pricing(scenario, args.overrides);
  if (!loaded.ok() || !pricing.ok()) {
    std::fputs(format_errors(loaded.ok() ? pricing.errors : loaded.errors).c_str(), stderr);
    return kExitData;
  }
  const Config& base = *loaded.config;
  std::string why;
  if (!output_is_usable(args.output, args.force, scenario_inputs(scenario, base), why)) {
    std::fprintf(stderr, "sisim price: %s\n", why.c_str());
    return kExitIo;
  }
  PriceReport report;
  report.spec = pricing.spec;
  report.lines = price_lines(base);
  report.currency = base.currency;
  if (report.lines.empty()) {
    std::fprintf(stderr, "sisim price: %s has no outcome prices to scale\n", scenario.c_str());
    return kExitData;
  }
  const RunOptions options = paired_options(args, base);
  RunOutput last;
  int evaluations = 0;
  auto evaluate = [&](double k) {
    Shift s;
    s.path = kOutcomePricesPath;
    s.op = ShiftOp::scale;
    s.amount = k;
    s.where = {"pricing", 0, 0};
    const LoadResult r = load_shifted(scenario, args.overrides, base, {s});
    if (!r.ok())
      throw std::runtime_error("prices at k = " + std::to_string(k) + ":\n" + format_errors(r.errors));
    ++evaluations;
    if (!args.quiet && process_group().is_root())
      std::fprintf(stderr, "sisim price: evaluation %d at k = %.6g\n", evaluations, k);
    last = run_paired(*r.config, options);
    // Under MPI only rank 0 holds the gathered paths: its metrics steer every rank's search.
    PriceMetrics m = last.is_root ? price_metrics_of(last, report.spec) : PriceMetrics{};
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
  };
  if (const std::string why = check_memory(base, options, 2); !why.empty()) {
    std::fprintf(stderr, "sisim price: %s\n", why.c_str());
    return kExitIo;
  }
  install_cancel_handlers();
  try {
    PriceSearch search(report.spec, evaluate);
    report.investor = search.investor();
    for (int b = 0; b < kPriceBudgets; ++b) report.payer[b] = search.payer(b);
    report.evaluations = search.evaluations();
    report.verdict = price_verdict(report, base);
    if (!process_group().is_root()) return kExitOk;  // MPI: rank 0 writes and prints
    io::ResultWriter w(args.output, args.force);
    last.columns = ColumnSet();  // only seed, paths and threads are read
    write_root_metadata(w, {args.output, args.force, args.command_line}, base, last);
    write_price_groups(w, report);
    w.commit();
  } catch (const RunInterrupted&) {
    std::fprintf(stderr, "sisim price: interrupted; nothing was written\n");
    return kExitInterrupted;
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim price: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  const std::string title = price_title(base.name, static_cast<std::int64_t>(options.paths),
                                        static_cast<std::uint64_t>(options.seed), report.evaluations.size());
  std::fputs(format_price_report(report, title).c_str(), stdout);
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
