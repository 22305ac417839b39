// `sisim sweep SWEEP.yaml -o OUT.h5 [--points a:b]`: the sweep file's base scenario at each point
// of a grid or Latin hypercube on common random numbers (api::sweep), one summary row per point.
// --points a:b runs points a..b-1 only (for cluster job arrays); `sisim summarize --merge` joins
// the slices.
#include <cstdio>

#include "sim/api/front_door.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/engine/cancel.hpp"

namespace sisim::cli {

using engine::install_cancel_handlers;

int cmd_sweep(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim sweep: expected SWEEP.yaml -o OUT.h5 [--points a:b]\n");
    return kExitUsage;
  }
  try {
    install_cancel_handlers();
    const api::SweepResult r =
        api::sweep({args.positional[0], args.overrides, args.points_begin, args.points_end},
                   settings_of(args), output_of(args), progress_of(args));
    if (!r.root) return kExitOk;
    std::printf("sisim sweep: %s, points %lld..%lld of %lld (%lld paths each, seed %llu)\n",
                r.scenario_name.c_str(), static_cast<long long>(r.begin), static_cast<long long>(r.end - 1),
                static_cast<long long>(r.total), static_cast<long long>(r.options.paths),
                static_cast<unsigned long long>(r.options.seed));
    std::fputs(api::format_sweep_table(r.table).c_str(), stdout);
    std::printf("written: %s\n", args.output.c_str());
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
