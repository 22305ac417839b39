// api::sweep: the sweep file's base scenario at each point of a grid or Latin hypercube, every
// point on the same seed and paths (common random numbers), one summary row per point. A point
// range [begin, end) runs one slice (cluster job arrays); `sisim summarize --merge` joins slices.
#include "config/sweep.hpp"

#include <fmt/format.h>

#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/load_scenario.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/api/sweep_points.hpp"
#include "sim/api/sweep_table_init.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"

namespace sisim::api {

using engine::check_memory;
using engine::process_group;
using engine::RunOutput;

using config::Config;
using config::LoadResult;
using config::read_sweep;
using config::SweepReadResult;
using config::SweepSpec;

namespace {

std::string point_label(const SweepPoints& points, size_t p) {
  std::string out;
  for (size_t c = 0; c < points.columns.size(); ++c) {
    out += (c ? ", " : "") + points.columns[c] + "=" + fmt::format("{:.6g}", points.values[p][c]);
  }
  return out;
}

}  // namespace

SweepResult sweep(const SweepRequest& request, const RunSettings& settings, const OutputFile& output,
                  const Progress& progress) {
  const SweepReadResult read = read_sweep(request.sweep_file);
  if (!read.ok()) throw Error(read.errors);
  const SweepSpec& spec = *read.spec;
  const Scenario scenario = load(spec.scenario, request.overrides);
  const Config& base = scenario.config;
  std::vector<InputFile> inputs = scenario_inputs(spec.scenario, base);
  inputs.push_back({request.sweep_file, "the sweep file"});
  check_output(output, inputs);

  SweepResult result;
  result.scenario_name = base.name;
  const SweepPoints points = sweep_points(spec);
  result.total = static_cast<std::int64_t>(points.values.size());
  result.begin = request.begin.value_or(0);
  result.end = request.end.value_or(result.total);
  if (result.begin >= result.total || result.end > result.total)
    throw Error(ErrorKind::usage, "--points " + std::to_string(result.begin) + ":" +
                                      std::to_string(result.end) + " is outside the sweep's " +
                                      std::to_string(result.total) +
                                      " points (0:" + std::to_string(result.total) + ")");
  // Every point of the slice loads before any runs, so a bad path fails at once rather than hours
  // into a sweep (the same error would repeat at every point: the first point's is reported). The
  // configs are loaded again one at a time for the runs: loading costs milliseconds, and a large
  // sweep need not hold every config in memory.
  for (std::int64_t p = result.begin; p < result.end; ++p) {
    const LoadResult r =
        load_shifted(spec.scenario, request.overrides, base, points.shifts[static_cast<size_t>(p)]);
    if (!r.ok()) throw Error(r.errors);
  }
  result.options = paired_options(settings, base, spec.paths.value_or(0));
  result.table = new_sweep_table(spec, base, points, result.options);
  if (const std::string why = check_memory(base, result.options, 1); !why.empty())
    throw Error(ErrorKind::resources, why);
  result.root = process_group().is_root();
  for (std::int64_t p = result.begin; p < result.end; ++p) {
    if (progress && result.root)
      progress("[" + std::to_string(p - result.begin + 1) + "/" + std::to_string(result.end - result.begin) +
               "] point " + std::to_string(p) + ": " + point_label(points, static_cast<size_t>(p)));
    const LoadResult r =
        load_shifted(spec.scenario, request.overrides, base, points.shifts[static_cast<size_t>(p)]);
    const RunOutput run = run_paired(*r.config, result.options);
    result.table.threads = run.threads;
    // Under MPI each point's run is split over the ranks; rank 0 holds it and summarises it.
    if (run.is_root) add_sweep_point(result.table, p, points.values[static_cast<size_t>(p)], run);
  }
  if (!result.root) return result;
  writing(output, [&] { write_sweep_file(output.path, output.force, output.command_line, result.table); });
  return result;
}

}  // namespace sisim::api
