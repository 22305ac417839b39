// `sisim sweep SWEEP.yaml -o OUT.h5 [--points a:b]`: the sweep file's base scenario at each point
// of a grid or Latin hypercube, every point on the same seed and paths (common random numbers),
// one summary row per point. --points a:b runs points a..b-1 only (for cluster job arrays);
// `sisim summarize --merge` joins the slices.
#include <cstdio>

#include "config/sweep.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/stress_run.hpp"
#include "sim/cli/sweep_file.hpp"
#include "sim/cli/sweep_points.hpp"
#include "sim/cli/sweep_table_init.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {
namespace {

std::string point_label(const SweepPoints& points, size_t p) {
  std::string out;
  for (size_t c = 0; c < points.columns.size(); ++c) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.6g", points.values[p][c]);
    out += (c ? ", " : "") + points.columns[c] + "=" + buf;
  }
  return out;
}

// Loads every point of the slice before running any, so that a bad path fails at once rather
// than hours into a sweep. (The configs are loaded again one at a time for the runs: loading
// costs milliseconds, and a large sweep need not hold every config in memory.)
bool points_load(const SweepSpec& spec, const Args& args, const Config& base, const SweepPoints& points,
                 std::int64_t begin, std::int64_t end) {
  for (std::int64_t p = begin; p < end; ++p) {
    const LoadResult r =
        load_shifted(spec.scenario, args.overrides, base, points.shifts[static_cast<size_t>(p)]);
    if (!r.ok()) {  // the same error would repeat at every point: report the first point's
      std::fputs(format_errors(r.errors).c_str(), stderr);
      return false;
    }
  }
  return true;
}

}  // namespace

int cmd_sweep(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim sweep: expected SWEEP.yaml -o OUT.h5 [--points a:b]\n");
    return kExitUsage;
  }
  const SweepReadResult read = read_sweep(args.positional[0]);
  if (!read.ok()) {
    std::fputs(format_errors(read.errors).c_str(), stderr);
    return kExitData;
  }
  const SweepSpec& spec = *read.spec;
  const LoadResult loaded = load_scenario(spec.scenario, args.overrides);
  if (!loaded.ok()) {
    std::fputs(format_errors(loaded.errors).c_str(), stderr);
    return kExitData;
  }
  const Config& base = *loaded.config;
  std::vector<InputFile> inputs = scenario_inputs(spec.scenario, base);
  inputs.push_back({args.positional[0], "the sweep file"});
  std::string why;
  if (!output_is_usable(args.output, args.force, inputs, why)) {
    std::fprintf(stderr, "sisim sweep: %s\n", why.c_str());
    return kExitIo;
  }
  const SweepPoints points = sweep_points(spec);
  const auto total = static_cast<std::int64_t>(points.values.size());
  const std::int64_t begin = args.points_begin.value_or(0), end = args.points_end.value_or(total);
  if (begin >= total || end > total) {
    std::fprintf(stderr, "sisim sweep: --points %lld:%lld is outside the sweep's %lld points (0:%lld)\n",
                 static_cast<long long>(begin), static_cast<long long>(end), static_cast<long long>(total),
                 static_cast<long long>(total));
    return kExitUsage;
  }
  if (!points_load(spec, args, base, points, begin, end)) return kExitData;
  const RunOptions options = paired_options(args, base, spec.paths.value_or(0));
  SweepTable table = new_sweep_table(spec, base, points, options);
  if (const std::string why = check_memory(base, options, 1); !why.empty()) {
    std::fprintf(stderr, "sisim sweep: %s\n", why.c_str());
    return kExitIo;
  }
  install_cancel_handlers();
  try {
    for (std::int64_t p = begin; p < end; ++p) {
      if (!args.quiet && process_group().is_root())
        std::fprintf(stderr, "sisim sweep: [%lld/%lld] point %lld: %s\n",
                     static_cast<long long>(p - begin + 1), static_cast<long long>(end - begin),
                     static_cast<long long>(p), point_label(points, static_cast<size_t>(p)).c_str());
      const LoadResult r =
          load_shifted(spec.scenario, args.overrides, base, points.shifts[static_cast<size_t>(p)]);
      const RunOutput run = run_paired(*r.config, options);
      table.threads = run.threads;
      // Under MPI each point's run is split over the ranks; rank 0 holds it and summarises it.
      if (run.is_root) add_sweep_point(table, p, points.values[static_cast<size_t>(p)], run);
    }
    if (!process_group().is_root()) return kExitOk;
    write_sweep_file(args.output, args.force, args.command_line, table);
  } catch (const RunInterrupted&) {
    std::fprintf(stderr, "sisim sweep: interrupted; nothing was written\n");
    return kExitInterrupted;
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim sweep: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  std::printf("sisim sweep: %s, points %lld..%lld of %lld (%lld paths each, seed %llu)\n", base.name.c_str(),
              static_cast<long long>(begin), static_cast<long long>(end - 1), static_cast<long long>(total),
              static_cast<long long>(options.paths), static_cast<unsigned long long>(options.seed));
  std::fputs(format_sweep_table(table).c_str(), stdout);
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
