// The simulated share employed per month equals the exact Markov-chain propagation (normal
// regime), in both arms, including dropout, retention and the decaying post-programme effect.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "exact_propagation.hpp"
#include "fixture.hpp"
#include "sim/model/regime.hpp"

namespace sisim::model {

using config::Config;
using config::Intervention;
using config::Param;
using config::Segment;

namespace {

// Compares mean employed share per month over `paths` paths with the exact expectation; returns
// the largest |difference| / SE seen (for the sensitivity check).
void check_share(Config c, const std::vector<double>& draws, int paths, std::uint64_t seed) {
  c.labour_market.recession.start_probability_monthly = Param::constant(0.0);
  const Model model(c);
  const PathParameters pp = model.resolve(draws);
  const int months = pp.horizon_months, n = pp.enrolled;

  // Exact expectation: mean over participants (enrolment spread) of the share-weighted segments,
  // with every intervention input read from the Config (not from PathParameters' derived fields).
  const Intervention& iv = c.intervention;
  std::vector<test::ExactEmployment> exact;
  for (const Segment& seg : c.cohort.segments) {
    test::ExactInputs in;
    in.h = seg.job_finding_hazard.value(draws), in.s = seg.separation_hazard.value(draws);
    in.x = seg.exit_hazard.value(draws);
    in.duration = iv.duration_months, in.dropout = iv.dropout_hazard.value(draws);
    in.retention = iv.retention_multiplier.value(draws);
    in.half_life = iv.decay_half_life_months ? iv.decay_half_life_months->value(draws)
                                             : std::numeric_limits<double>::infinity();
    in.hazard_ratio = iv.effect.hazard_ratio.value(draws);
    exact.push_back(test::exact_employment(in, months));
  }
  std::vector<double> expected_t(months, 0.0), expected_c(months, 0.0);
  for (int i = 0; i < n; ++i) {
    const int e = i * c.cohort.enrolment_months / n;
    for (int m = e; m < months; ++m) {
      for (size_t s = 0; s < exact.size(); ++s) {
        expected_t[m] += c.cohort.segments[s].share * exact[s].treated[m - e] / n;
        expected_c[m] += c.cohort.segments[s].share * exact[s].counterfactual[m - e] / n;
      }
    }
  }

  std::vector<double> sum_t(months), sq_t(months), sum_c(months), sq_c(months);
  const rng::Key key = rng::key_from_seed(seed);
  PathSimulation out;
  for (int path = 0; path < paths; ++path) {
    const auto regime = simulate_regime(pp, months, key, path);
    simulate_path(model, pp, regime, -1, key, path, out);
    ASSERT_EQ(out.recession_months, 0);
    for (int m = 0; m < months; ++m) {
      const double t = out.treated.employed_count[m] / n, cf = out.counterfactual.employed_count[m] / n;
      sum_t[m] += t, sq_t[m] += t * t, sum_c[m] += cf, sq_c[m] += cf * cf;
    }
  }
  auto check = [&](const std::vector<double>& sum, const std::vector<double>& sq,
                   const std::vector<double>& expected, const char* arm) {
    for (int m = 1; m < months; m += 2) {
      const double mean = sum[m] / paths;
      const double se = std::sqrt((sq[m] / paths - mean * mean) / (paths - 1));
      EXPECT_NEAR(mean, expected[m], 4 * se + 1e-12) << arm << " month " << m;
    }
  };
  check(sum_t, sq_t, expected_t, "treated");
  check(sum_c, sq_c, expected_c, "counterfactual");
}

TEST(Markov, ShareEmployedMatchesExactPropagationExample) {
  Config c = test::example_config();
  c.intervention.dropout_hazard = Param::constant(0.05);
  check_share(c, test::example_draws(), 300, 7);
}

// Strong, fast dynamics so that retention, dropout and decay each move the share by many SE.
TEST(Markov, ShareEmployedMatchesExactPropagationStrongEffect) {
  Config c = test::example_config();
  c.simulation.horizon_months = 48;
  c.cohort.size = 200;
  c.cohort.enrolment_months = 6;
  for (Segment& s : c.cohort.segments) {
    s.job_finding_hazard = Param::constant(s.share > 0.5 ? 0.10 : 0.05);
    s.separation_hazard = Param::constant(0.08);
    s.exit_hazard = Param::constant(0.01);
  }
  c.intervention.duration_months = 12;
  c.intervention.dropout_hazard = Param::constant(0.08);
  c.intervention.effect.hazard_ratio = Param::constant(3.0);
  c.intervention.retention_multiplier = Param::constant(0.3);
  c.intervention.decay_half_life_months = Param::constant(6);
  check_share(c, test::example_draws(), 400, 11);
}

}  // namespace
}  // namespace sisim::model
