#include "sim/engine/path_runner.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <span>

#include "sim/contract/fiscal_savings.hpp"
#include "sim/contract/investor_metrics.hpp"
#include "sim/contract/outcome_count.hpp"
#include "sim/contract/payments.hpp"
#include "sim/contract/settle.hpp"
#include "sim/contract/termination.hpp"
#include "sim/contract/terms.hpp"
#include "sim/engine/budget_account.hpp"
#include "sim/engine/cancel.hpp"
#include "sim/engine/funding_alternatives.hpp"
#include "sim/engine/path_columns.hpp"
#include "sim/engine/society_account.hpp"
#include "sim/finance/irr.hpp"
#include "sim/finance/npv.hpp"
#include "sim/model/model.hpp"
#include "sim/model/path_simulation.hpp"
#include "sim/model/regime.hpp"
#include "sim/rng/copula.hpp"

namespace sisim::engine {

using rng::Distribution;

using config::Budget;
using config::CoFunding;
using config::Config;
using config::kBudgetCount;
using config::public_price_basis;

using model::ArmHistory;
using model::FlowTable;
using model::kFixedLineItems;
using model::LineItem;
using model::Model;
using model::PathParameters;
using model::PathSimulation;
using model::simulate_control_group;
using model::simulate_path;
using model::simulate_regime;

using contract::contract_last_date;
using contract::ContractOutcome;
using contract::ContractTerms;
using contract::CountRule;
using contract::draw_termination_month;
using contract::EventCurve;
using contract::fiscal_costs;
using contract::investor_metrics;
using contract::InvestorMetrics;
using contract::loss_flags;
using contract::LossFlags;
using contract::measured_fiscal_savings;
using contract::resolve_contract;
using contract::settle_contract;

using finance::DiscountCurve;
using finance::IrrStatus;
using finance::payback_month;

struct PathRunner::Scratch {
  std::vector<double> draws;
  PathSimulation sim;
  ContractOutcome contract;
  std::vector<ArmHistory> control;
  FlowTable net;
  std::vector<double> investor_cash;
  std::array<std::vector<double>, kAccountBudgets> budget_net;
  std::array<std::vector<double>, config::kBudgetCount> budget_totals;  // each budget's items summed
  finance::DiscountFactors public_discount;  // the path's public discount curve, month by month
  std::vector<double> annual;
  SocietyAccount society;
  FundingAlternatives alternatives;
  std::vector<double> society_annual;
};

namespace {

// The public discount curve of a path (public.discount, MODEL.md 8).
DiscountCurve public_curve(const PathParameters& parameters) {
  return DiscountCurve{parameters.public_discount_rate, parameters.public_inflation_annual,
                       parameters.public_long_term_rate, parameters.public_long_term_from_month};
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The one measured effect a path reports: the tier measure if tiers are used, else the first
// rate-card metric measured against a control group; NaN when nothing is measured.
double measured_effect_of(const ContractOutcome& outcome) {
  if (!std::isnan(outcome.tier_measured)) return outcome.tier_measured;
  if (!std::isnan(outcome.cohort_pooled_improvement)) return outcome.cohort_pooled_improvement;
  for (double measured : outcome.measured_effect)
    if (!std::isnan(measured)) return measured;
  return kNaN;
}

// An investor's or tranche's metrics as the path reports them: the IRR only where its status
// defines one, the loss events decided once here.
InvestorResult investor_result(const InvestorMetrics& metrics, std::optional<double> hurdle_rate) {
  const bool irr_defined = metrics.status == IrrStatus::ok || metrics.status == IrrStatus::multiple_roots ||
                           metrics.status == IrrStatus::total_loss;
  return {metrics.npv,
          irr_defined ? metrics.irr_annual : kNaN,
          metrics.status,
          metrics.moic,
          metrics.total_received,
          loss_flags(metrics, hurdle_rate)};
}

bool same_bits(double a, double b) {
  return std::bit_cast<std::uint64_t>(a) == std::bit_cast<std::uint64_t>(b);
}
bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

std::vector<rng::CorrelationTerm> correlation_terms(const Config& config) {
  std::vector<rng::CorrelationTerm> terms;
  for (const auto& correlation : config.correlations)
    terms.emplace_back(correlation.id_a, correlation.id_b, correlation.rho);
  return terms;
}
std::vector<Distribution> distributions(const Config& config) {
  std::vector<Distribution> out;
  for (const auto& uncertain : config.uncertain) out.push_back(uncertain.dist);
  return out;
}
}  // namespace

struct PathRunner::Impl {
  Impl(const Config& scenario, std::uint64_t seed)
      : config(scenario),
        model(scenario),
        sampler(distributions(scenario), correlation_terms(scenario)),
        key(rng::key_from_seed(seed)) {
    std::vector<std::string> names;
    for (const auto& uncertain : scenario.uncertain) names.push_back(uncertain.path);
    sampler.set_names(names);
  }
  const Config& config;
  Model model;
  rng::ParameterSampler sampler;
  rng::Key key;
  PathColumns columns;  // the column accumulator, set up by define_columns

