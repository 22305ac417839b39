#include "sim/engine/society_account.hpp"

#include "sim/engine/budget_account.hpp"

namespace sisim::engine {

using config::Budget;
using config::kBudgetCount;

using model::ArmResult;
using model::FlowTable;
using model::kFixedLineItems;
using model::LineItem;

using contract::ContractOutcome;

const char* to_string(SocietyItem item) {
  switch (item) {
    case SocietyItem::production_value:
      return "production_value";
    case SocietyItem::programme_costs:
      return "programme_costs";
    case SocietyItem::public_services:
      return "public_services";
    case SocietyItem::distortion:
      return "distortion";
  }
  return "?";
}

const char* to_string(SocietyParty party) {
  switch (party) {
    case SocietyParty::participants:
      return "participants";
    case SocietyParty::investor:
      return "investor";
    case SocietyParty::provider:
      return "provider";
    case SocietyParty::foundation:
      return "foundation";
    case SocietyParty::grants:
      return "grants";
    case SocietyParty::employer_costs:
      return "employer_costs";
    case SocietyParty::distortion:
      return "distortion";
  }
  return "?";
}

namespace {

double at_or_zero(const std::vector<double>& v, int m) {
  return m < static_cast<int>(v.size()) ? v[static_cast<size_t>(m)] : 0.0;
}

// Adds each month of line (b, item) of `net` into out, skipping a line the path never wrote (it
// is +0.0 throughout). Summing line after line gives each month the same additions in the same
// order as summing the lines month by month, so the result is bit for bit that sum.
void add_line(const FlowTable& net, int b, int item, std::vector<double>& out) {
  if (!net.written(static_cast<Budget>(b), item)) return;
  const double* row = net.row(static_cast<Budget>(b), item);
  for (size_t m = 0; m < out.size(); ++m) out[m] += row[m];
}

// Net (counterfactual minus treated cost) of one line item over every budget, month by month.
void item_net(const FlowTable& net, LineItem item, std::vector<double>& out) {
  out.assign(static_cast<size_t>(net.months()), 0.0);
  for (int b = 0; b < kBudgetCount; ++b) add_line(net, b, static_cast<int>(item), out);
}

}  // namespace

void compute_society_account(const SocietyTerms& terms, const ArmResult& treated,
                             const ArmResult& counterfactual, const FlowTable& net,
                             const std::vector<double>& public_net,
                             const std::vector<double>& programme_costs, const ContractOutcome& contract,
                             SocietyAccount& out) {
  const int months = net.months();
  for (auto& v : out.items) v.assign(static_cast<size_t>(months), 0.0);
  for (auto& v : out.parties) v.assign(static_cast<size_t>(months), 0.0);
  out.total.assign(static_cast<size_t>(months), 0.0);
  auto item = [&](SocietyItem i) -> std::vector<double>& { return out.items[static_cast<size_t>(i)]; };
  auto party = [&](SocietyParty p) -> std::vector<double>& { return out.parties[static_cast<size_t>(p)]; };
  const auto public_budgets = static_cast<int>(Budget::other_municipalities);
  // The line sums first, line by line (issue 16: most lines of a path are never written).
  std::vector<double>& services = item(SocietyItem::public_services);  // public.other_flows: real services
  for (int b = 0; b <= public_budgets; ++b)
    for (int i = kFixedLineItems; i < net.items(); ++i) add_line(net, b, i, services);
  std::vector<double>& foundation = party(SocietyParty::foundation);
  for (int i = 0; i < net.items(); ++i) add_line(net, static_cast<int>(Budget::foundation), i, foundation);
  thread_local std::vector<double> benefit, municipal_tax, state_tax;
  item_net(net, LineItem::benefit, benefit);
  item_net(net, LineItem::municipal_tax, municipal_tax);
  item_net(net, LineItem::state_tax, state_tax);
  for (int m = 0; m < months; ++m) {
    const auto k = static_cast<size_t>(m);
    const double extra_wages = at_or_zero(treated.earnings, m) - at_or_zero(counterfactual.earnings, m);
    const double distortion = terms.distortion_rate * at_or_zero(public_net, m);
    const double costs = at_or_zero(programme_costs, m);
    item(SocietyItem::production_value)[k] = (1.0 + terms.employer_cost_share) * extra_wages;
    item(SocietyItem::programme_costs)[k] = -costs;
    item(SocietyItem::distortion)[k] = distortion;
    out.total[k] = (1.0 + terms.employer_cost_share) * extra_wages - costs + services[k] + distortion;

    // The division, from cash flows: the participants lose the benefit the budgets save and pay
    // the taxes they gain, so their gain is wages minus those two net lines.
    party(SocietyParty::participants)[k] = extra_wages - benefit[k] - municipal_tax[k] - state_tax[k];
    party(SocietyParty::investor)[k] = at_or_zero(contract.investor_flows, m);
    party(SocietyParty::provider)[k] = at_or_zero(contract.provider_receipts, m);
    party(SocietyParty::grants)[k] = -at_or_zero(contract.grants, m);
    party(SocietyParty::employer_costs)[k] = terms.employer_cost_share * extra_wages;
    party(SocietyParty::distortion)[k] = distortion;
  }
}

}  // namespace sisim::engine
