// resolve_contract: Params and schema choices to plain numbers (MODEL.md 7, 8, 12).
#include <gtest/gtest.h>

#include <stdexcept>

#include "sim/contract/terms.hpp"

namespace sisim::contract {

using config::Budget;
using config::Config;
using config::Metric;
using config::Outcome;
using config::Param;
using config::Tranche;

namespace {

Config base_config() {
  Config c;
  c.contract.present = true;
  c.contract.outcome_window_months = 48;
  c.contract.payment_interval_months = 6;
  c.contract.payment_lag_months = 3;
  c.contract.payers = {{Budget::municipality, 0.7}, {Budget::state, 0.3}};
  Outcome job;
  job.metric = Metric::job_start;
  job.min_months = 3;
  job.price.id = 0;  // uncertain: the path's draw 0
  Outcome months;
  months.metric = Metric::employment_month;
  months.price = Param::constant(4000);
  months.max_per_participant = 24;
  c.contract.outcomes = {job, months};
  c.contract.cap_total = 1.5e7;
  c.contract.termination_probability_annual = Param::constant(0.02);
  c.finance.provider_share = Param::constant(0.1);
  c.finance.return_cap_annual = 0.15;
  c.finance.guarantee = {0.25, Budget::foundation};
  return c;
}

TEST(ResolveContract, NumbersFromParamsAndDraws) {
  const ContractTerms t = resolve_contract(base_config(), {35000.0});
  ASSERT_EQ(t.lines.size(), 2u);
  EXPECT_EQ(t.lines[0].price, 35000.0);
  EXPECT_EQ(t.lines[0].rule.min_months, 3);
  EXPECT_EQ(t.lines[1].price, 4000.0);
  EXPECT_EQ(t.lines[1].rule.max_per_participant, 24);
  EXPECT_EQ(t.payer_shares[static_cast<size_t>(Budget::municipality)], 0.7);
  EXPECT_EQ(t.payer_shares[static_cast<size_t>(Budget::state)], 0.3);
  EXPECT_EQ(t.deduction, DeductionKind::none);
  EXPECT_EQ(t.cap_total, 1.5e7);
  EXPECT_EQ(t.termination_probability_annual, 0.02);
  EXPECT_EQ(t.finance.provider_share, 0.1);
  ASSERT_EQ(t.finance.tranches.size(), 1u);  // one investor with the finance-level cap/guarantee
  EXPECT_EQ(*t.finance.tranches[0].return_cap_annual, 0.15);
  EXPECT_EQ(t.finance.tranches[0].guarantee_share, 0.25);
}

TEST(ResolveContract, DeductionsAndTiers) {
  Config c = base_config();
  c.contract.baseline = {{Metric::job_start, 0.25}};
  c.contract.tiers.enabled = true;
  c.contract.tiers.measure = Metric::job_start;
  c.contract.tiers.at_month = 36;
  c.contract.tiers.tiers = {{0.1, 1e6, 0.0}};
  ContractTerms t = resolve_contract(c, {30000.0});
  EXPECT_EQ(t.deduction, DeductionKind::baseline);
  EXPECT_EQ(t.lines[0].baseline_rate, 0.25);
  EXPECT_EQ(t.lines[1].baseline_rate, 0.0);  // not listed: no deduction for that line
  EXPECT_TRUE(t.tiers.enabled);
  EXPECT_EQ(t.tiers.rule.min_months, 3);  // the rate card's job_start rule
  EXPECT_EQ(t.tiers.baseline_rate, 0.25);
  c.contract.evaluation.control_group_size = 150;
  EXPECT_THROW(resolve_contract(c, {30000.0}), std::invalid_argument);  // baseline + control
  c.contract.baseline.clear();
  t = resolve_contract(c, {30000.0});
  EXPECT_EQ(t.deduction, DeductionKind::control_group);
  EXPECT_EQ(t.control_group_size, 150);
  c.contract.payers = {{Budget::municipality, 0.7}};
  EXPECT_THROW(resolve_contract(c, {30000.0}), std::invalid_argument);  // shares sum to 0.7
}

TEST(ResolveContract, TranchesInheritTheFinanceCap) {
  Config c = base_config();
  Tranche senior;
  senior.name = "senior";
  senior.share = 0.7;
  senior.return_cap_annual = 0.06;
  senior.guarantee = {0.5, Budget::foundation};
  Tranche junior;
  junior.name = "junior";
  junior.share = 0.3;
  c.finance.tranches = {senior, junior};
  const ContractTerms t = resolve_contract(c, {30000.0});
  ASSERT_EQ(t.finance.tranches.size(), 2u);
  EXPECT_EQ(*t.finance.tranches[0].return_cap_annual, 0.06);
  EXPECT_EQ(t.finance.tranches[0].guarantee_share, 0.5);
  EXPECT_EQ(*t.finance.tranches[1].return_cap_annual, 0.15);  // inherited
  EXPECT_EQ(t.finance.tranches[1].guarantee_share, 0.0);
  c.finance.tranches[1].share = 0.2;
  EXPECT_THROW(resolve_contract(c, {30000.0}), std::invalid_argument);
}

TEST(ResolveContract, AbsentContract) {
  Config c;
  const ContractTerms t = resolve_contract(c, {});
  EXPECT_FALSE(t.present);
  EXPECT_TRUE(t.lines.empty());
  EXPECT_EQ(t.finance.tranches.size(), 1u);
}

}  // namespace
}  // namespace sisim::contract
