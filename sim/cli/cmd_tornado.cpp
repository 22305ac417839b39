// `sisim tornado SCENARIO.yaml -o OUT.h5`: the base run (written like a run file) and, under
// /tornado, the swing of each output as each uncertain input goes from its P10 to its P90
// (sim/results/tornado.hpp). Parses, calls the library, prints and writes.
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/stress_run.hpp"
#include "sim/cli/tornado_file.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {

int cmd_tornado(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim tornado: expected SCENARIO.yaml -o OUT.h5\n");
    return kExitUsage;
  }
  const LoadResult loaded = load_scenario(args.positional[0], args.overrides);
  if (!loaded.ok()) {
    std::fputs(format_errors(loaded.errors).c_str(), stderr);
    return kExitData;
  }
  const Config& base = *loaded.config;
  std::string why;
  if (!output_is_usable(args.output, args.force, scenario_inputs(args.positional[0], base), why)) {
    std::fprintf(stderr, "sisim tornado: %s\n", why.c_str());
    return kExitIo;
  }
  const RunOptions options = paired_options(args, base, /*default_paths=*/2000);
  const auto inputs = results::tornado_inputs(base);
  const bool root = process_group().is_root();
  install_cancel_handlers();
  const auto progress = [&](std::size_t k, std::size_t n, const std::string& what) {
    if (!args.quiet && root) std::fprintf(stderr, "sisim tornado: [%zu/%zu] %s\n", k, n, what.c_str());
  };
  results::TornadoResult tornado;
  RunOutput base_run;
  try {
    progress(0, 2 * inputs.size(), "base");
    base_run = run_paired(base, options);
    tornado =
        results::run_tornado(args.positional[0], args.overrides, base, base_run, options, inputs, progress);
  } catch (const results::TornadoConfigError& e) {
    std::fputs(format_errors(e.errors).c_str(), stderr);
    return kExitData;
  } catch (const RunInterrupted&) {
    std::fprintf(stderr, "sisim tornado: interrupted; nothing was written\n");
    return kExitInterrupted;
  } catch (const results::TornadoInterrupted&) {
    std::fprintf(stderr, "sisim tornado: interrupted; nothing was written\n");
    return kExitInterrupted;
  }
  if (!root) return kExitOk;
  try {
    io::ResultWriter w(args.output, args.force);
    write_root_metadata(w, {args.output, args.force, args.command_line}, base, base_run);
    write_run(w, "", base_run, headline_rows(base, base_run), base.currency);
    write_tornado(w, tornado, base.currency);
    w.commit();
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim tornado: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  char title[512];
  std::snprintf(title, sizeof title, "sisim tornado: %s (%zu inputs, %lld paths per run, seed %llu)",
                base.name.c_str(), inputs.size(), static_cast<long long>(options.paths),
                static_cast<unsigned long long>(options.seed));
  std::fputs(format_tornado_table(tornado, title).c_str(), stdout);
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
