#pragma once
// A tornado (one-at-a-time sensitivity, as in @RISK): each uncertain input is fixed at its P10 and
// then at its P90 while every other draw stays as sampled (common random numbers: the draws are
// addressed by parameter name, so path i of every run met the same people, regime and other
// parameters), plus two switches: the labour-market regime (no recession ever vs a recession
// from month 0) and the payer (never terminates vs terminates after half the outcome window).
// For each output the swing is its value at the high end minus its value at the low end, with a
// standard error from the paired paths of the two runs; inputs are ranked by |swing|.
//
// Library code (no printing, no files): the CLI prints and writes what run_tornado returns.
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "config/stress.hpp"
#include "sim/engine/engine.hpp"
#include "sim/results/summary_spec.hpp"

namespace sisim::results {

// A reader's name for a parameter path: "job finding hazard (kontanthjaelp_other)" for
// cohort.segments.kontanthjaelp_other.job_finding_hazard, "employment gap" for
// intervention.effect.employment_gap, "recession job finding multiplier", ...
std::string human_label(const std::string& path);

struct TornadoInput {
  std::string name;        // the parameter path, or "regime: recession", "payer: termination"
  std::string low_label;   // e.g. "P10 = 0.116", "no recession"
  std::string high_label;  // e.g. "P90 = 0.244", "recession from month 0"
  double low_value = 0.0, high_value = 0.0;  // the parameter at P10 and P90 (NaN for a switch)
  bool is_switch = false;
  std::vector<config::Shift> low, high;  // the shifts of the two runs (`set` only)
};

// The inputs of a scenario: every uncertain parameter (in Config::uncertain order), then the
// switches that apply (the regime when recessions can start; termination when there is a contract).
std::vector<TornadoInput> tornado_inputs(const config::Config& base);

struct TornadoMetric {
  std::string key;    // dataset name under /tornado, e.g. "investor_irr_p50"
  std::string label;  // e.g. "median investor IRR"
  Unit unit;
  bool public_budget;  // a public NPV: its money is on public.discount's price basis
};
// median investor IRR, P(investor nominal loss), investor NPV mean, municipality NPV mean.
const std::vector<TornadoMetric>& tornado_metrics();

// One value per tornado metric, from a run's columns.
std::vector<double> tornado_values(const engine::RunOutput& run);

struct TornadoSwing {
  double low = 0.0, high = 0.0;  // the metric with the input at its low and high end
  double swing = 0.0;            // high - low
  double swing_se = 0.0;         // from the per-path differences of the two runs
};

struct TornadoResult {
  std::vector<TornadoInput> inputs;
  std::vector<double> base;                       // [metric]: the scenario as given
  std::vector<std::vector<TornadoSwing>> swings;  // [metric][input]
  std::vector<std::vector<std::size_t>> rank;     // [metric]: input indices by |swing|, largest first
};

// A shifted scenario that does not load (errors at file:line:col).
struct TornadoConfigError : std::runtime_error {
  explicit TornadoConfigError(std::vector<config::ConfigError> e)
      : std::runtime_error("a tornado input does not load"), errors(std::move(e)) {}
  std::vector<config::ConfigError> errors;
};
// The user interrupted a run (nothing should be written).
struct TornadoInterrupted : std::runtime_error {
  TornadoInterrupted() : std::runtime_error("interrupted") {}
};

// Runs two configurations per input of `inputs` on `options` (same seed and paths as base_run),
// calling progress(k, n, label) before run k of n. Every shifted scenario is loaded (and every
// error collected) before the first run.
TornadoResult run_tornado(const std::string& scenario, const std::vector<std::string>& overrides,
                          const config::Config& base, const engine::RunOutput& base_run,
                          const engine::RunOptions& options, const std::vector<TornadoInput>& inputs,
                          const std::function<void(std::size_t, std::size_t, const std::string&)>& progress);

}  // namespace sisim::results
