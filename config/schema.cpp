// Schema: the top level and the checks that span sections.
#include "config/detail/schema.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace sisim::config::detail {
namespace {

// Payment dates are t_j = j*I - 1; the last one (for the window) is the first t_j >= window - 1,
// and what is due then is paid `lag` months later: that month must lie inside the horizon.
void check_horizon(Reader& r, const YNode& root, const Config& c) {
  const int horizon = c.simulation.horizon_months;
  const YNode* sim = root.find("simulation");
  const YNode* hn = sim && sim->is_map() ? sim->find("horizon_months") : nullptr;
  const YNode* contract = root.find("contract");
  const SourceLocation at = hn ? hn->where : contract ? contract->key_where : root.where;
  if (c.cohort.enrolment_months > horizon)
    r.error(at, "simulation.horizon_months: " + std::to_string(horizon) +
                    " is shorter than cohort.enrolment_months (" + std::to_string(c.cohort.enrolment_months) +
                    ")");
  if (!c.contract.present) return;
  const Contract& k = c.contract;
  const int interval = k.payment_interval_months;
  auto paid_month = [&](int first_month) {
    const int j = (first_month + interval) / interval;  // first j with j*I - 1 >= first_month
    return j * interval - 1 + k.payment_lag_months;
  };
  if (k.outcome_window_months > 0) {
    const int paid = paid_month(k.outcome_window_months - 1);
    if (paid > horizon - 1)
      r.error(at, "simulation.horizon_months: " + std::to_string(horizon) +
                      " months is too short for the last outcome payment (paid in month " +
                      std::to_string(paid) + " = last payment date " +
                      std::to_string(paid - k.payment_lag_months) + " + lag " +
                      std::to_string(k.payment_lag_months) + "; months run 0.." +
                      std::to_string(horizon - 1) + ")");
  }
  if (k.cohort_triggers.enabled) {
    const CohortTriggers& ct = k.cohort_triggers;
    const int cohorts = (c.cohort.enrolment_months + ct.cohort_months - 1) / ct.cohort_months;
    const int paid = paid_month(cohorts * ct.cohort_months + ct.follow_up_months - 1);
    if (paid > horizon - 1)
      r.error(at, "simulation.horizon_months: " + std::to_string(horizon) +
                      " months is too short for the last cohort trigger payment (paid in month " +
                      std::to_string(paid) + ")");
  }
  if (k.tiers.enabled) {
    const int paid = paid_month(k.tiers.at_month);
    if (paid > horizon - 1)
      r.error(at, "simulation.horizon_months: " + std::to_string(horizon) +
                      " months is too short for the tier payment (paid in month " + std::to_string(paid) +
                      ")");
  }
}

// A discount rate near -1 makes the discount factor (1+r)^(-t) explode over the horizon: at
// r = -0.9999999999999999 and 15 years it is inf, and every NPV NaN. The factor of the horizon's
// last month must stay below 1e100 (flows times it then stay far from overflow); the bound on r
// follows from the horizon.
void check_discount_rates(Reader& r, const Config& c) {
  const double years = c.simulation.horizon_months / 12.0;
  for (const Param* p : {&c.public_.discount.rate, &c.finance.investor_discount_rate}) {
    if (p->where.line == 0) continue;  // the default
    double lo = p->is_fixed() ? p->dist.value : support(p->dist).first;
    if (!(lo > -1.0)) continue;  // the key's own range check reports it
    // A real public rate works on flows deflated by the inflation too: the factor is their product.
    const PublicDiscount& d = c.public_.discount;
    if (p == &d.rate && d.basis == PublicDiscount::Basis::real) {
      const double lo_i = d.inflation_annual.is_fixed() ? d.inflation_annual.dist.value
                                                        : support(d.inflation_annual.dist).first;
      if (lo_i > -1.0) lo = (1.0 + lo) * (1.0 + lo_i) - 1.0;
    }
    const double log10_factor = -years * std::log10(1.0 + lo);
    if (log10_factor <= 100.0) continue;
    const double min_rate = std::pow(10.0, -100.0 / years) - 1.0;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.9f", min_rate);
    r.error(p->where, p->path + ": a rate of " + num(lo) + " discounts the last month of the " +
                          std::to_string(c.simulation.horizon_months) + "-month horizon by a factor of 1e" +
                          std::to_string(static_cast<long long>(log10_factor)) +
                          ", beyond what the NPV arithmetic can carry (at most 1e100): over this horizon the "
                          "rate must be >= " +
                          buf);
  }
}

void check_flow_refs(Reader& r, const std::vector<NameRef>& refs, const Public& pub) {
  std::vector<std::string> names;
  for (const auto& f : pub.other_flows) names.push_back(f.name);
  for (const auto& ref : refs) {
    if (std::find(names.begin(), names.end(), ref.name) != names.end()) continue;
    std::string msg = ref.path + ": no flow named '" + ref.name + "' in public.other_flows";
    if (auto s = nearest_key(ref.name, names)) msg += " (did you mean '" + *s + "'?)";
    r.error(ref.where, msg);
  }
}

}  // namespace

