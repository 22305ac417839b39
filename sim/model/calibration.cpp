#include "sim/model/calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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

// The gap as a function of HR for one calibration problem, with everything that does not depend on
// HR worked out once (issue 16: the root finder evaluates it a dozen times on every path): the
// counterfactual's trajectory (no HR in it), the capped hazards of the programme months, and the
// decay factors 2^(-j / half_life) of the completers. Each evaluation makes the very operations
// the month-by-month propagation makes, in the same order, so the value is the same bit for bit.
class GapFunction {
 public:
  explicit GapFunction(const CalibrationInputs& in) : in_(in) {
    const int d = in.duration_months;
    for (const CalibrationSegment& seg : in.segments) {
      Segment out;
      out.weight = seg.share * seg.measured;
      out.job_finding = seg.job_finding;
      out.h0 = capped(seg.job_finding);
      out.s0 = capped(seg.separation);
      out.exit = seg.exit;
      out.retained_separation = capped(seg.separation * in.retention_multiplier);
      Occupancy cf{1.0, 0.0};
      for (int k = 0; k < in.at_month; ++k) cf = step(cf, out.h0, out.s0, seg.exit);
      out.cf_employed = cf.employed;
      segments_.push_back(out);
    }
    // decayed_hazard_ratio(hr, half_life, j) = 1 + (hr - 1) x decay_[j] when the half-life is
    // finite and positive; permanent (infinite) and none (<= 0) are the two other cases.
    if (std::isinf(in.decay_half_life))
      decay_kind_ = Decay::permanent;
    else if (in.decay_half_life <= 0.0)
      decay_kind_ = Decay::none;
    for (int j = 0; decay_kind_ == Decay::fading && j < in.at_month - d; ++j)
      decay_.push_back(std::exp2(-static_cast<double>(j) / in.decay_half_life));
  }

  // expected_employment_gap(in, hr).
  double operator()(double hr) const {
    // Two segments at a time in one loop: their propagations are independent chains of
    // multiplications, which then overlap (issue 16); each segment's operations and the order of
    // the sum over segments are those of one segment at a time, so the value is the same.
    double gap = 0.0;
    size_t s = 0;
    for (; s + 2 <= segments_.size(); s += 2) {
      double pair[2];
      segment_gaps<2>(&segments_[s], hr, pair);
      gap += segments_[s].weight * pair[0];
      gap += segments_[s + 1].weight * pair[1];
    }
    if (s < segments_.size()) {
      double one[1];
      segment_gaps<1>(&segments_[s], hr, one);
      gap += segments_[s].weight * one[0];
    }
    return gap;
  }

 private:
  struct Segment {
    double weight = 0.0;  // share x measured
    double job_finding = 0.0, h0 = 0.0, s0 = 0.0, exit = 0.0, retained_separation = 0.0;
    double cf_employed = 0.0;  // the counterfactual's expected share employed at at_month
  };
  enum class Decay { fading, permanent, none };

  double decayed(double hr, int months_after_end) const {
    switch (decay_kind_) {
      case Decay::permanent:
        return hr;
      case Decay::none:
        return 1.0;
      case Decay::fading:
        break;
    }
    return 1.0 + (hr - 1.0) * decay_[static_cast<size_t>(months_after_end)];
  }

  // Treated minus counterfactual expected share employed of each of N segments after at_month
  // steps, into out[0 .. N-1].
  template <int N>
  void segment_gaps(const Segment* seg, double hr, double* out) const {
    Occupancy programme[N], dropped[N];
    double treated_finding[N];
    for (int j = 0; j < N; ++j) {
      programme[j] = {1.0, 0.0};
      dropped[j] = {0.0, 0.0};
      treated_finding[j] = capped(seg[j].job_finding * hr);
    }
    const int d = in_.duration_months;
    for (int k = 0; k < in_.at_month; ++k) {
      for (int j = 0; j < N; ++j) {
        dropped[j] = step(dropped[j], seg[j].h0, seg[j].s0, seg[j].exit);
        if (k < d) {
          programme[j] = step(programme[j], treated_finding[j], seg[j].retained_separation, seg[j].exit);
        } else {  // completers: decaying effect on job finding, no retention effect
          programme[j] =
              step(programme[j], capped(seg[j].job_finding * decayed(hr, k - d)), seg[j].s0, seg[j].exit);
        }
        if (k + 1 < d) {  // dropout draw after the transition, none at k + 1 = D
          const Occupancy leaving{programme[j].benefit * in_.dropout_hazard,
                                  programme[j].employed * in_.dropout_hazard};
          programme[j] = {programme[j].benefit - leaving.benefit, programme[j].employed - leaving.employed};
          dropped[j] = {dropped[j].benefit + leaving.benefit, dropped[j].employed + leaving.employed};
        }
      }
    }
    for (int j = 0; j < N; ++j) out[j] = programme[j].employed + dropped[j].employed - seg[j].cf_employed;
  }

  const CalibrationInputs& in_;
  std::vector<Segment> segments_;
  Decay decay_kind_ = Decay::fading;
  std::vector<double> decay_;  // [j]: 2^(-j / half_life), j = 0 .. at_month - duration - 1
};

}  // namespace

double decayed_hazard_ratio(double hazard_ratio, double half_life, int months_after_end) {
  if (std::isinf(half_life)) return hazard_ratio;
  if (half_life <= 0.0) return 1.0;
  return 1.0 + (hazard_ratio - 1.0) * std::exp2(-static_cast<double>(months_after_end) / half_life);
}

double expected_employment_gap(const CalibrationInputs& in, double hazard_ratio) {
  return GapFunction(in)(hazard_ratio);
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
  const GapFunction gap(in);
  const double gap_lo = gap(lo), gap_hi = gap(hi);
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
    const auto excess_gap = [&in, &gap](double hr) { return gap(hr) - in.gap; };
    const numeric::RootResult root = numeric::find_root(excess_gap, lo, hi, gap_lo - in.gap, gap_hi - in.gap,
                                                        {numeric::RootMethod::illinois, 1e-9, 1e-13, 200});
    out.hazard_ratio = root.root;  // the middle of the final bracket, within 1e-9 of the root
  }
  return out;
}

}  // namespace sisim::model
