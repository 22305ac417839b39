// Schema: public (discounting, refusion ladder, tax, result grant, other flows).
#include "config/detail/schema.hpp"

namespace sisim::config::detail {
namespace {

// A refusion class starting beyond 52,000 weeks (1,000 years, the longest horizon) never applies;
// 1e10 once made the model count months past the range of an int, forever.
constexpr Bounds kWeeks{0.0, 52000.0, false, "the longest horizon is 12,000 months, about 52,000 weeks"};

void read_ladder(Reader& r, const YNode& n, std::vector<RefusionStep>& out) {
  const std::string path = "public.refusion.ladder";
  if (!n.is_seq() || n.seq.empty()) {
    r.error(n.where, path + ": expected a non-empty list of {from_week, rate}, got " + describe(n));
    return;
  }
  out.clear();
  for (size_t i = 0; i < n.seq.size(); ++i) {
    MapView m(r, &n.seq[i], path + "." + std::to_string(i));
    RefusionStep step;
    const size_t errors_before = r.errors.size();
    if (m.require("from_week")) m.read("from_week", step.from_week, kWeeks);
    const bool read_ok = r.errors.size() == errors_before;
    if (m.require("rate")) m.read("rate", step.rate, kUnit);
    const YNode* fw = m.get("from_week");
    if (i == 0 && fw && step.from_week != 0.0)
      r.error(fw->where, path + ": the first step must start at from_week 0, got " + num(step.from_week));
    if (i > 0 && fw && read_ok && step.from_week <= out.back().from_week)
      r.error(fw->where, path + ": from_week must be ascending, got " + num(step.from_week) + " after " +
                             num(out.back().from_week));
    out.push_back(step);
  }
}

OtherFlow read_other_flow(Reader& r, const YNode& item, const std::string& path) {
  MapView m(r, &item, path);
  OtherFlow f;
  if (m.require("name")) m.read_name("name", f.name);
  if (const YNode* b = m.require("budget")) {
    std::optional<std::string> name = r.string(*b, m.child("budget"));
    std::optional<Budget> budget = name ? budget_from_string(*name) : std::nullopt;
    if (budget && *budget != Budget::foundation) {
      f.budget = *budget;
    } else if (name) {
      const std::vector<std::string> allowed = {"municipality", "state", "region", "other_municipalities"};
      std::string msg = m.child("budget") + ": unknown public budget '" + *name + "'";
      if (auto s = nearest_key(*name, allowed)) msg += " (did you mean '" + *s + "'?)";
      r.error(b->where, msg);
    }
  }
  m.read("on_benefit", f.on_benefit, kMoneySigned);
  m.read("employed", f.employed, kMoneySigned);
  return f;
}

}  // namespace

// public.discount: {rate, basis, inflation_annual, long_term_rate, long_term_from_year}. Given, it
// states everything itself: without long_term_rate the rate holds throughout.
void read_discount(Reader& r, const YNode* n, PublicDiscount& out) {
  MapView m(r, n, "public.discount");
  if (!m.present()) {
    // The Finance Ministry's default; the parameters still exist (for --set, sweeps, the resolved
    // document).
    m.read("rate", out.rate, kFractionRate);
    m.read("inflation_annual", out.inflation_annual, kRate);
    return;
  }
  out.long_term_rate.reset();
  m.require("rate");
  m.read("rate", out.rate, kFractionRate);
  if (const YNode* b = m.require("basis")) {
    std::string basis;
    m.read("basis", basis);
    if (basis == "real" || basis == "nominal") {
      out.basis = basis == "real" ? PublicDiscount::Basis::real : PublicDiscount::Basis::nominal;
    } else if (!basis.empty()) {
      std::string msg = m.child("basis") + ": expected real or nominal, got '" + basis + "'";
      if (auto near = nearest_key(basis, {"real", "nominal"})) msg += " (did you mean '" + *near + "'?)";
      r.error(b->where, msg);
    }
  }
  m.read("inflation_annual", out.inflation_annual, kRate);
  if (const YNode* i = m.get("inflation_annual"); i && out.basis == PublicDiscount::Basis::nominal)
    r.error(i->key_where,
            m.child("inflation_annual") +
                ": only with basis real (a nominal rate discounts the nominal flows as they are)");
  if (const YNode* l = m.get("long_term_rate")) {
    double v = 0.0;
    m.read("long_term_rate", v, kFractionRate);
    out.long_term_rate = v;
    if (m.get("long_term_from_year")) m.read("long_term_from_year", out.long_term_from_year, 1, 1000);
    (void)l;
  } else if (const YNode* y = m.get("long_term_from_year")) {
    r.error(y->key_where, m.child("long_term_from_year") + ": only with long_term_rate");
  }
}

void read_public(Reader& r, const YNode* n, Public& out) {
  MapView m(r, n, "public");
  read_discount(r, m.get("discount"), out.discount);
  // Deprecated alias, so that scenarios and result files written before public.discount still load:
  // the rate on the flows as they are, which the older docs called real, without the long-term step
  // (exactly the older numbers) = {rate, basis: real}.
  if (const YNode* old = m.get("discount_rate")) {
    if (m.get("discount")) {
      r.error(old->key_where, "public: give discount or the older discount_rate (an alias), not both");
    } else {
      out.discount.long_term_rate.reset();
      m.read("discount_rate", out.discount.rate, kFractionRate);
    }
  }
  read_rules(r, m.get("rules"), out.rules);
  MapView ref(r, m.get("refusion"), "public.refusion");
  if (const YNode* ladder = ref.get("ladder")) read_ladder(r, *ladder, out.refusion.ladder);
  ref.read("reset_after_months_off", out.refusion.reset_after_months_off, 0, 12000);
  ref.read("reset_window_months", out.refusion.reset_window_months, 0, 12000);
  if (const YNode* w = ref.get("reset_window_months");
      w && out.refusion.reset_window_months > 0 &&
      out.refusion.reset_window_months < out.refusion.reset_after_months_off)
    r.error(w->where,
            "public.refusion.reset_window_months: " + std::to_string(out.refusion.reset_window_months) +
                " is shorter than reset_after_months_off (" +
                std::to_string(out.refusion.reset_after_months_off) + "): the ladder could never reset");
  MapView tax(r, m.get("tax"), "public.tax");
  tax.read("labour_market_contribution", out.tax.labour_market_contribution, kUnit);
  tax.read("municipal_rate", out.tax.municipal_rate, kUnit);
  tax.read("state_bottom_rate", out.tax.state_bottom_rate, kUnit);
  tax.read("personal_allowance_annual", out.tax.personal_allowance_annual, kMoney);
  tax.read("municipal_retention", out.tax.municipal_retention, kUnit);
  tax.read("employment_deduction_rate", out.tax.employment_deduction_rate, kUnit);
  tax.read("employment_deduction_cap_annual", out.tax.employment_deduction_cap_annual, kMoney);
  if (!out.rules.present && tax.get("employment_deduction_rate") &&
      !tax.get("employment_deduction_cap_annual"))
    r.error(tax.where(),
            "public.tax: employment_deduction_rate needs employment_deduction_cap_annual (the "
            "yearly maximum of the deduction)");
  MapView eq(r, m.get("equalisation"), "public.equalisation");
  if (eq.present()) {
    Equalisation& e = out.equalisation;
    e.present = true;
    eq.read("tax_base_below_90_percent", e.tax_base_below_90_percent);
    eq.read("average_tax_rate", e.average_tax_rate, kUnit);
    eq.read("socioeconomic_value_annual", e.socioeconomic_value_annual, kMoney);
    eq.read("socioeconomic_lookback_months", e.socioeconomic_lookback_months, 0, 12000);
    eq.read("budget_lag_months", e.budget_lag_months, 0, 12000);
    if (const YNode* ret = tax.get("municipal_retention"))
      r.error(ret->where,
              "public.tax.municipal_retention: give it or public.equalisation, not both (the "
              "equalisation's tax-base part sets what the municipality keeps)");
  }
  MapView grant(r, m.get("result_grant"), "public.result_grant");
  grant.read("amount", out.result_grant.amount, kMoney);
  grant.read("amount_late", out.result_grant.amount_late, kMoney);
  grant.read("early_months", out.result_grant.early_months, 0, 12000);
  grant.read("eligible_months", out.result_grant.eligible_months, 0, 12000);
  grant.read("after_months_in_job", out.result_grant.after_months_in_job, 1, 12000);
  grant.read("min_hours_per_week", out.result_grant.min_hours_per_week, Bounds{0.0, 168.0});
  grant.read("full_time_hours_per_week", out.result_grant.full_time_hours_per_week, Bounds{0.0, 168.0, true});
  const ResultGrant& g = out.result_grant;
  if (const YNode* e = grant.get("eligible_months");
      e && g.eligible_months > 0 && g.early_months > g.eligible_months)
    r.error(e->where, "public.result_grant.eligible_months: " + std::to_string(g.eligible_months) +
                          " is before early_months (" + std::to_string(g.early_months) + ")");
  // Earnings while on benefit (docs/MODEL.md 8a): the disregard, the reduction above it, the ceiling.
  MapView earn(r, m.get("earnings"), "public.earnings");
  EarningsRule& er = out.earnings;
  earn.read("reduction_rate", er.reduction_rate, kUnit);
  earn.read("disregard_lower_monthly", er.disregard_lower_monthly, kMoney);
  earn.read("disregard_higher_monthly", er.disregard_higher_monthly, kMoney);
  earn.read("ceiling_share_lower", er.ceiling_share_lower, kUnit);
  earn.read("ceiling_share_higher", er.ceiling_share_higher, kUnit);
  earn.read("max_dagpenge_monthly", er.max_dagpenge_monthly, kMoney);
  // Which rule-governed numbers the scenario gives itself (they override public.rules).
  for (const RuleKey& k : rule_keys()) {
    const std::string name(k.name);
    const size_t dot = name.find('.');
    const std::string section_name = name.substr(0, dot);
    MapView& section = section_name == "tax" ? tax : section_name == "earnings" ? earn : grant;
    if (section.get(name.substr(dot + 1))) out.given.insert(name);
  }
  const YNode* flows = m.get("other_flows");
  if (!flows || flows->is_null()) return;
  if (!flows->is_seq()) {
    r.error(flows->where, "public.other_flows: expected a list, got " + describe(*flows));
    return;
  }
  check_unique_names(r, *flows, "public.other_flows");
  for (size_t i = 0; i < flows->seq.size(); ++i)
    out.other_flows.push_back(
        read_other_flow(r, flows->seq[i], "public.other_flows." + item_key(flows->seq[i], i)));
}

}  // namespace sisim::config::detail
