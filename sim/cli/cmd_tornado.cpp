// `sisim tornado SCENARIO.yaml -o OUT.h5`: the base run and the swing of each output as each
// uncertain input goes from its P10 to its P90 (api::tornado); prints the table.
#include <fmt/format.h>

#include <cstdio>

#include "sim/api/front_door.hpp"
#include "sim/api/tornado_file.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/engine/cancel.hpp"

namespace sisim::cli {

using engine::install_cancel_handlers;

int cmd_tornado(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim tornado: expected SCENARIO.yaml -o OUT.h5\n");
    return kExitUsage;
  }
  try {
    const api::Scenario scenario = api::load(args.positional[0], args.overrides);
    install_cancel_handlers();
    const api::TornadoRun r = api::tornado(scenario, settings_of(args), output_of(args), progress_of(args));
    if (!r.root) return kExitOk;
    const std::string title = fmt::format("sisim tornado: {} ({} inputs, {} paths per run, seed {})",
                                          scenario.config.name, r.inputs, r.options.paths, r.options.seed);
    std::fputs(api::format_tornado_table(r.tornado, title).c_str(), stdout);
    std::printf("written: %s\n", args.output.c_str());
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
