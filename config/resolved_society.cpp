// The resolved document: society's account and the funding alternatives.
#include "config/detail/emitter.hpp"

namespace sisim::config::detail {

void emit_society_and_alternatives(Out& o, const Config& c) {
  o.key("society").em << YAML::BeginMap;
  o.kv("distortion_rate", c.society.distortion_rate);
  o.kv("employer_cost_share", c.society.employer_cost_share);
  o.em << YAML::EndMap;
  const CoFunding& co = c.alternatives.co_funding;
  if (!co.enabled) return;  // alternative (d) is optional: absent = not computed
  o.key("alternatives").em << YAML::BeginMap;
  o.key("co_funding").em << YAML::BeginMap;
  o.kv("funder", std::string(to_string(co.funder)));
  o.kv("share_of_costs", co.share_of_costs);
  o.kv("repayment_share_of_savings", co.repayment_share_of_savings);
  o.kv("repayment_start_month", co.repayment_start_month);
  o.kv("repayment_months", co.repayment_months);
  o.em << YAML::EndMap << YAML::EndMap;
}

}  // namespace sisim::config::detail
