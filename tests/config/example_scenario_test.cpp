// The example scenario of the design (a verbatim copy lives in tests/data/config/good) loads
// without errors and every value lands in the right field; expectations are the numbers written
// in the YAML file and closed-form conversions.
#include <gtest/gtest.h>

#include <cmath>

#include "config_test_util.hpp"

namespace sisim::config {

using rng::DistKind;

namespace {

class ExampleScenario : public ::testing::Test {
 protected:
  void SetUp() override {
    result_ = load_config(test::data_dir() + "/good/example-scenario.yaml");
    ASSERT_TRUE(result_.ok()) << test::errors_of(result_);
  }
  const Config& c() const { return *result_.config; }
  LoadResult result_;
};

TEST_F(ExampleScenario, TopLevelAndSimulation) {
  EXPECT_EQ(c().name, "dk-employment-sib-example");
  EXPECT_EQ(c().simulation.horizon_months, 180);
  EXPECT_EQ(c().simulation.seed, 20230809u);  // default
  EXPECT_EQ(c().simulation.paths, 10000);     // default
  EXPECT_EQ(c().simulation.block_size, 256);  // default
}

TEST_F(ExampleScenario, CohortAndSegments) {
  const Cohort& co = c().cohort;
  EXPECT_EQ(co.size, 300);
  EXPECT_EQ(co.fill_rate.dist.value, 1.0);
  EXPECT_EQ(co.enrolment_months, 24);
  ASSERT_EQ(co.segments.size(), 2u);
  const Segment& a = co.segments[0];
  EXPECT_EQ(a.name, "kontanthjaelp_30plus");
  EXPECT_EQ(a.share, 0.6);
  EXPECT_EQ(a.benefit_monthly.dist.value, 12326.0);
  EXPECT_EQ(a.prior_benefit_weeks.dist.value, 104.0);
  EXPECT_EQ(a.hours_fraction.dist.value, 0.7);
  EXPECT_TRUE(a.result_grant_eligible);
  EXPECT_EQ(a.job_finding_hazard.path, "cohort.segments.kontanthjaelp_30plus.job_finding_hazard");
  EXPECT_TRUE(a.job_finding_hazard.is_fixed());
  const Segment& b = co.segments[1];
  EXPECT_FALSE(b.result_grant_eligible);
  EXPECT_EQ(b.exit_hazard.dist.value, 0.005);
  // The triangular hazard is the first uncertain parameter in schema order.
  const Param& h = b.job_finding_hazard;
  EXPECT_EQ(h.id, 0);
  EXPECT_EQ(h.dist.kind, DistKind::triangular);
  EXPECT_EQ(h.dist.low, 0.004);
  EXPECT_EQ(h.dist.mode, 0.008);
  EXPECT_EQ(h.dist.high, 0.015);
  EXPECT_EQ(h.where.line, 30);  // its line in the file
  // The segment's other_flows override of public.other_flows.
  ASSERT_EQ(b.other_flows.count("regional_health_care"), 1u);
  EXPECT_EQ(b.other_flows.at("regional_health_care").on_benefit.dist.value, 2600.0);
  EXPECT_EQ(b.other_flows.at("regional_health_care").employed.dist.value, 1700.0);
  EXPECT_TRUE(a.other_flows.empty());
}

TEST_F(ExampleScenario, InterventionAndLabourMarket) {
  const Intervention& iv = c().intervention;
  EXPECT_EQ(iv.duration_months, 18);
  EXPECT_EQ(iv.dropout_hazard.dist.value, 0.02);
  EXPECT_EQ(iv.effect.kind, Effect::Kind::hazard_ratio);
  EXPECT_EQ(iv.effect.hazard_ratio.dist.value, 2.0);
  EXPECT_EQ(iv.retention_multiplier.dist.value, 0.8);
  ASSERT_TRUE(iv.decay_half_life_months.has_value());
  EXPECT_EQ(iv.decay_half_life_months->dist.value, 24.0);
  EXPECT_EQ(iv.cost.setup.dist.value, 400000.0);
  EXPECT_EQ(iv.cost.per_participant_monthly.dist.value, 4000.0);
  const Recession& r = c().labour_market.recession;
  EXPECT_EQ(r.end_probability_monthly.dist.value, 0.06);
  EXPECT_EQ(r.job_finding_multiplier.id, 1);
  EXPECT_EQ(r.job_finding_multiplier.dist.kind, DistKind::uniform);
  EXPECT_EQ(r.job_finding_multiplier.dist.low, 0.5);
  EXPECT_EQ(r.job_finding_multiplier.dist.high, 0.8);
  EXPECT_EQ(r.start_month, -1);
  ASSERT_EQ(c().uncertain.size(), 2u);
  EXPECT_EQ(c().uncertain[1].path, "labour_market.recession.job_finding_multiplier");
}

TEST_F(ExampleScenario, PublicBudgets) {
  const Public& p = c().public_;
  EXPECT_EQ(p.discount.rate.dist.value, 0.035);
  EXPECT_EQ(p.discount.basis, PublicDiscount::Basis::real);
  EXPECT_EQ(p.discount.long_term_rate, 0.025);
  EXPECT_EQ(p.discount.long_term_from_year, 35);
  ASSERT_EQ(p.refusion.ladder.size(), 4u);
  EXPECT_EQ(p.refusion.ladder[2].from_week, 26.0);
  EXPECT_EQ(p.refusion.ladder[2].rate, 0.30);
  EXPECT_EQ(p.refusion.reset_after_months_off, 12);
  EXPECT_EQ(p.tax.state_bottom_rate.dist.value, 0.1201);
  EXPECT_EQ(p.tax.personal_allowance_annual.dist.value, 49700.0);
  EXPECT_EQ(p.result_grant.amount.dist.value, 88817.0);
  ASSERT_EQ(p.other_flows.size(), 1u);
  EXPECT_EQ(p.other_flows[0].budget, Budget::region);
  EXPECT_EQ(p.other_flows[0].on_benefit.dist.value, 1800.0);
}

TEST_F(ExampleScenario, ContractAndFinance) {
  const Contract& k = c().contract;
  EXPECT_TRUE(k.present);
  EXPECT_EQ(k.outcome_window_months, 48);
  EXPECT_EQ(k.payment_interval_months, 6);
  EXPECT_EQ(k.payment_lag_months, 3);
  ASSERT_EQ(k.payers.size(), 1u);
  EXPECT_EQ(k.payers.at(Budget::municipality), 1.0);
  ASSERT_EQ(k.outcomes.size(), 2u);
  EXPECT_EQ(k.outcomes[0].metric, Metric::job_start);
  EXPECT_EQ(k.outcomes[0].min_months, 3);
  EXPECT_EQ(k.outcomes[0].price.dist.value, 40000.0);
  EXPECT_EQ(k.outcomes[1].metric, Metric::employment_month);
  EXPECT_EQ(k.outcomes[1].max_per_participant, 24);
  ASSERT_TRUE(k.cap_total.has_value());
  EXPECT_EQ(*k.cap_total, 15000000.0);
  EXPECT_EQ(k.termination_probability_annual.dist.value, 0.02);
  EXPECT_TRUE(k.baseline.empty());
  EXPECT_EQ(k.evaluation.control_group_size, 0);
  const Finance& f = c().finance;
  EXPECT_EQ(f.drawdown, "as_needed");
  EXPECT_EQ(f.investor_discount_rate.dist.value, 0.08);
  ASSERT_TRUE(f.return_cap_annual.has_value());
  EXPECT_EQ(*f.return_cap_annual, 0.20);
  EXPECT_EQ(f.guarantee.share_of_loss, 0.25);
  EXPECT_EQ(f.guarantee.guarantor, Budget::foundation);
  EXPECT_TRUE(f.tranches.empty());
  EXPECT_TRUE(c().correlations.empty());
}

// The commented-out correlation of the example, switched on with --set.
TEST_F(ExampleScenario, CommentedCorrelationLoads) {
  LoadResult r = load_config(test::data_dir() + "/good/example-scenario.yaml",
                             {"correlations=[[cohort.segments.aktivitetsparat_complex.job_finding_hazard, "
                              "labour_market.recession.job_finding_multiplier, 0.3]]"});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  ASSERT_EQ(r.config->correlations.size(), 1u);
  EXPECT_EQ(r.config->correlations[0].id_a, 0);
  EXPECT_EQ(r.config->correlations[0].id_b, 1);
  EXPECT_EQ(r.config->correlations[0].rho, 0.3);
}

}  // namespace
}  // namespace sisim::config
