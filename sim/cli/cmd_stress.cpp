// `sisim stress SCENARIO.yaml [--cases FILE] -o OUT.h5`: the base scenario and each stress case on
// the same seed and paths, every case written like a run under /cases/<name>, and a paired
// comparison table in the terminal and under /stress.
#include <cstdio>
#include <optional>

#include "config/stress.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/load_scenario.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/cli/stress_compare.hpp"
#include "sim/cli/stress_file.hpp"
#include "sim/cli/stress_run.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {
namespace {

struct LoadedCase {
  CaseRecord record;
  Config config;
};

// Every case is loaded (and every error collected) before the first path is simulated.
bool load_cases(const Args& args, const Config& base, std::vector<LoadedCase>& out) {
  const std::string& scenario = args.positional[0];
  const StressCasesResult cases = args.cases_file.empty() ? read_scenario_stress(scenario, args.overrides)
                                                          : read_stress_file(args.cases_file);
  std::vector<ConfigError> errors = cases.errors;
  if (errors.empty() && cases.cases.empty()) {
    std::fprintf(stderr,
                 "sisim stress: no stress cases (give --cases FILE or a `stress: {cases: [...]}` section)\n");
    return false;
  }
  for (const StressCase& c : cases.cases) {
    std::vector<ConfigError> resolve_errors;
    LoadedCase loaded;
    loaded.record = {c.name, c.description, c.shifts, resolve_shifts(base, c.shifts, resolve_errors), ""};
    const LoadResult r = load_shifted(scenario, args.overrides, base, c.shifts);
    if (!r.ok()) {
      errors.insert(errors.end(), r.errors.begin(), r.errors.end());
      continue;
    }
    loaded.config = *r.config;
    loaded.record.config_yaml = r.config->resolved_yaml;
    out.push_back(std::move(loaded));
  }
  if (!errors.empty()) {
    std::fputs(format_errors(errors).c_str(), stderr);
    return false;
  }
  return true;
}

void progress(const Args& args, size_t i, size_t n, const std::string& name) {
  if (!args.quiet && process_group().is_root())
    std::fprintf(stderr, "sisim stress: [%zu/%zu] %s\n", i, n, name.c_str());
}

}  // namespace

int cmd_stress(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim stress: expected SCENARIO.yaml [--cases FILE] -o OUT.h5\n");
    return kExitUsage;
  }
  const LoadResult loaded = load_scenario(args.positional[0], args.overrides);
  if (!loaded.ok()) {
    std::fputs(format_errors(loaded.errors).c_str(), stderr);
    return kExitData;
  }
  const Config& base = *loaded.config;
  std::vector<InputFile> inputs = scenario_inputs(args.positional[0], base);
  if (!args.cases_file.empty()) inputs.push_back({args.cases_file, "the cases file"});
  std::string why;
  if (!output_is_usable(args.output, args.force, inputs, why)) {
    std::fprintf(stderr, "sisim stress: %s\n", why.c_str());
    return kExitIo;
  }
  std::vector<LoadedCase> cases;
  if (!load_cases(args, base, cases)) return kExitData;

  const RunOptions options = paired_options(args, base);
  if (const std::string why = check_memory(base, options, 2); !why.empty()) {
    std::fprintf(stderr, "sisim stress: %s\n", why.c_str());
    return kExitIo;
  }
  install_cancel_handlers();
  std::vector<std::string> names = {"base"};
  std::vector<std::vector<PairedValue>> rows;
  // Under MPI every rank runs every case (each run is split over the ranks by blocks); only rank 0
  // holds the gathered paths, so only it compares, writes and prints.
  const bool root = process_group().is_root();
  try {
    std::optional<io::ResultWriter> w;
    if (root) w.emplace(args.output, args.force);
    progress(args, 1, cases.size() + 1, "base");
    const RunOutput base_run = run_paired(base, options);
    if (root) {
      write_root_metadata(*w, {args.output, args.force, args.command_line}, base, base_run);
      write_run(*w, "/cases/base", base_run, headline_rows(base, base_run), base.currency);
      write_stress_case(*w, {"base", "the scenario as given", {}, {}, base.resolved_yaml});
      rows.push_back(compare_paired(base_run, base_run));
    }
    for (size_t c = 0; c < cases.size(); ++c) {
      progress(args, c + 2, cases.size() + 1, cases[c].record.name);
      const RunOutput run = run_paired(cases[c].config, options);
      names.push_back(cases[c].record.name);
      if (!root) continue;
      write_run(*w, "/cases/" + cases[c].record.name, run, headline_rows(cases[c].config, run),
                cases[c].config.currency);
      write_stress_case(*w, cases[c].record);
      rows.push_back(compare_paired(base_run, run));
    }
    if (!root) return kExitOk;
    write_stress_comparison(*w, names, rows, base.currency);
    w->commit();
  } catch (const RunInterrupted&) {
    std::fprintf(stderr, "sisim stress: interrupted; nothing was written\n");
    return kExitInterrupted;
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim stress: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  char title[512];
  std::snprintf(title, sizeof title, "sisim stress: %s (%zu cases, %lld paths each, seed %llu)",
                base.name.c_str(), cases.size(), static_cast<long long>(options.paths),
                static_cast<unsigned long long>(options.seed));
  std::fputs(format_comparison_table(names, rows, title).c_str(), stdout);
  std::printf("written: %s\n", args.output.c_str());
  return kExitOk;
}

}  // namespace sisim::cli
