// resolved_yaml: the fully resolved document loads back to an identical Config (every field
// compared, not just the text), and the defaults it writes out are those of MODEL.md/config.hpp.
#include <gtest/gtest.h>

#include <cmath>

#include "config_test_util.hpp"

namespace sisim::config {

using rng::Distribution;

namespace {

bool same_dist(const Distribution& a, const Distribution& b) {
  return a.kind == b.kind && a.value == b.value && a.low == b.low && a.high == b.high && a.mean == b.mean &&
         a.sd == b.sd && a.mu == b.mu && a.sigma == b.sigma && a.alpha == b.alpha && a.beta == b.beta &&
         a.mode == b.mode && a.lambda == b.lambda && a.values == b.values && a.probs == b.probs &&
         a.trunc_min == b.trunc_min && a.trunc_max == b.trunc_max;
}

void expect_same(const Param& a, const Param& b) {
  EXPECT_TRUE(same_dist(a.dist, b.dist)) << a.path;
  EXPECT_EQ(a.id, b.id) << a.path;
  EXPECT_EQ(a.path, b.path);
}

void expect_same_segments(const Cohort& a, const Cohort& b) {
  ASSERT_EQ(a.segments.size(), b.segments.size());
  for (size_t i = 0; i < a.segments.size(); ++i) {
    const Segment &x = a.segments[i], &y = b.segments[i];
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.share, y.share);
    for (auto m : {&Segment::benefit_monthly, &Segment::prior_benefit_weeks, &Segment::wage_monthly,
                   &Segment::hours_fraction, &Segment::job_finding_hazard, &Segment::separation_hazard,
                   &Segment::exit_hazard})
      expect_same(x.*m, y.*m);
    EXPECT_EQ(x.result_grant_eligible, y.result_grant_eligible);
    EXPECT_EQ(x.part_time, y.part_time);
    expect_same(x.part_time_share, y.part_time_share);
    expect_same(x.part_time_hours_per_week, y.part_time_hours_per_week);
    EXPECT_EQ(x.part_time_rate_type, y.part_time_rate_type);
    EXPECT_EQ(x.integration_months_at_enrolment, y.integration_months_at_enrolment);
    ASSERT_EQ(x.other_flows.size(), y.other_flows.size());
    for (const auto& [name, f] : x.other_flows) {
      expect_same(f.on_benefit, y.other_flows.at(name).on_benefit);
      expect_same(f.employed, y.other_flows.at(name).employed);
    }
  }
}

void expect_same_public(const Public& a, const Public& b) {
  expect_same(a.discount.rate, b.discount.rate);
  expect_same(a.discount.inflation_annual, b.discount.inflation_annual);
  EXPECT_EQ(a.discount.basis, b.discount.basis);
  EXPECT_EQ(a.discount.long_term_rate, b.discount.long_term_rate);
  EXPECT_EQ(a.discount.long_term_from_year, b.discount.long_term_from_year);
  ASSERT_EQ(a.refusion.ladder.size(), b.refusion.ladder.size());
  for (size_t i = 0; i < a.refusion.ladder.size(); ++i) {
    EXPECT_EQ(a.refusion.ladder[i].from_week, b.refusion.ladder[i].from_week);
    EXPECT_EQ(a.refusion.ladder[i].rate, b.refusion.ladder[i].rate);
  }
  EXPECT_EQ(a.refusion.reset_after_months_off, b.refusion.reset_after_months_off);
  EXPECT_EQ(a.refusion.reset_window_months, b.refusion.reset_window_months);
  for (auto m : {&Tax::labour_market_contribution, &Tax::municipal_rate, &Tax::state_bottom_rate,
                 &Tax::personal_allowance_annual, &Tax::municipal_retention, &Tax::employment_deduction_rate,
                 &Tax::employment_deduction_cap_annual})
    expect_same(a.tax.*m, b.tax.*m);
  expect_same(a.result_grant.amount, b.result_grant.amount);
  expect_same(a.result_grant.amount_late, b.result_grant.amount_late);
  EXPECT_EQ(a.result_grant.early_months, b.result_grant.early_months);
  EXPECT_EQ(a.result_grant.eligible_months, b.result_grant.eligible_months);
  EXPECT_EQ(a.result_grant.after_months_in_job, b.result_grant.after_months_in_job);
  EXPECT_EQ(a.result_grant.min_hours_per_week, b.result_grant.min_hours_per_week);
  EXPECT_EQ(a.result_grant.full_time_hours_per_week, b.result_grant.full_time_hours_per_week);
  // The earnings rule: with rules only the numbers the scenario gives itself are written.
  const std::pair<const char*, Param EarningsRule::*> earnings[] = {
      {"earnings.reduction_rate", &EarningsRule::reduction_rate},
      {"earnings.disregard_lower_monthly", &EarningsRule::disregard_lower_monthly},
      {"earnings.disregard_higher_monthly", &EarningsRule::disregard_higher_monthly},
      {"earnings.ceiling_share_lower", &EarningsRule::ceiling_share_lower},
      {"earnings.ceiling_share_higher", &EarningsRule::ceiling_share_higher},
      {"earnings.max_dagpenge_monthly", &EarningsRule::max_dagpenge_monthly}};
  for (const auto& [key, field] : earnings)
    if (!a.rules.present || a.given.count(key) > 0) expect_same(a.earnings.*field, b.earnings.*field);
  ASSERT_EQ(a.other_flows.size(), b.other_flows.size());
  for (size_t i = 0; i < a.other_flows.size(); ++i) {
    EXPECT_EQ(a.other_flows[i].name, b.other_flows[i].name);
    EXPECT_EQ(a.other_flows[i].budget, b.other_flows[i].budget);
    expect_same(a.other_flows[i].on_benefit, b.other_flows[i].on_benefit);
    expect_same(a.other_flows[i].employed, b.other_flows[i].employed);
  }
}

void expect_same_contract(const Contract& a, const Contract& b) {
  EXPECT_EQ(a.present, b.present);
  EXPECT_EQ(a.outcome_window_months, b.outcome_window_months);
  EXPECT_EQ(a.payment_interval_months, b.payment_interval_months);
  EXPECT_EQ(a.payment_lag_months, b.payment_lag_months);
  EXPECT_EQ(a.payers, b.payers);
  ASSERT_EQ(a.outcomes.size(), b.outcomes.size());
  for (size_t i = 0; i < a.outcomes.size(); ++i) {
    EXPECT_EQ(a.outcomes[i].metric, b.outcomes[i].metric);
    expect_same(a.outcomes[i].price, b.outcomes[i].price);
    EXPECT_EQ(a.outcomes[i].min_months, b.outcomes[i].min_months);
    EXPECT_EQ(a.outcomes[i].months, b.outcomes[i].months);
    EXPECT_EQ(a.outcomes[i].max_per_participant, b.outcomes[i].max_per_participant);
    EXPECT_EQ(a.outcomes[i].self_sufficient_only, b.outcomes[i].self_sufficient_only);
    EXPECT_EQ(a.outcomes[i].min_hours_per_week, b.outcomes[i].min_hours_per_week);
  }
  EXPECT_EQ(a.cap_total, b.cap_total);
  expect_same(a.termination_probability_annual, b.termination_probability_annual);
  EXPECT_EQ(a.baseline, b.baseline);
  EXPECT_EQ(a.evaluation.control_group_size, b.evaluation.control_group_size);
  EXPECT_EQ(a.tiers.enabled, b.tiers.enabled);
  EXPECT_EQ(a.tiers.measure, b.tiers.measure);
  EXPECT_EQ(a.tiers.at_month, b.tiers.at_month);
  EXPECT_EQ(a.tiers.threshold, b.tiers.threshold);
  ASSERT_EQ(a.tiers.tiers.size(), b.tiers.tiers.size());
  for (size_t i = 0; i < a.tiers.tiers.size(); ++i) {
    EXPECT_EQ(a.tiers.tiers[i].from, b.tiers.tiers[i].from);
    EXPECT_EQ(a.tiers.tiers[i].payment, b.tiers.tiers[i].payment);
    EXPECT_EQ(a.tiers.tiers[i].per_unit, b.tiers.tiers[i].per_unit);
  }
}

void expect_same_finance(const Finance& a, const Finance& b) {
  EXPECT_EQ(a.drawdown, b.drawdown);
  expect_same(a.investor_discount_rate, b.investor_discount_rate);
  expect_same(a.provider_share, b.provider_share);
  EXPECT_EQ(a.return_cap_annual, b.return_cap_annual);
  EXPECT_EQ(a.guarantee.share_of_loss, b.guarantee.share_of_loss);
  EXPECT_EQ(a.guarantee.guarantor, b.guarantee.guarantor);
  ASSERT_EQ(a.tranches.size(), b.tranches.size());
  for (size_t i = 0; i < a.tranches.size(); ++i) {
    EXPECT_EQ(a.tranches[i].name, b.tranches[i].name);
    EXPECT_EQ(a.tranches[i].share, b.tranches[i].share);
    EXPECT_EQ(a.tranches[i].return_cap_annual, b.tranches[i].return_cap_annual);
    EXPECT_EQ(a.tranches[i].guarantee.share_of_loss, b.tranches[i].guarantee.share_of_loss);
    EXPECT_EQ(a.tranches[i].guarantee.guarantor, b.tranches[i].guarantee.guarantor);
  }
}

void expect_same_config(const Config& a, const Config& b) {
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.simulation.horizon_months, b.simulation.horizon_months);
  EXPECT_EQ(a.simulation.seed, b.simulation.seed);
  EXPECT_EQ(a.simulation.paths, b.simulation.paths);
  EXPECT_EQ(a.simulation.block_size, b.simulation.block_size);
  EXPECT_EQ(a.cohort.size, b.cohort.size);
  expect_same(a.cohort.fill_rate, b.cohort.fill_rate);
  EXPECT_EQ(a.cohort.enrolment_months, b.cohort.enrolment_months);
  expect_same_segments(a.cohort, b.cohort);
  const Intervention &x = a.intervention, &y = b.intervention;
  EXPECT_EQ(x.duration_months, y.duration_months);
  expect_same(x.dropout_hazard, y.dropout_hazard);
  EXPECT_EQ(x.effect.kind, y.effect.kind);
  EXPECT_EQ(x.effect.measure, y.effect.measure);
  expect_same(x.effect.hazard_ratio, y.effect.hazard_ratio);
  expect_same(x.effect.gap, y.effect.gap);
  EXPECT_EQ(x.effect.at_month, y.effect.at_month);
  expect_same(x.retention_multiplier, y.retention_multiplier);
  ASSERT_EQ(x.decay_half_life_months.has_value(), y.decay_half_life_months.has_value());
  if (x.decay_half_life_months) expect_same(*x.decay_half_life_months, *y.decay_half_life_months);
  expect_same(x.cost.setup, y.cost.setup);
  expect_same(x.cost.fixed_monthly, y.cost.fixed_monthly);
  expect_same(x.cost.per_participant_monthly, y.cost.per_participant_monthly);
  const Recession &r = a.labour_market.recession, &s = b.labour_market.recession;
  expect_same(r.start_probability_monthly, s.start_probability_monthly);
  expect_same(r.end_probability_monthly, s.end_probability_monthly);
  expect_same(r.job_finding_multiplier, s.job_finding_multiplier);
  expect_same(r.separation_multiplier, s.separation_multiplier);
  EXPECT_EQ(r.start_month, s.start_month);
  expect_same_public(a.public_, b.public_);
  expect_same_contract(a.contract, b.contract);
  expect_same_finance(a.finance, b.finance);
  ASSERT_EQ(a.correlations.size(), b.correlations.size());
  for (size_t i = 0; i < a.correlations.size(); ++i) {
    EXPECT_EQ(a.correlations[i].a, b.correlations[i].a);
    EXPECT_EQ(a.correlations[i].b, b.correlations[i].b);
    EXPECT_EQ(a.correlations[i].id_a, b.correlations[i].id_a);
    EXPECT_EQ(a.correlations[i].id_b, b.correlations[i].id_b);
    EXPECT_EQ(a.correlations[i].rho, b.correlations[i].rho);
  }
  ASSERT_EQ(a.uncertain.size(), b.uncertain.size());
  for (size_t i = 0; i < a.uncertain.size(); ++i) {
    EXPECT_EQ(a.uncertain[i].path, b.uncertain[i].path);
    EXPECT_TRUE(same_dist(a.uncertain[i].dist, b.uncertain[i].dist)) << a.uncertain[i].path;
  }
  EXPECT_EQ(a.stress_yaml, b.stress_yaml);
  EXPECT_EQ(a.pricing_yaml, b.pricing_yaml);
  EXPECT_EQ(a.resolved_yaml, b.resolved_yaml);
}

