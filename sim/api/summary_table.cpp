#include "sim/api/summary_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "sim/api/csv_text.hpp"

namespace sisim::api {

using config::Config;

namespace {

constexpr int kP5 = 1, kP50 = 4, kP95 = 7;  // indices into stats::kQuantileLevels

std::string format_value(double v, Unit unit) {
  if (std::isnan(v)) return "n/a";
  switch (unit) {
    case Unit::percent:
      return fmt::format("{:.2f} %", 100.0 * v);
    case Unit::multiple:
      return fmt::format("{:.3f}x", v);
    case Unit::months:
      return fmt::format("{:.1f} mo", v);
    case Unit::money:
      if (std::fabs(v) >= 1e6) return fmt::format("{:.2f} M", v / 1e6);
      return fmt::format("{:.0f} k", std::fabs(v) < 500.0 ? 0.0 : v / 1e3);  // no "-0 k"
  }
  return "";
}

std::string with_se(double v, double se, Unit unit) {
  return format_value(v, unit) + " \xC2\xB1" + format_value(se, unit);
}

// printf pads by bytes; "\xC2\xB1" is two bytes but one column, so pad by hand.
std::string pad_left(const std::string& s, size_t width) {
  size_t cols = 0;
  for (unsigned char ch : s) cols += (ch & 0xC0) != 0x80;
  return cols >= width ? s : std::string(width - cols, ' ') + s;
}
std::string pad_right(const std::string& s, size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

const char* section_title(const std::string& section) {
  if (section == "returns") return "returns";
  if (section == "tranches") return "tranches (most senior first; the last takes the first loss)";
  return "capital";
}

}  // namespace

std::string format_summary_table(const SummaryDocument& doc) {
  std::string out = doc.title + "\n";
  if (!doc.terms.empty()) {
    out += "deal terms\n";
    for (const auto& t : doc.terms) out += "  " + pad_right(t.name, 34) + " " + t.value + "\n";
    out += "\n";
  }
  // The label column fits the longest label (a public NPV names its rate and price basis).
  size_t label_width = 44;
  for (const auto& row : doc.summary.metrics)
    if (row.spec.section != "budgets") label_width = std::max(label_width, row.spec.label.size() + 3);
  std::string section;
  for (const auto& row : doc.summary.metrics) {
    const auto& spec = row.spec;
    if (spec.section == "budgets") continue;  // in the file, not in the table
    if (spec.section != section) {
      if (!section.empty()) out += "\n";
      section = spec.section;
      const bool capital = section == "capital";
      out += pad_right(section_title(section), label_width) + pad_left("P5 (VaR 5 %)", 20) +
             pad_left("P50 (median)", 20) + pad_left("P95", 20) + pad_left("mean", 20) +
             (capital ? pad_left("never", 10) : pad_left("mean of worst 5 % (ES)", 24)) + "\n";
    }
    const auto& s = row.summary;
    std::string line = pad_right("  " + spec.label, label_width) +
                       pad_left(with_se(s.quantiles[kP5], s.quantile_se[kP5], spec.unit), 20) +
                       pad_left(with_se(s.quantiles[kP50], s.quantile_se[kP50], spec.unit), 20) +
                       pad_left(with_se(s.quantiles[kP95], s.quantile_se[kP95], spec.unit), 20) +
                       pad_left(with_se(s.mean, s.se_mean, spec.unit), 20);
    if (section == "capital") {
      const double total = static_cast<double>(s.n + s.n_nan);
      const std::string never =
          fmt::format("{:.1f} %", total > 0 ? 100.0 * static_cast<double>(s.n_nan) / total : 0.0);
      line += pad_left(spec.never_is_nan ? never : "", 10);
    } else {
      line += pad_left(with_se(s.es_05, s.es_05_se, spec.unit), 24);
    }
    out += line + "\n";
  }
  std::int64_t paths = 0;
  for (const auto& e : doc.summary.events) paths = std::max(paths, e.n);
  out += "\nprobabilities (share of all " + std::to_string(paths) + " paths, \xC2\xB1 standard error)\n";
  for (const auto& e : doc.summary.events) {
    out += pad_right("  P(" + e.spec.label + ")", 84) +
           pad_left(fmt::format("{:.2f} % \xC2\xB1{:.2f} %", 100.0 * e.p, 100.0 * e.p_se), 20) + "\n";
  }
  if (!doc.notes.empty()) {
    out += "\n";
    for (const auto& n : doc.notes) out += "note: " + n + "\n";
  }
  out += "(\xC2\xB1 = Monte Carlo standard error; money in " + doc.currency +
         " on the price basis of the deal terms, NPVs discounted to month 0; VaR 5 % is the P5 column and ES "
         "5 % the mean of the\n"
         " worst 5 % of paths, both in the metric's own units: a loss shows as a negative IRR or NPV, a MOIC "
         "below 1)\n";
  return out;
}

std::string format_summary_csv(const SummaryDocument& doc) {
  std::string out = "metric,statistic,value,se,units,label\n";
  auto add = [&](const std::string& metric, const char* stat, double v, double se, const std::string& units,
                 const std::string& label) {
    // An empty cell, not "nan", where a value is undefined: spreadsheets read it as missing.
    fmt::format_to(std::back_inserter(out), "{},{},{},{},{},{}\n", metric, stat, csv_number(v),
                   csv_number(se), csv_quoted(units), csv_quoted(label));
  };
  for (const auto& row : doc.summary.metrics) {
    const auto& s = row.summary;
    const std::string& k = row.spec.key;
    const std::string u = results::units_of(row.spec, doc.currency);
    const std::string& l = row.spec.label;
    add(k, "p05", s.quantiles[kP5], s.quantile_se[kP5], u, l);
    add(k, "p50", s.quantiles[kP50], s.quantile_se[kP50], u, l);
    add(k, "p95", s.quantiles[kP95], s.quantile_se[kP95], u, l);
    add(k, "mean", s.mean, s.se_mean, u, l);
    add(k, "sd", s.sd, std::nan(""), u, l);
    add(k, "var_05", s.var_05, s.var_05_se, u, l + ": value at risk at 5 %, the 5 % quantile");
    add(k, "es_05", s.es_05, s.es_05_se, u, l + ": expected shortfall at 5 %, the mean of the worst 5 %");
    add(k, "n", static_cast<double>(s.n), std::nan(""), "paths", l + ": paths with a defined value");
  }
  for (const auto& e : doc.summary.events)
    add(e.spec.key, "probability", e.p, e.p_se, "1", "P(" + e.spec.label + ")");
  return out;
}

std::vector<std::string> result_notes(const Config& config, const results::ResultSummary& summary,
                                      const std::vector<double>* drawn_fan) {
  std::vector<std::string> notes;
  if (const auto* cap = summary.event("investor_return_cap_reached"); cap && cap->p >= 0.05) {
    std::string rate = "every tranche's cap";
    if (config.finance.tranches.empty() && config.finance.return_cap_annual)
      rate = fmt::format("{:.2f} % a year", 100.0 * *config.finance.return_cap_annual);
    notes.push_back(
        fmt::format("{:.1f} % of paths reach the return cap ({}): on them the investor's IRR is the cap, so "
                    "the upper IRR quantiles show the cap, not the programme",
                    100.0 * cap->p, rate));
  }
  if (const auto* c = summary.event("investor_commitment_exceeded")) {
    notes.push_back(
        fmt::format("on {:.1f} % of paths the drawdowns exceed the commitment of {} (finance.commitment)",
                    100.0 * c->p, results::money_with_currency(*config.finance.commitment, config.currency)));
  }
  // Undrawn commitment = commitment - drawn so far; its median is commitment - the median drawn,
  // and in the 5 % of paths that draw most it is commitment - P95 of the drawn amount.
  if (config.finance.commitment && drawn_fan != nullptr && !drawn_fan->empty()) {
    const std::size_t months = drawn_fan->size() / 9;
    std::string line = "undrawn commitment, median and in the 5 % of paths drawing most:";
    for (std::size_t m : {11, 23, 35, 47, 59}) {
      if (m >= months) break;
      const double c = *config.finance.commitment;
      fmt::format_to(std::back_inserter(line), " month {}: {} (worst 5 %: {}){}", m + 1,
                     results::money_with_currency(c - (*drawn_fan)[m * 9 + 4], config.currency),
                     results::money_with_currency(c - (*drawn_fan)[m * 9 + 7], config.currency),
                     m + 12 < months && m < 59 ? "," : "");
    }
    notes.push_back(line + " (negative: drawdowns beyond the commitment)");
  }
  return notes;
}

}  // namespace sisim::api
