#include "sim/contract/waterfall.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace sisim::contract {

using config::kBudgetCount;

namespace {

void reset(std::vector<double>& v, size_t n) {
  v.assign(n, 0.0);
}

// Monthly receipts of every tranche, senior first; returns what is left for the payers.
double distribute(const FinanceTerms& finance, const std::vector<double>& growth, double available,
                  double drawdown, size_t m, std::vector<double>& capital, ContractOutcome& out) {
  for (size_t i = 0; i < finance.tranches.size(); ++i) {
    const TrancheTerms& terms = finance.tranches[i];
    TrancheOutcome& tranche = out.tranches[i];
    const double drawn = terms.share * drawdown;
    tranche.drawdowns[m] = drawn;
    if (!terms.repayable) {  // a grant: funds its share, receives nothing
      out.grants[m] += drawn;
      continue;
    }
    double receipt = available;
    if (terms.return_cap_annual) {
      capital[i] = capital[i] * growth[i] + drawn;
      receipt = std::min(available, capital[i]);
      capital[i] -= receipt;
    }
    tranche.receipts[m] = receipt;
    out.investor_receipts[m] += receipt;
    available -= receipt;
  }
  return available;
}

// What the tranches can take this month at most: the capital accounts (after growth and this
// month's drawdown) of the capped tranches down to the first uncapped one, which takes anything.
double tranche_capacity(const FinanceTerms& finance, const std::vector<double>& growth,
                        const std::vector<double>& capital, double drawdown) {
  double capacity = 0.0;
  for (size_t i = 0; i < finance.tranches.size(); ++i) {
    const TrancheTerms& terms = finance.tranches[i];
    if (!terms.return_cap_annual) return std::numeric_limits<double>::infinity();
    capacity += capital[i] * growth[i] + terms.share * drawdown;
  }
  return capacity;
}

// The part x of this month's gross amount the payers settle when `remaining` of cap_total is left:
// they pay provider_share * x + min((1 - provider_share) x, capacity) for it, which must not exceed
// `remaining`. The largest such x <= gross; what is left of gross lapses (the cap is then used up).
double within_cap(double gross, double remaining, double provider_share, double capacity) {
  if (gross <= 0.0) return gross;
  remaining = std::max(0.0, remaining);
  const auto pays = [&](double x) {
    return provider_share * x + std::min((1.0 - provider_share) * x, capacity);
  };
  if (pays(gross) <= remaining) return gross;
  if ((1.0 - provider_share) * remaining <= capacity) return remaining;  // pays(x) = x here
  // Above the capacity pays(x) = provider_share * x + capacity (provider_share > 0, else pays(gross)
  // <= capacity < remaining would have returned above).
  return std::min(gross, (remaining - capacity) / provider_share);
}

void pay_guarantees(const FinanceTerms& finance, int settle_month, ContractOutcome& out) {
  for (size_t i = 0; i < finance.tranches.size(); ++i) {
    TrancheOutcome& tranche = out.tranches[i];
    const double shortfall = std::max(0.0, tranche.total_drawn - tranche.total_received);
    const double amount =
        finance.tranches[i].repayable ? finance.tranches[i].guarantee_share * shortfall : 0.0;
    if (amount <= 0.0 || settle_month < 0) continue;
    const size_t m = static_cast<size_t>(settle_month);
    tranche.guarantee_paid = amount;
    tranche.guarantee_month = settle_month;
    tranche.flows[m] += amount;
    out.guarantee_payments[static_cast<size_t>(tranche.guarantor)][m] += amount;
    out.investor_flows[m] += amount;
    out.guarantee_paid += amount;
    out.guarantee_month = std::max(out.guarantee_month, settle_month);
  }
}

// First-loss cover (config.hpp Finance): tops the single investor up so that it loses at most
// max_investor_loss of what it drew, up to cap_share of it, after any guarantee.
void pay_first_loss(const FinanceTerms& finance, int settle_month, ContractOutcome& out) {
  if (finance.first_loss_max_investor_loss >= 1.0 || finance.first_loss_cap_share <= 0.0 ||
      settle_month < 0 || out.tranches.size() != 1)
    return;
  TrancheOutcome& investor = out.tranches.front();
  const double drawn = investor.total_drawn;
  const double shortfall = std::max(0.0, drawn - investor.total_received - investor.guarantee_paid);
  const double cover = std::min(finance.first_loss_cap_share * drawn,
                                std::max(0.0, shortfall - finance.first_loss_max_investor_loss * drawn));
  if (cover <= 0.0) return;
  const size_t m = static_cast<size_t>(settle_month);
  investor.guarantee_paid += cover;
  investor.guarantee_month = settle_month;
  investor.flows[m] += cover;
  out.guarantee_payments[static_cast<size_t>(finance.first_loss_payer)][m] += cover;
  out.investor_flows[m] += cover;
  out.guarantee_paid += cover;
  out.guarantee_month = std::max(out.guarantee_month, settle_month);
}

}  // namespace

