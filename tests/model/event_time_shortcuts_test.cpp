// The engine's shortcuts for event times (issue 16) give exactly what the plain formulas give.
// GeometricLaw skips the log where ceil(-log(u) / lambda) is surely the cap: hand-worked cases
// first, then every uniform on a fine grid and the uniforms nearest its threshold, compared bit
// for bit with geometric_transitions (the definition, MODEL.md: exit and dropout). The decaying
// effect's prefix tables, built several rows at a time with the decay factors kept from path to
// path, against the plain month-by-month sum of their definition.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <vector>

#include "sim/model/calibration.hpp"
#include "sim/model/path_scratch.hpp"

namespace sisim::model::detail {
namespace {

TEST(GeometricLaw, HandWorkedHalfHazard) {
  // lambda = ln 2 (q = 0.5 a month): ceil(-log2(u)) transitions. u = 0.3: -log2 = 1.74 -> 2;
  // u = 0.2: 2.32 -> 3 = cap; u = 0.1: 3.32 -> 4, capped at 3; u = 0.7: 0.51 -> 1.
  const GeometricLaw law(std::log(2.0), 3);
  EXPECT_EQ(law.transitions(0.3), 2);
  EXPECT_EQ(law.transitions(0.2), 3);
  EXPECT_EQ(law.transitions(0.1), 3);
  EXPECT_EQ(law.transitions(0.7), 1);
}

TEST(GeometricLaw, NoHazardMeansTheCap) {
  const GeometricLaw law(0.0, 181);
  for (double u : {1e-300, 0.5, 0x1.fffffffffffffp-1}) EXPECT_EQ(law.transitions(u), 181);
}

TEST(GeometricLaw, EqualsTheFormulaEverywhereAndAtItsThreshold) {
  // Exit hazards of the shipped scenarios (0.2 % a month over 181 transitions), a dropout hazard
  // (1.5 % over 18), a certain event (lambda = kCertainHazard) and a cap of 1.
  const std::vector<std::pair<double, int>> laws = {{monthly_cumulative_hazard(0.002), 181},
                                                    {monthly_cumulative_hazard(0.015), 18},
                                                    {monthly_cumulative_hazard(0.3), 5},
                                                    {kCertainHazard, 181},
                                                    {monthly_cumulative_hazard(0.1), 1}};
  for (const auto& [lambda, cap] : laws) {
    const GeometricLaw law(lambda, cap);
    for (int k = 1; k < 200000; ++k) {
      const double u = k / 200000.0;
      ASSERT_EQ(law.transitions(u), geometric_transitions(u, lambda, cap)) << lambda << " " << u;
    }
    // Around u* = exp(-lambda (cap - 1)), where the answer turns from cap to cap - 1: 2,000
    // neighbouring doubles on each side, and the edges of the 1e-9 margin.
    const double threshold = std::exp(-lambda * static_cast<double>(cap - 1));
    for (double centre : {threshold, threshold * (1.0 - 1e-9)}) {
      double u = centre;
      for (int k = 0; k < 2000; ++k) u = std::nextafter(u, 0.0);
      for (int k = 0; k < 4000 && u < 1.0; ++k, u = std::nextafter(u, 1.0)) {
        if (u <= 0.0) continue;
        ASSERT_EQ(law.transitions(u), geometric_transitions(u, lambda, cap)) << lambda << " " << u;
      }
    }
  }
}

// A path with three segments, a programme of `duration` months enrolling over 6 months, a
// fading effect and two recessions.
PathParameters decaying_path(int horizon, double half_life) {
  PathParameters pp;
  pp.horizon_months = horizon;
  pp.enrolment_months = 6;
  pp.duration_months = 6;
  pp.hazard_ratio = 1.8;
  pp.decay_half_life = half_life;
  pp.recession_job_finding_multiplier = 0.6;
  pp.recession_separation_multiplier = 1.3;
  for (double h0 : {0.05, 0.1, 0.2}) {
    SegmentParameters seg;
    seg.share = 1.0 / 3.0;
    seg.job_finding_hazard = h0;
    seg.separation_hazard = 0.02;
    pp.segments.push_back(seg);
  }
  return pp;
}

std::vector<std::uint8_t> two_recessions(int horizon) {
  std::vector<std::uint8_t> regime(static_cast<size_t>(horizon), 0);
  for (int m = 0; m < horizon; ++m)
    regime[static_cast<size_t>(m)] = (m >= 10 && m < 20) || (m >= 40 && m < 46);
  return regime;
}

// c[m] for m in [e + D, horizon]: the cumulative hazard of job finding from the programme's end,
// month by month, as MODEL.md defines the fading effect.
std::vector<double> plain_decay_row(const PathParameters& pp, const std::vector<std::uint8_t>& regime, int s,
                                    int e) {
  const int start = e + pp.duration_months;
  std::vector<double> c(static_cast<size_t>(pp.horizon_months) + 1, 0.0);
  for (int m = start; m < pp.horizon_months; ++m) {
    const double g = regime[static_cast<size_t>(m)] ? pp.recession_job_finding_multiplier : 1.0;
    const double f = decayed_hazard_ratio(pp.hazard_ratio, pp.decay_half_life, m - start);
    c[static_cast<size_t>(m) + 1] =
        c[static_cast<size_t>(m)] +
        monthly_cumulative_hazard(pp.segments[static_cast<size_t>(s)].job_finding_hazard * g * f);
  }
  return c;
}

void expect_plain_rows(HazardTables& tables, const PathParameters& pp,
                       const std::vector<std::uint8_t>& regime) {
  // Asked for in a scrambled order, so that rows are built while others of the same month exist.
  for (int k = 0; k < 3 * pp.enrolment_months; ++k) {
    const int s = (k * 2) % 3, e = (k * 5) % pp.enrolment_months;
    const HazardCurve h = tables.completer_job_finding(s, e);
    ASSERT_NE(h.prefix, nullptr);
    const std::vector<double> want = plain_decay_row(pp, regime, s, e);
    for (int m = e + pp.duration_months; m <= pp.horizon_months; ++m)
      ASSERT_EQ(h.prefix[m], want[static_cast<size_t>(m)])
          << "segment " << s << ", enrolled " << e << ", month " << m << ", half-life " << pp.decay_half_life;
  }
}

TEST(DecayingEffectTable, EqualsThePlainSumForEveryRowAndEveryPath) {
  // One HazardTables object, as a thread's scratch lives through many paths: the decay factors it
  // keeps must follow the half-life (12, then 4) and the span (a longer horizon).
  HazardTables tables;
  const PathParameters first = decaying_path(60, 12.0), second = decaying_path(60, 4.0),
                       longer = decaying_path(90, 4.0);
  const std::vector<std::uint8_t> regime60 = two_recessions(60), regime90 = two_recessions(90);
  tables.build(first, regime60);
  expect_plain_rows(tables, first, regime60);
  tables.build(second, regime60);
  expect_plain_rows(tables, second, regime60);
  tables.build(longer, regime90);
  expect_plain_rows(tables, longer, regime90);
  tables.build(first, regime60);
  expect_plain_rows(tables, first, regime60);
}

}  // namespace
}  // namespace sisim::model::detail
