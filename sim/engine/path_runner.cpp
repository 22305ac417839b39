#include "sim/engine/path_runner.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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
using finance::npv;
using finance::payback_month;

struct PathRunner::Scratch {
  std::vector<double> draws;
  PathSimulation sim;
  ContractOutcome contract;
  std::vector<ArmHistory> control;
  FlowTable net;
  std::vector<double> investor_cash;
  std::array<std::vector<double>, kAccountBudgets> budget_net;
  std::vector<double> annual;
  SocietyAccount society;
  FundingAlternatives alternatives;
  std::vector<double> society_annual;
};

namespace {

// The public discount curve of a path (public.discount, MODEL.md 8).
DiscountCurve public_curve(const PathParameters& pp) {
  return DiscountCurve{pp.public_discount_rate, pp.public_inflation_annual, pp.public_long_term_rate,
                       pp.public_long_term_from_month};
}

// "DKK, real 2026 prices": the units of every public NPV column.
std::string public_money(const Config& config) {
  return config.currency + ", " + public_price_basis(config);
}
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// The one measured effect a path reports: the tier measure if tiers are used, else the first
// rate-card metric measured against a control group; NaN when nothing is measured.
double measured_effect_of(const ContractOutcome& o) {
  if (!std::isnan(o.tier_measured)) return o.tier_measured;
  if (!std::isnan(o.cohort_pooled_improvement)) return o.cohort_pooled_improvement;
  for (double m : o.measured_effect)
    if (!std::isnan(m)) return m;
  return kNaN;
}

struct LossColumns {
  int nominal = -1, npv = -1, hurdle = -1;  // hurdle: -1 without finance.hurdle_rate
};

std::vector<rng::CorrelationTerm> correlation_terms(const Config& c) {
  std::vector<rng::CorrelationTerm> terms;
  for (const auto& k : c.correlations) terms.emplace_back(k.id_a, k.id_b, k.rho);
  return terms;
}
std::vector<Distribution> distributions(const Config& c) {
  std::vector<Distribution> d;
  for (const auto& u : c.uncertain) d.push_back(u.dist);
  return d;
}
}  // namespace

struct PathRunner::Impl {
  Impl(const Config& c, std::uint64_t seed)
      : config(c), model(c), sampler(distributions(c), correlation_terms(c)), key(rng::key_from_seed(seed)) {
    std::vector<std::string> names;
    for (const auto& u : c.uncertain) names.push_back(u.path);
    sampler.set_names(names);
  }
  const Config& config;
  Model model;
  rng::ParameterSampler sampler;
  rng::Key key;
  // Column indices, filled by define_columns.
  struct {
    int npv, irr, irr_status, moic, payback, peak, received, drawn, guarantee;
  } inv{};
  // Loss events and capital, decided once per path: summaries only count the flags.
  LossColumns inv_loss;
  struct {
    int discounted_payback = -1, cap_reached = -1, commitment_exceeded = -1;
  } capital;
  struct TrancheColumns {
    int irr, irr_status, moic, npv, received;
    LossColumns loss;
  };
  std::vector<TrancheColumns> tranche;
  std::array<int, kAccountBudgets> budget_npv{}, budget_break_even{};
  struct {
    int enrolled, starts_t, starts_c, months_t, months_c, paid, measured, termination, recession, hr, clamped;
  } out{};
  int first_param = 0;
  // Society's account and the funding alternatives (docs/MODEL.md 14-15).
  struct {
    int npv = -1;
    std::array<int, kSocietyItems> items{};
    std::array<int, kSocietyParties> parties{};
  } society;
  struct {
    int own = -1, contract = -1, co = -1, fund = -1, costs = -1, municipal = -1, pub = -1, extra = -1;
  } alt;
  int fiscal_difference = -1, fiscal_measured = -1;  // with contract.savings_share only
  void define_society_columns(ColumnSet& c);
  void record_society(std::int64_t path, const PathParameters& pp, const ContractTerms& terms,
                      const PathSimulation& sim, Scratch& s, ColumnSet& c) const;
};

