// The `pricing:` section -> PricingSpec.
#include "config/pricing.hpp"
#include "config/stress_detail.hpp"

namespace sisim::config {
namespace {

namespace cd = detail;

// `{irr_p50: x}` etc.: exactly one key, from the kinds allowed for this side.
void read_target(cd::Reader& r, const cd::YNode& n, const std::string& path,
                 const std::vector<PricingTarget::Kind>& allowed, PricingTarget& out) {
  cd::MapView m(r, &n, path);
  if (!m.present()) return;
  int given = 0;
  for (auto kind : allowed) {
    const cd::YNode* v = m.get(to_string(kind));
    if (!v) continue;
    ++given;
    out.kind = kind;
    out.where = v->where;
    const cd::Bounds b = kind == PricingTarget::Kind::p_loss_max ? cd::kUnit
                         : kind == PricingTarget::Kind::irr_p50  ? cd::kRate
                                                                 : cd::kAnyReal;
    if (auto x = r.bounded(*v, m.child(to_string(kind)), b)) out.value = *x;
  }
  if (given != 1) {
    std::string names;
    for (auto kind : allowed) names += std::string(names.empty() ? "" : ", ") + to_string(kind);
    r.error(n.where, path + ": expected exactly one target of " + names);
  }
}

void read_range(cd::Reader& r, const cd::YNode& n, PricingSpec& spec) {
  if (!n.is_seq() || n.seq.size() != 2) {
    r.error(n.where, "pricing.multiplier_range: expected [low, high], got " + describe(n));
    return;
  }
  auto lo = r.bounded(n.seq[0], "pricing.multiplier_range", cd::kNonNegative);
  auto hi = r.bounded(n.seq[1], "pricing.multiplier_range", cd::kNonNegative);
  if (lo && hi && !(*lo < *hi)) r.error(n.where, "pricing.multiplier_range: low must be < high");
  if (lo && hi) {
    spec.k_low = *lo;
    spec.k_high = *hi;
  }
}

}  // namespace

const char* to_string(PricingTarget::Kind kind) {
  switch (kind) {
    case PricingTarget::Kind::irr_p50:
      return "irr_p50";
    case PricingTarget::Kind::p_loss_max:
      return "p_loss_max";
    case PricingTarget::Kind::npv_mean_min:
      return "npv_mean_min";
  }
  return "?";
}

PricingReadResult read_scenario_pricing(const std::string& scenario,
                                        const std::vector<std::string>& overrides) {
  PricingReadResult out;
  std::optional<cd::YNode> doc = cd::composed_scenario(scenario, overrides, out.errors);
  if (!doc || !out.errors.empty() || !doc->is_map()) return out;
  const cd::YNode* section = doc->find("pricing");
  if (!section || section->is_null()) return out;
  cd::Reader r;
  {
    using K = PricingTarget::Kind;
    cd::MapView m(r, section, "pricing");
    if (const cd::YNode* n = m.get("investor"))
      read_target(r, *n, "pricing.investor", {K::irr_p50, K::p_loss_max, K::npv_mean_min}, out.spec.investor);
    if (const cd::YNode* n = m.get("payer"))
      read_target(r, *n, "pricing.payer", {K::npv_mean_min, K::p_loss_max}, out.spec.payer);
    if (const cd::YNode* n = m.get("multiplier_range")) read_range(r, *n, out.spec);
    if (const cd::YNode* n = m.get("scan_points"))
      if (auto v = r.integer(*n, "pricing.scan_points", 2, 1000)) out.spec.scan_points = static_cast<int>(*v);
    if (const cd::YNode* n = m.get("tolerance")) {
      if (auto v = r.bounded(*n, "pricing.tolerance", cd::kNonNegative)) out.spec.tolerance = *v;
      if (!(out.spec.tolerance > 0)) r.error(n->where, "pricing.tolerance: must be > 0");
    }
  }
  out.errors = std::move(r.errors);
  return out;
}

}  // namespace sisim::config
