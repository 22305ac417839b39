// api::stress: the base scenario and each stress case on the same seed and paths, every case
// written like a run under /cases/<name>, and the paired comparison under /stress.
#include "config/stress.hpp"

#include <optional>

#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"

namespace sisim::api {

using engine::check_memory;
using engine::process_group;
using engine::RunOutput;

using config::Config;
using config::ConfigError;
using config::LoadResult;
using config::public_price_basis;
using config::read_scenario_stress;
using config::read_stress_file;
using config::resolve_shifts;
using config::StressCase;
using config::StressCasesResult;

namespace {

struct LoadedCase {
  CaseRecord record;
  Config config;
};

// Every case is loaded (and every error collected) before the first path is simulated.
std::vector<LoadedCase> load_cases(const Scenario& scenario, const std::string& cases_file) {
  const Config& base = scenario.config;
  const StressCasesResult cases = cases_file.empty() ? read_scenario_stress(scenario.path, scenario.overrides)
                                                     : read_stress_file(cases_file);
  std::vector<ConfigError> errors = cases.errors;
  if (errors.empty() && cases.cases.empty())
    throw Error(ErrorKind::config,
                "no stress cases (give a cases file or a `stress: {cases: [...]}` section in the scenario)");
  std::vector<LoadedCase> out;
  for (const StressCase& c : cases.cases) {
    std::vector<ConfigError> resolve_errors;
    LoadedCase loaded;
    loaded.record = {c.name, c.description, c.shifts, resolve_shifts(base, c.shifts, resolve_errors), ""};
    const LoadResult r = load_shifted(scenario.path, scenario.overrides, base, c.shifts);
    if (!r.ok()) {
      errors.insert(errors.end(), r.errors.begin(), r.errors.end());
      continue;
    }
    loaded.config = *r.config;
    loaded.record.config_yaml = r.config->resolved_yaml;
    out.push_back(std::move(loaded));
  }
  if (!errors.empty()) throw Error(std::move(errors));
  return out;
}

}  // namespace

StressResult stress(const Scenario& scenario, const std::string& cases_file, const RunSettings& settings,
                    const OutputFile& output, const Progress& progress) {
  const Config& base = scenario.config;
  std::vector<InputFile> inputs = scenario_inputs(scenario.path, base);
  if (!cases_file.empty()) inputs.push_back({cases_file, "the cases file"});
  check_output(output, inputs);
  const std::vector<LoadedCase> cases = load_cases(scenario, cases_file);

  StressResult result;
  result.options = paired_options(settings, base);
  if (const std::string why = check_memory(base, result.options, 2); !why.empty())
    throw Error(ErrorKind::resources, why);
  result.root = process_group().is_root();
  const auto step = [&](std::size_t k, const std::string& name) {
    if (progress && result.root)
      progress("[" + std::to_string(k) + "/" + std::to_string(cases.size() + 1) + "] " + name);
  };
  result.names = {"base"};
  writing(output, [&] {
    std::optional<io::ResultWriter> w;
    if (result.root) w.emplace(output.path, output.force);
    step(1, "base");
    const RunOutput base_run = run_paired(base, result.options);
    if (result.root) {
      write_root_metadata(*w, {output.path, output.force, output.command_line}, base, base_run);
      write_run(*w, "/cases/base", base_run, headline_rows(base, base_run), base.currency);
      write_stress_case(*w, {"base", "the scenario as given", {}, {}, base.resolved_yaml});
      result.rows.push_back(compare_paired(base_run, base_run));
    }
    for (size_t c = 0; c < cases.size(); ++c) {
      step(c + 2, cases[c].record.name);
      const RunOutput run = run_paired(cases[c].config, result.options);
      result.names.push_back(cases[c].record.name);
      if (!result.root) continue;
      write_run(*w, "/cases/" + cases[c].record.name, run, headline_rows(cases[c].config, run),
                cases[c].config.currency);
      write_stress_case(*w, cases[c].record);
      result.rows.push_back(compare_paired(base_run, run));
    }
    if (!result.root) return;
    write_stress_comparison(*w, result.names, result.rows, base.currency, public_price_basis(base));
    w->commit();
  });
  return result;
}

}  // namespace sisim::api