void PathRunner::Impl::define_society_columns(ColumnSet& c) {
  const std::string g = "/paths/society/";
  const std::string pub = public_money(config);
  society.npv = c.add({g + "npv", pub,
                       "society's account at public.discount: production value of the extra hours - "
                       "programme costs + public services saved + distortion effect"});
  const char* item_text[kSocietyItems] = {
      "production value of the extra hours: extra gross wages x (1 + society.employer_cost_share)",
      "minus the programme's costs", "public services saved (public.other_flows, all public budgets)",
      "distortion effect: society.distortion_rate x public_total net (a cost when public spending rises)"};
  for (int i = 0; i < kSocietyItems; ++i)
    society.items[static_cast<size_t>(i)] =
        c.add({g + to_string(static_cast<SocietyItem>(i)), pub, std::string(item_text[i]) + " (NPV)"});
  const char* party_text[kSocietyParties] = {
      "participants: extra gross wages + benefits - income taxes",
      "investor: receipts + guarantee - programme costs funded",
      "provider: its share of the outcome payments",
      "foundation: minus the outcome payments and guarantees it pays",
      "grants: minus the programme costs funded by non-repayable tranches",
      "employer costs: production value above the gross wage",
      "distortion effect of net public spending"};
  for (int p = 0; p < kSocietyParties; ++p)
    society.parties[static_cast<size_t>(p)] =
        c.add({g + "division/" + to_string(static_cast<SocietyParty>(p)), pub,
               std::string(party_text[p]) + " (NPV at public.discount)"});
  const std::string a = "/paths/alternatives/";
  alt.own =
      c.add({a + "own_funding", pub,
             "(b) the municipality funds the programme itself: its savings minus the programme costs (NPV)"});
  alt.contract =
      c.add({a + "outcome_contract", pub,
             "(c) today's deal: the municipality's budget NPV (= /paths/budgets/municipality/npv)"});
  if (config.alternatives.co_funding.enabled) {
    alt.co = c.add({a + "co_funding", pub,
                    "(d) a fund pays part of the costs (grant or conditional grant repaid from savings): the "
                    "municipality's NPV"});
    alt.fund = c.add({a + "co_funding_fund", pub, "(d) the fund's NPV: repayments minus grants"});
  }
  alt.costs = c.add({a + "programme_costs", pub, "programme costs (NPV at public.discount)"});
  alt.municipal = c.add({a + "municipal_savings", pub,
                         "the municipality's savings before outcome payments and guarantees (NPV)"});
  alt.pub = c.add({a + "public_savings", pub,
                   "the four public budgets' savings before outcome payments and guarantees (NPV)"});
  alt.extra = c.add({a + "extra_outcomes", "events",
                     "treated minus counterfactual events of the first rate-card line in the outcome window "
                     "(the outcomes the programme causes); NaN without a rate card"});
  if (config.contract.present && config.contract.savings_share.enabled) {
    fiscal_difference = c.add({"/paths/outcomes/fiscal_difference", config.currency,
                               "benefits paid minus income taxes, counterfactual minus treated arm, months < "
                               "outcome window, from the budget account (nominal)"});
    fiscal_measured = c.add({"/paths/outcomes/measured_fiscal_savings", config.currency,
                             "the savings the contract measured at the last payment date (control group, "
                             "else counterfactual arm)"});
  }
}

