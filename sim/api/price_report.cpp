#include "sim/api/price_report.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>
#include <limits>

namespace sisim::api {

using config::Config;
using config::Metric;
using config::Outcome;
using config::PricingTarget;
using config::Tier;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string number(fmt::format_string<double> format, double v) {
  if (std::isnan(v)) return "n/a";
  return fmt::vformat(format, fmt::make_format_args(v));  // format checked where number() is called
}

std::string target_value(const PricingTarget& t, const std::string& currency) {
  if (t.kind == PricingTarget::Kind::npv_mean_min) return number("{:.0f}", t.value) + " " + currency;
  return number("{:.2f}", 100 * t.value) + " %";
}

std::string metric_value(const PricingTarget& t, double v, const std::string& currency) {
  if (t.kind == PricingTarget::Kind::npv_mean_min) return number("{:.2f}", v / 1e6) + " M " + currency;
  return number("{:.2f}", 100 * v) + " %";
}

std::string outcome_label(const Outcome& o) {
  std::string s = to_string(o.metric);
  if (o.metric == Metric::job_start) s += " (" + std::to_string(o.min_months) + " months)";
  if (o.metric == Metric::sustained_employment) s += " (" + std::to_string(o.months) + " months)";
  if (o.metric == Metric::employment_month && o.max_per_participant > 0)
    s += " (max " + std::to_string(o.max_per_participant) + ")";
  return s;
}

// "k >= 0.912 +- 0.021" for the investor, "k <= 2.95 +- 0.08" for a payer.
std::string bound_text(const PriceSolution& s, bool investor) {
  if (s.status == PriceSolution::Status::not_reachable) return "not reachable";
  std::string out = std::string(investor ? "k >= " : "k <= ") + number("{:.3f}", s.k);
  if (s.status == PriceSolution::Status::solved) out += " \xC2\xB1" + number("{:.3f}", s.k_se);
  if (s.status == PriceSolution::Status::at_lower_bound) out += " (met at the lower end of the range)";
  if (s.status == PriceSolution::Status::at_upper_bound) out += " (met at the upper end of the range)";
  return out;
}

void write_solution(io::ResultWriter& w, const std::string& g, const PriceSolution& s, const PricingTarget& t,
                    const std::vector<PriceLine>& lines, const std::string& currency) {
  w.set_attribute(g, "status", std::string(to_string(s.status)));
  w.set_attribute(g, "target_kind", std::string(to_string(t.kind)));
  const std::string mu = t.kind == PricingTarget::Kind::npv_mean_min ? currency
                         : t.kind == PricingTarget::Kind::irr_p50    ? "1/year"
                                                                     : "1";
  w.write_scalar(g + "/target", t.value, mu, "the target value of the metric");
  w.write_scalar(g + "/multiplier", s.k, "1", "the price multiplier k (NaN when not reachable)");
  w.write_scalar(g + "/multiplier_se", s.k_se, "1",
                 "standard error of k: metric_se / |slope| (NaN at a range end or on a flat)");
  w.write_scalar(g + "/metric", s.metric, mu,
                 "the target metric at k (not reachable: its best value over the range)");
  w.write_scalar(g + "/metric_se", s.metric_se, mu, "Monte Carlo standard error of metric");
  w.write_scalar(g + "/slope", s.slope, mu, "d metric / d k at k (central difference over k +- 0.05)");
  std::vector<double> prices, se;
  for (const auto& l : lines) {
    prices.push_back(l.base * s.k);
    se.push_back(l.base * s.k_se);
  }
  w.write_column(g + "/prices", prices, currency, "each price line (/price/lines) times k");
  w.write_column(g + "/price_se", se, currency, "standard error of each price: base price times SE of k");
}

}  // namespace

std::vector<PriceLine> price_lines(const Config& base) {
  std::vector<PriceLine> out;
  for (const auto& o : base.contract.outcomes)
    out.push_back({outcome_label(o), o.price.is_fixed() ? o.price.dist.value : kNaN});
  if (base.contract.tiers.enabled)
    for (size_t j = 0; j < base.contract.tiers.tiers.size(); ++j) {
      const Tier& t = base.contract.tiers.tiers[j];
      out.push_back({"tier " + std::to_string(j) + " payment", t.payment});
      out.push_back({"tier " + std::to_string(j) + " per_unit", t.per_unit});
    }
  return out;
}

std::string describe_target(const PricingTarget& t, bool investor, const std::string& currency) {
  switch (t.kind) {
    case PricingTarget::Kind::irr_p50:
      return "median IRR >= " + target_value(t, currency);
    case PricingTarget::Kind::p_loss_max:
      return std::string(investor ? "P(nominal loss)" : "P(NPV < 0)") + " <= " + target_value(t, currency);
    case PricingTarget::Kind::npv_mean_min:
      return "mean NPV >= " + target_value(t, currency);
  }
  return "?";
}

