// api::run: one simulation as `sisim run` and sisim.run make it.
#include <filesystem>

#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/result_file.hpp"
#include "sim/engine/checkpoint.hpp"
#include "sim/engine/memory_estimate.hpp"

namespace sisim::api {

using engine::check_memory;
using engine::CheckpointError;
using engine::run_simulation;
using engine::RunOptions;
using engine::RunOutput;

RunOutput run(const Scenario& scenario, const RunRequest& request) {
  RunOptions options;  // unset --paths/--seed: the scenario's (the engine reads them)
  if (request.settings.paths) options.paths = *request.settings.paths;
  if (request.settings.seed) {
    options.seed = *request.settings.seed;
    options.seed_set = true;
  }
  options.threads = request.settings.threads;
  options.progress = request.progress;
  options.label = scenario.config.name;
  options.checkpoint = request.checkpoint;
  if (const std::string why = check_memory(scenario.config, options, 1, request.columns_freed_while_writing);
      !why.empty())
    throw Error(ErrorKind::resources, why);
  RunOutput run;
  try {
    run = run_simulation(scenario.config, options);
  } catch (const CheckpointError& e) {
    throw Error(ErrorKind::data, e.what());
  }
  if (run.resumed_blocks > 0 && request.notes)
    request.notes("resumed " + std::to_string(run.resumed_blocks) + " completed blocks from " +
                  run.checkpoint_file);
  if (!run.checkpoint_error.empty() && request.warnings) request.warnings(run.checkpoint_error);
  if (run.cancelled) {
    if (run.checkpoint_file.empty() || !run.checkpoint_error.empty())
      throw Error(ErrorKind::interrupted, "interrupted; nothing was written");
    throw Error(ErrorKind::interrupted, "interrupted; completed blocks are in " + run.checkpoint_file +
                                            ": run the same command to resume");
  }
  return run;
}

void write_run_file(const OutputFile& output, const Scenario& scenario, const RunOutput& run) {
  write_run_file(output, scenario, run, run_summaries(scenario.config, run));
}

void write_run_file(const OutputFile& output, const Scenario& scenario, RunOutput&& run) {
  const RunSummaries summaries = run_summaries(scenario.config, run);
  write_run_file(output, scenario, std::move(run), summaries);
}

void write_run_file(const OutputFile& output, const Scenario& scenario, const RunOutput& run,
                    const RunSummaries& summaries) {
  writing(output, [&] {
    write_result_file({output.path, output.force, output.command_line}, scenario.config, run, summaries);
  });
}

void write_run_file(const OutputFile& output, const Scenario& scenario, RunOutput&& run,
                    const RunSummaries& summaries) {
  writing(output, [&] {
    write_result_file({output.path, output.force, output.command_line}, scenario.config, std::move(run),
                      summaries);
  });
}

void remove_checkpoint(const RunOutput& run) {
  std::error_code ec;
  if (!run.checkpoint_file.empty()) std::filesystem::remove(run.checkpoint_file, ec);
}

}  // namespace sisim::api
