// Hazards of one path (see path_scratch.hpp). Logs are taken once per (segment, state, regime)
// constant and once per (segment, regime, month after the programme) for the decaying effect; the
// per-person work is then closed-form event months per regime run, and binary searches in the
// decaying effect's prefix tables.
#include <algorithm>
#include <cmath>

#include "sim/model/calibration.hpp"
#include "sim/model/path_scratch.hpp"

namespace sisim::model::detail {
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
  exit_.resize(static_cast<size_t>(segments));
  dropout_ = GeometricLaw(monthly_cumulative_hazard(pp.dropout_hazard), std::max(0, pp.duration_months));
  const double g_h[2] = {1.0, pp.recession_job_finding_multiplier};
  const double g_s[2] = {1.0, pp.recession_separation_multiplier};
  for (int s = 0; s < segments; ++s) {
    const SegmentParameters& seg = pp.segments[static_cast<size_t>(s)];
    const double h0 = seg.job_finding_hazard, s0 = seg.separation_hazard;
    const auto lambda = [](double normal, double recession) {
      return HazardCurve::by_regime(monthly_cumulative_hazard(normal), monthly_cumulative_hazard(recession));
    };
    cf_[curve(s, kStateB)] = lambda(h0 * g_h[0], h0 * g_h[1]);
    cf_[curve(s, kStateE)] = lambda(s0 * g_s[0], s0 * g_s[1]);
    programme_[curve(s, kStateB)] = lambda(h0 * g_h[0] * pp.hazard_ratio, h0 * g_h[1] * pp.hazard_ratio);
    programme_[curve(s, kStateE)] =
        lambda(s0 * g_s[0] * pp.retention_multiplier, s0 * g_s[1] * pp.retention_multiplier);
    exit_[static_cast<size_t>(s)] = GeometricLaw(monthly_cumulative_hazard(seg.exit_hazard), months_ + 1);
  }

  // A completer's job finding after the programme: permanent effect = the programme's table, an
  // effect that stops (or HR = 1) = the counterfactual table, otherwise a decaying table.
  if (pp.hazard_ratio == 1.0 || pp.decay_half_life <= 0.0) {
    post_ = Post::counterfactual;
  } else if (std::isinf(pp.decay_half_life)) {
    post_ = Post::programme;
  } else {
    post_ = Post::decaying;
    const int d = std::max(0, pp.duration_months);
    const int span = std::max(0, months_ - d);
    decay_lambda_.resize(static_cast<size_t>(segments) * 2 * stride_);
    // Month j after the programme's end is month e + d + j of a person enrolled in month e: a
    // regime's hazard is needed at j only if one of those months, e in [0, enrolment months), is
    // in that regime (a path is in recession in about one month in seven, so most recession
    // entries are never read; build_decay_rows reads exactly the needed ones).
    recession_before_.assign(static_cast<size_t>(months_) + 1, 0);
    for (int m = 0; m < months_; ++m)
      recession_before_[static_cast<size_t>(m) + 1] =
          recession_before_[static_cast<size_t>(m)] + (regime[static_cast<size_t>(m)] != 0 ? 1 : 0);
    const int enrolment_months = std::max(1, pp.enrolment_months);
    for (int j = 0; j < span; ++j) {
      const int first = d + j, stop = std::min(months_, d + j + enrolment_months);
      const int recession =
          recession_before_[static_cast<size_t>(stop)] - recession_before_[static_cast<size_t>(first)];
      const bool needed[2] = {recession<stop - first, recession> 0};
      const double f = decayed_hazard_ratio(pp.hazard_ratio, pp.decay_half_life, j);
      for (int s = 0; s < segments; ++s) {
        const double h0 = pp.segments[static_cast<size_t>(s)].job_finding_hazard;
        for (int r = 0; r < 2; ++r) {
          if (!needed[r]) continue;
          decay_lambda_[static_cast<size_t>(s * 2 + r) * stride_ + static_cast<size_t>(j)] =
              monthly_cumulative_hazard(h0 * g_h[r] * f);
        }
      }
    }
    decay_.resize(static_cast<size_t>(segments) * static_cast<size_t>(pp.enrolment_months) * stride_);
    decay_ready_.assign(static_cast<size_t>(segments) * static_cast<size_t>(pp.enrolment_months), 0);
  }
}

// The decaying effect's prefix rows of every segment not yet built for enrolment month e, side by
// side: a prefix row is a chain of dependent additions, so building one row at a time left the
// adder waiting on the previous month (issue 16); the segments' rows share the regime and the
// months, and a path's completers enrolled in month e are usually in every segment. Each row adds
// the same hazards in the same order as alone: the same table, bit for bit.
void HazardTables::build_decay_rows(int e) {
  const int start = e + pp_->duration_months;
  const int segments = static_cast<int>(pp_->segments.size());
  for (int first = 0; first < segments;) {
    // Up to four rows still to build, built together.
    constexpr int kWidth = 4;
    double* c[kWidth];
    const double* normal[kWidth];
    int width = 0;
    for (; first < segments && width < kWidth; ++first) {
      const size_t idx = static_cast<size_t>(first * pp_->enrolment_months + e);
      if (decay_ready_[idx]) continue;
      decay_ready_[idx] = 1;
      c[width] = &decay_[idx * stride_];
      normal[width] = &decay_lambda_[static_cast<size_t>(first * 2) * stride_];
      ++width;
    }
    double sum[kWidth];
    for (int w = 0; w < width; ++w) sum[w] = c[w][start] = 0.0;
    const std::uint8_t* regime = regime_->data();
    for (int m = start; m < months_; ++m) {
      const size_t j = static_cast<size_t>(m - start);
      const size_t offset = regime[m] ? stride_ + j : j;  // the recession row follows the normal one
      for (int w = 0; w < width; ++w) c[w][m + 1] = sum[w] += normal[w][offset];
    }
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
  if (e + pp_->duration_months < months_ && !decay_ready_[idx]) build_decay_rows(e);
  HazardCurve table;
  table.prefix = &decay_[idx * stride_];
  return table;
}

}  // namespace sisim::model::detail
