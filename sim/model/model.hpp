#pragma once
// The participant model built once from a validated Config: immutable, shared read-only by every
// thread. resolve() turns one path's parameter draws into the PathParameters the simulation uses.
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "sim/model/calibration.hpp"
#include "sim/model/path_parameters.hpp"

namespace sisim::model {

class Model {
 public:
  // Throws std::invalid_argument for inconsistencies the model cannot run with (a segment override
  // of an unknown public.other_flows name, no segments, an empty refusion ladder).
  explicit Model(const config::Config& config);

  // Every per-path number, with the employment_gap calibration solved when the effect is a gap.
  PathParameters resolve(const std::vector<double>& draws) const;

  // The calibration problem of one path (used by resolve and by check_fixed_gap).
  CalibrationInputs calibration_inputs(const std::vector<double>& draws) const;

  const config::Config& config() const { return config_; }
  int line_items() const { return kFixedLineItems + static_cast<int>(config_.public_.other_flows.size()); }

 private:
  SegmentParameters resolve_segment(int s, const std::vector<double>& draws, const PathParameters& pp) const;
  void build_dated_rules();
  void resolve_dated_rules(const std::vector<double>& draws, PathParameters& pp) const;
  // public.rules' values of one path, month by month.
  struct DatedValues {
    std::vector<MonthTax> month_tax;
    std::vector<double> result_grant_by_month[2];
    std::vector<MonthEarnings> month_earnings;
  };
  DatedValues dated_values(const std::vector<double>& draws) const;
  // No draw enters dated_values: the indexation and every scenario override of a rule are fixed.
  bool dated_values_are_fixed() const;
  // (1 + indexation)^years of the path, by years after the last rule set: the fixed factors, or
  // made into `storage` for this path's draw.
  const std::vector<double>& index_factors_of(const std::vector<double>& draws,
                                              std::vector<double>& storage) const;

  config::Config config_;
  std::vector<config::RefusionStep> ladder_;  // sorted by from_week
  // overrides_[segment][flow]: the amounts that apply (segment override or the public default).
  std::vector<std::vector<config::OtherFlowAmounts>> other_flow_amounts_;
  // public.rules looked up once (not per path): per simulated month, each rule key's value before
  // indexation, each segment's benefit (its rate plus its supplements; empty with benefit_monthly), and the
  // years after the last rule set (the indexation exponent of amounts).
  struct DatedRules {
    std::vector<std::vector<double>> keys;     // [key][month], keys in kDatedKeys order
    std::vector<std::vector<double>> benefit;  // [segment][month]
    std::vector<int> years_after;              // [month]
    std::vector<std::vector<double>>
        earnings;  // [key][month] in kEarningsKeys order; only with part-time jobs
  };
  DatedRules dated_;
  // When dated_values_are_fixed(): the index factors and the dated values, made once for every path
  // (fixed_index_factors_ empty otherwise).
  std::vector<double> fixed_index_factors_;
  std::optional<DatedValues> fixed_dated_;
  // [segment]: the months at which the inputs of a part-time person-month change, with fixed_dated_
  // (empty otherwise).
  std::vector<std::vector<int>> fixed_part_time_runs_;
};

// N = round_half_up(size * fill_rate).
int cohort_size(int size, double fill_rate);

// For an employment_gap effect whose calibration inputs are all fixed: a message if the gap is
// unreachable (a configuration error, MODEL.md section 12); nullopt otherwise (also when the effect
// is a hazard ratio or some calibration input is uncertain).
std::optional<std::string> check_fixed_gap(const config::Config& config);

}  // namespace sisim::model
