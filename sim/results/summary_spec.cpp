#include "sim/results/summary_spec.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/parallel_for.h>

#include <cmath>
#include <optional>

#include "sim/io/result_schema.hpp"

namespace sisim::results {

using engine::ColumnSet;

using config::Config;
using config::Param;
using config::public_price_basis;

namespace {

using io::ColumnGroup;

std::string percent_text(double rate) {
  return fmt::format("{:.2f} %", 100.0 * rate);
}

// " at 8.00 %", or " at the sampled discount rate" when the rate is uncertain.
std::string at_rate(const Param& rate) {
  return rate.is_fixed() ? " at " + percent_text(rate.dist.value) : " at the sampled discount rate";
}

// " at 3.50 % real, 2026 prices" or " at 6.00 % nominal": a public NPV's rate and its price basis
// (public.discount, MODEL.md 8; the units say the same: "DKK, real 2026 prices").
std::string public_rate_text(const Config& c) {
  const std::string basis = public_price_basis(c);  // "real 2026 prices", "nominal", ...
  const std::string real = "real ";
  if (basis.compare(0, real.size(), real) != 0) return at_rate(c.public_.discount.rate) + " " + basis;
  return at_rate(c.public_.discount.rate) + " real, " + basis.substr(real.size());
}

std::string money_text(double v, const std::string& currency) {
  if (std::fabs(v) >= 1e6) return fmt::format("{:.2f} M {}", v / 1e6, currency);
  return fmt::format("{:.0f} {}", v, currency);
}

// The loss events of one investor or tranche: `who` is "investor" or "tranche <name>", `tranche`
// the tranche's name (empty for the investor as a whole).
void add_investor_events(std::vector<EventSpec>& out, const Config& c, const std::string& key,
                         const std::string& tranche, const std::string& who) {
  out.push_back({key + "_loss_nominal", io::column_path(ColumnGroup::loss, "nominal", tranche),
                 who + " nominal loss: receipts + guarantee < capital drawn (MOIC < 1)", false});
  out.push_back({key + "_npv_negative", io::column_path(ColumnGroup::loss, "npv_negative", tranche),
                 who + " NPV < 0" + at_rate(c.finance.investor_discount_rate), false});
  if (c.finance.hurdle_rate)
    out.push_back({key + "_irr_below_hurdle", io::column_path(ColumnGroup::loss, "irr_below_hurdle", tranche),
                   who + " IRR below the " + percent_text(*c.finance.hurdle_rate) + " hurdle", false});
}

}  // namespace

std::string units_of(Unit unit, const std::string& currency) {
  switch (unit) {
    case Unit::percent:
      return "1/year";
    case Unit::multiple:
      return "1";
    case Unit::months:
      return "month";
    case Unit::money:
      break;
  }
  return currency;
}

std::string money_units(const std::string& currency, const std::string& basis) {
  return basis.empty() ? currency : currency + ", " + basis;
}

std::string units_of(const MetricSpec& spec, const std::string& currency) {
  return money_units(units_of(spec.unit, currency), spec.money_basis);
}

std::vector<MetricSpec> metric_specs(const Config& c) {
  const std::string inv_rate = at_rate(c.finance.investor_discount_rate);
  const std::string pub_rate = public_rate_text(c);
  const std::string basis = public_price_basis(c);
  std::vector<MetricSpec> m = {
      {"investor/irr", io::column_path(ColumnGroup::investor, "irr"), "investor IRR (annual)", "investor_irr",
       Unit::percent, "returns", false, "investor_loss_nominal", ""},
      {"investor/moic", io::column_path(ColumnGroup::investor, "moic"), "investor MOIC", "investor_moic",
       Unit::multiple, "returns", false, "investor_loss_nominal", ""},
      {"investor/npv", io::column_path(ColumnGroup::investor, "npv"), "investor NPV" + inv_rate,
       "investor_npv", Unit::money, "returns", false, "investor_npv_negative", ""},
      {"budgets/municipality/npv", io::column_path(ColumnGroup::budget, "npv", "municipality"),
       "municipality NPV" + pub_rate, "municipality_npv", Unit::money, "returns", false, "", basis},
      {"budgets/public_total/npv", io::column_path(ColumnGroup::budget, "npv", "public_total"),
       "public_total NPV" + pub_rate, "public_total_npv", Unit::money, "returns", false, "", basis},
  };
  for (const char* b : {"state", "region", "other_municipalities", "foundation"})
    m.push_back({std::string("budgets/") + b + "/npv", io::column_path(ColumnGroup::budget, "npv", b),
                 std::string(b) + " NPV" + pub_rate, std::string(b) + "_npv", Unit::money, "budgets", false,
                 "", basis});
  for (const auto& t : c.finance.tranches) {
    const std::string k = "tranche_" + t.name;
    m.push_back({"tranches/" + t.name + "/irr", io::column_path(ColumnGroup::tranche, "irr", t.name),
                 "tranche " + t.name + " IRR (annual)", k + "_irr", Unit::percent, "tranches", false,
                 k + "_loss_nominal", ""});
    m.push_back({"tranches/" + t.name + "/moic", io::column_path(ColumnGroup::tranche, "moic", t.name),
                 "tranche " + t.name + " MOIC", k + "_moic", Unit::multiple, "tranches", false,
                 k + "_loss_nominal", ""});
    m.push_back({"tranches/" + t.name + "/npv", io::column_path(ColumnGroup::tranche, "npv", t.name),
                 "tranche " + t.name + " NPV" + inv_rate, k + "_npv", Unit::money, "tranches", false,
                 k + "_npv_negative", ""});
  }
  m.push_back({"investor/peak_capital", io::column_path(ColumnGroup::investor, "peak_capital"),
               "peak capital at risk", "investor_peak_capital", Unit::money, "capital", false, "", ""});
  m.push_back({"investor/total_drawn", io::column_path(ColumnGroup::investor, "total_drawn"),
               "capital drawn (total drawdowns)", "investor_total_drawn", Unit::money, "capital", false, "",
               ""});
  m.push_back({"investor/payback_month", io::column_path(ColumnGroup::investor, "payback_month"),
               "payback month (nominal)", "investor_payback_month", Unit::months, "capital", true, "", ""});
  m.push_back({"investor/discounted_payback_month",
               io::column_path(ColumnGroup::investor, "discounted_payback_month"),
               "time to repayment" + inv_rate, "investor_discounted_payback_month", Unit::months, "capital",
               true, "", ""});
  return m;
}

std::vector<EventSpec> event_specs(const Config& c) {
  std::vector<EventSpec> e;
  add_investor_events(e, c, "investor", "", "investor");
  for (const auto& t : c.finance.tranches)
    add_investor_events(e, c, "tranche_" + t.name, t.name, "tranche " + t.name);
  const std::string pub_rate = public_rate_text(c);
  e.push_back({"municipality_npv_negative", io::column_path(ColumnGroup::budget, "npv", "municipality"),
               "municipality NPV < 0" + pub_rate, true});
  e.push_back({"public_total_npv_negative", io::column_path(ColumnGroup::budget, "npv", "public_total"),
               "public_total NPV < 0" + pub_rate + " (all public budgets together)", true});
  // Money is withheld only when the last tranche is capped too (its own cap, or the deal's).
  const bool capped =
      c.finance.return_cap_annual.has_value() ||
      (!c.finance.tranches.empty() && c.finance.tranches.back().return_cap_annual.has_value());
  if (capped) {
    const std::string cap = c.finance.tranches.empty()
                                ? "the " + percent_text(*c.finance.return_cap_annual) + " return cap"
                                : "every tranche's return cap";
    e.push_back({"investor_return_cap_reached", io::column_path(ColumnGroup::investor, "return_cap_reached"),
                 "investor paid up to " + cap + " (the excess stays with the payers)", false});
  }
  if (c.finance.commitment)
    e.push_back(
        {"investor_commitment_exceeded", io::column_path(ColumnGroup::investor, "commitment_exceeded"),
         "drawdowns exceed the commitment of " + money_text(*c.finance.commitment, c.currency), false});
  return e;
}

const EventRow* ResultSummary::event(const std::string& key) const {
  for (const auto& e : events)
    if (e.spec.key == key) return &e;
  return nullptr;
}

std::vector<std::uint8_t> event_flags(const ColumnSet& columns, const EventSpec& event) {
  const int c = columns.find(event.column);
  if (c < 0) return {};
  const auto& x = columns.column(c);
  std::vector<std::uint8_t> flags(x.size());
  for (size_t i = 0; i < x.size(); ++i) flags[i] = (event.below_zero ? x[i] < 0.0 : x[i] != 0.0) ? 1 : 0;
  return flags;
}

std::vector<std::uint8_t> loss_flags_of_metric(const ColumnSet& columns, const std::string& metric_column) {
  const size_t slash = metric_column.rfind('/');
  const std::string group = metric_column.substr(0, slash), name = metric_column.substr(slash + 1);
  // The investor's own columns, or a tranche's (its folder names the tranche).
  const std::string tranches = io::group_path(ColumnGroup::tranche) + "/";
  const bool tranche = group.starts_with(tranches);
  if (group != io::group_path(ColumnGroup::investor) && !tranche) return {};
  const std::string flag = name == "npv" ? "npv_negative" : name == "irr" || name == "moic" ? "nominal" : "";
  if (flag.empty()) return {};
  const std::string instance = tranche ? group.substr(tranches.size()) : "";
  return event_flags(columns, {"", io::column_path(ColumnGroup::loss, flag, instance), "", false});
}

ResultSummary summarize_run(const Config& config, const ColumnSet& columns) {
  // Every event and metric is summarised on its own (a sort of all paths each), so they run in
  // parallel: serially this end phase cost several per cent of a run's parallel efficiency
  // (issue 16). Each lands in its own slot, so the summary is the same for any thread count.
  const auto events = event_specs(config);
  std::vector<std::optional<EventRow>> event_slots(events.size());
  tbb::parallel_for(std::size_t{0}, events.size(), [&](std::size_t k) {
    const auto flags = event_flags(columns, events[k]);
    if (flags.empty()) return;
    const std::vector<double> x(flags.begin(), flags.end());
    const auto s = stats::summarize(x, &flags);
    event_slots[k] = EventRow{events[k], s.p_loss, s.p_loss_se, static_cast<std::int64_t>(flags.size())};
  });
  const auto metrics = metric_specs(config);
  std::vector<std::optional<MetricRow>> metric_slots(metrics.size());
  tbb::parallel_for(std::size_t{0}, metrics.size(), [&](std::size_t k) {
    const auto& m = metrics[k];
    const int c = columns.find(m.column);
    if (c < 0) return;
    std::vector<double> x = columns.column(c);
    if (m.never_is_nan)
      for (double& v : x)
        if (v < 0.0) v = std::nan("");
    std::vector<std::uint8_t> flags;
    for (const auto& e : events)
      if (e.key == m.loss_event) flags = event_flags(columns, e);
    metric_slots[k] = MetricRow{m, stats::summarize(x, flags.empty() ? nullptr : &flags)};
  });
  ResultSummary out;
  for (auto& e : event_slots)
    if (e) out.events.push_back(std::move(*e));
  for (auto& m : metric_slots)
    if (m) out.metrics.push_back(std::move(*m));
  return out;
}

}  // namespace sisim::results
