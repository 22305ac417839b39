// Determinism and common random numbers: same address -> same result; the counterfactual arm does
// not depend on the treatment; with no effect the arms coincide (savings exactly zero).
#include <gtest/gtest.h>

#include <cmath>

#include "fixture.hpp"
#include "sim/model/regime.hpp"

namespace sisim::model {

using config::Budget;
using config::Config;
using config::InterventionCost;
using config::kBudgetCount;
using config::Param;

namespace {

bool same_people(const std::vector<ArmHistory>& a, const std::vector<ArmHistory>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].enrol_month != b[i].enrol_month || a[i].segment != b[i].segment ||
        a[i].exit_month != b[i].exit_month || a[i].employment.size() != b[i].employment.size()) {
      return false;
    }
    for (size_t k = 0; k < a[i].employment.size(); ++k) {
      if (a[i].employment[k].start != b[i].employment[k].start ||
          a[i].employment[k].end != b[i].employment[k].end) {
        return false;
      }
    }
  }
  return true;
}

bool same_flows(const FlowTable& a, const FlowTable& b) {
  if (a.months() != b.months() || a.items() != b.items()) return false;
  for (int bud = 0; bud < kBudgetCount; ++bud) {
    for (int i = 0; i < a.items(); ++i) {
      for (int m = 0; m < a.months(); ++m) {
        if (a.at(Budget(bud), i, m) != b.at(Budget(bud), i, m)) return false;
      }
    }
  }
  return true;
}

TEST(Determinism, SameAddressSameResult) {
  const Config c = test::example_config();
  const PathSimulation a = test::run_path(c, test::example_draws(), 17);
  const PathSimulation b = test::run_path(c, test::example_draws(), 17);
  EXPECT_TRUE(same_people(a.treated.people, b.treated.people));
  EXPECT_TRUE(same_people(a.counterfactual.people, b.counterfactual.people));
  EXPECT_TRUE(same_flows(a.treated.flows, b.treated.flows));
  EXPECT_TRUE(same_flows(a.counterfactual.flows, b.counterfactual.flows));
  EXPECT_EQ(a.investor_costs, b.investor_costs);
  EXPECT_EQ(a.regime, b.regime);
  const PathSimulation other = test::run_path(c, test::example_draws(), 18);
  EXPECT_FALSE(same_people(a.counterfactual.people, other.counterfactual.people));
}

TEST(Determinism, ReusedOutputEqualsFreshOutput) {
  // A PathSimulation reused across paths (with a different cohort size in between) gives the same
  // result as a fresh one.
  Config c = test::example_config();
  const Model model(c);
  const rng::Key key = rng::key_from_seed(5);
  PathSimulation reused;
  PathParameters pp = model.resolve(test::example_draws());
  PathParameters smaller = pp;
  smaller.enrolled = 37;
  simulate_path(model, smaller, simulate_regime(smaller, 180, key, 1), -1, key, 1, reused);
  simulate_path(model, pp, simulate_regime(pp, 180, key, 2), -1, key, 2, reused);
  PathSimulation fresh;
  simulate_path(model, pp, simulate_regime(pp, 180, key, 2), -1, key, 2, fresh);
  EXPECT_TRUE(same_people(reused.treated.people, fresh.treated.people));
  EXPECT_TRUE(same_flows(reused.treated.flows, fresh.treated.flows));
  EXPECT_TRUE(same_flows(reused.counterfactual.flows, fresh.counterfactual.flows));
  EXPECT_EQ(reused.investor_costs, fresh.investor_costs);
}

TEST(Determinism, CounterfactualDoesNotDependOnTreatment) {
  Config c1 = test::example_config();
  c1.intervention.effect.hazard_ratio = Param::constant(1.0);
  Config c2 = test::example_config();
  c2.intervention.effect.hazard_ratio = Param::constant(2.0);
  c2.intervention.dropout_hazard = Param::constant(0.1);
  c2.intervention.retention_multiplier = Param::constant(0.5);
  for (std::uint64_t path = 0; path < 5; ++path) {
    const PathSimulation a = test::run_path(c1, test::example_draws(), path);
    const PathSimulation b = test::run_path(c2, test::example_draws(), path);
    EXPECT_TRUE(same_people(a.counterfactual.people, b.counterfactual.people));
    EXPECT_TRUE(same_flows(a.counterfactual.flows, b.counterfactual.flows));
    EXPECT_FALSE(same_people(a.treated.people, b.treated.people));
  }
}

TEST(Determinism, NoEffectMeansZeroSavings) {
  // MODEL.md section 11: HR = 1 (and no retention effect), no costs -> every saving has mean 0.
  // Full arm coupling makes it hold path by path: the treated arm reuses every counterfactual draw.
  Config c = test::example_config();
  c.intervention.arm_coupling = Param::constant(1.0);
  c.intervention.effect.hazard_ratio = Param::constant(1.0);
  c.intervention.retention_multiplier = Param::constant(1.0);
  c.intervention.cost = InterventionCost{};
  const Budget budgets[] = {Budget::municipality, Budget::state, Budget::region,
                            Budget::other_municipalities};
  const int paths = 100;
  double sum[4] = {}, sq[4] = {};
  for (int path = 0; path < paths; ++path) {
    const PathSimulation p = test::run_path(c, test::example_draws(), path);
    EXPECT_TRUE(same_people(p.treated.people, p.counterfactual.people));
    for (double x : p.investor_costs) EXPECT_EQ(x, 0.0);
    for (int k = 0; k < 4; ++k) {
      const double s = test::total_savings(p, budgets[k]);
      sum[k] += s, sq[k] += s * s;
    }
  }
  for (int k = 0; k < 4; ++k) {
    const double mean = sum[k] / paths,
                 se = std::sqrt(std::max(0.0, sq[k] / paths - mean * mean) / (paths - 1));
    EXPECT_NEAR(mean, 0.0, 4 * se + 1e-6) << "budget " << k;
  }
}

