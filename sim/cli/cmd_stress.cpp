// `sisim stress SCENARIO.yaml [--cases FILE] -o OUT.h5`: the base scenario and each stress case on
// the same seed and paths (api::stress), and the paired comparison table in the terminal.
#include <fmt/format.h>

#include <cstdio>

#include "sim/api/front_door.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/engine/cancel.hpp"

namespace sisim::cli {

using engine::install_cancel_handlers;

int cmd_stress(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim stress: expected SCENARIO.yaml [--cases FILE] -o OUT.h5\n");
    return kExitUsage;
  }
  try {
    const api::Scenario scenario = api::load(args.positional[0], args.overrides);
    install_cancel_handlers();
    const api::StressResult r =
        api::stress(scenario, args.cases_file, settings_of(args), output_of(args), progress_of(args));
    if (!r.root) return kExitOk;
    const std::string title =
        fmt::format("sisim stress: {} ({} cases, {} paths each, seed {})", scenario.config.name,
                    r.names.size() - 1, r.options.paths, r.options.seed);
    std::fputs(api::format_comparison_table(r.names, r.rows, title).c_str(), stdout);
    std::printf("written: %s\n", args.output.c_str());
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
