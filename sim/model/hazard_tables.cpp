// Hazards of one path (see path_scratch.hpp). Logs are taken once per (segment, state, regime)
// constant and once per (segment, regime, month after the programme) for the decaying effect; the
// per-person work is then closed-form event months per regime run, and binary searches in the
// decaying effect's prefix tables.
#include <algorithm>
#include <cmath>

#include "sim/model/calibration.hpp"
#include "sim/model/path_scratch.hpp"

namespace sisim::detail {
void HazardTables::build(const PathParameters& pp, const std::vector<std::uint8_t>& regime) {
  pp_ = &pp;
  regime_ = &regime;
  months_ = pp.horizon_months;
  stride_ = static_cast<size_t>(months_) + 1;
  const int segments = static_cast<int>(pp.segments.size());
  run_end_.resize(static_cast<size_t>(std::max(0, months_)));
  for (int m = months_ - 1; m >= 0; --m) {
    const auto i = static_cast<size_t>(m);
    run_end_[i] = m + 1 < months_ && regime[i + 1] == regime[i] ? run_end_[i + 1] : m + 1;
  }
  cf_.resize(static_cast<size_t>(segments) * 2);
  programme_.resize(cf_.size());
  exit_lambda_.resize(static_cast<size_t>(segments));
  dropout_lambda_ = monthly_cumulative_hazard(pp.dropout_hazard);
  const double g_h[2] = {1.0, pp.recession_job_finding_multiplier};
  const double g_s[2] = {1.0, pp.recession_separation_multiplier};
  for (int s = 0; s < segments; ++s) {
    const SegmentParameters& seg = pp.segments[static_cast<size_t>(s)];
    const double h0 = seg.job_finding_hazard, s0 = seg.separation_hazard;
    for (int r = 0; r < 2; ++r) {
      cf_[curve(s, kStateB)].lambda[r] = monthly_cumulative_hazard(h0 * g_h[r]);
      cf_[curve(s, kStateE)].lambda[r] = monthly_cumulative_hazard(s0 * g_s[r]);
      programme_[curve(s, kStateB)].lambda[r] = monthly_cumulative_hazard(h0 * g_h[r] * pp.hazard_ratio);
      programme_[curve(s, kStateE)].lambda[r] =
          monthly_cumulative_hazard(s0 * g_s[r] * pp.retention_multiplier);
    }
    exit_lambda_[static_cast<size_t>(s)] = monthly_cumulative_hazard(seg.exit_hazard);
  }

  // A completer's job finding after the programme: permanent effect = the programme's table, an
  // effect that stops (or HR = 1) = the counterfactual table, otherwise a decaying table.
  if (pp.hazard_ratio == 1.0 || pp.decay_half_life <= 0.0) {
    post_ = Post::counterfactual;
  } else if (std::isinf(pp.decay_half_life)) {
    post_ = Post::programme;
  } else {
    post_ = Post::decaying;
    const int span = std::max(0, months_ - std::max(0, pp.duration_months));
    decay_lambda_.resize(static_cast<size_t>(segments) * 2 * stride_);
    for (int j = 0; j < span; ++j) {
      const double f = decayed_hazard_ratio(pp.hazard_ratio, pp.decay_half_life, j);
      for (int s = 0; s < segments; ++s) {
        const double h0 = pp.segments[static_cast<size_t>(s)].job_finding_hazard;
        for (int r = 0; r < 2; ++r) {
          decay_lambda_[static_cast<size_t>(s * 2 + r) * stride_ + static_cast<size_t>(j)] =
              monthly_cumulative_hazard(h0 * g_h[r] * f);
        }
      }
    }
    decay_.resize(static_cast<size_t>(segments) * static_cast<size_t>(pp.enrolment_months) * stride_);
    decay_ready_.assign(static_cast<size_t>(segments) * static_cast<size_t>(pp.enrolment_months), 0);
  }
}

void HazardTables::build_decay_row(int s, int e) {
  double* c = &decay_[static_cast<size_t>(s * pp_->enrolment_months + e) * stride_];
  const int start = e + pp_->duration_months;
  const double* lam_normal = &decay_lambda_[static_cast<size_t>(s * 2) * stride_];
  const double* lam_recession = lam_normal + stride_;
  c[start] = 0.0;
  for (int m = start; m < months_; ++m) {
    const size_t j = static_cast<size_t>(m - start);
    c[m + 1] = c[m] + ((*regime_)[static_cast<size_t>(m)] ? lam_recession[j] : lam_normal[j]);
  }
}

HazardCurve HazardTables::completer_job_finding(int s, int e) {
  switch (post_) {
    case Post::counterfactual:
      return counterfactual(s, kStateB);
    case Post::programme:
      return in_programme(s, kStateB);
    case Post::decaying:
      break;
  }
  const size_t idx = static_cast<size_t>(s * pp_->enrolment_months + e);
  if (e + pp_->duration_months < months_ && !decay_ready_[idx]) {
    build_decay_row(s, e);
    decay_ready_[idx] = 1;
  }
  return HazardCurve{&decay_[idx * stride_], {0.0, 0.0}};
}

}  // namespace sisim::detail
