#include "sim/contract/investor_metrics.hpp"

#include <limits>
#include <numeric>

#include "sim/finance/npv.hpp"

namespace sisim::contract {

InvestorMetrics investor_metrics(const std::vector<double>& flows, double total_drawn, double total_received,
                                 double discount_rate_annual) {
  InvestorMetrics m;
  const finance::IrrResult r = finance::irr(flows);
  m.irr_monthly = r.rate;
  m.irr_annual = finance::annualise_monthly(r.rate);
  m.status = r.status;
  // "Total loss" means nothing came back. An inflow netted away inside a month (a guarantee paid
  // in the month of the last drawdown) still came back: the flows are then merely one-signed.
  if (m.status == finance::IrrStatus::total_loss && total_received > 0.0) {
    m.status = finance::IrrStatus::no_sign_change;
    m.irr_monthly = m.irr_annual = std::numeric_limits<double>::quiet_NaN();
  }
  m.npv = finance::npv(flows, discount_rate_annual);
  m.moic = finance::moic(total_received, total_drawn);
  m.payback_month = finance::payback_month(flows);
  m.discounted_payback_month = finance::discounted_payback_month(flows, discount_rate_annual);
  m.peak_capital = finance::peak_capital(flows);
  m.total_received = total_received;
  m.total_drawn = total_drawn;
  return m;
}

LossFlags loss_flags(const InvestorMetrics& m, std::optional<double> hurdle_rate) {
  LossFlags f;
  f.nominal = m.total_received < m.total_drawn;
  f.npv_negative = m.npv < 0.0;
  if (hurdle_rate) {
    const bool defined = m.status == finance::IrrStatus::ok ||
                         m.status == finance::IrrStatus::multiple_roots ||
                         m.status == finance::IrrStatus::total_loss;
    f.below_hurdle = defined ? m.irr_annual < *hurdle_rate : f.nominal;
  }
  return f;
}

InvestorMetrics investor_metrics(const ContractOutcome& out, double discount_rate_annual) {
  const double drawn = std::accumulate(out.investor_drawdowns.begin(), out.investor_drawdowns.end(), 0.0);
  const double received =
      std::accumulate(out.investor_receipts.begin(), out.investor_receipts.end(), 0.0) + out.guarantee_paid;
  return investor_metrics(out.investor_flows, drawn, received, discount_rate_annual);
}

InvestorMetrics investor_metrics(const TrancheOutcome& tranche, double discount_rate_annual) {
  return investor_metrics(tranche.flows, tranche.total_drawn, tranche.total_received + tranche.guarantee_paid,
                          discount_rate_annual);
}

}  // namespace sisim::contract
