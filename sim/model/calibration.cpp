#include "sim/model/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/numeric/root_finder.hpp"

namespace sisim::model {
namespace {

struct Occupancy {
  double benefit = 0.0;
  double employed = 0.0;
};

// One monthly transition (MODEL.md section 4 step 3): exit first, then the move.
Occupancy step(Occupancy p, double h, double s, double x) {
  return {(1.0 - x) * ((1.0 - h) * p.benefit + s * p.employed),
          (1.0 - x) * (h * p.benefit + (1.0 - s) * p.employed)};
}

double capped(double q) {
  return std::min(1.0, q);
}

// Treated minus counterfactual expected share employed of one segment after `at_month` steps.
double segment_gap(const CalibrationInputs& in, const CalibrationSegment& seg, double hr) {
  Occupancy cf{1.0, 0.0}, programme{1.0, 0.0}, dropped{0.0, 0.0};
  const double h0 = capped(seg.job_finding), s0 = capped(seg.separation);
  const int d = in.duration_months;
  for (int k = 0; k < in.at_month; ++k) {
    cf = step(cf, h0, s0, seg.exit);
    dropped = step(dropped, h0, s0, seg.exit);
    if (k < d) {
      programme = step(programme, capped(seg.job_finding * hr),
                       capped(seg.separation * in.retention_multiplier), seg.exit);
    } else {  // completers: decaying effect on job finding, no retention effect
      const double f = decayed_hazard_ratio(hr, in.decay_half_life, k - d);
      programme = step(programme, capped(seg.job_finding * f), s0, seg.exit);
    }
    if (k + 1 < d) {  // dropout draw after the transition, none at k + 1 = D
      const Occupancy leaving{programme.benefit * in.dropout_hazard, programme.employed * in.dropout_hazard};
      programme = {programme.benefit - leaving.benefit, programme.employed - leaving.employed};
      dropped = {dropped.benefit + leaving.benefit, dropped.employed + leaving.employed};
    }
  }
  return programme.employed + dropped.employed - cf.employed;
}

}  // namespace

double decayed_hazard_ratio(double hazard_ratio, double half_life, int months_after_end) {
  if (std::isinf(half_life)) return hazard_ratio;
  if (half_life <= 0.0) return 1.0;
  return 1.0 + (hazard_ratio - 1.0) * std::exp2(-static_cast<double>(months_after_end) / half_life);
}

double expected_employment_gap(const CalibrationInputs& in, double hazard_ratio) {
  double gap = 0.0;
  for (const CalibrationSegment& seg : in.segments)
    gap += seg.share * seg.measured * segment_gap(in, seg, hazard_ratio);
  return gap;
}

double max_hazard_ratio(const CalibrationInputs& in) {
  double hr_max = 1.0;
  for (const CalibrationSegment& seg : in.segments) {
    if (seg.job_finding > 0.0) hr_max = std::max(hr_max, 1.0 / seg.job_finding);
  }
  return hr_max;
}

GapSolution solve_employment_gap(const CalibrationInputs& in) {
  GapSolution out;
  out.hr_max = max_hazard_ratio(in);
  const double lo = 0.0, hi = out.hr_max;
  const double gap_lo = expected_employment_gap(in, lo), gap_hi = expected_employment_gap(in, hi);
  if (in.gap > gap_hi) {
    out.hazard_ratio = hi;
    out.clamped = true;
  } else if (in.gap < gap_lo) {
    out.hazard_ratio = lo;
    out.clamped = true;
  } else {
    // Regula falsi with the Illinois modification (sim/numeric/root_finder.hpp) on the bracket
    // [lo, hi], gap(lo) <= target <= gap(hi). The gap is smooth and increasing in HR, so this needs
    // about ten evaluations where bisection to 1e-9 needs forty (it is solved on every path).
    const auto excess_gap = [&in](double hr) { return expected_employment_gap(in, hr) - in.gap; };
    const numeric::RootResult root = numeric::find_root(excess_gap, lo, hi, gap_lo - in.gap, gap_hi - in.gap,
                                                        {numeric::RootMethod::illinois, 1e-9, 1e-13, 200});
    out.hazard_ratio = root.root;  // the middle of the final bracket, within 1e-9 of the root
  }
  out.achieved_gap = expected_employment_gap(in, out.hazard_ratio);
  return out;
}

}  // namespace sisim::model
