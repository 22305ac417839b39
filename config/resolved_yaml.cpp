// Config -> the fully resolved YAML document: every key with its value or default, every
// distribution in its normalised spelling, numbers in their shortest exact decimal form, so that
// loading the text back gives the same Config bit for bit.
#include <cmath>

#include "config/detail/emitter.hpp"

namespace sisim::config::detail {

using rng::DistKind;
using rng::Distribution;

void Out::distribution(const Distribution& d) {
  static const char* names[] = {"fixed", "uniform",    "normal", "lognormal",
                                "beta",  "triangular", "pert",   "discrete"};
  em << YAML::Flow << YAML::BeginMap;
  key("dist").em << names[static_cast<int>(d.kind)];
  switch (d.kind) {
    case DistKind::fixed:
      kv("value", d.value);
      break;
    case DistKind::uniform:
      kv("min", d.low);
      kv("max", d.high);
      break;
    case DistKind::normal:
      kv("mean", d.mean);
      kv("sd", d.sd);
      truncation(d);
      break;
    case DistKind::lognormal:
      kv("mu", d.mu);
      kv("sigma", d.sigma);
      truncation(d);
      break;
    case DistKind::beta:
      kv("alpha", d.alpha);
      kv("beta", d.beta);
      kv("low", d.low);
      kv("high", d.high);
      truncation(d);
      break;
    case DistKind::triangular:
    case DistKind::pert:
      kv("min", d.low);
      kv("mode", d.mode);
      kv("max", d.high);
      if (d.kind == DistKind::pert) kv("lambda", d.lambda);
      break;
    case DistKind::discrete:
      key("values").numbers(d.values);
      key("probs").numbers(d.probs);
      truncation(d);
      break;
  }
  em << YAML::EndMap;
}

namespace {

void emit_cohort(Out& o, const Cohort& c) {
  o.key("cohort").em << YAML::BeginMap;
  o.kv("size", c.size);
  o.kv("fill_rate", c.fill_rate);
  o.kv("enrolment_months", c.enrolment_months);
  o.key("segments").em << YAML::BeginSeq;
  for (const auto& s : c.segments) {
    o.em << YAML::BeginMap;
    o.kv("name", s.name);
    o.kv("share", s.share);
    if (!s.benefit) {
      o.kv("benefit_monthly", s.benefit_monthly);
    } else {
      o.key("benefit").em << YAML::Flow << YAML::BeginMap;
      o.kv("rate", s.benefit->rate);
      o.kv("children", s.benefit->children);
      o.kv("single_parent", s.benefit->single_parent);
      o.kv("single", s.benefit->single);
      o.em << YAML::EndMap;
    }
    o.kv("prior_benefit_weeks", s.prior_benefit_weeks);
    o.kv("wage_monthly", s.wage_monthly);
    o.kv("hours_fraction", s.hours_fraction);
    o.kv("job_finding_hazard", s.job_finding_hazard);
    o.kv("separation_hazard", s.separation_hazard);
    o.kv("exit_hazard", s.exit_hazard);
    o.kv("result_grant_eligible", s.result_grant_eligible);
    o.kv("integration_months_at_enrolment", s.integration_months_at_enrolment);
    if (s.age_min >= 0) {
      o.key("age_at_start").em << YAML::Flow << YAML::BeginMap;
      o.kv("min", s.age_min);
      o.kv("max", s.age_max);
      o.em << YAML::EndMap;
    }
    if (!s.other_flows.empty()) {
      o.key("other_flows").em << YAML::BeginMap;
      for (const auto& [name, f] : s.other_flows) {
        o.key(name.c_str()).em << YAML::Flow << YAML::BeginMap;
        o.kv("on_benefit", f.on_benefit);
        o.kv("employed", f.employed);
        o.em << YAML::EndMap;
      }
      o.em << YAML::EndMap;
    }
    if (s.part_time) {
      o.key("part_time").em << YAML::BeginMap;
      o.kv("share", s.part_time_share);
      o.kv("hours_per_week", s.part_time_hours_per_week);
      if (!s.benefit && !s.part_time_rate_type.empty()) o.kv("rate_type", s.part_time_rate_type);
      o.em << YAML::EndMap;
    }
    o.em << YAML::EndMap;
  }
  o.em << YAML::EndSeq << YAML::EndMap;
}

void emit_intervention(Out& o, const Intervention& iv) {
  o.key("intervention").em << YAML::BeginMap;
  o.kv("duration_months", iv.duration_months);
  o.kv("dropout_hazard", iv.dropout_hazard);
  o.key("effect").em << YAML::BeginMap;
  if (iv.effect.kind == Effect::Kind::hazard_ratio) {
    o.kv("hazard_ratio", iv.effect.hazard_ratio);
  } else {
    o.kv("employment_gap", iv.effect.gap);
    o.kv("at_month", iv.effect.at_month);
    if (iv.effect.measure == Effect::Measure::self_sufficiency)
      o.kv("measure", std::string("self_sufficiency"));
  }
  o.em << YAML::EndMap;
  o.kv("retention_multiplier", iv.retention_multiplier);
  if (iv.decay_half_life_months) o.kv("decay_half_life_months", *iv.decay_half_life_months);
  o.kv("arm_coupling", iv.arm_coupling);
  o.key("cost").em << YAML::BeginMap;
  o.kv("setup", iv.cost.setup);
  o.kv("fixed_monthly", iv.cost.fixed_monthly);
  o.kv("per_participant_monthly", iv.cost.per_participant_monthly);
  o.em << YAML::EndMap << YAML::EndMap;
}

void emit_labour_market(Out& o, const LabourMarket& lm) {
  const Recession& r = lm.recession;
  o.key("labour_market").em << YAML::BeginMap;
  o.key("recession").em << YAML::BeginMap;
  o.kv("start_probability_monthly", r.start_probability_monthly);
  o.kv("end_probability_monthly", r.end_probability_monthly);
  o.kv("job_finding_multiplier", r.job_finding_multiplier);
  o.kv("separation_multiplier", r.separation_multiplier);
  if (r.start_month >= 0) o.kv("start_month", r.start_month);
  o.em << YAML::EndMap << YAML::EndMap;
}

void emit_public(Out& o, const Public& p, bool part_time) {
  o.key("public").em << YAML::BeginMap;
  o.key("discount").em << YAML::BeginMap;
  o.kv("rate", p.discount.rate);
  o.kv("basis", std::string(p.discount.basis == PublicDiscount::Basis::real ? "real" : "nominal"));
  if (p.discount.basis == PublicDiscount::Basis::real) o.kv("inflation_annual", p.discount.inflation_annual);
  if (p.discount.long_term_rate) {
    o.kv("long_term_rate", *p.discount.long_term_rate);
    o.kv("long_term_from_year", p.discount.long_term_from_year);
  }
  o.em << YAML::EndMap;
  if (p.rules.present) {
    o.key("rules").em << YAML::BeginMap;
    o.kv("family", p.rules.family);
    o.kv("start", year_month_text(p.rules.start));
    o.kv("indexation_annual", p.rules.indexation_annual);
    o.kv("dir", p.rules.dir);
    o.em << YAML::EndMap;
  }
  // With rules, only the rule-governed numbers the scenario gives itself are written: the others
  // come from the rule sets month by month.
  const auto ruled = [&](const char* key) { return !p.rules.present || p.given.count(key) > 0; };
  o.key("refusion").em << YAML::BeginMap;
  o.key("ladder").em << YAML::BeginSeq;
  for (const auto& s : p.refusion.ladder) {
    o.em << YAML::Flow << YAML::BeginMap;
    o.kv("from_week", s.from_week);
    o.kv("rate", s.rate);
    o.em << YAML::EndMap;
  }
  o.em << YAML::EndSeq;
  o.kv("reset_after_months_off", p.refusion.reset_after_months_off);
  o.kv("reset_window_months", p.refusion.reset_window_months);
  o.em << YAML::EndMap;
  o.key("tax").em << YAML::BeginMap;
  if (ruled("tax.labour_market_contribution"))
    o.kv("labour_market_contribution", p.tax.labour_market_contribution);
  o.kv("municipal_rate", p.tax.municipal_rate);
  if (ruled("tax.state_bottom_rate")) o.kv("state_bottom_rate", p.tax.state_bottom_rate);
  if (ruled("tax.personal_allowance_annual"))
    o.kv("personal_allowance_annual", p.tax.personal_allowance_annual);
  if (!p.equalisation.present) o.kv("municipal_retention", p.tax.municipal_retention);
  if (ruled("tax.employment_deduction_rate"))
    o.kv("employment_deduction_rate", p.tax.employment_deduction_rate);
  if (ruled("tax.employment_deduction_cap_annual"))
    o.kv("employment_deduction_cap_annual", p.tax.employment_deduction_cap_annual);
  o.em << YAML::EndMap;
  if (p.equalisation.present) {
    const Equalisation& e = p.equalisation;
    o.key("equalisation").em << YAML::BeginMap;
    o.kv("tax_base_below_90_percent", e.tax_base_below_90_percent);
    o.kv("average_tax_rate", e.average_tax_rate);
    o.kv("socioeconomic_value_annual", e.socioeconomic_value_annual);
    o.kv("socioeconomic_lookback_months", e.socioeconomic_lookback_months);
    o.kv("budget_lag_months", e.budget_lag_months);
    o.em << YAML::EndMap;
  }
  o.key("result_grant").em << YAML::BeginMap;
  if (ruled("result_grant.amount")) o.kv("amount", p.result_grant.amount);
  if (ruled("result_grant.amount_late")) o.kv("amount_late", p.result_grant.amount_late);
  o.kv("early_months", p.result_grant.early_months);
  o.kv("eligible_months", p.result_grant.eligible_months);
  o.kv("after_months_in_job", p.result_grant.after_months_in_job);
  o.kv("min_hours_per_week", p.result_grant.min_hours_per_week);
  o.kv("full_time_hours_per_week", p.result_grant.full_time_hours_per_week);
  o.em << YAML::EndMap;
  bool earnings_given = false;
  for (const std::string& k : p.given) earnings_given = earnings_given || k.compare(0, 9, "earnings.") == 0;
  if (part_time || earnings_given) {  // the earnings rule matters only to part-time jobs
    const EarningsRule& e = p.earnings;
    o.key("earnings").em << YAML::BeginMap;
    if (ruled("earnings.reduction_rate")) o.kv("reduction_rate", e.reduction_rate);
    if (ruled("earnings.disregard_lower_monthly")) o.kv("disregard_lower_monthly", e.disregard_lower_monthly);
    if (ruled("earnings.disregard_higher_monthly"))
      o.kv("disregard_higher_monthly", e.disregard_higher_monthly);
    if (ruled("earnings.ceiling_share_lower")) o.kv("ceiling_share_lower", e.ceiling_share_lower);
    if (ruled("earnings.ceiling_share_higher")) o.kv("ceiling_share_higher", e.ceiling_share_higher);
    if (ruled("earnings.max_dagpenge_monthly")) o.kv("max_dagpenge_monthly", e.max_dagpenge_monthly);
    o.em << YAML::EndMap;
  }
  if (!p.other_flows.empty()) {
    o.key("other_flows").em << YAML::BeginSeq;
    for (const auto& f : p.other_flows) {
      o.em << YAML::Flow << YAML::BeginMap;
      o.kv("name", f.name);
      o.kv("budget", std::string(to_string(f.budget)));
      o.kv("on_benefit", f.on_benefit);
      o.kv("employed", f.employed);
      o.em << YAML::EndMap;
    }
    o.em << YAML::EndSeq;
  }
  o.em << YAML::EndMap;
}

}  // namespace
}  // namespace sisim::config::detail

