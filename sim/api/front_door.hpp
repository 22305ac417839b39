#pragma once
// The library front door: every deal-design operation as one call on a loaded scenario, with the
// same checks, order and result file whichever front end calls it. The command line
// (sim/cli/cmd_*.cpp) parses, calls one of these, prints and maps failures to exit codes; the
// Python module (python/sisim_module.cpp) calls them with the GIL released. Failures are
// api::Error (sim/api/error.hpp); nothing is written unless the call succeeds.
//
// Under MPI every rank calls the same function (each run is split over the ranks by blocks); only
// the root holds the gathered paths, so only it writes, and `root` in a result says which it is.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/compare.hpp"
#include "config/config.hpp"
#include "sim/api/price_report.hpp"
#include "sim/api/run_checks.hpp"
#include "sim/api/run_settings.hpp"
#include "sim/api/stress_compare.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/engine/engine.hpp"
#include "sim/results/tornado.hpp"

namespace sisim::api {

// A scenario file with its --set overrides, loaded and checked (the loader's and the model's
// checks, sim/api/load_scenario.hpp). The overrides stay with it: stress cases, sweep points and
// price evaluations reload it with their shifts.
struct Scenario {
  std::string path;
  std::vector<std::string> overrides;
  config::Config config;
};

// Throws Error (config, with every finding at once).
Scenario load(const std::string& path, const std::vector<std::string>& overrides);

// Refuses an output before a long call, not after it (run_checks.hpp): throws Error (io).
void check_output(const OutputFile& output, const std::vector<InputFile>& inputs);

// ---- run: one simulation, kept in memory; write_run_file files it.
struct RunRequest {
  RunSettings settings;    // unset paths/seed: the scenario's
  bool progress = false;   // the engine's progress bar on stderr
  std::string checkpoint;  // resume from and keep this checkpoint file; empty: none
  Progress notes;          // "resumed 12 completed blocks from F" (empty: not said)
  Progress warnings;       // a checkpoint problem the run survived
  // The caller files the run with write_run_file(..., RunOutput&&), which frees the columns as it
  // writes them: the memory check then counts the columns or the file image, not both.
  bool columns_freed_while_writing = false;
};
// Throws Error: resources (does not fit in memory), data (a foreign or damaged checkpoint),
// interrupted (the message says whether a checkpoint holds the completed blocks).
engine::RunOutput run(const Scenario& scenario, const RunRequest& request);
// The result file of `sisim run` (docs/HDF5.md); throws Error (io).
void write_run_file(const OutputFile& output, const Scenario& scenario, const engine::RunOutput& run);
// The same, freeing the run's per-path columns as they go into the file (a million paths fit in
// 1 GiB this way, issue 16): afterwards `run` keeps its series and counts but no columns.
void write_run_file(const OutputFile& output, const Scenario& scenario, engine::RunOutput&& run);
// Both, with the run's summaries made beforehand by run_summaries(scenario.config, run)
// (sim/api/result_file.hpp), for a caller that also shows them: `sisim run` prints the table it
// files, and summarising every metric over every path twice cost a run's end a visible share.
struct RunSummaries;
void write_run_file(const OutputFile& output, const Scenario& scenario, const engine::RunOutput& run,
                    const RunSummaries& summaries);
void write_run_file(const OutputFile& output, const Scenario& scenario, engine::RunOutput&& run,
                    const RunSummaries& summaries);
// Removes the run's checkpoint once its result is safely written.
void remove_checkpoint(const engine::RunOutput& run);

// ---- stress: the base and each case on the same seed and paths, compared path by path.
struct StressResult {
  bool root = true;
  engine::RunOptions options;                  // the paired seed and paths of every run
  std::vector<std::string> names;              // "base", then each case
  std::vector<std::vector<PairedValue>> rows;  // compare_paired(base, case), one row per name
};
// The cases of `cases_file`, or of the scenario's own `stress:` section when it is empty.
StressResult stress(const Scenario& scenario, const std::string& cases_file, const RunSettings& settings,
                    const OutputFile& output, const Progress& progress);

// ---- sweep: the sweep file's scenario at each point of its grid or Latin hypercube.
struct SweepRequest {
  std::string sweep_file;
  std::vector<std::string> overrides;      // --set on the sweep's base scenario
  std::optional<std::int64_t> begin, end;  // run points [begin, end) only (default: all)
};
struct SweepResult {
  bool root = true;
  std::string scenario_name;
  engine::RunOptions options;
  std::int64_t begin = 0, end = 0, total = 0;
  SweepTable table;
};
// Throws Error: config, usage (a point range outside the sweep), io, resources, interrupted.
SweepResult sweep(const SweepRequest& request, const RunSettings& settings, const OutputFile& output,
                  const Progress& progress);

// ---- price: the outcome-price multiplier band (price_solver.hpp) on common random numbers.
struct PriceResult {
  bool root = true;
  engine::RunOptions options;
  PriceReport report;
};
PriceResult price(const Scenario& scenario, const RunSettings& settings, const OutputFile& output,
                  const Progress& progress);

// ---- tornado: each uncertain input at its P10 and P90 (sim/results/tornado.hpp); the file holds
// the base run and /tornado. Default paths 2,000 (kTornadoDefaultPaths).
inline constexpr std::int64_t kTornadoDefaultPaths = 2000;
struct TornadoRun {
  bool root = true;
  engine::RunOptions options;
  std::size_t inputs = 0;
  results::TornadoResult tornado;
};
TornadoRun tornado(const Scenario& scenario, const RunSettings& settings, const OutputFile& output,
                   const Progress& progress);

// ---- compare: run files side by side (analysis/compare.hpp).
struct CompareResult {
  std::vector<analysis::CompareRun> runs;  // in the order of `files`
  analysis::CompareTable table;
};
// Throws Error (data) naming the file that is not a readable run file.
CompareResult compare(const std::vector<std::string>& files);

}  // namespace sisim::api