Config read_config(Reader& r, const YNode& root) {
  Config c;
  if (!root.is_map()) {
    r.error(root.where, root.is_null() ? "the document is empty (expected a scenario map)"
                                       : "the document must be a map of sections, got " + describe(root));
    return c;
  }
  MapView m(r, &root, "");
  if (m.require("name")) m.read("name", c.name);
  if (const YNode* cur = m.get("currency"))
    if (auto text = r.string(*cur, "currency")) {
      const bool plain = text->size() <= 12 && text->find_first_of(" \t,;") == std::string::npos;
      if (plain)
        c.currency = *text;
      else
        r.error(cur->where, "currency: expected a short code such as DKK, EUR or USD, got '" + *text + "'");
    }
  read_simulation(r, m.get("simulation"), c.simulation);
  std::vector<NameRef> flow_refs;
  if (m.require("cohort")) read_cohort(r, m.get("cohort"), c.cohort, flow_refs);
  if (m.require("intervention")) read_intervention(r, m.get("intervention"), c.intervention);
  read_labour_market(r, m.get("labour_market"), c.labour_market);
  read_public(r, m.get("public"), c.public_);
  read_contract(r, m.get("contract"), c.contract);
  read_finance(r, m.get("finance"), c.finance);
  read_society(r, m.get("society"), c.society);
  read_alternatives(r, m.get("alternatives"), c.alternatives);
  read_correlations(r, m.get("correlations"), c.correlations);
  // Later issues interpret these; for now they are kept verbatim (but must be valid YAML).
  if (const YNode* s = m.get("stress"); s && !s->is_null()) c.stress_yaml = emit_yaml(*s);
  if (const YNode* p = m.get("pricing"); p && !p->is_null()) c.pricing_yaml = emit_yaml(*p);
  check_flow_refs(r, flow_refs, c.public_);
  check_rules(r, root, c);
  const YNode* rec = nullptr;
  if (const YNode* lm = root.find("labour_market"); lm && lm->is_map())
    if (const YNode* rn = lm->find("recession"); rn && rn->is_map()) rec = rn->find("start_month");
  if (rec && c.labour_market.recession.start_month >= c.simulation.horizon_months)
    r.error(rec->where, "labour_market.recession.start_month: must be < simulation.horizon_months");
  check_horizon(r, root, c);
  check_discount_rates(r, c);
  // The measured fiscal difference of a savings share is built from each segment's undated
  // monthly amounts; under dated rules those amounts change month by month, so the payment would
  // be wrong. Refused until the fiscal difference follows the rules (issue 14/15 notes).
  if (c.contract.savings_share.enabled && c.public_.rules.present)
    if (const YNode* k = root.find("contract"); k && k->is_map())
      if (const YNode* ss = k->find("savings_share"))
        r.error(ss->where,
                "contract.savings_share: not yet available with dated rules (public.rules): the measured "
                "fiscal difference uses undated amounts; give the benefit and tax numbers in the scenario "
                "instead of public.rules");
  // The same fiscal difference knows a month on benefit and a month in a job off it, not a
  // part-time month with a benefit top-up.
  if (c.contract.savings_share.enabled)
    for (const Segment& s : c.cohort.segments)
      if (s.part_time)
        if (const YNode* k = root.find("contract"); k && k->is_map())
          if (const YNode* ss = k->find("savings_share"))
            r.error(ss->where,
                    "contract.savings_share: not yet available with part-time jobs (cohort.segments." +
                        s.name + ".part_time): the measured fiscal difference has no top-up months");
  if (c.contract.eligibility.enabled)
    for (const Segment& s : c.cohort.segments)
      if (s.age_min < 0)
        r.error(root.find("contract")->key_where,
                "contract.eligibility: segment '" + s.name +
                    "' states no age_at_start, so eligibility by age cannot be decided");
  c.uncertain = r.uncertain;
  return c;
}

}  // namespace sisim::config::detail
