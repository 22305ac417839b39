// `sisim validate FILE [--set k=v ...]`: the fully resolved config, or every error at once.
#include <cstdio>

#include "config/pricing.hpp"
#include "config/stress.hpp"
#include "sim/api/load_scenario.hpp"
#include "sim/cli/commands.hpp"

namespace sisim::cli {

using config::format_errors;
using config::LoadResult;
using config::read_scenario_pricing;
using config::read_scenario_stress;

using namespace sisim::api;  // the result schema and summaries this command reads

int cmd_validate(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "sisim validate: expected one scenario file\n");
    return kExitUsage;
  }
  LoadResult loaded = load_scenario(args.positional[0], args.overrides);
  if (loaded.ok()) {
    // The scenario's own stress cases and pricing targets are checked too: a typo there should
    // surface now, not when `sisim stress` or `sisim price` is run.
    const auto stress = read_scenario_stress(args.positional[0], args.overrides);
    const auto pricing = read_scenario_pricing(args.positional[0], args.overrides);
    loaded.errors.insert(loaded.errors.end(), stress.errors.begin(), stress.errors.end());
    loaded.errors.insert(loaded.errors.end(), pricing.errors.begin(), pricing.errors.end());
    if (!loaded.errors.empty()) loaded.config.reset();
  }
  if (!loaded.ok()) {
    std::fputs(format_errors(loaded.errors).c_str(), stderr);
    std::fprintf(stderr, "%zu error%s in %s\n", loaded.errors.size(), loaded.errors.size() == 1 ? "" : "s",
                 args.positional[0].c_str());
    return kExitData;
  }
  std::fputs(loaded.config->resolved_yaml.c_str(), stdout);
  return kExitOk;
}

}  // namespace sisim::cli
