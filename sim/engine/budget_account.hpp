#pragma once
// The budget-economic account of one path: for every public budget (and the foundation), by line
// item and month, what the programme saves it (counterfactual cost minus treated cost) less what
// it pays out (outcome payments, guarantee). Positive = the budget is better off.
#include <array>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "sim/model/flows.hpp"

namespace sisim::engine {

inline constexpr int kAccountBudgets = config::kBudgetCount + 1;  // the five budgets, then public_total
inline constexpr int kPublicTotal = config::kBudgetCount;
const char* account_budget_name(int b);  // "municipality" ... "foundation", "public_total"

// Monthly amounts paid by each budget (indexed by Budget).
using PaymentsByBudget = std::array<std::vector<double>, config::kBudgetCount>;

// net(b, item, m) = counterfactual(b, item, m) - treated(b, item, m), then outcome and guarantee
// payments booked as negative savings on their line items. `net` is resized to fit.
void compute_budget_account(const model::FlowTable& treated, const model::FlowTable& counterfactual,
                            const PaymentsByBudget& outcome_payments,
                            const PaymentsByBudget& guarantee_payments, model::FlowTable& net);

// The Budget indices an account budget sums, inclusive: itself, or for kPublicTotal the four
// public budgets (transfers between them cancel there by construction).
std::pair<int, int> account_budget_range(int account_budget);

// Monthly net of account budget b (0..4 a budget, kPublicTotal the public sum) over all items.
void monthly_net(const model::FlowTable& net, int account_budget, std::vector<double>& out);

// The same for every account budget at once, each budget's items summed once (a path needs all
// six; public_total re-summed the four public budgets' items): `totals` = budget_totals(net), the
// monthly total over the items of each of the five budgets, then account_nets(totals) = for each
// account budget monthly_net(net, b), bit for bit (the same additions in the same order).
void budget_totals(const model::FlowTable& net,
                   std::array<std::vector<double>, config::kBudgetCount>& totals);
void account_nets(const std::array<std::vector<double>, config::kBudgetCount>& totals,
                  std::array<std::vector<double>, kAccountBudgets>& out);

}  // namespace sisim::engine