  // Society's account and the funding alternatives of the path (docs/MODEL.md 14-15).
  // Reads the path's public discount factors and budget nets from `scratch` (price_path's step 4).
  void price_society(const ContractTerms& terms, const PathSimulation& sim, Scratch& scratch,
                     PathResult& result) const;
};

void PathRunner::Impl::price_society(const ContractTerms& terms, const PathSimulation& sim, Scratch& scratch,
                                     PathResult& result) const {
  const finance::DiscountFactors& rate = scratch.public_discount;
  const SocietyTerms society_terms{config.society.distortion_rate.value(scratch.draws),
                                   config.society.employer_cost_share.value(scratch.draws)};
  compute_society_account(society_terms, sim.treated, sim.counterfactual, scratch.net,
                          scratch.budget_net[kPublicTotal], sim.investor_costs, scratch.contract,
                          scratch.society);
  const CoFunding& co = config.alternatives.co_funding;
  const CoFundingTerms co_terms{co.enabled, co.share_of_costs.value(scratch.draws),
                                co.repayment_share_of_savings, co.repayment_start_month, co.repayment_months};
  compute_funding_alternatives(co_terms, scratch.net, sim.investor_costs, scratch.alternatives);

  // Every NPV of the two accounts in one call (summed side by side, each bit for bit its own npv).
  const FundingAlternatives& alt = scratch.alternatives;
  std::array<const std::vector<double>*, 1 + kSocietyItems + kSocietyParties + 6> streams;
  size_t count = 0;
  streams[count++] = &scratch.society.total;
  for (const auto& item : scratch.society.items) streams[count++] = &item;
  for (const auto& party : scratch.society.parties) streams[count++] = &party;
  for (const std::vector<double>* v : {&alt.own_funding, &sim.investor_costs, &alt.municipal_savings,
                                       &alt.public_savings, &alt.co_funding, &alt.fund})
    streams[count++] = v;
  if (!co.enabled) count -= 2;  // no co-funding and fund streams to price
  std::array<double, streams.size()> values;
  rate.npv_each(std::span(streams.data(), count), std::span(values.data(), count));
  size_t next = 0;
  result.society_npv = values[next++];
  for (double& item : result.society_items) item = values[next++];
  for (double& party : result.society_division) party = values[next++];
  result.own_funding = values[next++];
  result.programme_costs = values[next++];
  result.municipal_savings = values[next++];
  result.public_savings = values[next++];
  if (co.enabled) {
    result.co_funding = values[next++];
    result.co_funding_fund = values[next++];
  }
  // The outcome contract's result is the municipality's budget account: its NPV is step 4's.
  result.outcome_contract = result.budget_npv[static_cast<size_t>(Budget::municipality)];
  double extra = kNaN;
  if (terms.present && !terms.lines.empty()) {
    const CountRule& rule = terms.lines.front().rule;
    // The contract counted the treated arm's events of this line already, on the same people
    // unless it counts only an age band.
    const long long treated = !terms.age_eligibility && !scratch.contract.lines.empty()
                                  ? scratch.contract.lines.front().in_window
                                  : EventCurve(sim.treated.people, rule, terms.window).total();
    extra = static_cast<double>(treated - EventCurve(sim.counterfactual.people, rule, terms.window).total());
  }
  result.extra_outcomes = extra;
  if (config.contract.present && config.contract.savings_share.enabled) {
    const bool taxes = terms.savings_share.taxes;
    double difference = 0.0;
    const FlowTable& net = scratch.net;  // read through const: a non-const at() marks lines written
    for (int month = 0; month < terms.window && month < net.months(); ++month)
      for (int budget_index = 0; budget_index < kBudgetCount; ++budget_index) {
        const auto budget = static_cast<Budget>(budget_index);
        difference += net.at(budget, static_cast<int>(LineItem::benefit), month);
        if (taxes)
          difference += net.at(budget, static_cast<int>(LineItem::municipal_tax), month) +
                        net.at(budget, static_cast<int>(LineItem::state_tax), month);
      }
    result.fiscal_difference = difference;
    const auto& measured = terms.savings_share.measured;
    const int at = std::min(scratch.contract.final_date, static_cast<int>(measured.size()) - 1);
    result.measured_fiscal_savings = measured.empty() || at < 0 ? kNaN : measured[static_cast<size_t>(at)];
  }
}

PathRunner::PathRunner(const Config& config, std::uint64_t seed)
    : impl_(std::make_unique<Impl>(config, seed)) {}
PathRunner::~PathRunner() = default;

const rng::Key& PathRunner::key() const {
  return impl_->key;
}
const rng::ParameterSampler& PathRunner::sampler() const {
  return impl_->sampler;
}
PathParameters PathRunner::last_parameters(const Scratch& scratch) const {
  return impl_->model.resolve(scratch.draws);
}
const PathSimulation& PathRunner::last_simulation(const Scratch& scratch) const {
  return scratch.sim;
}
const std::vector<ArmHistory>& PathRunner::last_control_group(const Scratch& scratch) const {
  return scratch.control;
}

int PathRunner::months() const {
  return impl_->config.simulation.horizon_months;
}
int PathRunner::line_items() const {
  return impl_->model.line_items();
}
std::vector<std::string> PathRunner::line_item_names() const {
  std::vector<std::string> names;
  for (int item = 0; item < kFixedLineItems; ++item)
    names.emplace_back(to_string(static_cast<LineItem>(item)));
  for (const auto& flow : impl_->config.public_.other_flows) names.push_back(flow.name);
  return names;
}

void PathRunner::define_columns(ColumnSet& columns) {
  impl_->columns.define(impl_->config, columns);
}

std::shared_ptr<PathRunner::Scratch> PathRunner::make_scratch() const {
  auto scratch = std::make_shared<Scratch>();
  scratch->sim.stop = &cancel_flag();
  return scratch;
}

PathResult PathRunner::price_path(std::int64_t path, Scratch& scratch) const {
  const Impl& runner = *impl_;
  const Config& config = runner.config;
  const int horizon = config.simulation.horizon_months;
  const auto path_id = static_cast<std::uint64_t>(path);
  PathSimulation& sim = scratch.sim;

  // 1. Parameters, labour-market regime, payer termination: path-level draws.
  runner.sampler.sample_path(runner.key, path_id, scratch.draws);
  const PathParameters parameters = runner.model.resolve(scratch.draws);
  simulate_regime(parameters, horizon, runner.key, path_id, sim.regime);
  ContractTerms terms = resolve_contract(config, scratch.draws);
  // The payer can end the contract only while it runs: months 0 .. its last payment date; a
  // stress test's contract.termination_month fixes the month on every path instead.
  const int contract_months = terms.present ? std::min(horizon, contract_last_date(terms) + 1) : 0;
  const int forced_termination = config.contract.termination_month;
  const int termination = !terms.present ? -1
                          : forced_termination >= 0
                              ? std::min(forced_termination, contract_months - 1)
                              : draw_termination_month(terms.termination_probability_annual, contract_months,
                                                       runner.key, path_id);

  // 2. Participants in both arms, and the control group if payments depend on one.
  const std::vector<std::uint8_t>& regime = sim.regime;
  simulate_path(runner.model, parameters, regime, termination, runner.key, path_id, sim);
  const std::vector<ArmHistory>* control = nullptr;
  if (terms.present && terms.control_group_size > 0) {
    simulate_control_group(runner.model, parameters, regime, terms.control_group_size, runner.key, path_id,
                           sim.scratch, scratch.control, sim.stop);
    control = &scratch.control;
  } else {
    scratch.control.clear();  // no control group on this path (last_control_group says so)
  }

  // A savings share is measured on the histories: against the control group, else the counterfactual.
  if (terms.present && terms.savings_share.enabled) {
    terms.savings_share.measured = measured_fiscal_savings(
        sim.treated.people, control ? *control : sim.counterfactual.people, control != nullptr,
        fiscal_costs(parameters, terms.savings_share.taxes), terms.window);
  }

  // 3. Contract and finance.
  PathResult result;
  ContractOutcome& contract = scratch.contract;
  settle_contract(terms, sim.treated.people, control, sim.investor_costs, termination, horizon, contract);
  const double discount_rate = terms.finance.investor_discount_rate;
  const InvestorMetrics investor = investor_metrics(contract, discount_rate);
  result.investor = investor_result(investor, config.finance.hurdle_rate);
  result.investor.total_received = investor.total_received - contract.guarantee_paid;  // guarantee apart
  result.payback_month = investor.payback_month;
  result.discounted_payback_month = investor.discounted_payback_month;
  result.peak_capital = investor.peak_capital;
  result.total_drawn = investor.total_drawn;
  result.guarantee_received = contract.guarantee_paid;
  double retained = 0.0;
  for (double withheld : contract.retained_by_payers) retained += withheld;
  result.return_cap_reached = retained > 0.0;
  result.commitment_exceeded = config.finance.commitment && investor.total_drawn > *config.finance.commitment;
  for (const auto& tranche : contract.tranches) {
    // A tranche whose stream and totals are the investors' own to the bit (a single investor) has
    // their metrics: investor_metrics is a function of those alone (issue 16: the IRR twice).
    const double received = tranche.total_received + tranche.guarantee_paid;
    const bool same_stream = same_bits(tranche.flows, contract.investor_flows) &&
                             same_bits(tranche.total_drawn, investor.total_drawn) &&
                             same_bits(received, investor.total_received);
    const InvestorMetrics metrics = same_stream ? investor : investor_metrics(tranche, discount_rate);
    result.tranches.push_back(investor_result(metrics, config.finance.hurdle_rate));
  }

  // 4. The budget-economic account of every budget.
  // Each budget's items are summed once, and the public curve's factors made once, for all the
  // sums and NPVs of the path (bit for bit monthly_net and npv(flows, curve) of each).
  compute_budget_account(sim.treated.flows, sim.counterfactual.flows, contract.payer_payments,
                         contract.guarantee_payments, scratch.net);
  budget_totals(scratch.net, scratch.budget_totals);
  account_nets(scratch.budget_totals, scratch.budget_net);
  scratch.public_discount.assign(public_curve(parameters), horizon);
  std::array<const std::vector<double>*, kAccountBudgets> nets;
  for (int budget = 0; budget < kAccountBudgets; ++budget) {
    const auto at = static_cast<size_t>(budget);
    nets[at] = &scratch.budget_net[at];
    result.budget_break_even_month[at] = payback_month(scratch.budget_net[at]);
  }
  scratch.public_discount.npv_each(nets, result.budget_npv);

  // 5. Outcomes and sampled parameters.
  double paid = 0.0;
  for (const auto& payer : contract.payer_payments)
    for (double payment : payer) paid += payment;
  result.enrolled = sim.enrolled;
  result.job_starts_treated = sim.treated.job_starts;
  result.job_starts_counterfactual = sim.counterfactual.job_starts;
  result.employment_months_treated = sim.treated.employment_months;
  result.employment_months_counterfactual = sim.counterfactual.employment_months;
  result.paid = paid;
  result.measured_effect = measured_effect_of(contract);
  result.termination_month = termination;
  result.recession_months = sim.recession_months;
  result.hazard_ratio = parameters.hazard_ratio;
  result.gap_clamped = parameters.gap_clamped;
  result.parameters = scratch.draws;

  // 6. Society's account and the funding alternatives, on the same path.
  runner.price_society(terms, sim, scratch, result);

  result.investor_cash = &contract.investor_flows;
  result.investor_drawdowns = &contract.investor_drawdowns;
  result.budget_net = &scratch.budget_net;
  result.net = &scratch.net;
  result.society = &scratch.society;
  return result;
}

bool PathRunner::run_path(std::int64_t path, std::int64_t block, Scratch& scratch, ColumnSet& columns,
                          SeriesCollector& series) const {
  const PathResult result = price_path(path, scratch);
  impl_->columns.record(path, result, columns);
  // Time series: exact block sums of the annual account, full series of the first paths.
  series.society_annual_of(*result.society, scratch.society_annual);
  series.add_society(block, path, scratch.society_annual);
  series.annual_of(*result.net, scratch.annual);
  series.add_to_block(block, scratch.annual);
  if (series.keeps(path))
    series.keep_path(path, *result.investor_cash, *result.investor_drawdowns, *result.budget_net,
                     scratch.annual);
  return result.gap_clamped;
}

}  // namespace sisim::engine