void PathRunner::Impl::record_society(std::int64_t path, const PathParameters& pp, const ContractTerms& terms,
                                      const PathSimulation& sim, Scratch& s, ColumnSet& c) const {
  const DiscountCurve rate = public_curve(pp);
  const SocietyTerms society_terms{config.society.distortion_rate.value(s.draws),
                                   config.society.employer_cost_share.value(s.draws)};
  compute_society_account(society_terms, sim.treated, sim.counterfactual, s.net, s.budget_net[kPublicTotal],
                          sim.investor_costs, s.contract, s.society);
  c.set(society.npv, path, npv(s.society.total, rate));
  for (int i = 0; i < kSocietyItems; ++i)
    c.set(society.items[static_cast<size_t>(i)], path, npv(s.society.items[static_cast<size_t>(i)], rate));
  for (int p = 0; p < kSocietyParties; ++p)
    c.set(society.parties[static_cast<size_t>(p)], path,
          npv(s.society.parties[static_cast<size_t>(p)], rate));

  const CoFunding& co = config.alternatives.co_funding;
  const CoFundingTerms co_terms{co.enabled, co.share_of_costs.value(s.draws), co.repayment_share_of_savings,
                                co.repayment_start_month, co.repayment_months};
  compute_funding_alternatives(co_terms, s.net, sim.investor_costs, s.alternatives);
  c.set(alt.own, path, npv(s.alternatives.own_funding, rate));
  c.set(alt.contract, path, npv(s.budget_net[static_cast<size_t>(Budget::municipality)], rate));
  if (alt.co >= 0) {
    c.set(alt.co, path, npv(s.alternatives.co_funding, rate));
    c.set(alt.fund, path, npv(s.alternatives.fund, rate));
  }
  c.set(alt.costs, path, npv(sim.investor_costs, rate));
  c.set(alt.municipal, path, npv(s.alternatives.municipal_savings, rate));
  c.set(alt.pub, path, npv(s.alternatives.public_savings, rate));
  double extra = kNaN;
  if (terms.present && !terms.lines.empty()) {
    const CountRule& rule = terms.lines.front().rule;
    extra = static_cast<double>(EventCurve(sim.treated.people, rule, terms.window).total() -
                                EventCurve(sim.counterfactual.people, rule, terms.window).total());
  }
  c.set(alt.extra, path, extra);
  if (fiscal_difference >= 0) {
    const bool taxes = terms.savings_share.taxes;
    double difference = 0.0;
    for (int m = 0; m < terms.window && m < s.net.months(); ++m)
      for (int b = 0; b < kBudgetCount; ++b) {
        const auto budget = static_cast<Budget>(b);
        difference += s.net.at(budget, static_cast<int>(LineItem::benefit), m);
        if (taxes)
          difference += s.net.at(budget, static_cast<int>(LineItem::municipal_tax), m) +
                        s.net.at(budget, static_cast<int>(LineItem::state_tax), m);
      }
    c.set(fiscal_difference, path, difference);
    const auto& measured = terms.savings_share.measured;
    const int at = std::min(s.contract.final_date, static_cast<int>(measured.size()) - 1);
    c.set(fiscal_measured, path, measured.empty() || at < 0 ? kNaN : measured[static_cast<size_t>(at)]);
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
  for (int i = 0; i < kFixedLineItems; ++i) names.emplace_back(to_string(static_cast<LineItem>(i)));
  for (const auto& f : impl_->config.public_.other_flows) names.push_back(f.name);
  return names;
}

// The loss-event columns of one investor or tranche under `group` (".../investor/loss/").
static void add_loss_columns(ColumnSet& c, const std::string& group, const Config& config, int& nominal,
                             int& npv, int& hurdle) {
  nominal = c.add({group + "nominal", "flag",
                   "1 if receipts plus guarantee fall short of the capital drawn (MOIC < 1), else 0", true});
  npv =
      c.add({group + "npv_negative", "flag", "1 if NPV < 0 at finance.investor_discount_rate, else 0", true});
  hurdle =
      config.finance.hurdle_rate
          ? c.add({group + "irr_below_hurdle", "flag",
                   "1 if the IRR is below finance.hurdle_rate (an undefined IRR on a nominal loss counts "
                   "as below), else 0",
                   true})
          : -1;
}

void PathRunner::define_columns(ColumnSet& c) {
  auto& i = *impl_;
  const std::string& cur = i.config.currency;  // the unit of every money column
  const std::string inv = "/paths/investor/";
  i.inv.npv = c.add({inv + "npv", cur, "investor's NPV at finance.investor_discount_rate (month-0 value)"});
  i.inv.irr =
      c.add({inv + "irr", "1/year",
             "investor's IRR, annualised from monthly; NaN unless irr_status is 0 or 3; -1 on total loss"});
  i.inv.irr_status =
      c.add({inv + "irr_status", "enum",
             "0 ok, 1 no_sign_change, 2 total_loss, 3 multiple_roots, 4 no_convergence", true});
  i.inv.moic = c.add({inv + "moic", "1", "multiple on invested capital: (receipts + guarantee) / drawdowns"});
  i.inv.payback = c.add(
      {inv + "payback_month", "month", "first month from which cumulative cash stays >= 0; -1 never", true});
  i.inv.peak = c.add({inv + "peak_capital", cur, "peak capital at risk: max of minus cumulative cash"});
  i.inv.received =
      c.add({inv + "total_received", cur, "outcome receipts after provider share and return cap (nominal)"});
  i.inv.drawn = c.add({inv + "total_drawn", cur, "programme costs drawn down (nominal)"});
  i.inv.guarantee = c.add({inv + "guarantee_received", cur, "guarantee paid to the investor (nominal)"});
  add_loss_columns(c, inv + "loss/", i.config, i.inv_loss.nominal, i.inv_loss.npv, i.inv_loss.hurdle);
  i.capital.discounted_payback =
      c.add({inv + "discounted_payback_month", "month",
             "first month from which the cumulative cash discounted at finance.investor_discount_rate stays "
             ">= 0 (repaid with that return); -1 never",
             true});
  i.capital.cap_reached =
      c.add({inv + "return_cap_reached", "flag",
             "1 if the return cap withheld outcome money on this path (the investor was paid up to its cap)",
             true});
  if (i.config.finance.commitment)
    i.capital.commitment_exceeded = c.add({inv + "commitment_exceeded", "flag",
                                           "1 if total drawdowns exceed finance.commitment, else 0", true});
  for (const auto& t : i.config.finance.tranches) {
    const std::string g = "/paths/tranches/" + t.name + "/";
    i.tranche.push_back({c.add({g + "irr", "1/year", "tranche IRR (annualised)"}),
                         c.add({g + "irr_status", "enum", "as /paths/investor/irr_status", true}),
                         c.add({g + "moic", "1", "tranche multiple on invested capital"}),
                         c.add({g + "npv", cur, "tranche NPV at the investor's discount rate"}),
                         c.add({g + "total_received", cur, "tranche receipts incl. guarantee (nominal)"}),
                         {}});
    auto& l = i.tranche.back().loss;
    add_loss_columns(c, g + "loss/", i.config, l.nominal, l.npv, l.hurdle);
  }
  for (int b = 0; b < kAccountBudgets; ++b) {
    const std::string g = std::string("/paths/budgets/") + account_budget_name(b) + "/";
    i.budget_npv[static_cast<size_t>(b)] = c.add({g + "npv", public_money(i.config),
                                                  "NPV at public.discount (" + public_price_basis(i.config) +
                                                      ") of savings minus outcome and guarantee payments"});
    i.budget_break_even[static_cast<size_t>(b)] =
        c.add({g + "break_even_month", "month",
               "first month from which the cumulative net stays >= 0; -1 never", true});
  }
  const std::string o = "/paths/outcomes/";
  i.out.enrolled = c.add({o + "enrolled", "people", "participants enrolled", true});
  i.out.starts_t = c.add({o + "job_starts_treated", "starts",
                          "entries into employment, treated arm (true, whole horizon)", true});
  i.out.starts_c =
      c.add({o + "job_starts_counterfactual", "starts", "entries into employment, counterfactual arm", true});
  i.out.months_t = c.add({o + "employment_months_treated", "months", "person-months employed, treated arm"});
  i.out.months_c =
      c.add({o + "employment_months_counterfactual", "months", "person-months employed, counterfactual arm"});
  i.out.paid = c.add({o + "paid", cur, "outcome payments made by all payers (nominal, after caps)"});
  i.out.measured = c.add({o + "measured_effect", "events/person",
                          "measured improvement used by tiers or control-group deduction; NaN if none"});
  i.out.termination = c.add(
      {o + "termination_month", "month", "month after which the payer ended the contract; -1 never", true});
  i.out.recession = c.add({o + "recession_months", "months", "months in recession on this path", true});
  i.out.hr =
      c.add({o + "hazard_ratio", "1", "effective hazard ratio (solved from the employment gap when given)"});
  i.out.clamped = c.add({o + "gap_clamped", "flag",
                         "1 if the sampled employment gap was unreachable and HR was clamped", true});
  i.first_param = static_cast<int>(c.specs().size());
  for (const auto& u : i.config.uncertain)
    c.add({"/paths/params/" + u.path, "as configured", "sampled value of " + u.path + " on this path"});
  i.define_society_columns(c);
}

std::shared_ptr<PathRunner::Scratch> PathRunner::make_scratch() const {
  auto scratch = std::make_shared<Scratch>();
  scratch->sim.stop = &cancel_flag();
  return scratch;
}

static void set_loss_columns(ColumnSet& c, std::int64_t path, const LossColumns& cols,
                             const LossFlags& flags) {
  c.set(cols.nominal, path, flags.nominal ? 1.0 : 0.0);
  c.set(cols.npv, path, flags.npv_negative ? 1.0 : 0.0);
  if (cols.hurdle >= 0) c.set(cols.hurdle, path, flags.below_hurdle ? 1.0 : 0.0);
}

bool PathRunner::run_path(std::int64_t path, std::int64_t block, Scratch& s, ColumnSet& c,
                          SeriesCollector& series) const {
  const auto& i = *impl_;
  const int horizon = i.config.simulation.horizon_months;
  const auto path_id = static_cast<std::uint64_t>(path);

  // 1. Parameters, labour-market regime, payer termination: path-level draws.
  i.sampler.sample_path(i.key, path_id, s.draws);
  const PathParameters pp = i.model.resolve(s.draws);
  simulate_regime(pp, horizon, i.key, path_id, s.sim.regime);
  ContractTerms terms = resolve_contract(i.config, s.draws);
  // The payer can end the contract only while it runs: months 0 .. its last payment date; a
  // stress test's contract.termination_month fixes the month on every path instead.
  const int contract_months = terms.present ? std::min(horizon, contract_last_date(terms) + 1) : 0;
  const int forced_termination = i.config.contract.termination_month;
  const int termination =
      !terms.present ? -1
      : forced_termination >= 0
          ? std::min(forced_termination, contract_months - 1)
          : draw_termination_month(terms.termination_probability_annual, contract_months, i.key, path_id);

  // 2. Participants in both arms, and the control group if payments depend on one.
  const std::vector<std::uint8_t>& regime = s.sim.regime;
  simulate_path(i.model, pp, regime, termination, i.key, path_id, s.sim);
  const std::vector<ArmHistory>* control = nullptr;
  if (terms.present && terms.control_group_size > 0) {
    simulate_control_group(i.model, pp, regime, terms.control_group_size, i.key, path_id, s.sim.scratch,
                           s.control, s.sim.stop);
    control = &s.control;
  } else {
    s.control.clear();  // no control group on this path (last_control_group says so)
  }

  // A savings share is measured on the histories: against the control group, else the counterfactual.
  if (terms.present && terms.savings_share.enabled) {
    terms.savings_share.measured = measured_fiscal_savings(
        s.sim.treated.people, control ? *control : s.sim.counterfactual.people, control != nullptr,
        fiscal_costs(pp, terms.savings_share.taxes), terms.window);
  }

  // 3. Contract and finance.
  settle_contract(terms, s.sim.treated.people, control, s.sim.investor_costs, termination, horizon,
                  s.contract);
  const InvestorMetrics inv = investor_metrics(s.contract, terms.finance.investor_discount_rate);
  const bool irr_defined = inv.status == IrrStatus::ok || inv.status == IrrStatus::multiple_roots ||
                           inv.status == IrrStatus::total_loss;
  c.set(i.inv.npv, path, inv.npv);
  c.set(i.inv.irr, path, irr_defined ? inv.irr_annual : kNaN);
  c.set(i.inv.irr_status, path, static_cast<double>(static_cast<int>(inv.status)));
  c.set(i.inv.moic, path, inv.moic);
  c.set(i.inv.payback, path, inv.payback_month);
  c.set(i.inv.peak, path, inv.peak_capital);
  c.set(i.inv.received, path, inv.total_received - s.contract.guarantee_paid);
  c.set(i.inv.drawn, path, inv.total_drawn);
  c.set(i.inv.guarantee, path, s.contract.guarantee_paid);
  set_loss_columns(c, path, i.inv_loss, loss_flags(inv, i.config.finance.hurdle_rate));
  c.set(i.capital.discounted_payback, path, inv.discounted_payback_month);
  double retained = 0.0;
  for (double v : s.contract.retained_by_payers) retained += v;
  c.set(i.capital.cap_reached, path, retained > 0.0 ? 1.0 : 0.0);
  if (i.capital.commitment_exceeded >= 0)
    c.set(i.capital.commitment_exceeded, path, inv.total_drawn > *i.config.finance.commitment ? 1.0 : 0.0);
  for (size_t t = 0; t < i.tranche.size() && t < s.contract.tranches.size(); ++t) {
    const InvestorMetrics m = investor_metrics(s.contract.tranches[t], terms.finance.investor_discount_rate);
    const bool defined = m.status == IrrStatus::ok || m.status == IrrStatus::multiple_roots ||
                         m.status == IrrStatus::total_loss;
    c.set(i.tranche[t].irr, path, defined ? m.irr_annual : kNaN);
    c.set(i.tranche[t].irr_status, path, static_cast<double>(static_cast<int>(m.status)));
    c.set(i.tranche[t].moic, path, m.moic);
    c.set(i.tranche[t].npv, path, m.npv);
    c.set(i.tranche[t].received, path, m.total_received);
    set_loss_columns(c, path, i.tranche[t].loss, loss_flags(m, i.config.finance.hurdle_rate));
  }

  // 4. The budget-economic account of every budget.
  compute_budget_account(s.sim.treated.flows, s.sim.counterfactual.flows, s.contract.payer_payments,
                         s.contract.guarantee_payments, s.net);
  for (int b = 0; b < kAccountBudgets; ++b) {
    auto& monthly = s.budget_net[static_cast<size_t>(b)];
    monthly_net(s.net, b, monthly);
    c.set(i.budget_npv[static_cast<size_t>(b)], path, npv(monthly, public_curve(pp)));
    c.set(i.budget_break_even[static_cast<size_t>(b)], path, payback_month(monthly));
  }

  // 5. Outcomes and sampled parameters.
  double paid = 0.0;
  for (const auto& payer : s.contract.payer_payments)
    for (double v : payer) paid += v;
  c.set(i.out.enrolled, path, s.sim.enrolled);
  c.set(i.out.starts_t, path, s.sim.treated.job_starts);
  c.set(i.out.starts_c, path, s.sim.counterfactual.job_starts);
  c.set(i.out.months_t, path, s.sim.treated.employment_months);
  c.set(i.out.months_c, path, s.sim.counterfactual.employment_months);
  c.set(i.out.paid, path, paid);
  c.set(i.out.measured, path, measured_effect_of(s.contract));
  c.set(i.out.termination, path, termination);
  c.set(i.out.recession, path, s.sim.recession_months);
  c.set(i.out.hr, path, pp.hazard_ratio);
  c.set(i.out.clamped, path, pp.gap_clamped ? 1.0 : 0.0);
  for (size_t p = 0; p < s.draws.size(); ++p) c.set(i.first_param + static_cast<int>(p), path, s.draws[p]);

  // 6. Society's account and the funding alternatives, on the same path.
  i.record_society(path, pp, terms, s.sim, s, c);

  // 7. Time series: exact block sums of the annual account, full series of the first paths.
  series.society_annual_of(s.society, s.society_annual);
  series.add_society(block, path, s.society_annual);
  series.annual_of(s.net, s.annual);
  series.add_to_block(block, s.annual);
  if (series.keeps(path))
    series.keep_path(path, s.contract.investor_flows, s.contract.investor_drawdowns, s.budget_net, s.annual);
  return pp.gap_clamped;
}

}  // namespace sisim::engine
