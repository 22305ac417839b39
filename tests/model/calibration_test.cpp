// The employment_gap calibration: the solved HR reproduces the gap under an independent exact
// propagation; unreachable gaps clamp and flag; check_fixed_gap reports fixed unreachable gaps.
#include <gtest/gtest.h>

#include <limits>

#include "exact_propagation.hpp"
#include "fixture.hpp"
#include "sim/model/model.hpp"

namespace sisim::model {

using config::Config;
using config::Effect;
using config::Param;
using config::Segment;

namespace {

Config gap_config(double gap, int at_month) {
  Config c = test::example_config();
  c.intervention.effect.kind = Effect::Kind::employment_gap;
  c.intervention.effect.gap = Param::constant(gap);
  c.intervention.effect.at_month = at_month;
  return c;
}

// Segment-weighted exact gap at `at_month` for a given HR, from the test's own propagation.
double independent_gap(const Config& c, const std::vector<double>& draws, double hr, int at_month) {
  double gap = 0.0;
  for (const Segment& seg : c.cohort.segments) {
    test::ExactInputs in;
    in.h = seg.job_finding_hazard.value(draws), in.s = seg.separation_hazard.value(draws);
    in.x = seg.exit_hazard.value(draws);
    in.duration = c.intervention.duration_months;
    in.dropout = c.intervention.dropout_hazard.value(draws);
    in.retention = c.intervention.retention_multiplier.value(draws);
    in.half_life = c.intervention.decay_half_life_months ? c.intervention.decay_half_life_months->value(draws)
                                                         : std::numeric_limits<double>::infinity();
    in.hazard_ratio = hr;
    const test::ExactEmployment e = test::exact_employment(in, at_month);
    gap += seg.share * (e.treated[at_month] - e.counterfactual[at_month]);
  }
  return gap;
}

TEST(Calibration, SolvedHazardRatioHitsTheGap) {
  for (int at_month : {6, 18, 24, 40}) {  // inside the programme, at its end, after it (decay)
    const Config c = gap_config(0.10, at_month);
    const PathParameters pp = Model(c).resolve(test::example_draws());
    EXPECT_FALSE(pp.gap_clamped);
    EXPECT_GT(pp.hazard_ratio, 1.0);
    EXPECT_NEAR(independent_gap(c, test::example_draws(), pp.hazard_ratio, at_month), 0.10, 1e-6) << at_month;
  }
}

TEST(Calibration, PermanentEffectAndUncertainInputs) {
  Config c = gap_config(0.18, 36);
  c.intervention.decay_half_life_months.reset();
  for (double h : {0.005, 0.012}) {
    const std::vector<double> draws = {h, 0.65};
    const PathParameters pp = Model(c).resolve(draws);
    EXPECT_NEAR(independent_gap(c, draws, pp.hazard_ratio, 36), 0.18, 1e-6);
  }
}

TEST(Calibration, GapFunctionAgreesWithTheIndependentPropagation) {
  // The gap the root finder evaluates (with the HR-free parts worked out once per path, issue 16)
  // against the test's own 5-state chain, at HRs across the bracket, inside the programme, at its
  // end and after it, fading and permanent.
  for (const bool permanent : {false, true}) {
    for (const int at_month : {6, 18, 30}) {
      Config c = gap_config(0.10, at_month);
      if (permanent) c.intervention.decay_half_life_months.reset();
      const CalibrationInputs in = Model(c).calibration_inputs(test::example_draws());
      for (const double hr : {0.0, 0.5, 1.0, 2.5, 7.0}) {
        EXPECT_NEAR(expected_employment_gap(in, hr), independent_gap(c, test::example_draws(), hr, at_month),
                    1e-12)
            << "HR " << hr << ", month " << at_month << (permanent ? ", permanent" : ", fading");
      }
    }
  }
}

TEST(Calibration, UnreachableGapIsClampedAndFlagged) {
  const Config high = gap_config(0.95, 24);
  const PathParameters pp = Model(high).resolve(test::example_draws());
  EXPECT_TRUE(pp.gap_clamped);
  // HR_max = 1 / smallest job-finding hazard (0.008): every hazard reaches 1.
  EXPECT_NEAR(pp.hazard_ratio, 1.0 / 0.008, 1e-9);
  const PathParameters low = Model(gap_config(-0.5, 24)).resolve(test::example_draws());
  EXPECT_TRUE(low.gap_clamped);
  EXPECT_EQ(low.hazard_ratio, 0.0);
}

TEST(Calibration, FixedUnreachableGapIsAConfigError) {
  Config c = gap_config(0.95, 24);
  EXPECT_FALSE(check_fixed_gap(c).has_value());  // a job-finding hazard is uncertain: counted, not an error
  c.cohort.segments[1].job_finding_hazard = Param::constant(0.008);
  const auto message = check_fixed_gap(c);
  ASSERT_TRUE(message.has_value());
  EXPECT_NE(message->find("employment_gap"), std::string::npos);
  c.intervention.effect.gap = Param::constant(0.18);
  EXPECT_FALSE(check_fixed_gap(c).has_value());
}

}  // namespace
}  // namespace sisim::model
