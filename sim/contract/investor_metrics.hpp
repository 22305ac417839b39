#pragma once
// The investor's per-path summary (MODEL.md 9), computed from monthly cash flows.
#include <optional>

#include "sim/contract/outcome.hpp"
#include "sim/finance/irr.hpp"

namespace sisim::contract {

struct InvestorMetrics {
  double irr_monthly = 0.0;  // per month, as returned by irr()
  double irr_annual = 0.0;   // (1 + irr_monthly)^12 - 1
  finance::IrrStatus status = finance::IrrStatus::no_sign_change;
  double npv = 0.0;                   // at the investor's discount rate, month m discounted by (1+r)^(-m/12)
  double moic = 0.0;                  // (receipts + guarantee) / drawdowns; NaN if nothing drawn
  int payback_month = -1;             // first month from which cumulative flow stays >= 0; -1 never
  int discounted_payback_month = -1;  // the same for the flows discounted at the discount rate
  double peak_capital = 0.0;          // max of minus the cumulative flow
  double total_received = 0.0;        // receipts + guarantee
  double total_drawn = 0.0;
};

// The loss events of one investor (or tranche) on one path, decided here once: every summary,
// export and report reads these flags rather than re-deriving a rule.
struct LossFlags {
  bool nominal = false;       // receipts + guarantee < capital drawn (the same event as MOIC < 1)
  bool npv_negative = false;  // NPV < 0 at the investor's discount rate
  // IRR below the hurdle: an undefined IRR counts as below when the path is a nominal loss
  // (money back < money in is below any hurdle >= 0). False when there is no hurdle.
  bool below_hurdle = false;
};
LossFlags loss_flags(const InvestorMetrics& m, std::optional<double> hurdle_rate);

// Metrics of one monthly stream (-drawdowns + receipts + guarantee) with its totals.
InvestorMetrics investor_metrics(const std::vector<double>& flows, double total_drawn, double total_received,
                                 double discount_rate_annual);
// All investors together, or one tranche.
InvestorMetrics investor_metrics(const ContractOutcome& out, double discount_rate_annual);
InvestorMetrics investor_metrics(const TrancheOutcome& tranche, double discount_rate_annual);

}  // namespace sisim::contract
