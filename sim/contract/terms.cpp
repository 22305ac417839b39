#include "sim/contract/terms.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sisim::contract {

using config::CohortTriggers;
using config::Config;
using config::Contract;
using config::Finance;
using config::Metric;
using config::Outcome;
using config::Tranche;

namespace {

CountRule to_rule(const Outcome& o) {
  CountRule r;
  r.metric = o.metric;
  r.min_months = std::max(1, o.min_months);
  r.months = std::max(1, o.months);
  r.max_per_participant = std::max(0, o.max_per_participant);
  r.self_sufficient_only = o.self_sufficient_only;
  r.min_hours_per_week = o.min_hours_per_week;
  return r;
}

double baseline_of(const Contract& c, Metric m) {
  const auto it = c.baseline.find(m);
  return it == c.baseline.end() ? 0.0 : it->second;
}

FinanceTerms resolve_finance(const Finance& f, const std::vector<double>& draws) {
  FinanceTerms t;
  t.provider_share = f.provider_share.value(draws);
  t.investor_discount_rate = f.investor_discount_rate.value(draws);
  t.first_loss_max_investor_loss = f.first_loss_max_investor_loss;
  t.first_loss_cap_share = f.first_loss_cap_share_of_costs;
  t.first_loss_payer = f.first_loss_payer;
  t.tranches.clear();
  if (f.tranches.empty()) {
    // One investor: the finance-level cap and guarantee.
    t.tranches.push_back(
        {"investor", 1.0, f.return_cap_annual, f.guarantee.share_of_loss, f.guarantee.guarantor});
    return t;
  }
  double total = 0.0;
  for (const Tranche& tr : f.tranches) {
    // A tranche without its own cap inherits finance.return_cap_annual (if any).
    t.tranches.push_back({tr.name, tr.share,
                          tr.return_cap_annual ? tr.return_cap_annual : f.return_cap_annual,
                          tr.guarantee.share_of_loss, tr.guarantee.guarantor, tr.repayable});
    total += tr.share;
  }
  if (std::fabs(total - 1.0) > 1e-9) throw std::invalid_argument("finance.tranches: shares must sum to 1");
  return t;
}

}  // namespace

CountRule rule_for(const std::vector<Outcome>& outcomes, Metric metric) {
  for (const Outcome& o : outcomes) {
    if (o.metric == metric) return to_rule(o);
  }
  CountRule r;
  r.metric = metric;
  return r;
}

double ContractTerms::baseline_factor(int t) const {
  return baseline_drift_annual == 0.0 ? 1.0 : std::pow(1.0 + baseline_drift_annual, t / 12.0);
}

int ContractTerms::last_accrual_month() const {
  int last = window - 1;
  if (tiers.enabled) last = std::max(last, tiers.at_month);
  if (cohort_triggers.enabled && cohorts > 0)
    last = std::max(last, cohort_triggers.measured_month(cohorts - 1));
  return last;
}

ContractTerms resolve_contract(const Config& config, const std::vector<double>& draws) {
  const Contract& c = config.contract;
  ContractTerms t;
  t.finance = resolve_finance(config.finance, draws);
  t.present = c.present;
  if (!c.present) return t;
  if (c.payment_interval_months <= 0)
    throw std::invalid_argument("contract.payment_interval_months must be > 0");
  if (!c.baseline.empty() && c.evaluation.control_group_size > 0) {
    throw std::invalid_argument("contract: baseline and evaluation.control_group_size are exclusive");
  }
  t.window = c.outcome_window_months;
  t.interval = c.payment_interval_months;
  t.lag = c.payment_lag_months;
  double share_sum = 0.0;
  for (const auto& [budget, share] : c.payers) {
    t.payer_shares[static_cast<size_t>(budget)] = share;
    share_sum += share;
  }
  if (std::fabs(share_sum - 1.0) > 1e-9) throw std::invalid_argument("contract.payers: shares must sum to 1");
  t.deduction = c.evaluation.control_group_size > 0 ? DeductionKind::control_group
                : !c.baseline.empty()               ? DeductionKind::baseline
                                                    : DeductionKind::none;
  t.control_group_size = c.evaluation.control_group_size;
  for (const Outcome& o : c.outcomes)
    t.lines.push_back({to_rule(o), o.price.value(draws), baseline_of(c, o.metric)});
  if (c.cap_total) t.cap_total = *c.cap_total;
  if (c.cap_per_participant) {
    if (t.deduction != DeductionKind::none)
      throw std::invalid_argument(
          "contract.cap_per_participant: gross outcomes only (no baseline or control group)");
    t.cap_per_participant = *c.cap_per_participant;
  }
  t.termination_probability_annual = c.termination_probability_annual.value(draws);
  if (c.tiers.enabled) {
    t.tiers.enabled = true;
    t.tiers.rule = rule_for(c.outcomes, c.tiers.measure);
    t.tiers.at_month = c.tiers.at_month;
    t.tiers.threshold = c.tiers.threshold;
    t.tiers.tiers = c.tiers.tiers;
    t.tiers.baseline_rate = baseline_of(c, c.tiers.measure);
    t.tiers.relative = c.tiers.relative;
  }
  t.baseline_drift_annual = c.baseline_drift_annual;
  t.age_eligibility = c.eligibility.enabled;
  t.min_age = c.eligibility.min_age;
  t.max_age = c.eligibility.max_age;
  t.savings_share.enabled = c.savings_share.enabled;
  t.savings_share.share = c.savings_share.share;
  t.savings_share.taxes = c.savings_share.taxes;
  if (c.cohort_triggers.enabled) {
    const CohortTriggers& k = c.cohort_triggers;
    CohortTriggerTerms& ct = t.cohort_triggers;
    ct.enabled = true;
    ct.rule = rule_for(c.outcomes, k.measure);
    ct.cohort_months = std::max(1, k.cohort_months);
    ct.follow_up_months = std::max(1, k.follow_up_months);
    ct.threshold = k.threshold;
    ct.pooled_threshold = k.pooled_threshold;
    ct.price = k.price;
    ct.baseline_rate = baseline_of(c, k.measure);
    t.cohorts = (std::max(1, config.cohort.enrolment_months) + ct.cohort_months - 1) / ct.cohort_months;
  }
  return t;
}

}  // namespace sisim::contract
