// Schema: contract (rate card, payers, deductions, tiers) and finance (guarantee, tranches).
#include "config/detail/schema.hpp"

namespace sisim::config::detail {
namespace {

// A return cap is a non-negative annual rate, and a fraction (0.15 for 15 %).
constexpr Bounds kCapRate{0.0, 1.0, false, nullptr, true};

const std::vector<std::string> kPayerNames = {"municipality", "state", "region", "foundation"};
const std::vector<std::string> kMetricNames = {"job_start", "sustained_employment", "employment_month",
                                               "benefit_month"};

std::optional<Budget> read_payer(Reader& r, const YNode& n, const std::string& path,
                                 const std::string& text) {
  std::optional<Budget> b = budget_from_string(text);
  if (b && *b != Budget::other_municipalities) return b;
  std::string msg = path + ": unknown payer '" + text + "' (payers: municipality, state, region, foundation)";
  if (auto s = nearest_key(text, kPayerNames))
    msg = path + ": unknown payer '" + text + "' (did you mean '" + *s + "'?)";
  r.error(n.key_where, msg);
  return std::nullopt;
}

std::optional<Metric> read_metric(Reader& r, const SourceLocation& at, const std::string& path,
                                  const std::string& text) {
  std::optional<Metric> m = metric_from_string(text);
  if (m) return m;
  std::string msg = path + ": unknown metric '" + text + "'";
  if (auto s = nearest_key(text, kMetricNames)) msg += " (did you mean '" + *s + "'?)";
  r.error(at, msg);
  return std::nullopt;
}

Outcome read_outcome(Reader& r, const YNode& item, const std::string& path) {
  MapView m(r, &item, path);
  Outcome o;
  std::optional<Metric> metric;
  if (const YNode* mn = m.require("metric"))
    if (auto text = r.string(*mn, m.child("metric")))
      metric = read_metric(r, mn->where, m.child("metric"), *text);
  if (m.require("price")) m.read("price", o.price, kMoney);
  if (metric) o.metric = *metric;
  // Each count rule belongs to one metric; a rule given for another metric is a mistake.
  const struct {
    const char* key;
    Metric owner;
    int* field;
    int lo;
  } rules[] = {{"min_months", Metric::job_start, &o.min_months, 1},
               {"months", Metric::sustained_employment, &o.months, 1},
               {"max_per_participant", Metric::employment_month, &o.max_per_participant, 0}};
  for (const auto& rule : rules) {
    const YNode* v = m.get(rule.key);
    if (v && metric && *metric != rule.owner)
      r.error(v->key_where, m.child(rule.key) + ": only applies to metric " + to_string(rule.owner));
    else if (v)
      m.read(rule.key, *rule.field, rule.lo, 12000);
    else if (metric == Metric::sustained_employment && rule.owner == Metric::sustained_employment)
      r.error(item.where, path + ": metric sustained_employment needs 'months'");
  }
  // Which jobs count (docs/MODEL.md 8a): every job, or only jobs off benefit; hours at least.
  for (const char* key : {"jobs", "min_hours_per_week"}) {
    const YNode* v = m.get(key);
    if (v && metric == Metric::benefit_month)
      r.error(v->key_where, m.child(key) +
                                ": does not apply to metric benefit_month (it counts the months not in a job "
                                "off benefit)");
  }
  if (const YNode* j = m.get("jobs")) {
    std::string text;
    m.read("jobs", text);
    if (text == "self_sufficient") {
      o.self_sufficient_only = true;
    } else if (text != "any") {
      std::string msg = m.child("jobs") + ": expected any or self_sufficient, got '" + text + "'";
      if (auto near = nearest_key(text, {"any", "self_sufficient"}))
        msg += " (did you mean '" + *near + "'?)";
      r.error(j->where, msg);
    }
  }
  m.read("min_hours_per_week", o.min_hours_per_week, Bounds{0.0, 168.0});
  return o;
}

void read_payers(Reader& r, const YNode& n, std::map<Budget, double>& out) {
  MapView m(r, &n, "contract.payers");
  if (!m.present()) return;
  m.suppress_unknown();  // keys are payer names, checked below
  out.clear();
  double sum = 0.0;
  bool all_read = true;
  for (const auto& e : n.map) {
    const std::string path = m.child(e.key);
    std::optional<Budget> b = read_payer(r, e.value, path, e.key);
    std::optional<double> share = r.bounded(e.value, path, kUnit);
    if (b && share) out[*b] = *share;
    sum += share.value_or(0.0);
    all_read = all_read && share.has_value();
  }
  if (all_read) check_sum_to_one(r, sum, n.key_where, "contract.payers: payer shares");
}

void read_baseline(Reader& r, const YNode& n, std::map<Metric, double>& out) {
  MapView m(r, &n, "contract.baseline");
  if (!m.present()) return;
  m.suppress_unknown();  // keys are metric names, checked below
  for (const auto& e : n.map) {
    const std::string path = m.child(e.key);
    std::optional<Metric> metric = read_metric(r, e.value.key_where, path, e.key);
    // job_start and sustained_employment happen at most once per person: a rate in [0, 1].
    const Bounds b =
        metric == Metric::employment_month || metric == Metric::benefit_month ? kNonNegative : kUnit;
    std::optional<double> v = r.bounded(e.value, path, b);
    if (metric && v) out[*metric] = *v;
  }
}

void read_tiers(Reader& r, const YNode& n, TierPayoff& out) {
  MapView m(r, &n, "contract.tiers");
  if (!m.present()) return;
  out.enabled = true;
  if (const YNode* me = m.get("measure"))
    if (auto text = r.string(*me, m.child("measure")))
      if (auto metric = read_metric(r, me->where, m.child("measure"), *text)) out.measure = *metric;
  if (m.require("at_month")) m.read("at_month", out.at_month, 0, 12000);
  m.read("threshold", out.threshold, kAnyReal);
  m.read("relative", out.relative);
  const YNode* sched = m.require("schedule");
  if (!sched) return;
  if (!sched->is_seq() || sched->seq.empty()) {
    r.error(sched->where,
            "contract.tiers.schedule: expected a non-empty list of tiers, got " + describe(*sched));
    return;
  }
  for (size_t i = 0; i < sched->seq.size(); ++i) {
    MapView t(r, &sched->seq[i], "contract.tiers.schedule." + std::to_string(i));
    Tier tier;
    if (t.require("from")) t.read("from", tier.from, kAnyReal);
    if (t.require("payment")) t.read("payment", tier.payment, kMoney);
    t.read("per_unit", tier.per_unit, kMoney);
    if (!out.tiers.empty() && tier.from <= out.tiers.back().from)
      r.error(sched->seq[i].where, t.path() + ": tiers must be ascending in 'from', got " + num(tier.from) +
                                       " after " + num(out.tiers.back().from));
    out.tiers.push_back(tier);
  }
}

void read_savings_share(Reader& r, const YNode& n, SavingsShare& out) {
  MapView m(r, &n, "contract.savings_share");
  if (!m.present()) return;
  out.enabled = true;
  if (m.require("share")) m.read("share", out.share, kUnit);
  m.read("taxes", out.taxes);
}

void read_cohort_triggers(Reader& r, const YNode& n, CohortTriggers& out) {
  MapView m(r, &n, "contract.cohort_triggers");
  if (!m.present()) return;
  out.enabled = true;
  if (const YNode* me = m.get("measure"))
    if (auto text = r.string(*me, m.child("measure")))
      if (auto metric = read_metric(r, me->where, m.child("measure"), *text)) out.measure = *metric;
  if (m.require("cohort_months")) m.read("cohort_months", out.cohort_months, 1, 12000);
  if (m.require("follow_up_months")) m.read("follow_up_months", out.follow_up_months, 1, 12000);
  if (m.require("threshold")) m.read("threshold", out.threshold, kAnyReal);
  out.pooled_threshold = out.threshold;
  m.read("pooled_threshold", out.pooled_threshold, kAnyReal);
  if (m.require("price")) m.read("price", out.price, kNonNegative);
}

void read_guarantee(Reader& r, const YNode* n, const std::string& path, Guarantee& out) {
  MapView m(r, n, path);
  m.read("share_of_loss", out.share_of_loss, kUnit);
  if (const YNode* g = m.get("guarantor"))
    if (auto text = r.string(*g, m.child("guarantor")))
      if (auto b = read_payer(r, *g, m.child("guarantor"), *text)) out.guarantor = *b;
}

}  // namespace

void read_contract(Reader& r, const YNode* n, Contract& out) {
  MapView m(r, n, "contract");
  if (!m.present()) return;
  out.present = true;
  if (m.require("outcome_window_months"))
    m.read("outcome_window_months", out.outcome_window_months, 1, 12000);
  m.read("payment_interval_months", out.payment_interval_months, 1, 12000);
  m.read("payment_lag_months", out.payment_lag_months, 0, 12000);
  if (const YNode* p = m.get("payers")) read_payers(r, *p, out.payers);
  const YNode* outcomes = m.get("outcomes");
  if (outcomes && (!outcomes->is_seq() || outcomes->seq.empty())) {
    r.error(outcomes->where,
            "contract.outcomes: expected a non-empty list of outcomes, got " + describe(*outcomes));
  } else if (outcomes) {
    for (size_t i = 0; i < outcomes->seq.size(); ++i)
      out.outcomes.push_back(read_outcome(r, outcomes->seq[i], "contract.outcomes." + std::to_string(i)));
  }
  if (const YNode* c = m.get("cap_total"))
    if (auto v = r.bounded(*c, m.child("cap_total"), Bounds{0.0, kMaxMoney, true, kMoneyWhy}))
      out.cap_total = *v;
  const YNode* per_person = m.get("cap_per_participant");
  if (per_person)
    if (auto v =
            r.bounded(*per_person, m.child("cap_per_participant"), Bounds{0.0, kMaxMoney, true, kMoneyWhy}))
      out.cap_per_participant = *v;
  m.read("termination_probability_annual", out.termination_probability_annual, kUnit);
  m.read("termination_month", out.termination_month, 0, 12000);
  const YNode* baseline = m.get("baseline");
  const YNode* evaluation = m.get("evaluation");
  if (baseline) read_baseline(r, *baseline, out.baseline);
  if (const YNode* d = m.get("baseline_drift_annual")) {
    if (auto v = r.bounded(*d, m.child("baseline_drift_annual"), kRate)) out.baseline_drift_annual = *v;
    if (!baseline)
      r.error(d->key_where, "contract.baseline_drift_annual: applies to contract.baseline, which is absent");
  }
  MapView ev(r, evaluation, "contract.evaluation");
  ev.read("control_group_size", out.evaluation.control_group_size, 0, 100000000);
  if (per_person && (baseline || out.evaluation.control_group_size > 0))
    r.error(per_person->key_where,
            "contract.cap_per_participant: caps gross outcomes, so it cannot be used with a baseline or a "
            "control-group deduction");
  if (baseline && evaluation)
    r.error(evaluation->key_where,
            "contract: baseline and evaluation cannot be used together (choose one deduction)");
  if (const YNode* t = m.get("tiers")) read_tiers(r, *t, out.tiers);
  // Benefit months are paid when avoided, which needs something to compare with.
  for (size_t i = 0; outcomes && i < out.outcomes.size() && i < outcomes->seq.size(); ++i)
    if (out.outcomes[i].metric == Metric::benefit_month && out.evaluation.control_group_size == 0 &&
        !out.baseline.count(Metric::benefit_month))
      r.error(outcomes->seq[i].where,
              "contract.outcomes." + std::to_string(i) +
                  ": metric benefit_month is paid on benefit months avoided, which needs a comparison: "
                  "contract.baseline.benefit_month or evaluation.control_group_size");
  if (const YNode* s = m.get("savings_share")) read_savings_share(r, *s, out.savings_share);
  if (const YNode* e = m.get("eligibility")) {
    MapView el(r, e, "contract.eligibility");
    out.eligibility.enabled = true;
    el.read("min_age", out.eligibility.min_age, 0, 120);
    el.read("max_age", out.eligibility.max_age, 0, 120);
    if (out.eligibility.min_age > out.eligibility.max_age)
      r.error(e->where, "contract.eligibility: min_age must be <= max_age");
  }
  if (const YNode* k = m.get("cohort_triggers")) {
    read_cohort_triggers(r, *k, out.cohort_triggers);
    if (out.evaluation.control_group_size == 0 && !out.baseline.count(out.cohort_triggers.measure))
      r.error(k->key_where,
              "contract.cohort_triggers: a cohort's improvement needs a comparison: "
              "contract.baseline." +
                  std::string(to_string(out.cohort_triggers.measure)) + " or evaluation.control_group_size");
  }
  if (out.savings_share.enabled && !out.baseline.empty())
    r.error(m.where(),
            "contract.savings_share: measured against the control group or the counterfactual arm, "
            "not a baseline rate (remove contract.baseline)");
  if (!outcomes && !out.tiers.enabled && !out.savings_share.enabled && !out.cohort_triggers.enabled)
    r.error(m.where(),
            "contract: needs a rate card ('outcomes'), 'tiers', 'savings_share' or 'cohort_triggers'");
}

void read_finance(Reader& r, const YNode* n, Finance& out) {
  MapView m(r, n, "finance");
  if (const YNode* d = m.get("drawdown")) {
    std::optional<std::string> s = r.string(*d, m.child("drawdown"));
    if (s && *s != "as_needed")
      r.error(d->where, "finance.drawdown: unknown mode '" + *s + "' (supported: as_needed)");
    if (s) out.drawdown = *s;
  }
  m.read("investor_discount_rate", out.investor_discount_rate, kFractionRate);
  m.read("provider_share", out.provider_share, kUnit);
  if (const YNode* c = m.get("return_cap_annual"))
    if (auto v = r.bounded(*c, m.child("return_cap_annual"), kCapRate)) out.return_cap_annual = *v;
  if (const YNode* h = m.get("hurdle_rate"))
    if (auto v = r.bounded(*h, m.child("hurdle_rate"), kFractionRate)) out.hurdle_rate = *v;
  if (const YNode* c = m.get("commitment"))
    if (auto v = r.bounded(*c, m.child("commitment"), Bounds{0.0, kNonNegative.hi, true}))
      out.commitment = *v;
  read_guarantee(r, m.get("guarantee"), "finance.guarantee", out.guarantee);
  const YNode* first_loss = m.get("first_loss");
  if (first_loss && !first_loss->is_null()) {
    MapView fl(r, first_loss, "finance.first_loss");
    if (fl.require("max_investor_loss"))
      fl.read("max_investor_loss", out.first_loss_max_investor_loss, kUnit);
    if (fl.require("cap_share_of_costs"))
      fl.read("cap_share_of_costs", out.first_loss_cap_share_of_costs, kUnit);
    if (const YNode* g = fl.get("payer"))
      if (auto text = r.string(*g, fl.child("payer")))
        if (auto b = read_payer(r, *g, fl.child("payer"), *text)) out.first_loss_payer = *b;
  }
  const YNode* tr = m.get("tranches");
  if (!tr || tr->is_null()) return;
  if (!tr->is_seq() || tr->seq.empty()) {
    r.error(tr->where, "finance.tranches: expected a non-empty list, got " + describe(*tr));
    return;
  }
  check_unique_names(r, *tr, "finance.tranches");
  if (first_loss && !first_loss->is_null())
    r.error(first_loss->key_where, "finance.first_loss: covers a single investor; not with finance.tranches");
  // With tranches every tranche carries its own guarantee; a deal-level one would be silently
  // unused, so it is refused rather than ignored.
  if (const YNode* g = m.get("guarantee"); g && out.guarantee.share_of_loss > 0.0)
    r.error(g->where,
            "finance.guarantee does not apply when finance.tranches are given: set share_of_loss: 0 here and "
            "give each tranche its own guarantee");
  double sum = 0.0;
  bool all_read = true;
  for (size_t i = 0; i < tr->seq.size(); ++i) {
    MapView t(r, &tr->seq[i], "finance.tranches." + item_key(tr->seq[i], i));
    Tranche tranche;
    if (t.require("name")) t.read_name("name", tranche.name);
    const size_t errors_before = r.errors.size();
    if (t.require("share")) t.read("share", tranche.share, kUnit);
    all_read = all_read && t.present() && r.errors.size() == errors_before;
    if (const YNode* c = t.get("return_cap_annual"))
      if (auto v = r.bounded(*c, t.child("return_cap_annual"), kCapRate)) tranche.return_cap_annual = *v;
    read_guarantee(r, t.get("guarantee"), t.child("guarantee"), tranche.guarantee);
    t.read("repayable", tranche.repayable);
    if (!tranche.repayable && tranche.guarantee.share_of_loss > 0.0)
      r.error(tr->seq[i].where, t.path() + ": a non-repayable tranche (a grant) has nothing to guarantee");
    sum += tranche.share;
    out.tranches.push_back(tranche);
  }
  if (all_read) check_sum_to_one(r, sum, tr->key_where, "finance.tranches: tranche shares");
}

}  // namespace sisim::config::detail
