// api::tornado: the base run (written like a run file) and, under /tornado, the swing of each
// output as each uncertain input goes from its P10 to its P90 (sim/results/tornado.hpp).
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/api/tornado_file.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/memory_estimate.hpp"

namespace sisim::api {

using engine::check_memory;
using engine::process_group;
using engine::RunOutput;

using config::Config;
using config::public_price_basis;

TornadoRun tornado(const Scenario& scenario, const RunSettings& settings, const OutputFile& output,
                   const Progress& progress) {
  const Config& base = scenario.config;
  check_output(output, scenario_inputs(scenario.path, base));
  TornadoRun result;
  result.options = paired_options(settings, base, kTornadoDefaultPaths);
  if (const std::string why = check_memory(base, result.options, 2); !why.empty())
    throw Error(ErrorKind::resources, why);
  const auto inputs = results::tornado_inputs(base);
  result.inputs = inputs.size();
  result.root = process_group().is_root();
  const auto step = [&](std::size_t k, std::size_t n, const std::string& what) {
    if (progress && result.root) progress("[" + std::to_string(k) + "/" + std::to_string(n) + "] " + what);
  };
  step(0, 2 * inputs.size(), "base");
  const RunOutput base_run = run_paired(base, result.options);
  result.tornado =
      results::run_tornado(scenario.path, scenario.overrides, base, base_run, result.options, inputs, step);
  if (!result.root) return result;
  writing(output, [&] {
    io::ResultWriter w(output.path, output.force);
    write_root_metadata(w, {output.path, output.force, output.command_line}, base, base_run);
    write_run(w, "", base_run, headline_rows(base, base_run), base.currency);
    write_tornado(w, result.tornado, base.currency, public_price_basis(base));
    w.commit();
  });
  return result;
}

}  // namespace sisim::api