void run_finance(const FinanceTerms& finance, const std::array<double, kBudgetCount>& payer_shares,
                 const std::vector<double>& gross, const std::vector<double>& drawdowns,
                 int final_payment_month, ContractOutcome& out, double cap_total) {
  if (finance.tranches.empty()) throw std::invalid_argument("finance: at least one tranche (investor)");
  if (drawdowns.size() != gross.size())
    throw std::invalid_argument("finance: drawdowns need one entry per month");
  const size_t months = gross.size();
  for (auto& v : out.payer_payments) reset(v, months);
  for (auto& v : out.guarantee_payments) reset(v, months);
  for (auto* v : {&out.provider_receipts, &out.retained_by_payers, &out.grants, &out.investor_drawdowns,
                  &out.investor_receipts, &out.investor_flows}) {
    reset(*v, months);
  }
  out.tranches.assign(finance.tranches.size(), TrancheOutcome{});
  std::vector<double> growth(finance.tranches.size(), 1.0), capital(finance.tranches.size(), 0.0);
  for (size_t i = 0; i < finance.tranches.size(); ++i) {
    const TrancheTerms& t = finance.tranches[i];
    out.tranches[i].name = t.name;
    out.tranches[i].guarantor = t.guarantor;
    for (auto* v : {&out.tranches[i].drawdowns, &out.tranches[i].receipts, &out.tranches[i].flows})
      reset(*v, months);
    if (t.return_cap_annual) growth[i] = std::pow(1.0 + *t.return_cap_annual, 1.0 / 12.0);
  }
  out.guarantee_paid = 0.0;
  out.guarantee_month = -1;

  int last_drawdown = -1;
  double paid_total = 0.0;  // what the payers actually paid so far (provider share included)
  for (size_t m = 0; m < months; ++m) {
    if (drawdowns[m] > 0.0) last_drawdown = static_cast<int>(m);
    const double settled = std::isinf(cap_total)
                               ? gross[m]
                               : within_cap(gross[m], cap_total - paid_total, finance.provider_share,
                                            tranche_capacity(finance, growth, capital, drawdowns[m]));
    const double provider = settled * finance.provider_share;
    const double withheld = distribute(finance, growth, settled - provider, drawdowns[m], m, capital, out);
    const double paid = settled - withheld;
    paid_total += paid;
    out.provider_receipts[m] = provider;
    out.retained_by_payers[m] = gross[m] - paid;
    for (size_t b = 0; b < static_cast<size_t>(kBudgetCount); ++b) {
      out.payer_payments[b][m] = payer_shares[b] * paid;
    }
    out.investor_drawdowns[m] = drawdowns[m] - out.grants[m];
    out.investor_flows[m] = out.investor_receipts[m] - out.investor_drawdowns[m];
  }
  for (TrancheOutcome& tranche : out.tranches) {
    for (size_t m = 0; m < months; ++m) {
      tranche.flows[m] = tranche.receipts[m] - tranche.drawdowns[m];
      tranche.total_drawn += tranche.drawdowns[m];
      tranche.total_received += tranche.receipts[m];
    }
  }
  pay_guarantees(finance, std::max(final_payment_month, last_drawdown), out);
  pay_first_loss(finance, std::max(final_payment_month, last_drawdown), out);
}

}  // namespace sisim::contract
