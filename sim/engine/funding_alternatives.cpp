#include "sim/engine/funding_alternatives.hpp"

#include <algorithm>

#include "sim/engine/budget_account.hpp"

namespace sisim::engine {

using config::Budget;

using model::FlowTable;
using model::LineItem;

void gross_savings(const FlowTable& net, int account_budget, std::vector<double>& out) {
  const int months = net.months();
  out.assign(static_cast<size_t>(months), 0.0);
  const auto [first, last] = account_budget_range(account_budget);
  for (int b = first; b <= last; ++b)
    for (int i = 0; i < net.items(); ++i) {
      if (i == static_cast<int>(LineItem::outcome_payments) || i == static_cast<int>(LineItem::guarantee))
        continue;
      if (!net.written(static_cast<Budget>(b), i)) continue;  // +0.0 throughout: adds nothing
      const double* row = net.row(static_cast<Budget>(b), i);
      for (int m = 0; m < months; ++m) out[static_cast<size_t>(m)] += row[m];
    }
}

void compute_funding_alternatives(const CoFundingTerms& co, const FlowTable& net,
                                  const std::vector<double>& programme_costs, FundingAlternatives& out) {
  gross_savings(net, static_cast<int>(Budget::municipality), out.municipal_savings);
  gross_savings(net, kPublicTotal, out.public_savings);
  const size_t months = out.municipal_savings.size();
  out.own_funding.assign(months, 0.0);
  out.co_funding.assign(months, 0.0);
  out.fund.assign(months, 0.0);
  double owed = 0.0;  // conditional grant not yet repaid
  const int repay_end = co.repayment_start_month + co.repayment_months;
  for (size_t m = 0; m < months; ++m) {
    const double cost = m < programme_costs.size() ? programme_costs[m] : 0.0;
    const double savings = out.municipal_savings[m];
    out.own_funding[m] = savings - cost;
    if (!co.enabled) continue;
    const double grant = co.share_of_costs * cost;
    owed += grant;
    double repaid = 0.0;
    const int month = static_cast<int>(m);
    if (co.repayment_share_of_savings > 0.0 && month >= co.repayment_start_month && month < repay_end)
      repaid = std::min(owed, co.repayment_share_of_savings * std::max(0.0, savings));
    owed -= repaid;
    out.co_funding[m] = savings - cost + grant - repaid;
    out.fund[m] = repaid - grant;
  }
}

}  // namespace sisim::engine
