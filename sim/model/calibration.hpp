#pragma once
// The employment_gap effect (MODEL.md sections 4 and 12): the hazard ratio HR at which the expected
// share employed `at_month` months after enrolment, treated minus counterfactual, equals the gap.
// Exact propagation of the expected state probabilities of both arms (normal regime, no
// termination), segment-weighted, then regula falsi (Illinois) on HR in [0, HR_max].
#include <vector>

namespace sisim::model {

struct CalibrationSegment {
  double share = 0.0;
  double job_finding = 0.0;  // monthly hazards, normal regime
  double separation = 0.0;
  double exit = 0.0;
  // Share of the segment's jobs the gap's measure counts: 1 for any employment, 1 - part_time_share
  // for self-sufficiency (a job's kind is drawn independently of its timing, MODEL.md 8a).
  double measured = 1.0;
};

struct CalibrationInputs {
  std::vector<CalibrationSegment> segments;
  int duration_months = 0;
  double dropout_hazard = 0.0;
  double retention_multiplier = 1.0;
  double decay_half_life = 0.0;  // +infinity: permanent
  int at_month = 0;
  double gap = 0.0;
};

// Expected share employed at `at_month` (people in X in the denominator), treated minus
// counterfactual, for a given HR.
double expected_employment_gap(const CalibrationInputs& in, double hazard_ratio);

// HR_max: the smallest HR that brings every positive job-finding hazard to 1 (at least 1).
double max_hazard_ratio(const CalibrationInputs& in);

struct GapSolution {
  double hazard_ratio = 1.0;
  bool clamped = false;  // the gap lies outside [gap(0), gap(HR_max)]
  double hr_max = 1.0;
};

// Illinois regula falsi (sim/numeric/root_finder.hpp) to an HR bracket narrower than 1e-9. Unreachable gaps
// clamp HR to 0 or HR_max.
GapSolution solve_employment_gap(const CalibrationInputs& in);

// The post-programme effect of a completer j = k - D months after the programme's end.
double decayed_hazard_ratio(double hazard_ratio, double half_life, int months_after_end);

}  // namespace sisim::model
