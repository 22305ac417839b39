// Schema: simulation, cohort (segments), intervention, labour_market.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <set>

#include "config/detail/schema.hpp"

namespace sisim::config::detail {

std::string item_key(const YNode& item, size_t index) {
  const YNode* name = item.is_map() ? item.find("name") : nullptr;
  if (name && name->is_scalar() && !name->text.empty()) return name->text;
  return std::to_string(index);
}

void check_unique_names(Reader& r, const YNode& list, const std::string& path) {
  std::set<std::string> seen;
  for (const auto& item : list.seq) {
    const YNode* name = item.is_map() ? item.find("name") : nullptr;
    if (!name || !name->is_scalar()) continue;
    if (!seen.insert(name->text).second) r.error(name->where, path + ": duplicate name '" + name->text + "'");
  }
}

void check_sum_to_one(Reader& r, double sum, const SourceLocation& where, const std::string& what) {
  if (std::abs(sum - 1.0) > 1e-9) r.error(where, what + " must sum to 1, got " + num(sum));
}

void read_simulation(Reader& r, const YNode* n, Simulation& out) {
  MapView m(r, n, "simulation");
  m.read("horizon_months", out.horizon_months, 1, 12000);
  if (const YNode* s = m.get("seed")) {
    // Seeds are 64-bit unsigned, the full range --seed accepts: read as such, not through int64 or
    // double (2^63 and above are valid seeds).
    std::uint64_t seed = 0;
    const char* first = s->text.data();
    const char* last = first + s->text.size();
    if (s->is_scalar() && !s->quoted && !s->text.empty() && s->text.front() != '-' &&
        std::from_chars(first, last, seed).ptr == last &&
        std::from_chars(first, last, seed).ec == std::errc())
      out.seed = seed;
    else if (auto v = r.integer(*s, m.child("seed"), 0, INT64_MAX))
      out.seed = static_cast<std::uint64_t>(*v);
  }
  if (const YNode* p = m.get("paths"))
    if (auto v = r.integer(*p, m.child("paths"), 1, INT64_MAX)) out.paths = *v;
  m.read("block_size", out.block_size, 1, 1 << 20);
}

namespace {

void read_segment_flows(Reader& r, MapView& seg, Segment& out, std::vector<NameRef>& flow_refs) {
  const YNode* n = seg.get("other_flows");
  MapView flows(r, n, seg.child("other_flows"));
  if (!flows.present()) return;
  for (const auto& e : n->map) {
    MapView f(r, flows.get(e.key), flows.child(e.key));
    OtherFlowAmounts amounts;
    if (f.require("on_benefit")) f.read("on_benefit", amounts.on_benefit, kMoneySigned);
    if (f.require("employed")) f.read("employed", amounts.employed, kMoneySigned);
    out.other_flows[e.key] = amounts;
    flow_refs.push_back(NameRef{flows.child(e.key), e.key, e.value.key_where});
  }
}

// The rates whose earnings rule public.rules gives (earnings.disregard_lower/higher_monthly).
bool is_earnings_rate(const std::string& rate) {
  return rate == "mindstesats" || rate == "grundsats" || rate == "forhoejet";
}

// A supplement's share: true (every person), false (none) or the share of the segment's people.
void read_supplement_share(Reader& r, MapView& m, const char* key, double& share, SourceLocation& where) {
  const YNode* n = m.get(key);
  if (!n) return;
  where = n->where;
  if (n->is_scalar() && !n->quoted && (n->text == "true" || n->text == "false")) {
    share = n->text == "true" ? 1.0 : 0.0;
    return;
  }
  if (auto v = r.bounded(*n, m.child(key), kUnit)) share = *v;
}

// Deprecated aliases: the pre-combined rule keys (benefit_rate) of scenarios and result files written
// before a segment stated its benefit type; their amounts were exactly these sums.
std::optional<SegmentBenefit> read_benefit_rate_alias(Reader& r, const YNode& n, const std::string& path) {
  struct Alias {
    const char* name;
    const char* rate;
    double children, single_parent, single;
  };
  static const Alias aliases[] = {{"mindstesats", "mindstesats", 0, 0, 0},
                                  {"mindstesats_couple_children", "mindstesats", 1, 0, 0},
                                  {"mindstesats_single_parent", "mindstesats", 1, 1, 0},
                                  {"grundsats", "grundsats", 0, 0, 0},
                                  {"forhoejet", "forhoejet", 0, 0, 0},
                                  {"forhoejet_children", "forhoejet", 1, 0, 0},
                                  {"forhoejet_single", "forhoejet", 0, 0, 1}};
  const std::optional<std::string> name = r.string(n, path);
  if (!name) return std::nullopt;
  std::vector<std::string> names;
  for (const Alias& a : aliases) {
    names.push_back(a.name);
    if (*name != a.name) continue;
    SegmentBenefit b;
    b.rate = a.rate;
    b.children = a.children, b.single_parent = a.single_parent, b.single = a.single;
    b.rate_where = b.children_where = b.single_parent_where = b.single_where = n.where;
    return b;
  }
  std::string msg = path + ": unknown benefit '" + *name +
                    "' (an older alias; state the type with benefit: {rate, " +
                    "children, single_parent, single})";
  if (auto near = nearest_key(*name, names)) msg += " (did you mean '" + *near + "'?)";
  r.error(n.where, msg);
  return std::nullopt;
}

// benefit: {rate, children, single_parent, single} (docs/CONFIG.md, "benefit"). Which rates and
// supplements exist, and which supplement applies to which rate, is the rule sets' business
// (check_rules); here the shares must describe one population.
SegmentBenefit read_segment_benefit(Reader& r, const YNode& n, const std::string& path) {
  MapView m(r, &n, path);
  SegmentBenefit b;
  if (const YNode* rate = m.require("rate")) {
    m.read("rate", b.rate);
    b.rate_where = rate->where;
  }
  read_supplement_share(r, m, "children", b.children, b.children_where);
  read_supplement_share(r, m, "single_parent", b.single_parent, b.single_parent_where);
  read_supplement_share(r, m, "single", b.single, b.single_where);
  // Single parents have children; singles (enlig ikke-forsoerger) have none.
  if (b.single_parent > b.children)
    r.error(b.single_parent_where, m.child("single_parent") + ": " + num(b.single_parent) +
                                       " is more than the share with children (" + num(b.children) +
                                       "): single parents are among those with children");
  if (b.single > 1.0 - b.children + 1e-12)
    r.error(b.single_where, m.child("single") + ": " + num(b.single) +
                                " is more than the share without children (" + num(1.0 - b.children) +
                                "): the single supplement is for people without children");
  return b;
}

// `share_read` is false when the share is missing or unreadable: the sum check would then only
// repeat that error with a misleading total.
Segment read_segment(Reader& r, const YNode& item, const std::string& path, std::vector<NameRef>& flow_refs,
                     bool& share_read) {
  MapView m(r, &item, path);
  Segment s;
  if (m.require("name")) m.read_name("name", s.name);
  const size_t errors_before = r.errors.size();
  if (m.require("share")) m.read("share", s.share, kUnit);
  share_read = m.present() && r.errors.size() == errors_before;
  const char* required[] = {"wage_monthly", "hours_fraction", "job_finding_hazard", "separation_hazard",
                            "exit_hazard"};
  for (const char* key : required) m.require(key);
  // The benefit: an amount, or who the people are (benefit: {rate, supplements}, public.rules).
  const YNode* alias = m.get("benefit_rate");
  if (alias && (m.get("benefit") || m.get("benefit_monthly")))
    r.error(alias->key_where,
            path + ": give one of benefit, benefit_monthly or the older benefit_rate, not two");
  else if (alias)
    s.benefit = read_benefit_rate_alias(r, *alias, m.child("benefit_rate"));
  if (alias && !m.get("benefit")) {
    // the older key stated it (or its error is reported)
  } else if (const YNode* b = m.get("benefit")) {
    s.benefit = read_segment_benefit(r, *b, m.child("benefit"));
    if (m.get("benefit_monthly")) r.error(b->key_where, path + ": give benefit_monthly or benefit, not both");
  } else {
    m.require("benefit_monthly");
  }
  m.read("benefit_monthly", s.benefit_monthly, kMoney);
  m.read("prior_benefit_weeks", s.prior_benefit_weeks, kNonNegative);
  m.read("wage_monthly", s.wage_monthly, kMoney);
  m.read("hours_fraction", s.hours_fraction, kUnit);
  m.read("job_finding_hazard", s.job_finding_hazard, kUnit);
  m.read("separation_hazard", s.separation_hazard, kUnit);
  m.read("exit_hazard", s.exit_hazard, kUnit);
  m.read("result_grant_eligible", s.result_grant_eligible);
  m.read("integration_months_at_enrolment", s.integration_months_at_enrolment, 0, 12000);
  if (const YNode* age = m.get("age_at_start")) {
    MapView a(r, age, m.child("age_at_start"));
    if (a.require("min")) a.read("min", s.age_min, 0, 120);
    if (a.require("max")) a.read("max", s.age_max, 0, 120);
    if (s.age_min > s.age_max) r.error(age->where, a.path() + ": min must be <= max");
  }
  if (const YNode* pt = m.get("part_time")) {
    // Partial employment (docs/MODEL.md 8a): jobs that leave the person on a benefit top-up.
    MapView p(r, pt, m.child("part_time"));
    s.part_time = p.present();
    s.part_time_where = pt->key_where;
    if (p.require("share")) p.read("share", s.part_time_share, kUnit);
    if (p.require("hours_per_week"))
      p.read("hours_per_week", s.part_time_hours_per_week, Bounds{0.0, 168.0, true});
    if (const YNode* rt = p.get("rate_type")) {
      p.read("rate_type", s.part_time_rate_type);
      // With `benefit` it follows from benefit.rate; a stated one must agree (files written before
      // `benefit` state both).
      if (s.benefit) {
        if (s.part_time_rate_type != s.benefit->rate)
          r.error(rt->where, p.child("rate_type") + ": follows from benefit.rate (" + s.benefit->rate +
                                 "), got '" + s.part_time_rate_type + "'; leave it out");
      } else if (!is_earnings_rate(s.part_time_rate_type)) {
        std::string msg = p.child("rate_type") + ": expected mindstesats, grundsats or forhoejet, got '" +
                          s.part_time_rate_type + "'";
        if (auto near = nearest_key(s.part_time_rate_type, {"mindstesats", "grundsats", "forhoejet"}))
          msg += " (did you mean '" + *near + "'?)";
        r.error(rt->where, msg);
      }
    } else if (s.benefit && is_earnings_rate(s.benefit->rate)) {
      // The earnings rule of the segment's own rate (docs/MODEL.md 8a).
      s.part_time_rate_type = s.benefit->rate;
    }
  }
  read_segment_flows(r, m, s, flow_refs);
  return s;
}

}  // namespace

void read_cohort(Reader& r, const YNode* n, Cohort& out, std::vector<NameRef>& flow_refs) {
  MapView m(r, n, "cohort");
  if (!m.present()) return;  // a missing section is reported by read_config
  if (m.require("size")) m.read("size", out.size, 1, 100000000);
  m.read("fill_rate", out.fill_rate, kUnit);
  m.read("enrolment_months", out.enrolment_months, 1, 12000);
  const YNode* segs = m.require("segments");
  if (!segs) return;
  if (!segs->is_seq() || segs->seq.empty()) {
    r.error(segs->where, "cohort.segments: expected a non-empty list of segments, got " + describe(*segs));
    return;
  }
  check_unique_names(r, *segs, "cohort.segments");
  double sum = 0.0;
  bool all_read = true;
  for (size_t i = 0; i < segs->seq.size(); ++i) {
    bool share_read = false;
    out.segments.push_back(
        read_segment(r, segs->seq[i], "cohort.segments." + item_key(segs->seq[i], i), flow_refs, share_read));
    sum += out.segments.back().share;
    all_read = all_read && share_read;
  }
  if (all_read) check_sum_to_one(r, sum, segs->key_where, "cohort.segments: segment shares");
}

void read_intervention(Reader& r, const YNode* n, Intervention& out) {
  MapView m(r, n, "intervention");
  if (!m.present()) return;
  if (m.require("duration_months")) m.read("duration_months", out.duration_months, 1, 12000);
  m.read("dropout_hazard", out.dropout_hazard, kUnit);
  if (const YNode* e = m.require("effect")) {
    MapView em(r, e, "intervention.effect");
    const YNode* hr = em.get("hazard_ratio");
    const YNode* gap = em.get("employment_gap");
    const YNode* at = em.get("at_month");
    if (em.present() && static_cast<bool>(hr) == static_cast<bool>(gap))
      r.error(e->where, "intervention.effect: give exactly one of hazard_ratio or employment_gap");
    if (hr) {
      out.effect.kind = Effect::Kind::hazard_ratio;
      em.read("hazard_ratio", out.effect.hazard_ratio, kNonNegative);
      if (at && !gap) r.error(at->key_where, "intervention.effect.at_month: only applies to employment_gap");
    } else if (gap) {
      out.effect.kind = Effect::Kind::employment_gap;
      em.read("employment_gap", out.effect.gap, kGap);
      if (!at) r.error(gap->key_where, "intervention.effect: employment_gap needs at_month");
    }
    if (at) em.read("at_month", out.effect.at_month, 1, 12000);
    if (const YNode* ms = em.get("measure")) {
      std::string text;
      em.read("measure", text);
      if (!gap) {
        r.error(ms->key_where, "intervention.effect.measure: only applies to employment_gap");
      } else if (text == "self_sufficiency") {
        out.effect.measure = Effect::Measure::self_sufficiency;
      } else if (text != "any_employment") {
        std::string msg =
            "intervention.effect.measure: expected any_employment or self_sufficiency, got '" + text + "'";
        if (auto near = nearest_key(text, {"any_employment", "self_sufficiency"}))
          msg += " (did you mean '" + *near + "'?)";
        r.error(ms->where, msg);
      }
    }
  }
  m.read("retention_multiplier", out.retention_multiplier, kNonNegative);
  m.read("arm_coupling", out.arm_coupling, kUnit);
  if (const YNode* d = m.get("decay_half_life_months"))
    out.decay_half_life_months = r.param(*d, m.child("decay_half_life_months"), kNonNegative);
  MapView cost(r, m.get("cost"), "intervention.cost");
  cost.read("setup", out.cost.setup, kMoney);
  cost.read("fixed_monthly", out.cost.fixed_monthly, kMoney);
  cost.read("per_participant_monthly", out.cost.per_participant_monthly, kMoney);
}

void read_labour_market(Reader& r, const YNode* n, LabourMarket& out) {
  MapView m(r, n, "labour_market");
  MapView rec(r, m.get("recession"), "labour_market.recession");
  rec.read("start_probability_monthly", out.recession.start_probability_monthly, kUnit);
  rec.read("end_probability_monthly", out.recession.end_probability_monthly, kUnit);
  rec.read("job_finding_multiplier", out.recession.job_finding_multiplier, kNonNegative);
  rec.read("separation_multiplier", out.recession.separation_multiplier, kNonNegative);
  rec.read("start_month", out.recession.start_month, 0, 12000);
}

}  // namespace sisim::config::detail
