#include "sim/api/price_file.hpp"

#include <cmath>
#include <cstdio>

#include "sim/api/csv_text.hpp"
#include "sim/api/result_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::api {

using config::PricingTarget;

namespace {

PriceSolution::Status status_named(const std::string& name, const std::string& where) {
  using S = PriceSolution::Status;
  for (S s : {S::solved, S::at_lower_bound, S::at_upper_bound, S::not_reachable})
    if (name == to_string(s)) return s;
  throw io::IoError("attribute 'status' of '" + where + "' is '" + name + "', not a solver status");
}

PricingTarget::Kind kind_named(const std::string& name, const std::string& where) {
  using K = PricingTarget::Kind;
  for (K k : {K::irr_p50, K::p_loss_max, K::npv_mean_min})
    if (name == to_string(k)) return k;
  throw io::IoError("attribute 'target_kind' of '" + where + "' is '" + name + "', not a pricing target");
}

PriceSolution read_solution(const io::ResultReader& r, const std::string& g, PricingTarget& target) {
  PriceSolution s;
  s.status = status_named(r.attribute_string(g, "status"), g);
  target.kind = kind_named(r.attribute_string(g, "target_kind"), g);
  target.value = r.read_scalar(g + "/target");
  s.k = r.read_scalar(g + "/multiplier");
  s.k_se = r.read_scalar(g + "/multiplier_se");
  s.metric = r.read_scalar(g + "/metric");
  s.metric_se = r.read_scalar(g + "/metric_se");
  s.slope = r.read_scalar(g + "/slope");
  return s;
}

std::string metric_units(const PricingTarget& t, const std::string& currency) {
  return t.kind == PricingTarget::Kind::npv_mean_min ? currency
         : t.kind == PricingTarget::Kind::irr_p50    ? "1/year"
                                                     : "1";
}

}  // namespace

PriceFile read_price_file(const std::string& path) {
  const io::ResultReader r(path);
  if (!r.exists("/price/investor"))
    throw io::IoError("not a price file (no /price/investor): `sisim price` writes them");
  PriceFile f;
  PriceReport& p = f.report;
  f.scenario = r.attribute_string("/", "scenario");
  f.paths = read_paths_attribute(r);
  f.seed = r.attribute_uint("/", "seed");
  p.currency = config_of_file(path).currency;
  p.spec.k_low = r.attribute_number("/price", "multiplier_low");
  p.spec.k_high = r.attribute_number("/price", "multiplier_high");
  p.spec.tolerance = r.attribute_number("/price", "tolerance");
  const auto labels = r.attribute_strings("/price/lines", "labels");
  const auto base =
      read_column_of_length(r, "/price/lines/base_price", static_cast<std::int64_t>(labels.size()));
  for (std::size_t l = 0; l < labels.size(); ++l) p.lines.push_back({labels[l], base[l]});
  p.investor = read_solution(r, "/price/investor", p.spec.investor);
  for (int b = 0; b < kPriceBudgets; ++b) {
    PricingTarget t;
    p.payer[b] = read_solution(r, std::string("/price/payer/") + price_budget_name(b), t);
    if (b > 0 && (t.kind != p.spec.payer.kind || t.value != p.spec.payer.value))
      throw io::IoError("the payer views of '" + path + "' name different targets (damaged or forged file)");
    p.spec.payer = t;
  }
  p.verdict = r.read_string("/price/verdict");
  const auto k = r.read_doubles("/price/evaluations/multiplier");
  const auto n = static_cast<std::int64_t>(k.size());
  const auto inv = read_column_of_length(r, "/price/evaluations/investor_metric", n),
             inv_se = read_column_of_length(r, "/price/evaluations/investor_metric_se", n);
  std::vector<double> bud[kPriceBudgets], bud_se[kPriceBudgets];
  for (int b = 0; b < kPriceBudgets; ++b) {
    const std::string g = std::string("/price/evaluations/") + price_budget_name(b);
    bud[b] = read_column_of_length(r, g + "_metric", n);
    bud_se[b] = read_column_of_length(r, g + "_metric_se", n);
  }
  for (std::size_t e = 0; e < k.size(); ++e) {
    if (!std::isfinite(k[e]) || (e > 0 && !(k[e] > k[e - 1])))
      throw io::IoError("/price/evaluations/multiplier of '" + path +
                        "' is not finite and strictly ascending (damaged or forged file)");
    PriceMetrics m;
    m.investor = inv[e];
    m.investor_se = inv_se[e];
    for (int b = 0; b < kPriceBudgets; ++b) {
      m.budget[b] = bud[b][e];
      m.budget_se[b] = bud_se[b][e];
    }
    p.evaluations[k[e]] = m;
  }
  return f;
}

std::string price_csv(const PriceReport& p) {
  std::string out = "view,status,quantity,at_multiplier,value,se,units\n";
  const auto row = [&](const std::string& view, const std::string& status, const std::string& quantity,
                       double at, double value, double se, const std::string& units) {
    out += csv_quoted(view) + "," + status + "," + csv_quoted(quantity) + "," + csv_number(at) + "," +
           csv_number(value) + "," + csv_number(se) + "," + csv_quoted(units) + "\n";
  };
  const auto side = [&](const std::string& view, const PriceSolution& s, const PricingTarget& t) {
    const std::string status = to_string(s.status), mu = metric_units(t, p.currency);
    const double nan = std::nan("");
    row(view, status, "multiplier", nan, s.k, s.k_se, "1");
    row(view, status, "target", nan, t.value, nan, mu);
    row(view, status, "metric", s.k, s.metric, s.metric_se, mu);
    row(view, status, "slope", s.k, s.slope, nan, mu + " per unit of k");
    for (const auto& l : p.lines)
      row(view, status, "price: " + l.label, s.k, l.base * s.k, l.base * s.k_se, p.currency);
  };
  side("investor", p.investor, p.spec.investor);
  for (int b = 0; b < kPriceBudgets; ++b) side(price_budget_name(b), p.payer[b], p.spec.payer);
  for (const auto& [k, m] : p.evaluations) {
    row("investor", "evaluated", "metric", k, m.investor, m.investor_se,
        metric_units(p.spec.investor, p.currency));
    for (int b = 0; b < kPriceBudgets; ++b)
      row(price_budget_name(b), "evaluated", "metric", k, m.budget[b], m.budget_se[b],
          metric_units(p.spec.payer, p.currency));
  }
  return out;
}

}  // namespace sisim::api
