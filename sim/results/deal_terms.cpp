#include "sim/results/deal_terms.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sisim::results {

using rng::DistKind;
using rng::Distribution;

using config::Config;
using config::Contract;
using config::Finance;
using config::Guarantee;
using config::Metric;
using config::Param;
using config::public_price_basis;
using config::PublicDiscount;
using config::Rules;

namespace {

std::string fixed(double v, int decimals) {
  return fmt::format("{:.{}f}", v, decimals);
}

std::string percent(double v) {
  return fixed(100.0 * v, 2) + " %";
}

// 40000 -> "40,000"
std::string grouped(double v) {
  const long long n = std::llround(std::fabs(v));
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out;
}

std::string value_text(double v, bool as_percent) {
  if (as_percent) return percent(v);
  return fmt::format("{:g}", v);
}

std::string guarantee_text(const Guarantee& g) {
  if (g.share_of_loss <= 0.0) return "none";
  return percent(g.share_of_loss) + " of a nominal loss, paid by the " + to_string(g.guarantor);
}

}  // namespace

std::string money_with_currency(double v, const std::string& currency) {
  if (std::fabs(v) >= 1e6) return fixed(v / 1e6, 2) + " M " + currency;
  return grouped(v) + " " + currency;
}

std::string param_text(const Param& p, bool as_percent) {
  const Distribution& d = p.dist;
  auto v = [&](double x) { return value_text(x, as_percent); };
  switch (d.kind) {
    case DistKind::fixed:
      return v(d.value);
    case DistKind::uniform:
      return "uncertain (uniform " + v(d.low) + " to " + v(d.high) + ")";
    case DistKind::triangular:
    case DistKind::pert:
      return "uncertain (" + v(d.low) + " to " + v(d.high) + ", most likely " + v(d.mode) + ")";
    case DistKind::normal:
      return "uncertain (normal, mean " + v(d.mean) + ", sd " + v(d.sd) + ")";
    case DistKind::lognormal:
      return "uncertain (lognormal, median " + v(std::exp(d.mu)) + ")";
    case DistKind::beta:
      return "uncertain (beta, mean " + v(d.low + (d.high - d.low) * d.alpha / (d.alpha + d.beta)) + ")";
    case DistKind::discrete:
      return "uncertain (one of " + std::to_string(d.values.size()) + " values)";
  }
  return "uncertain";
}

std::vector<std::string> tranche_names_in_order(const Config& c) {
  std::vector<std::string> names;
  for (const auto& t : c.finance.tranches) names.push_back(t.name);
  return names;
}

std::vector<Term> deal_terms(const Config& c) {
  std::vector<Term> t;
  const std::string& cur = c.currency;
  // The price basis (MODEL.md 8): outcome prices and the investor's flows are nominal; public
  // budgets under dated rules are at the rule sets' price level, indexed as the scenario says.
  const Rules& rules = c.public_.rules;
  if (!rules.present) {
    t.push_back({"currency", cur + " (nominal: every amount as the scenario states it)"});
  } else {
    t.push_back(
        {"currency",
         cur + ": outcome prices and the investor's flows nominal; public budgets at the prices of the " +
             rules.family + " rule sets, amounts after the last set indexed at " +
             param_text(rules.indexation_annual, true) + " a year (0: real terms at the last set's prices)"});
  }
  t.push_back({"cohort", std::to_string(c.cohort.size) + " places, fill rate " +
                             param_text(c.cohort.fill_rate, true) + ", enrolled over " +
                             std::to_string(c.cohort.enrolment_months) + " months"});
  t.push_back({"horizon", std::to_string(c.simulation.horizon_months) + " months (" +
                              fixed(c.simulation.horizon_months / 12.0, 1) + " years)"});
  const Contract& k = c.contract;
  if (!k.present) {
    t.push_back({"contract", "none: nobody pays for outcomes; the investor funds the costs"});
  } else {
    for (const auto& o : k.outcomes) {
      std::string what = to_string(o.metric);
      if (o.metric == Metric::job_start) what += " (held " + std::to_string(o.min_months) + " months)";
      if (o.metric == Metric::sustained_employment) what += " (" + std::to_string(o.months) + " months)";
      if (o.metric == Metric::employment_month && o.max_per_participant > 0)
        what += " (at most " + std::to_string(o.max_per_participant) + " per person)";
      const std::string price = o.price.is_fixed() ? money_with_currency(o.price.dist.value, cur)
                                                   : param_text(o.price, false) + " " + cur;
      t.push_back({"price: " + what, price});
    }
    if (k.tiers.enabled) t.push_back({"tiered payment", std::to_string(k.tiers.tiers.size()) + " tiers"});
    t.push_back({"outcome window", std::to_string(k.outcome_window_months) + " months, paid every " +
                                       std::to_string(k.payment_interval_months) + " months, " +
                                       std::to_string(k.payment_lag_months) + " months in arrears"});
    std::string payers;
    for (const auto& [budget, share] : k.payers)
      payers += (payers.empty() ? "" : ", ") + std::string(to_string(budget)) + " " + percent(share);
    t.push_back({"payers", payers});
    t.push_back({"cap_total",
                 k.cap_total ? money_with_currency(*k.cap_total, cur) + " (all outcome payments)" : "none"});
    t.push_back({"payer termination risk", param_text(k.termination_probability_annual, true) + " a year"});
  }
  const Finance& f = c.finance;
  if (f.tranches.empty()) {
    t.push_back({"return cap", f.return_cap_annual ? percent(*f.return_cap_annual) +
                                                         " a year on the investor's capital account"
                                                   : "none"});
    t.push_back({"guarantee", guarantee_text(f.guarantee)});
  } else {
    for (const auto& tr : f.tranches)
      t.push_back(
          {"tranche " + tr.name, percent(tr.share) + " of drawdowns, return cap " +
                                     (tr.return_cap_annual  ? percent(*tr.return_cap_annual)
                                      : f.return_cap_annual ? percent(*f.return_cap_annual) + " (the deal's)"
                                                            : std::string("none")) +
                                     ", guarantee " + guarantee_text(tr.guarantee)});
  }
  if (param_text(f.provider_share, true) != percent(0.0))
    t.push_back({"provider share", param_text(f.provider_share, true) + " of outcome payments"});
  t.push_back({"investor discount rate", param_text(f.investor_discount_rate, true) + " a year"});
  {
    const PublicDiscount& d = c.public_.discount;
    const bool real = d.basis == PublicDiscount::Basis::real;
    std::string text = param_text(d.rate, true) + " a year, " + (real ? "real" : "nominal");
    if (d.long_term_rate)
      text += " (" + percent(*d.long_term_rate) + " from year " + std::to_string(d.long_term_from_year) + ")";
    if (real) text += "; flows deflated by inflation " + param_text(d.inflation_annual, true) + " a year";
    t.push_back({"public discount rate", text});
    t.push_back({"public NPVs in", cur + ", " + public_price_basis(c)});
  }
  if (f.hurdle_rate) t.push_back({"investor hurdle", percent(*f.hurdle_rate) + " IRR"});
  if (f.commitment)
    t.push_back({"commitment", money_with_currency(*f.commitment, cur) + " committed up front"});
  return t;
}

}  // namespace sisim::results