std::string price_verdict(const PriceReport& r, const Config& base) {
  const PriceSolution& inv = r.investor;
  using S = PriceSolution::Status;
  std::string out;
  if (inv.status == S::not_reachable) {
    out = "no band: the investor's target (" + describe_target(r.spec.investor, true, r.currency) +
          ") is not reachable at any k in [" + number("{:g}", r.spec.k_low) + ", " +
          number("{:g}", r.spec.k_high) + "] (best " + metric_value(r.spec.investor, inv.metric, r.currency) +
          ")";
    if (r.spec.investor.kind == PricingTarget::Kind::irr_p50 && base.finance.return_cap_annual &&
        *base.finance.return_cap_annual < r.spec.investor.value)
      out += "; the return cap (" + number("{:.2f}", 100 * *base.finance.return_cap_annual) +
             " %) is below the target";
    return out + "\n";
  }
  for (int b = 0; b < kPriceBudgets; ++b) {
    const PriceSolution& pay = r.payer[b];
    const std::string view = std::string(b == 0 ? "municipality budget" : "public_total");
    if (pay.status == S::not_reachable) {
      out += view + ": no band: the payer's target (" + describe_target(r.spec.payer, false, r.currency) +
             ") fails even at k = " + number("{:g}", r.spec.k_low) + "\n";
    } else if (inv.k <= pay.k) {
      out += view + ": band k in [" + number("{:.3f}", inv.k) + ", " + number("{:.3f}", pay.k) + "]";
      if (pay.status == S::at_upper_bound)
        out += " (the payer's target holds up to the end of the search range: the band may be wider)";
      out += "\n";
    } else {
      out += view + ": no band: the investor needs k >= " + number("{:.3f}", inv.k) + " but the payer's " +
             describe_target(r.spec.payer, false, r.currency) +
             " allows at most k = " + number("{:.3f}", pay.k) + " (the payer's constraint binds first)\n";
    }
  }
  return out;
}

std::string format_price_report(const PriceReport& r, const std::string& title) {
  std::string out = title + "\n";
  const auto to_out = std::back_inserter(out);
  fmt::format_to(to_out, "{:<34} {:<26} {}\n", "investor", describe_target(r.spec.investor, true, r.currency),
                 bound_text(r.investor, true));
  for (int b = 0; b < kPriceBudgets; ++b) {
    const std::string who = std::string("payer (") + price_budget_name(b) + ")";
    fmt::format_to(to_out, "{:<34} {:<26} {}\n", who, describe_target(r.spec.payer, false, r.currency),
                   bound_text(r.payer[b], false));
  }
  out += r.verdict;
  const std::string price_head = "price (" + r.currency + ", nominal)";
  fmt::format_to(to_out, "{:<28} {:>12} {:>22} {:>22} {:>22}\n", price_head, "at k = 1", "investor min",
                 "municipality max", "public_total max");
  const PriceSolution* ends[] = {&r.investor, &r.payer[0], &r.payer[1]};
  for (const auto& l : r.lines) {
    fmt::format_to(to_out, "{:<28} {:>12}", l.label, number("{:.0f}", l.base));
    for (const PriceSolution* s : ends) {
      std::string cell = number("{:.0f}", l.base * s->k);
      if (s->status == PriceSolution::Status::solved)
        cell += " \xC2\xB1" + number("{:.0f}", l.base * s->k_se);
      fmt::format_to(to_out, " {:>22}", cell);  // widths count characters: "\xC2\xB1" is one
    }
    out += "\n";
  }
  out +=
      "(k multiplies every outcome price; \xC2\xB1 = standard error of k from the target metric's SE / "
      "slope)\n";
  return out;
}

std::string price_title(const std::string& scenario, std::int64_t paths, std::uint64_t seed,
                        std::size_t evaluations) {
  return "sisim price: " + scenario + " (" + std::to_string(paths) + " paths, seed " + std::to_string(seed) +
         ", " + std::to_string(evaluations) + " evaluations on common random numbers)";
}

void write_price_groups(io::ResultWriter& w, const PriceReport& r) {
  w.set_attribute("/price", "investor_target", describe_target(r.spec.investor, true, r.currency));
  w.set_attribute("/price", "payer_target", describe_target(r.spec.payer, false, r.currency));
  w.set_attribute("/price", "multiplier_low", r.spec.k_low);
  w.set_attribute("/price", "multiplier_high", r.spec.k_high);
  w.set_attribute("/price", "tolerance", r.spec.tolerance);
  std::vector<std::string> labels;
  std::vector<double> base;
  for (const auto& l : r.lines) {
    labels.push_back(l.label);
    base.push_back(l.base);
  }
  w.set_attribute("/price/lines", "labels", labels);
  w.write_column(
      "/price/lines/base_price", base, r.currency,
      "each rate-card price, then each tier's payment and per_unit, at k = 1 (NaN: uncertain price)");
  write_solution(w, "/price/investor", r.investor, r.spec.investor, r.lines, r.currency);
  for (int b = 0; b < kPriceBudgets; ++b)
    write_solution(w, std::string("/price/payer/") + price_budget_name(b), r.payer[b], r.spec.payer, r.lines,
                   r.currency);
  w.write_string("/price/verdict", r.verdict, "the negotiating band per payer view, or why there is none");
  std::vector<double> k, inv, inv_se, bud[kPriceBudgets], bud_se[kPriceBudgets];
  for (const auto& [x, m] : r.evaluations) {
    k.push_back(x);
    inv.push_back(m.investor);
    inv_se.push_back(m.investor_se);
    for (int b = 0; b < kPriceBudgets; ++b) {
      bud[b].push_back(m.budget[b]);
      bud_se[b].push_back(m.budget_se[b]);
    }
  }
  w.write_column("/price/evaluations/multiplier", k, "1", "every multiplier evaluated, ascending");
  w.write_column("/price/evaluations/investor_metric", inv, "as the target",
                 "the investor target's metric at each k");
  w.write_column("/price/evaluations/investor_metric_se", inv_se, "as the target", "its standard error");
  for (int b = 0; b < kPriceBudgets; ++b) {
    const std::string g = std::string("/price/evaluations/") + price_budget_name(b);
    w.write_column(g + "_metric", bud[b], "as the target",
                   "the payer target's metric on this budget at each k");
    w.write_column(g + "_metric_se", bud_se[b], "as the target", "its standard error");
  }
}

}  // namespace sisim::api
