#pragma once
// Test scenarios built directly as Config structs (the YAML loader is not a dependency of model tests).
#include <vector>

#include "config/config.hpp"
#include "sim/model/path_simulation.hpp"

namespace sisim::test {

// The values of shared/design/example-scenario.yaml. Uncertain parameters: id 0 =
// aktivitetsparat_complex job_finding_hazard (triangular 0.004/0.008/0.015), id 1 = recession
// job_finding_multiplier (uniform 0.5-0.8).
config::Config example_config();
// Draws at the modes/centres: {0.008, 0.65}.
std::vector<double> example_draws();

// One fixed segment, no other flows, no costs, no recession: a base for hand-made cases.
config::Config single_segment_config();

// One person over 40 months, all hazards 1: the counterfactual alternates B, E, B, E, ...; the
// treated person keeps the job in the 13-month programme (retention multiplier 0), then alternates.
config::Config alternating_person_config();

// The refusion ladder 80/40/30/20 % from weeks 0/4/26/52 at benefit month n, no prior weeks
// (week w = 52 n / 12).
double ladder_rate_at_benefit_month(int n);

// Turn `p` into uncertain parameter `id` of `c` (the draw vector supplies its value).
void make_uncertain(config::Config& c, config::Param& p, const char* path, const rng::Distribution& dist);

// Resolve, simulate the regime and one path (seed 20230809 unless given).
model::PathSimulation run_path(const config::Config& c, const std::vector<double>& draws,
                               std::uint64_t path = 0, int termination_month = -1,
                               std::uint64_t seed = 20230809);

// Savings (counterfactual minus treated) of one budget summed over line items and months.
double total_savings(const model::PathSimulation& p, config::Budget b);

}  // namespace sisim::test