void round_trip(const std::string& file) {
  LoadResult first = load_config(test::data_dir() + "/good/" + file);
  ASSERT_TRUE(first.ok()) << test::errors_of(first);
  LoadResult second = load_config_from_string(first.config->resolved_yaml, "resolved.yaml");
  ASSERT_TRUE(second.ok()) << test::errors_of(second) << first.config->resolved_yaml;
  expect_same_config(*first.config, *second.config);
}

TEST(ResolvedYaml, ExampleRoundTrips) {
  round_trip("example-scenario.yaml");
}
TEST(ResolvedYaml, EveryFeatureRoundTrips) {
  round_trip("everything.yaml");
}
TEST(ResolvedYaml, ExtendedScenarioRoundTrips) {
  round_trip("sub/grandchild.yaml");
}

TEST(ResolvedYaml, WritesEveryDefault) {
  LoadResult r = load_config(test::data_dir() + "/good/base.yaml");
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  const std::string& y = r.config->resolved_yaml;
  for (const char* line : {"horizon_months: 180",
                           "seed: 20230809",
                           "paths: 10000",
                           "block_size: 256",
                           "fill_rate: 1",
                           "dropout_hazard: 0",
                           "retention_multiplier: 1",
                           "setup: 0",
                           "start_probability_monthly: 0",
                           "end_probability_monthly: 1",
                           "rate: 0.035",
                           "basis: real",
                           "long_term_rate: 0.025",
                           "{from_week: 26, rate: 0.3}",
                           "labour_market_contribution: 0.08",
                           "state_bottom_rate: 0.1201",
                           "personal_allowance_annual: 49700",
                           "municipal_retention: 0.25",
                           "after_months_in_job: 6",
                           "investor_discount_rate: 0.08",
                           "drawdown: as_needed",
                           "provider_share: 0"})
    EXPECT_NE(y.find(line), std::string::npos) << line << "\n" << y;
  // Absent optional sections stay absent: no contract, no decay (permanent effect), no return cap.
  EXPECT_EQ(y.find("contract:"), std::string::npos);
  EXPECT_EQ(y.find("decay_half_life_months"), std::string::npos);
  EXPECT_EQ(y.find("return_cap_annual"), std::string::npos);
}

}  // namespace
}  // namespace sisim::config
