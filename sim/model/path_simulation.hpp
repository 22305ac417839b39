#pragma once
// One path of the participant model (MODEL.md sections 3, 4 and 6): the cohort simulated in both
// arms with common random numbers, employment histories, budget flows and programme costs.
// Pure and deterministic: the result depends only on (model, parameters, regime, termination,
// key, path). docs/MODEL.md documents the event-time sampling and the arm coupling.
#include <atomic>
#include <cstdint>
#include <vector>

#include "sim/model/flows.hpp"
#include "sim/model/history.hpp"
#include "sim/model/model.hpp"
#include "sim/model/path_parameters.hpp"
#include "sim/model/path_scratch.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::model {

struct ArmResult {
  std::vector<ArmHistory> people;      // one per enrolled participant, index = participant
  FlowTable flows;                     // budgets x line items x months (outcome/guarantee items zero)
  double employment_months = 0.0;      // person-months in E within the horizon
  int job_starts = 0;                  // every entry into E within the horizon
  int result_grants = 0;               // result grants paid (once per eligible person at most)
  std::vector<double> employed_count;  // per month: people in E
  std::vector<double> benefit_count;   // per month: people in B
  std::vector<double> earnings;        // per month: gross wages earned (society's account, MODEL.md 14)
};

struct PathSimulation {
  ArmResult treated, counterfactual;
  std::vector<double> investor_costs;  // programme costs by month (setup, fixed, per participant)
  int enrolled = 0;
  int programme_starts = 0;     // participants who started the programme (enrolled before termination)
  int completers = 0;           // reached k = D in the programme (neither dropped out nor exited)
  double programme_months = 0;  // participant-months in the programme (charged per participant)
  std::vector<std::uint8_t> regime;
  int recession_months = 0;
  int termination_month = -1;
  detail::PathScratch scratch;  // reused work space: no allocation per path in steady state
  // Checked every 1,024 participants: when it is set the path stops early, its results are
  // incomplete and the engine discards them (a cohort of millions must not be deaf to Ctrl-C).
  const std::atomic<bool>* stop = nullptr;
};

// Simulates one path into `out`, reusing its buffers. termination_month: -1 = none; m >= 0 = the
// contract ended after month m: services stop (people in the programme become dropouts from month
// m + 1, people enrolling later never start) and fixed costs stop after month m.
// `regime` may be out.regime itself (no copy needed): it is only read.
void simulate_path(const Model& model, const PathParameters& pp, const std::vector<std::uint8_t>& regime,
                   int termination_month, const rng::Key& key, std::uint64_t path, PathSimulation& out);

// n_c control people from the counterfactual process: enrolment floor(j*E/n_c), segments and events
// from their own streams (control_segment, control_exit, control_labour), the same regime path.
std::vector<ArmHistory> simulate_control_group(const Model& model, const PathParameters& pp,
                                               const std::vector<std::uint8_t>& regime, int n_c,
                                               const rng::Key& key, std::uint64_t path);
// The same, reusing `scratch` and `out`.
void simulate_control_group(const Model& model, const PathParameters& pp,
                            const std::vector<std::uint8_t>& regime, int n_c, const rng::Key& key,
                            std::uint64_t path, detail::PathScratch& scratch, std::vector<ArmHistory>& out,
                            const std::atomic<bool>* stop = nullptr);

}  // namespace sisim::model
