#include "sim/engine/path_columns.hpp"

#include <string>

namespace sisim::engine {

using config::Config;
using config::public_price_basis;

namespace {

using io::ColumnGroup;

double flag(bool value) {
  return value ? 1.0 : 0.0;
}

}  // namespace

void PathColumns::define(const Config& config, ColumnSet& columns) {
  // Money: the currency for the investor and the contract (nominal), with the price basis of
  // public.discount for the public NPVs ("DKK, real 2026 prices").
  const std::string price_basis = public_price_basis(config);
  auto add = [&](ColumnGroup group, const char* name, const std::string& instance = "") {
    return columns.add(column_spec(io::column_schema(group, name), config.currency, price_basis, instance));
  };
  // The loss events of the investor (instance "") or of a tranche.
  auto add_loss = [&](const std::string& instance, LossColumns& loss) {
    loss.nominal = add(ColumnGroup::loss, "nominal", instance);
    loss.npv_negative = add(ColumnGroup::loss, "npv_negative", instance);
    loss.below_hurdle =
        config.finance.hurdle_rate ? add(ColumnGroup::loss, "irr_below_hurdle", instance) : -1;
  };
  investor_.npv = add(ColumnGroup::investor, "npv");
  investor_.irr = add(ColumnGroup::investor, "irr");
  investor_.irr_status = add(ColumnGroup::investor, "irr_status");
  investor_.moic = add(ColumnGroup::investor, "moic");
  payback_ = add(ColumnGroup::investor, "payback_month");
  peak_capital_ = add(ColumnGroup::investor, "peak_capital");
  investor_.total_received = add(ColumnGroup::investor, "total_received");
  total_drawn_ = add(ColumnGroup::investor, "total_drawn");
  guarantee_ = add(ColumnGroup::investor, "guarantee_received");
  add_loss("", investor_.loss);
  discounted_payback_ = add(ColumnGroup::investor, "discounted_payback_month");
  cap_reached_ = add(ColumnGroup::investor, "return_cap_reached");
  if (config.finance.commitment) commitment_exceeded_ = add(ColumnGroup::investor, "commitment_exceeded");
  for (const auto& tranche : config.finance.tranches) {
    InvestorColumns t;
    t.irr = add(ColumnGroup::tranche, "irr", tranche.name);
    t.irr_status = add(ColumnGroup::tranche, "irr_status", tranche.name);
    t.moic = add(ColumnGroup::tranche, "moic", tranche.name);
    t.npv = add(ColumnGroup::tranche, "npv", tranche.name);
    t.total_received = add(ColumnGroup::tranche, "total_received", tranche.name);
    add_loss(tranche.name, t.loss);
    tranches_.push_back(t);
  }
  for (int b = 0; b < kAccountBudgets; ++b) {
    const std::string budget = account_budget_name(b);
    budget_npv_[static_cast<size_t>(b)] = add(ColumnGroup::budget, "npv", budget);
    budget_break_even_[static_cast<size_t>(b)] = add(ColumnGroup::budget, "break_even_month", budget);
  }
  outcomes_.enrolled = add(ColumnGroup::outcomes, "enrolled");
  outcomes_.starts_treated = add(ColumnGroup::outcomes, "job_starts_treated");
  outcomes_.starts_counterfactual = add(ColumnGroup::outcomes, "job_starts_counterfactual");
  outcomes_.months_treated = add(ColumnGroup::outcomes, "employment_months_treated");
  outcomes_.months_counterfactual = add(ColumnGroup::outcomes, "employment_months_counterfactual");
  outcomes_.paid = add(ColumnGroup::outcomes, "paid");
  outcomes_.measured_effect = add(ColumnGroup::outcomes, "measured_effect");
  outcomes_.termination = add(ColumnGroup::outcomes, "termination_month");
  outcomes_.recession = add(ColumnGroup::outcomes, "recession_months");
  outcomes_.hazard_ratio = add(ColumnGroup::outcomes, "hazard_ratio");
  outcomes_.gap_clamped = add(ColumnGroup::outcomes, "gap_clamped");
  first_parameter_ = static_cast<int>(columns.specs().size());
  for (const auto& parameter : config.uncertain) add(ColumnGroup::params, "", parameter.path);
  parameters_ = static_cast<int>(config.uncertain.size());

  society_npv_ = add(ColumnGroup::society, "npv");
  for (int item = 0; item < kSocietyItems; ++item)
    society_items_[static_cast<size_t>(item)] =
        add(ColumnGroup::society, to_string(static_cast<SocietyItem>(item)));
  for (int party = 0; party < kSocietyParties; ++party)
    society_division_[static_cast<size_t>(party)] =
        add(ColumnGroup::division, to_string(static_cast<SocietyParty>(party)));
  alternatives_.own_funding = add(ColumnGroup::alternatives, "own_funding");
  alternatives_.outcome_contract = add(ColumnGroup::alternatives, "outcome_contract");
  if (config.alternatives.co_funding.enabled) {
    alternatives_.co_funding = add(ColumnGroup::alternatives, "co_funding");
    alternatives_.co_funding_fund = add(ColumnGroup::alternatives, "co_funding_fund");
  }
  alternatives_.programme_costs = add(ColumnGroup::alternatives, "programme_costs");
  alternatives_.municipal_savings = add(ColumnGroup::alternatives, "municipal_savings");
  alternatives_.public_savings = add(ColumnGroup::alternatives, "public_savings");
  alternatives_.extra_outcomes = add(ColumnGroup::alternatives, "extra_outcomes");
  if (config.contract.present && config.contract.savings_share.enabled) {
    fiscal_difference_ = add(ColumnGroup::outcomes, "fiscal_difference");
    measured_fiscal_savings_ = add(ColumnGroup::outcomes, "measured_fiscal_savings");
  }
}

void PathColumns::record(std::int64_t path, const PathResult& result, ColumnSet& columns) const {
  auto set = [&](int column, double value) { columns.set(column, path, value); };
  auto set_investor = [&](const InvestorColumns& to, const InvestorResult& from) {
    set(to.irr, from.irr_annual);
    set(to.irr_status, static_cast<double>(static_cast<int>(from.irr_status)));
    set(to.moic, from.moic);
    set(to.npv, from.npv);
    set(to.total_received, from.total_received);
    set(to.loss.nominal, flag(from.loss.nominal));
    set(to.loss.npv_negative, flag(from.loss.npv_negative));
    if (to.loss.below_hurdle >= 0) set(to.loss.below_hurdle, flag(from.loss.below_hurdle));
  };
  set_investor(investor_, result.investor);
  set(payback_, result.payback_month);
  set(peak_capital_, result.peak_capital);
  set(total_drawn_, result.total_drawn);
  set(guarantee_, result.guarantee_received);
  set(discounted_payback_, result.discounted_payback_month);
  set(cap_reached_, flag(result.return_cap_reached));
  if (commitment_exceeded_ >= 0) set(commitment_exceeded_, flag(result.commitment_exceeded));
  for (size_t t = 0; t < tranches_.size() && t < result.tranches.size(); ++t)
    set_investor(tranches_[t], result.tranches[t]);
  for (size_t b = 0; b < budget_npv_.size(); ++b) {
    set(budget_npv_[b], result.budget_npv[b]);
    set(budget_break_even_[b], result.budget_break_even_month[b]);
  }
  set(outcomes_.enrolled, result.enrolled);
  set(outcomes_.starts_treated, result.job_starts_treated);
  set(outcomes_.starts_counterfactual, result.job_starts_counterfactual);
  set(outcomes_.months_treated, result.employment_months_treated);
  set(outcomes_.months_counterfactual, result.employment_months_counterfactual);
  set(outcomes_.paid, result.paid);
  set(outcomes_.measured_effect, result.measured_effect);
  set(outcomes_.termination, result.termination_month);
  set(outcomes_.recession, result.recession_months);
  set(outcomes_.hazard_ratio, result.hazard_ratio);
  set(outcomes_.gap_clamped, flag(result.gap_clamped));
  for (size_t p = 0; p < result.parameters.size() && p < static_cast<size_t>(parameters_); ++p)
    set(first_parameter_ + static_cast<int>(p), result.parameters[p]);
  set(society_npv_, result.society_npv);
  for (size_t item = 0; item < society_items_.size(); ++item)
    set(society_items_[item], result.society_items[item]);
  for (size_t party = 0; party < society_division_.size(); ++party)
    set(society_division_[party], result.society_division[party]);
  set(alternatives_.own_funding, result.own_funding);
  set(alternatives_.outcome_contract, result.outcome_contract);
  if (alternatives_.co_funding >= 0) {
    set(alternatives_.co_funding, result.co_funding);
    set(alternatives_.co_funding_fund, result.co_funding_fund);
  }
  set(alternatives_.programme_costs, result.programme_costs);
  set(alternatives_.municipal_savings, result.municipal_savings);
  set(alternatives_.public_savings, result.public_savings);
  set(alternatives_.extra_outcomes, result.extra_outcomes);
  if (fiscal_difference_ >= 0) {
    set(fiscal_difference_, result.fiscal_difference);
    set(measured_fiscal_savings_, result.measured_fiscal_savings);
  }
}

}  // namespace sisim::engine
