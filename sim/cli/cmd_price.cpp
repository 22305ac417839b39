// `sisim price SCENARIO.yaml -o OUT.h5`: the outcome-price multiplier band between the investor's
// minimum and the payer's maximum (api::price, sim/api/price_solver.hpp); prints the report.
#include <cstdio>

#include "sim/api/front_door.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/engine/cancel.hpp"

namespace sisim::cli {

using engine::install_cancel_handlers;

int cmd_price(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim price: expected SCENARIO.yaml -o OUT.h5\n");
    return kExitUsage;
  }
  try {
    const api::Scenario scenario = api::load(args.positional[0], args.overrides);
    install_cancel_handlers();
    const api::PriceResult r = api::price(scenario, settings_of(args), output_of(args), progress_of(args));
    if (!r.root) return kExitOk;
    const std::string title =
        api::price_title(scenario.config.name, static_cast<std::int64_t>(r.options.paths),
                         static_cast<std::uint64_t>(r.options.seed), r.report.evaluations.size());
    std::fputs(api::format_price_report(r.report, title).c_str(), stdout);
    std::printf("written: %s\n", args.output.c_str());
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
