// Schema: society's account (distortion rate, employer costs) and the funding alternatives.
#include "config/detail/schema.hpp"

namespace sisim::config::detail {

void read_society(Reader& r, const YNode* n, Society& out) {
  MapView m(r, n, "society");
  m.read("distortion_rate", out.distortion_rate, kNonNegative);
  m.read("employer_cost_share", out.employer_cost_share, kNonNegative);
}

void read_alternatives(Reader& r, const YNode* n, Alternatives& out) {
  MapView m(r, n, "alternatives");
  const YNode* cf = m.get("co_funding");
  if (!cf || cf->is_null()) return;
  MapView c(r, cf, "alternatives.co_funding");
  CoFunding& co = out.co_funding;
  co.enabled = true;
  if (const YNode* f = c.get("funder")) {
    const std::optional<std::string> text = r.string(*f, c.child("funder"));
    const std::optional<Budget> b = text ? budget_from_string(*text) : std::nullopt;
    if (b && (*b == Budget::foundation || *b == Budget::state || *b == Budget::region)) {
      co.funder = *b;
    } else if (text) {
      std::string msg =
          c.child("funder") + ": unknown funder '" + *text + "' (funders: foundation, state, region)";
      if (auto s = nearest_key(*text, {"foundation", "state", "region"}))
        msg = c.child("funder") + ": unknown funder '" + *text + "' (did you mean '" + *s + "'?)";
      r.error(f->where, msg);
    }
  }
  if (c.require("share_of_costs")) c.read("share_of_costs", co.share_of_costs, kUnit);
  c.read("repayment_share_of_savings", co.repayment_share_of_savings, kUnit);
  c.read("repayment_start_month", co.repayment_start_month, 0, 12000);
  c.read("repayment_months", co.repayment_months, 0, 12000);
  if (co.repayment_share_of_savings > 0.0 && co.repayment_months == 0)
    r.error(cf->key_where,
            "alternatives.co_funding: repayment_share_of_savings needs repayment_months > 0 (the period over "
            "which the municipality repays the grant)");
}

}  // namespace sisim::config::detail
