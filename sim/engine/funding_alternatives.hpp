#pragma once
// The municipality's result on one path under four ways of running the same programme
// (docs/MODEL.md 15), all on the same simulated people:
//  (a) do nothing:        0 by construction (the counterfactual is "no programme");
//  (b) own funding:       it pays the programme costs and keeps all its savings;
//  (c) outcome contract:  today's deal (its budget account: savings minus outcome payments);
//  (d) co-funding:        a fund pays part of the costs as a grant, or as a conditional grant the
//                         municipality repays out of its own savings for a stated period.
#include <vector>

#include "config/config.hpp"
#include "sim/model/flows.hpp"

namespace sisim::engine {

struct CoFundingTerms {
  bool enabled = false;
  double share_of_costs = 0.0;
  double repayment_share_of_savings = 0.0;
  int repayment_start_month = 0;
  int repayment_months = 0;
};

struct FundingAlternatives {
  std::vector<double> municipal_savings;  // monthly, before outcome payments and guarantees
  std::vector<double> public_savings;     // the same for the four public budgets together
  std::vector<double> own_funding;        // (b) monthly: savings - programme costs
  std::vector<double> co_funding;         // (d) monthly: savings - unfunded costs - repayments
  std::vector<double> fund;               // (d) the fund: -grant + repayments
};

// Savings by month of budget b (kPublicTotal: the four public budgets) excluding the contract's
// lines (outcome payments, guarantee).
void gross_savings(const model::FlowTable& net, int account_budget, std::vector<double>& out);

void compute_funding_alternatives(const CoFundingTerms& co, const model::FlowTable& net,
                                  const std::vector<double>& programme_costs, FundingAlternatives& out);

}  // namespace sisim::engine
