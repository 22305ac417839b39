// The resolved document, second half: contract, finance and correlations.
#include "config/detail/emitter.hpp"

namespace sisim::config::detail {
namespace {

void emit_guarantee(Out& o, const Guarantee& g) {
  o.key("guarantee").em << YAML::Flow << YAML::BeginMap;
  o.kv("share_of_loss", g.share_of_loss);
  o.kv("guarantor", std::string(to_string(g.guarantor)));
  o.em << YAML::EndMap;
}

void emit_outcome(Out& o, const Outcome& x) {
  o.em << YAML::Flow << YAML::BeginMap;
  o.kv("metric", std::string(to_string(x.metric)));
  o.kv("price", x.price);
  switch (x.metric) {
    case Metric::job_start:
      o.kv("min_months", x.min_months);
      break;
    case Metric::sustained_employment:
      o.kv("months", x.months);
      break;
    case Metric::employment_month:
      o.kv("max_per_participant", x.max_per_participant);
      break;
    case Metric::benefit_month:
      break;
  }
  if (x.self_sufficient_only) o.kv("jobs", std::string("self_sufficient"));
  if (x.min_hours_per_week > 0.0) o.kv("min_hours_per_week", x.min_hours_per_week);
  o.em << YAML::EndMap;
}

void emit_tiers(Out& o, const TierPayoff& t) {
  o.key("tiers").em << YAML::BeginMap;
  o.kv("measure", std::string(to_string(t.measure)));
  o.kv("at_month", t.at_month);
  o.kv("threshold", t.threshold);
  o.kv("relative", t.relative);
  o.key("schedule").em << YAML::BeginSeq;
  for (const auto& tier : t.tiers) {
    o.em << YAML::Flow << YAML::BeginMap;
    o.kv("from", tier.from);
    o.kv("payment", tier.payment);
    o.kv("per_unit", tier.per_unit);
    o.em << YAML::EndMap;
  }
  o.em << YAML::EndSeq << YAML::EndMap;
}

void emit_contract(Out& o, const Contract& k) {
  o.key("contract").em << YAML::BeginMap;
  o.kv("outcome_window_months", k.outcome_window_months);
  o.kv("payment_interval_months", k.payment_interval_months);
  o.kv("payment_lag_months", k.payment_lag_months);
  o.key("payers").em << YAML::Flow << YAML::BeginMap;
  for (const auto& [budget, share] : k.payers) o.kv(to_string(budget), share);
  o.em << YAML::EndMap;
  if (!k.outcomes.empty()) {
    o.key("outcomes").em << YAML::BeginSeq;
    for (const auto& x : k.outcomes) emit_outcome(o, x);
    o.em << YAML::EndSeq;
  }
  if (k.cap_total) o.kv("cap_total", *k.cap_total);
  if (k.cap_per_participant) o.kv("cap_per_participant", *k.cap_per_participant);
  o.kv("termination_probability_annual", k.termination_probability_annual);
  if (k.termination_month >= 0) o.kv("termination_month", k.termination_month);
  if (!k.baseline.empty()) {
    o.key("baseline").em << YAML::Flow << YAML::BeginMap;
    for (const auto& [metric, rate] : k.baseline) o.kv(to_string(metric), rate);
    o.em << YAML::EndMap;
  }
  if (k.baseline_drift_annual != 0.0) o.kv("baseline_drift_annual", k.baseline_drift_annual);
  // control_group_size 0 means "no control group", the same as leaving the key out.
  if (k.evaluation.control_group_size > 0) {
    o.key("evaluation").em << YAML::Flow << YAML::BeginMap;
    o.kv("control_group_size", k.evaluation.control_group_size);
    o.em << YAML::EndMap;
  }
  if (k.tiers.enabled) emit_tiers(o, k.tiers);
  if (k.eligibility.enabled) {
    o.key("eligibility").em << YAML::Flow << YAML::BeginMap;
    o.kv("min_age", k.eligibility.min_age);
    o.kv("max_age", k.eligibility.max_age);
    o.em << YAML::EndMap;
  }
  if (k.savings_share.enabled) {
    o.key("savings_share").em << YAML::Flow << YAML::BeginMap;
    o.kv("share", k.savings_share.share);
    o.kv("taxes", k.savings_share.taxes);
    o.em << YAML::EndMap;
  }
  if (k.cohort_triggers.enabled) {
    const CohortTriggers& c = k.cohort_triggers;
    o.key("cohort_triggers").em << YAML::BeginMap;
    o.kv("measure", std::string(to_string(c.measure)));
    o.kv("cohort_months", c.cohort_months);
    o.kv("follow_up_months", c.follow_up_months);
    o.kv("threshold", c.threshold);
    o.kv("pooled_threshold", c.pooled_threshold);
    o.kv("price", c.price);
    o.em << YAML::EndMap;
  }
  o.em << YAML::EndMap;
}

void emit_finance(Out& o, const Finance& f) {
  o.key("finance").em << YAML::BeginMap;
  o.kv("drawdown", f.drawdown);
  o.kv("investor_discount_rate", f.investor_discount_rate);
  o.kv("provider_share", f.provider_share);
  if (f.return_cap_annual) o.kv("return_cap_annual", *f.return_cap_annual);
  if (f.hurdle_rate) o.kv("hurdle_rate", *f.hurdle_rate);
  if (f.commitment) o.kv("commitment", *f.commitment);
  emit_guarantee(o, f.guarantee);
  if (f.first_loss_max_investor_loss < 1.0 || f.first_loss_cap_share_of_costs > 0.0) {
    o.key("first_loss").em << YAML::Flow << YAML::BeginMap;
    o.kv("max_investor_loss", f.first_loss_max_investor_loss);
    o.kv("cap_share_of_costs", f.first_loss_cap_share_of_costs);
    o.kv("payer", std::string(to_string(f.first_loss_payer)));
    o.em << YAML::EndMap;
  }
  if (!f.tranches.empty()) {
    o.key("tranches").em << YAML::BeginSeq;
    for (const auto& t : f.tranches) {
      o.em << YAML::BeginMap;
      o.kv("name", t.name);
      o.kv("share", t.share);
      if (t.return_cap_annual) o.kv("return_cap_annual", *t.return_cap_annual);
      if (!t.repayable) o.kv("repayable", false);
      emit_guarantee(o, t.guarantee);
      o.em << YAML::EndMap;
    }
    o.em << YAML::EndSeq;
  }
  o.em << YAML::EndMap;
}

}  // namespace

void emit_contract_and_finance(Out& o, const Config& c) {
  if (c.contract.present) emit_contract(o, c.contract);
  emit_finance(o, c.finance);
}

void emit_correlations(Out& o, const Config& c) {
  if (c.correlations.empty()) return;
  o.key("correlations").em << YAML::BeginSeq;
  for (const auto& x : c.correlations) {
    o.em << YAML::Flow << YAML::BeginSeq << x.a << x.b;
    o.number(x.rho);
    o.em << YAML::EndSeq;
  }
  o.em << YAML::EndSeq;
}

}  // namespace sisim::config::detail
