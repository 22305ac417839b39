#pragma once
// What one path produced, built once by the pricer (PathRunner::price_path: the model's two arms,
// the contract and finance) and then only read: the accumulators (the /paths columns, the
// monthly and annual series, the block sums) turn a stream of PathResults into statistics.
#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "sim/contract/investor_metrics.hpp"
#include "sim/engine/budget_account.hpp"
#include "sim/engine/society_account.hpp"
#include "sim/finance/irr.hpp"
#include "sim/model/flows.hpp"

namespace sisim::engine {

// One investor's (or tranche's) result on the path.
struct InvestorResult {
  double npv = 0.0;         // at finance.investor_discount_rate
  double irr_annual = 0.0;  // NaN unless `irr_status` defines an IRR (ok, multiple roots, total loss)
  finance::IrrStatus irr_status = finance::IrrStatus::no_sign_change;
  double moic = 0.0;
  double total_received = 0.0;  // the investor: outcome receipts without the guarantee; a tranche: with it
  contract::LossFlags loss;
};

struct PathResult {
  // The investor (with tranches: the repayable ones), and its capital.
  InvestorResult investor;
  int payback_month = -1;
  int discounted_payback_month = -1;
  double peak_capital = 0.0;
  double total_drawn = 0.0;
  double guarantee_received = 0.0;
  bool return_cap_reached = false;
  bool commitment_exceeded = false;      // meaningful only with finance.commitment
  std::vector<InvestorResult> tranches;  // in the order of finance.tranches

  // Budget economics, by account budget (the five budgets, then public_total).
  std::array<double, kAccountBudgets> budget_npv{};
  std::array<int, kAccountBudgets> budget_break_even_month{};

  // Outcomes.
  int enrolled = 0;
  int job_starts_treated = 0, job_starts_counterfactual = 0;
  double employment_months_treated = 0.0, employment_months_counterfactual = 0.0;
  double paid = 0.0;  // outcome payments of all payers
  double measured_effect = 0.0;
  int termination_month = -1;
  int recession_months = 0;
  double hazard_ratio = 0.0;
  bool gap_clamped = false;
  std::span<const double> parameters;  // the sampled uncertain parameters, in config.uncertain order

  // Society's account and the funding alternatives (NPVs at public.discount_rate).
  double society_npv = 0.0;
  std::array<double, kSocietyItems> society_items{};
  std::array<double, kSocietyParties> society_division{};
  double own_funding = 0.0, outcome_contract = 0.0, co_funding = 0.0, co_funding_fund = 0.0;
  double programme_costs = 0.0, municipal_savings = 0.0, public_savings = 0.0, extra_outcomes = 0.0;
  double fiscal_difference = 0.0, measured_fiscal_savings = 0.0;  // with contract.savings_share only

  // Monthly detail for the series accumulator (views into the runner's per-thread buffers, valid
  // until the next path is priced with the same buffers).
  const std::vector<double>* investor_cash = nullptr;       // the investor's net cash flow by month
  const std::vector<double>* investor_drawdowns = nullptr;  // capital drawn by month
  const std::array<std::vector<double>, kAccountBudgets>* budget_net = nullptr;  // net by month
  const model::FlowTable* net = nullptr;    // the budget account by line item
  const SocietyAccount* society = nullptr;  // society's account by month
};

}  // namespace sisim::engine