namespace sisim::config {

std::string resolved_yaml(const Config& c) {
  using detail::Out;
  Out o;
  o.em << YAML::BeginMap;
  o.kv("name", c.name);
  o.kv("currency", c.currency);
  o.key("simulation").em << YAML::BeginMap;
  o.kv("horizon_months", c.simulation.horizon_months);
  o.key("seed").em << std::to_string(c.simulation.seed);
  o.key("paths").integer(c.simulation.paths);
  o.kv("block_size", c.simulation.block_size);
  o.em << YAML::EndMap;
  detail::emit_cohort(o, c.cohort);
  detail::emit_intervention(o, c.intervention);
  detail::emit_labour_market(o, c.labour_market);
  bool part_time = false;
  for (const Segment& s : c.cohort.segments) part_time = part_time || s.part_time;
  detail::emit_public(o, c.public_, part_time);
  detail::emit_contract_and_finance(o, c);
  detail::emit_society_and_alternatives(o, c);
  detail::emit_correlations(o, c);
  if (!c.stress_yaml.empty()) o.key("stress").em << YAML::Load(c.stress_yaml);
  if (!c.pricing_yaml.empty()) o.key("pricing").em << YAML::Load(c.pricing_yaml);
  o.em << YAML::EndMap;
  return std::string(o.em.c_str()) + "\n";
}

}  // namespace sisim::config