TEST(Determinism, NoEffectMeansZeroSavingsUnderAnyCoupling) {
  // With arms that share only part of their luck (coupling 0 and 0.5) HR = 1 still gives both
  // arms the same law, so each budget's mean saving is 0 (within 4 SE), while individual
  // histories now differ.
  for (double coupling : {0.0, 0.5}) {
    Config c = test::example_config();
    c.intervention.effect.hazard_ratio = Param::constant(1.0);
    c.intervention.retention_multiplier = Param::constant(1.0);
    c.intervention.cost = InterventionCost{};
    c.intervention.arm_coupling = Param::constant(coupling);
    const int paths = 200;
    double sum = 0.0, sq = 0.0;
    bool any_different = false;
    for (int path = 0; path < paths; ++path) {
      const PathSimulation p = test::run_path(c, test::example_draws(), path);
      any_different = any_different || !same_people(p.treated.people, p.counterfactual.people);
      const double s = test::total_savings(p, Budget::municipality);
      sum += s, sq += s * s;
    }
    const double mean = sum / paths, se = std::sqrt(std::max(0.0, sq / paths - mean * mean) / (paths - 1));
    EXPECT_TRUE(any_different) << coupling;
    EXPECT_NEAR(mean, 0.0, 4 * se + 1e-6) << coupling;
  }
}

TEST(Regime, StateProbabilitiesMatchTheChain) {
  PathParameters pp;
  pp.recession_start_probability = 0.03;
  pp.recession_end_probability = 0.1;
  const int months = 120, paths = 4000;
  const rng::Key key = rng::key_from_seed(3);
  std::vector<double> count(months, 0.0);
  for (int path = 0; path < paths; ++path) {
    const auto r = simulate_regime(pp, months, key, path);
    for (int m = 0; m < months; ++m) count[m] += r[m];
  }
  double p = 0.0;  // exact P(recession in month m), starting normal
  for (int m = 0; m < months; ++m) {
    if (m > 0) p = p * (1 - 0.1) + (1 - p) * 0.03;
    if (m % 5 != 0) continue;
    const double se = std::sqrt(std::max(p * (1 - p), 1e-6) / paths);
    EXPECT_NEAR(count[m] / paths, p, 4 * se) << "month " << m;
  }
  EXPECT_EQ(count[0], 0.0);
}

TEST(Regime, ForcedStartMonth) {
  PathParameters pp;
  pp.recession_start_probability = 0.0;
  pp.recession_end_probability = 0.2;
  pp.recession_start_month = 30;
  const int paths = 3000;
  const rng::Key key = rng::key_from_seed(4);
  double still = 0.0;
  for (int path = 0; path < paths; ++path) {
    const auto r = simulate_regime(pp, 60, key, path);
    for (int m = 0; m < 30; ++m) ASSERT_EQ(r[m], kNormal);
    ASSERT_EQ(r[30], kRecession);
    still += r[35];
  }
  const double p = std::pow(0.8, 5);  // survived five end draws
  EXPECT_NEAR(still / paths, p, 4 * std::sqrt(p * (1 - p) / paths));
}

TEST(ControlGroup, CounterfactualLawOwnDraws) {
  const Config c = test::example_config();
  const Model model(c);
  const PathParameters pp = model.resolve(test::example_draws());
  const rng::Key key = rng::key_from_seed(8);
  const int n_c = 150, paths = 150;
  double sum_c = 0, sq_c = 0, sum_k = 0, sq_k = 0;
  PathSimulation out;
  for (int path = 0; path < paths; ++path) {
    const auto regime = simulate_regime(pp, pp.horizon_months, key, path);
    simulate_path(model, pp, regime, -1, key, path, out);
    const std::vector<ArmHistory> control = simulate_control_group(model, pp, regime, n_c, key, path);
    ASSERT_EQ(control.size(), size_t(n_c));
    double months = 0;
    for (int j = 0; j < n_c; ++j) {
      EXPECT_EQ(control[j].enrol_month, j * 24 / n_c);
      for (const Spell& s : control[j].employment) months += s.end - s.start;
    }
    const double per_control = months / n_c, per_cohort = out.counterfactual.employment_months / out.enrolled;
    sum_c += per_control, sq_c += per_control * per_control;
    sum_k += per_cohort, sq_k += per_cohort * per_cohort;
    if (path == 0) {
      EXPECT_FALSE(same_people({control.begin(), control.begin() + 10},
                               {out.counterfactual.people.begin(), out.counterfactual.people.begin() + 10}));
    }
  }
  // The same regime path is shared, so compare means of the per-path difference.
  const double mc = sum_c / paths, mk = sum_k / paths;
  const double se = std::sqrt((sq_c / paths - mc * mc + sq_k / paths - mk * mk) / (paths - 1));
  EXPECT_NEAR(mc, mk, 4 * se);
}

}  // namespace
}  // namespace sisim::model
