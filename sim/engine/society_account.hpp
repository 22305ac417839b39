#pragma once
// Society's account of one path (docs/MODEL.md 14): what the programme is worth to Denmark as a
// whole, not to one budget. Built from real resources: the production value of the extra hours
// worked, the programme's cost, public services saved (public.other_flows) and the distortion
// cost of net public spending. Transfers (benefits, taxes, refusion, equalisation, grants, outcome
// payments, guarantees) cancel in it. Beside it, the SØM-style division: who receives what, so
// that society's account = the four public budgets + the parties below, path by path.
#include <array>
#include <vector>

#include "sim/contract/outcome.hpp"
#include "sim/model/flows.hpp"
#include "sim/model/path_simulation.hpp"

namespace sisim::engine {

// Lines of society's account; positive = society gains.
enum class SocietyItem { production_value, programme_costs, public_services, distortion };
inline constexpr int kSocietyItems = 4;
const char* to_string(SocietyItem item);

// Who receives society's account besides the four public budgets; positive = the party gains.
//  participants:    gross wages + benefits - income taxes, treated minus counterfactual
//  investor:        outcome receipts + guarantee - programme costs funded
//  provider:        its share of the outcome payments
//  foundation:      minus the outcome payments and guarantees it pays
//  grants:          minus the costs funded by non-repayable tranches (donors' grants)
//  employer_costs:  the production value above the gross wage (employer_cost_share x wages)
//  distortion:      the distortion cost of net public spending (a gain when public finances improve)
enum class SocietyParty { participants, investor, provider, foundation, grants, employer_costs, distortion };
inline constexpr int kSocietyParties = 7;
const char* to_string(SocietyParty party);

struct SocietyTerms {
  double distortion_rate = 0.0;      // society.distortion_rate
  double employer_cost_share = 0.0;  // society.employer_cost_share
};

struct SocietyAccount {
  std::array<std::vector<double>, kSocietyItems> items;      // monthly, by line
  std::array<std::vector<double>, kSocietyParties> parties;  // monthly, by party
  std::vector<double> total;                                 // monthly sum of the lines
};

// `net` is compute_budget_account's output for this path; `public_net` its monthly public_total
// (monthly_net(net, kPublicTotal)); `programme_costs` the investor's drawdowns by month.
void compute_society_account(const SocietyTerms& terms, const model::ArmResult& treated,
                             const model::ArmResult& counterfactual, const model::FlowTable& net,
                             const std::vector<double>& public_net,
                             const std::vector<double>& programme_costs,
                             const contract::ContractOutcome& contract, SocietyAccount& out);

}  // namespace sisim::engine
