#pragma once
// The monthly-loop REFERENCE of the participant model, written straight from MODEL.md section 4
// steps 1-4 and section 6: one Bernoulli draw per participant, arm and month; the two arms are
// independent (no common random numbers), so only marginal laws and means are comparable with
// the fast engine. Shares with sim/model only PathParameters' raw numbers (not its derived tables).
#include <cstdint>
#include <vector>

#include "config/config.hpp"
#include "sim/model/flows.hpp"
#include "sim/model/path_parameters.hpp"
#include "sim/rng/philox.hpp"

namespace sisim::test {

struct ReferenceArm {
  model::FlowTable flows;
  double employment_months = 0.0;
  int job_starts = 0;
  std::vector<double> employed_count;
};

struct ReferencePath {
  ReferenceArm treated, counterfactual;
  std::vector<double> investor_costs;
};

ReferencePath reference_simulate_path(const config::Config& config, const model::PathParameters& pp,
                                      const std::vector<std::uint8_t>& regime, int termination_month,
                                      const rng::Key& key, std::uint64_t path);

}  // namespace sisim::test
