// `sisim run SCENARIO.yaml -o RESULTS.h5`: simulate, print the summary table, write the file.
#include <fmt/format.h>

#include <cstdio>

#include "sim/api/front_door.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/engine/cancel.hpp"

namespace sisim::cli {

using engine::install_cancel_handlers;
using engine::RunOutput;

using config::Config;

namespace {

using namespace sisim::api;

// The summary table, society's account and the notes of a run, as the terminal shows them.
std::string run_text(const Config& config, const RunOutput& run, const RunSummaries& summaries) {
  const auto& rows = summaries.headline;
  const std::string title =
      fmt::format("sisim results: {} ({} paths, seed {}, {} thread{}, {:.1f} s)", config.name, run.paths,
                  run.seed, run.threads, run.threads == 1 ? "" : "s", run.seconds);
  const SummaryDocument doc{title + "\n" + assumption_line(arm_coupling_text(config)), config.currency,
                            results::deal_terms(config), rows,
                            result_notes(config, rows, &run.series.investor_drawn_fan)};
  std::string text = format_summary_table(doc);
  text += format_society_table(summaries.society, config.currency);
  if (run.gap_clamped_paths > 0)
    text += fmt::format(
        "note: on {} paths the sampled employment gap was unreachable and the hazard ratio was clamped\n",
        run.gap_clamped_paths);
  return text;
}

}  // namespace

int cmd_run(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim run: expected SCENARIO.yaml -o RESULTS.h5\n");
    return kExitUsage;
  }
  try {
    const api::Scenario scenario = api::load(args.positional[0], args.overrides);
    std::vector<api::InputFile> inputs = api::scenario_inputs(scenario.path, scenario.config);
    if (args.checkpoint && !args.checkpoint->empty()) inputs.push_back({*args.checkpoint, "the checkpoint"});
    api::check_output(output_of(args), inputs);
    api::RunRequest request;
    request.settings = settings_of(args);
    request.progress = !args.quiet;
    request.columns_freed_while_writing = true;  // write_run_file(..., std::move(run)) below
    if (args.checkpoint)
      request.checkpoint = args.checkpoint->empty() ? args.output + ".ckpt" : *args.checkpoint;
    if (!args.quiet) request.notes = progress_of(args);
    request.warnings = [](const std::string& w) {
      std::fprintf(stderr, "sisim run: warning: %s\n", w.c_str());
    };
    install_cancel_handlers();
    RunOutput run = api::run(scenario, request);
    if (args.threads > run.threads && run.is_root)
      std::fprintf(stderr,
                   "sisim run: note: --threads %d asked for more threads than this process can run; %d ran "
                   "(and the result file records %d)\n",
                   args.threads, run.threads, run.threads);
    if (!run.is_root) {  // MPI: rank 0 holds the gathered result and writes it
      api::remove_checkpoint(run);
      return kExitOk;
    }
    // Summarised once for the table and the file. The text is made first and printed once the file
    // is safe: the write frees the columns.
    const RunSummaries summaries = api::run_summaries(scenario.config, run);
    const std::string text = run_text(scenario.config, run, summaries);
    api::write_run_file(output_of(args), scenario, std::move(run), summaries);
    std::fputs(text.c_str(), stdout);
    std::printf("written: %s\n", args.output.c_str());
    api::remove_checkpoint(run);  // only now: had the write failed, a rerun would resume from it
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
