// Schema: public (discounting, refusion ladder, tax, result grant, other flows).
#include "config/detail/schema.hpp"

namespace sisim::config_detail {
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

void read_public(Reader& r, const YNode* n, Public& out) {
  MapView m(r, n, "public");
  m.read("discount_rate", out.discount_rate, kRate);
  MapView ref(r, m.get("refusion"), "public.refusion");
  if (const YNode* ladder = ref.get("ladder")) read_ladder(r, *ladder, out.refusion.ladder);
  ref.read("reset_after_months_off", out.refusion.reset_after_months_off, 0, 12000);
  MapView tax(r, m.get("tax"), "public.tax");
  tax.read("labour_market_contribution", out.tax.labour_market_contribution, kUnit);
  tax.read("municipal_rate", out.tax.municipal_rate, kUnit);
  tax.read("state_bottom_rate", out.tax.state_bottom_rate, kUnit);
  tax.read("personal_allowance_annual", out.tax.personal_allowance_annual, kMoney);
  tax.read("municipal_retention", out.tax.municipal_retention, kUnit);
  MapView grant(r, m.get("result_grant"), "public.result_grant");
  grant.read("amount", out.result_grant.amount, kMoney);
  grant.read("after_months_in_job", out.result_grant.after_months_in_job, 1, 12000);
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

}  // namespace sisim::config_detail
