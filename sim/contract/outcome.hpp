#pragma once
// What one path's contract and finance produced (MODEL.md 9): money by month and by party, and
// the outcome counts behind it. Filled by settle_contract(); vectors have `horizon` entries.
// Conservation (tested): for every month, sum over budgets of payer_payments = provider_receipts
// + investor_receipts, and payer_payments + retained_by_payers = gross_payments (by payer share).
#include <array>
#include <limits>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sisim::contract {

struct TrancheOutcome {
  std::string name;
  std::vector<double> drawdowns;  // monthly: share x programme costs
  std::vector<double> receipts;   // monthly: outcome money through the waterfall, after its cap
  std::vector<double> flows;      // monthly: -drawdowns + receipts + guarantee
  double total_drawn = 0.0;
  double total_received = 0.0;  // receipts only (the guarantee is separate)
  double guarantee_paid = 0.0;
  int guarantee_month = -1;  // -1: nothing paid
  config::Budget guarantor = config::Budget::foundation;
};

struct LineOutcome {
  long long counted = 0;    // treated events at the final cutoff (window applied)
  long long in_window = 0;  // treated events over the whole outcome window (no termination cutoff)
  double deducted = 0.0;    // deduction at the final cutoff (rate x enrolled)
  double net = 0.0;         // max(0, counted - deducted): what the entitlement prices
};

struct ContractOutcome {
  static constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

  // ---- outcomes (per rate-card line; per metric from the metric's first line) ----
  std::vector<LineOutcome> lines;
  std::array<long long, config::kMetricCount> gross_outcomes{};  // treated events counted
  std::array<double, config::kMetricCount> paid_outcomes{};      // net events priced, summed over lines
  // Treated rate minus control rate per enrolled participant at the final cutoff; NaN without
  // a control group or when the metric is not on the rate card.
  std::array<double, config::kMetricCount> measured_effect{kNaN, kNaN, kNaN, kNaN};
  double tier_measured = kNaN;  // the tier payoff's measured improvement (NaN: no tiers)
  double tier_payment = 0.0;    // what the tier schedule entitles (0 below threshold)
  // Cohort triggers: the pooled relative improvement over the comparison (NaN: no triggers).
  double cohort_pooled_improvement = kNaN;

  // ---- schedule ----
  int termination_month = -1;       // -1: not terminated within the horizon
  int final_date = -1;              // last payment date used (settlement date if terminated)
  int final_payment_month = -1;     // final_date + lag
  double entitlement_total = 0.0;   // entitlement at the final date
  double payments_due_total = 0.0;  // sum of gross_payments (before cap_total and the return cap)

  // ---- money by month ----
  std::vector<double> gross_payments;  // payments due, booked at date + lag (before both caps)
  std::array<std::vector<double>, config::kBudgetCount> payer_payments;      // actually paid (after the cap)
  std::array<std::vector<double>, config::kBudgetCount> guarantee_payments;  // by guarantor budget
  std::vector<double> provider_receipts;
  // Not paid: the return cap's excess, and what falls due after the payers' actual payments
  // reached cap_total.
  std::vector<double> retained_by_payers;
  std::vector<double> grants;              // costs funded by non-repayable tranches (grants), monthly
  std::vector<double> investor_drawdowns;  // all repayable tranches
  std::vector<double> investor_receipts;   // all tranches, without guarantee
  std::vector<double> investor_flows;      // all tranches: -drawdowns + receipts + guarantee
  std::vector<TrancheOutcome> tranches;    // most senior first
  double guarantee_paid = 0.0;             // all tranches
  int guarantee_month = -1;                // latest month a guarantee was paid; -1 none
};

}  // namespace sisim::contract
