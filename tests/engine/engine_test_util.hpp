#pragma once
// A small scenario for engine tests, loaded through the real config loader.
#include <gtest/gtest.h>

#include <string>

#include "config/loader.hpp"

namespace sisim::testing {

inline std::string small_scenario_yaml() {
  return R"(
name: engine-test
simulation: {horizon_months: 72, seed: 7, paths: 300, block_size: 16}
cohort:
  size: 40
  fill_rate: {dist: uniform, min: 0.8, max: 1.0}
  enrolment_months: 6
  segments:
    - {name: a, share: 0.5, benefit_monthly: 12000, prior_benefit_weeks: 10, wage_monthly: 22000,
       hours_fraction: 0.7, job_finding_hazard: {dist: triangular, min: 0.01, mode: 0.02, max: 0.04},
       separation_hazard: 0.03, exit_hazard: 0.002, result_grant_eligible: true}
    - {name: b, share: 0.5, benefit_monthly: 16000, prior_benefit_weeks: 100, wage_monthly: 21000,
       hours_fraction: 0.5, job_finding_hazard: 0.01, separation_hazard: 0.05, exit_hazard: 0.004,
       result_grant_eligible: false}
intervention:
  duration_months: 12
  dropout_hazard: 0.02
  effect: {hazard_ratio: {dist: uniform, min: 1.5, max: 2.5}}
  retention_multiplier: 0.8
  decay_half_life_months: 12
  cost: {setup: 100000, fixed_monthly: 10000, per_participant_monthly: 3000}
labour_market:
  recession: {start_probability_monthly: 0.02, end_probability_monthly: 0.1,
              job_finding_multiplier: 0.6, separation_multiplier: 1.5}
public:
  result_grant: {amount: 88817, after_months_in_job: 6}
  other_flows: [{name: health, budget: region, on_benefit: 1000, employed: 500}]
contract:
  outcome_window_months: 36
  payment_interval_months: 6
  payment_lag_months: 3
  payers: {municipality: 0.7, state: 0.3}
  outcomes:
    - {metric: job_start, min_months: 3, price: 40000}
    - {metric: employment_month, price: 6000, max_per_participant: 24}
  termination_probability_annual: 0.05
finance:
  investor_discount_rate: 0.08
  return_cap_annual: 0.2
  guarantee: {share_of_loss: 0.25, guarantor: foundation}
)";
}

inline config::Config load_or_fail(const std::string& yaml, const std::vector<std::string>& overrides = {}) {
  config::LoadResult r = config::load_config_from_string(yaml, "engine-test.yaml", overrides);
  if (!r.ok()) {
    ADD_FAILURE() << config::format_errors(r.errors);
    return config::Config{};
  }
  return *r.config;
}

}  // namespace sisim::testing
