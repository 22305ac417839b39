// The fast event-time engine agrees IN DISTRIBUTION with the monthly-loop reference
// (tests/model/reference_model.cpp): means within 4 SE, and the empirical CDFs of per-arm
// quantities at the reference's deciles within 4 SE. Savings are compared by their mean only: the
// reference's arms are independent while the engine couples them, so only marginals and means
// are comparable.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "fixture.hpp"
#include "reference_model.hpp"
#include "sim/model/regime.hpp"

namespace sisim::model {

using config::Budget;
using config::Config;
using config::Param;
using config::Recession;
using config::Segment;

namespace {

// danish_rules: the refusion reset by months off benefit accumulated within a window (6 within 12
// here, to make it bind often on a short horizon), result-grant tiers by integration month, and
// the employment deduction.
// part_time: 35 % of jobs part-time at 15 hours a week on a top-up under the 2025 rule (disregard
// 5,000, 65 %, ceiling 0.85 x 21,092), below the result grant's 16 hours.
Config small_config(bool danish_rules, bool part_time = false) {
  Config c = test::example_config();
  c.simulation.horizon_months = 60;
  c.cohort.size = 20;
  c.cohort.enrolment_months = 6;
  const double h[2] = {0.08, 0.04}, s[2] = {0.06, 0.08};
  for (int k = 0; k < 2; ++k) {
    Segment& seg = c.cohort.segments[k];
    seg.job_finding_hazard = Param::constant(h[k]);
    seg.separation_hazard = Param::constant(s[k]);
    seg.exit_hazard = Param::constant(0.01);
    seg.prior_benefit_weeks = Param::constant(k == 0 ? 0 : 20);
  }
  Recession& r = c.labour_market.recession;
  r.start_probability_monthly = Param::constant(0.05);
  r.end_probability_monthly = Param::constant(0.15);
  r.job_finding_multiplier = Param::constant(0.4);
  r.separation_multiplier = Param::constant(1.8);
  c.intervention.duration_months = 12;
  c.intervention.dropout_hazard = Param::constant(0.05);
  c.intervention.effect.hazard_ratio = Param::constant(2.5);
  c.intervention.retention_multiplier = Param::constant(0.6);
  c.intervention.decay_half_life_months = Param::constant(6);
  c.public_.refusion.reset_after_months_off = 6;
  c.public_.result_grant.after_months_in_job = 3;
  if (danish_rules) {
    c.public_.refusion.reset_window_months = 12;
    c.public_.result_grant.amount_late = Param::constant(30000);
    c.public_.result_grant.early_months = 10;
    c.public_.result_grant.eligible_months = 20;
    c.cohort.segments[0].integration_months_at_enrolment = 4;
    c.public_.tax.employment_deduction_rate = Param::constant(0.1275);
    c.public_.tax.employment_deduction_cap_annual = Param::constant(63300);
  }
  if (part_time) {
    for (Segment& seg : c.cohort.segments) {
      seg.part_time = true;
      seg.part_time_share = Param::constant(0.35);
      seg.part_time_hours_per_week = Param::constant(15.0);
      seg.part_time_rate_type = "mindstesats";
    }
    c.public_.result_grant.min_hours_per_week = 16;
    c.public_.earnings.reduction_rate = Param::constant(0.65);
    c.public_.earnings.disregard_lower_monthly = Param::constant(5000);
    c.public_.earnings.ceiling_share_lower = Param::constant(0.85);
    c.public_.earnings.max_dagpenge_monthly = Param::constant(21092);
  }
  c.uncertain.clear();  // every parameter above is fixed
  return c;
}

struct Sample {
  std::vector<double> v;
  double mean() const {
    double s = 0;
    for (double x : v) s += x;
    return s / v.size();
  }
  double var() const {
    const double m = mean();
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / (v.size() - 1);
  }
  double cdf(double x) const {
    return double(std::count_if(v.begin(), v.end(), [x](double y) { return y <= x; })) / v.size();
  }
  double quantile(double q) const {
    std::vector<double> s = v;
    std::sort(s.begin(), s.end());
    return s[size_t(q * (s.size() - 1))];
  }
};

void expect_same_mean(const Sample& fast, const Sample& ref, const char* what) {
  const double se = std::sqrt(fast.var() / fast.v.size() + ref.var() / ref.v.size());
  EXPECT_NEAR(fast.mean(), ref.mean(), 4 * se + 1e-9) << what;
}

void expect_same_cdf(const Sample& fast, const Sample& ref, const char* what) {
  for (double q : {0.1, 0.5, 0.9}) {
    const double x = ref.quantile(q);
    const double f = ref.cdf(x), g = fast.cdf(x);
    const double p = 0.5 * (f + g);
    const double se = std::sqrt(std::max(p * (1 - p), 1e-4) * (1.0 / fast.v.size() + 1.0 / ref.v.size()));
    EXPECT_NEAR(g, f, 4 * se) << what << " at the reference's " << q << " quantile " << x;
  }
}

double budget_total(const FlowTable& f, Budget b) {
  double s = 0;
  for (int m = 0; m < f.months(); ++m) s += f.budget_month(b, m);
  return s;
}

void compare(int termination_month, int paths, bool danish_rules = false, bool part_time = false) {
  const Config c = small_config(danish_rules, part_time);
  const Model model(c);
  const PathParameters pp = model.resolve({});
  const rng::Key key = rng::key_from_seed(99);
  enum {
    kEmpT,
    kEmpC,
    kStartsT,
    kStartsC,
    kMuniT,
    kMuniC,
    kSaveMuni,
    kSaveState,
    kSaveRegion,
    kSaveOther,
    kCost,
    kN
  };
  const char* names[kN] = {"employment months treated",
                           "employment months counterfactual",
                           "job starts treated",
                           "job starts counterfactual",
                           "municipality cost treated",
                           "municipality cost counterfactual",
                           "municipality savings",
                           "state savings",
                           "region savings",
                           "other municipalities savings",
                           "investor costs"};
  Sample fast[kN], ref[kN];
  PathSimulation out;
  auto record = [&](Sample* s, double emp_t, double emp_c, double st_t, double st_c, const FlowTable& ft,
                    const FlowTable& fc, const std::vector<double>& costs) {
    s[kEmpT].v.push_back(emp_t), s[kEmpC].v.push_back(emp_c);
    s[kStartsT].v.push_back(st_t), s[kStartsC].v.push_back(st_c);
    s[kMuniT].v.push_back(budget_total(ft, Budget::municipality));
    s[kMuniC].v.push_back(budget_total(fc, Budget::municipality));
    s[kSaveMuni].v.push_back(budget_total(fc, Budget::municipality) - budget_total(ft, Budget::municipality));
    s[kSaveState].v.push_back(budget_total(fc, Budget::state) - budget_total(ft, Budget::state));
    s[kSaveRegion].v.push_back(budget_total(fc, Budget::region) - budget_total(ft, Budget::region));
    s[kSaveOther].v.push_back(budget_total(fc, Budget::other_municipalities) -
                              budget_total(ft, Budget::other_municipalities));
    double cost = 0;
    for (double x : costs) cost += x;
    s[kCost].v.push_back(cost);
  };
  for (int path = 0; path < paths; ++path) {
    const auto regime = simulate_regime(pp, pp.horizon_months, key, path);
    simulate_path(model, pp, regime, termination_month, key, path, out);
    record(fast, out.treated.employment_months, out.counterfactual.employment_months, out.treated.job_starts,
           out.counterfactual.job_starts, out.treated.flows, out.counterfactual.flows, out.investor_costs);
    const test::ReferencePath r = test::reference_simulate_path(c, pp, regime, termination_month, key, path);
    record(ref, r.treated.employment_months, r.counterfactual.employment_months, r.treated.job_starts,
           r.counterfactual.job_starts, r.treated.flows, r.counterfactual.flows, r.investor_costs);
  }
  for (int k = 0; k < kN; ++k) expect_same_mean(fast[k], ref[k], names[k]);
  for (int k : {kEmpT, kEmpC, kStartsT, kMuniT, kMuniC, kCost}) expect_same_cdf(fast[k], ref[k], names[k]);
  // The scenario has a clear effect, so agreement is not trivially "both zero".
  EXPECT_GT(fast[kEmpT].mean() - fast[kEmpC].mean(), 20.0);
}

TEST(ReferenceAgreement, FastEngineMatchesMonthlyLoop) {
  compare(-1, 2000);
}
TEST(ReferenceAgreement, FastEngineMatchesMonthlyLoopWithTermination) {
  compare(8, 1000);
}
TEST(ReferenceAgreement, FastEngineMatchesMonthlyLoopUnderAccumulatedResetGrantTiersAndDeduction) {
  compare(-1, 2000, true);
}
TEST(ReferenceAgreement, FastEngineMatchesMonthlyLoopWithPartTimeJobsOnATopUp) {
  compare(-1, 2000, true, true);
}

}  // namespace
}  // namespace sisim::model
