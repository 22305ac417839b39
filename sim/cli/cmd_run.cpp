// `sisim run SCENARIO.yaml -o RESULTS.h5`: simulate, print the summary table, write the file.
#include <cstdio>
#include <filesystem>

#include "sim/cli/commands.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/run_checks.hpp"
#include "sim/cli/society_file.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/checkpoint.hpp"
#include "sim/engine/engine.hpp"
#include "sim/engine/memory_estimate.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {

static void report_checkpoint(const RunOutput& run, bool quiet) {
  if (run.resumed_blocks > 0 && !quiet)
    std::fprintf(stderr, "sisim run: resumed %lld completed blocks from %s\n",
                 static_cast<long long>(run.resumed_blocks), run.checkpoint_file.c_str());
  if (!run.checkpoint_error.empty())
    std::fprintf(stderr, "sisim run: warning: %s\n", run.checkpoint_error.c_str());
}

static void remove_checkpoint(const RunOutput& run) {
  std::error_code ec;
  if (!run.checkpoint_file.empty()) std::filesystem::remove(run.checkpoint_file, ec);
}

int cmd_run(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim run: expected SCENARIO.yaml -o RESULTS.h5\n");
    return kExitUsage;
  }
  const LoadResult loaded = load_scenario(args.positional[0], args.overrides);
  if (!loaded.ok()) {
    std::fputs(format_errors(loaded.errors).c_str(), stderr);
    return kExitData;
  }
  const Config& config = *loaded.config;
  std::vector<InputFile> inputs = scenario_inputs(args.positional[0], config);
  if (args.checkpoint && !args.checkpoint->empty()) inputs.push_back({*args.checkpoint, "the checkpoint"});
  std::string why;
  if (!output_is_usable(args.output, args.force, inputs, why)) {
    std::fprintf(stderr, "sisim run: %s\n", why.c_str());
    return kExitIo;
  }

  RunOptions options;
  if (args.paths) options.paths = *args.paths;
  if (args.seed) {
    options.seed = *args.seed;
    options.seed_set = true;
  }
  options.threads = args.threads;
  options.progress = !args.quiet;
  options.label = config.name;
  if (args.checkpoint)
    options.checkpoint = args.checkpoint->empty() ? args.output + ".ckpt" : *args.checkpoint;
  if (const std::string why = check_memory(config, options); !why.empty()) {
    std::fprintf(stderr, "sisim run: %s\n", why.c_str());
    return kExitIo;
  }
  install_cancel_handlers();
  RunOutput run;
  try {
    run = run_simulation(config, options);
  } catch (const CheckpointError& e) {
    std::fprintf(stderr, "sisim run: %s\n", e.what());
    return kExitData;
  }
  report_checkpoint(run, args.quiet);
  if (args.threads > run.threads && run.is_root)
    std::fprintf(stderr,
                 "sisim run: note: --threads %d asked for more threads than this process can run; %d ran "
                 "(and the result file records %d)\n",
                 args.threads, run.threads, run.threads);
  if (run.cancelled) {
    if (run.checkpoint_file.empty() || !run.checkpoint_error.empty())
      std::fprintf(stderr, "sisim run: interrupted; nothing was written\n");
    else
      std::fprintf(stderr,
                   "sisim run: interrupted; completed blocks are in %s: run the same command to resume\n",
                   run.checkpoint_file.c_str());
    return kExitInterrupted;
  }
  if (!run.is_root) {  // MPI: rank 0 holds the gathered result and writes it
    remove_checkpoint(run);
    return kExitOk;
  }
  const auto rows = headline_rows(config, run);
  try {
    write_result_file({args.output, args.force, args.command_line}, config, run, rows);
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim run: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  char title[512];
  std::snprintf(title, sizeof title, "sisim results: %s (%lld paths, seed %llu, %d thread%s, %.1f s)",
                config.name.c_str(), static_cast<long long>(run.paths),
                static_cast<unsigned long long>(run.seed), run.threads, run.threads == 1 ? "" : "s",
                run.seconds);
  const SummaryDocument doc{std::string(title) + "\n" + assumption_line(arm_coupling_text(config)),
                            config.currency, results::deal_terms(config), rows,
                            result_notes(config, rows, &run.series.investor_drawn_fan)};
  std::fputs(format_summary_table(doc).c_str(), stdout);
  std::fputs(format_society_table(analysis::summarize_society(society_columns(run)), config.currency).c_str(),
             stdout);
  if (run.gap_clamped_paths > 0)
    std::printf(
        "note: on %lld paths the sampled employment gap was unreachable and the hazard ratio was clamped\n",
        static_cast<long long>(run.gap_clamped_paths));
  std::printf("written: %s\n", args.output.c_str());
  remove_checkpoint(run);  // only now: had the write failed, a rerun would resume from it
  return kExitOk;
}

}  // namespace sisim::cli
