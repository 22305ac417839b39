#include "sim/engine/budget_account.hpp"

#include <bit>
#include <cstdint>

namespace sisim::engine {

using config::Budget;
using config::kBudgetCount;

using model::FlowTable;
using model::LineItem;

namespace {

// Every amount +0.0 (bit pattern 0): adding its negation, -0.0, to any value leaves that value
// unchanged to the bit (-0.0 + -0.0 too), so the line need not be written: a budget that pays no
// outcome payment or guarantee on the path keeps those lines unwritten (issue 16).
bool all_positive_zero(const std::vector<double>& amounts) {
  std::uint64_t bits = 0;
  for (double amount : amounts) bits |= std::bit_cast<std::uint64_t>(amount);
  return bits == 0;
}

}  // namespace

const char* account_budget_name(int b) {
  return b == kPublicTotal ? "public_total" : to_string(static_cast<Budget>(b));
}

void compute_budget_account(const FlowTable& treated, const FlowTable& counterfactual,
                            const PaymentsByBudget& outcome_payments,
                            const PaymentsByBudget& guarantee_payments, FlowTable& net) {
  const int months = treated.months();
  const int items = treated.items();
  if (net.months() != months || net.items() != items)
    net = FlowTable(months, items);
  else
    net.clear();  // zeroes only the lines the last path wrote
  for (int b = 0; b < kBudgetCount; ++b) {
    const auto budget = static_cast<Budget>(b);
    for (int i = 0; i < items; ++i) {  // line by line (contiguous months: vectorised)
      // A line neither arm wrote is +0.0 - +0.0 = +0.0 in every month: left cleared and unmarked,
      // so that every reader of `net` can skip it (issue 16: a path writes a dozen of the lines).
      if (!counterfactual.written(budget, i) && !treated.written(budget, i)) continue;
      double* out = net.line(budget, i);
      const double* cf = counterfactual.row(budget, i);
      const double* tr = treated.row(budget, i);
      for (int m = 0; m < months; ++m) out[m] = cf[m] - tr[m];
    }
    const auto& outcome = outcome_payments[static_cast<size_t>(b)];
    const auto& guarantee = guarantee_payments[static_cast<size_t>(b)];
    if (!all_positive_zero(outcome)) {
      double* paid = net.line(budget, static_cast<int>(LineItem::outcome_payments));
      for (int m = 0; m < months && m < static_cast<int>(outcome.size()); ++m)
        paid[m] += -outcome[static_cast<size_t>(m)];
    }
    if (!all_positive_zero(guarantee)) {
      double* covered = net.line(budget, static_cast<int>(LineItem::guarantee));
      for (int m = 0; m < months && m < static_cast<int>(guarantee.size()); ++m)
        covered[m] += -guarantee[static_cast<size_t>(m)];
    }
  }
}

std::pair<int, int> account_budget_range(int account_budget) {
  if (account_budget == kPublicTotal) return {0, static_cast<int>(Budget::other_municipalities)};
  return {account_budget, account_budget};
}

void budget_totals(const FlowTable& net, std::array<std::vector<double>, kBudgetCount>& out) {
  const int months = net.months();
  for (int b = 0; b < kBudgetCount; ++b) {
    auto& total = out[static_cast<size_t>(b)];
    total.assign(static_cast<size_t>(months), 0.0);
    for (int i = 0; i < net.items(); ++i) {
      if (!net.written(static_cast<Budget>(b), i)) continue;  // +0.0 throughout: adds nothing
      const double* row = net.row(static_cast<Budget>(b), i);
      for (int m = 0; m < months; ++m) total[static_cast<size_t>(m)] += row[m];
    }
  }
}

void account_nets(const std::array<std::vector<double>, kBudgetCount>& totals,
                  std::array<std::vector<double>, kAccountBudgets>& out) {
  for (int account = 0; account < kAccountBudgets; ++account) {
    auto& monthly = out[static_cast<size_t>(account)];
    const auto [first, last] = account_budget_range(account);
    const size_t months = totals[static_cast<size_t>(first)].size();
    // 0.0 + total is total to the bit: a budget total starts at +0.0 and a sum that starts at
    // +0.0 never becomes -0.0, so one budget's net is its total, copied.
    if (first == last) {
      monthly = totals[static_cast<size_t>(first)];
      continue;
    }
    monthly.assign(months, 0.0);
    for (int b = first; b <= last; ++b) {
      const auto& total = totals[static_cast<size_t>(b)];
      for (size_t m = 0; m < months; ++m) monthly[m] += total[m];
    }
  }
}

void monthly_net(const FlowTable& net, int account_budget, std::vector<double>& out) {
  const int months = net.months();
  out.assign(static_cast<size_t>(months), 0.0);
  // public_total: the four public budgets; transfers between them (equalisation, result grant)
  // cancel here by construction.
  const auto [first, last] = account_budget_range(account_budget);
  // Row by row (contiguous, vectorised) into one budget's total, then into out: per month the same
  // additions in the same order as summing each budget's items month by month.
  thread_local std::vector<double> budget_total;
  for (int b = first; b <= last; ++b) {
    budget_total.assign(static_cast<size_t>(months), 0.0);
    for (int i = 0; i < net.items(); ++i) {
      if (!net.written(static_cast<Budget>(b), i)) continue;  // +0.0 throughout: adds nothing
      const double* row = net.row(static_cast<Budget>(b), i);
      for (int m = 0; m < months; ++m) budget_total[static_cast<size_t>(m)] += row[m];
    }
    for (int m = 0; m < months; ++m) out[static_cast<size_t>(m)] += budget_total[static_cast<size_t>(m)];
  }
}

}  // namespace sisim::engine
