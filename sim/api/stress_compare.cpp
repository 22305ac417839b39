#include "sim/api/stress_compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <stdexcept>

#include "sim/api/stress_run.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/results/paired.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::api {

using engine::RunOutput;

namespace {

using results::paired_mean;
using results::paired_median;

enum class Stat { median, mean };

// The per-path values a metric is computed from, and how.
struct Series {
  std::vector<double> x;
  Stat stat;
};

Series series_of(const RunOutput& run, size_t metric) {
  auto flags = [](const std::vector<double>& v) {
    std::vector<double> out(v.size());
    for (size_t i = 0; i < v.size(); ++i) out[i] = v[i] < 0 ? 1.0 : 0.0;
    return out;
  };
  switch (metric) {
    case 0:
      return {column_of(run, io::column_path(io::ColumnGroup::investor, "irr")), Stat::median};
    case 1: {
      const auto loss = investor_loss(run);
      return {std::vector<double>(loss.begin(), loss.end()), Stat::mean};
    }
    case 2:
      return {column_of(run, io::column_path(io::ColumnGroup::investor, "npv")), Stat::mean};
    case 3:
      return {column_of(run, io::column_path(io::ColumnGroup::budget, "npv", "municipality")), Stat::mean};
    case 4:
      return {flags(column_of(run, io::column_path(io::ColumnGroup::budget, "npv", "municipality"))),
              Stat::mean};
    case 5:
      return {column_of(run, io::column_path(io::ColumnGroup::budget, "npv", "public_total")), Stat::mean};
    default:
      return {flags(column_of(run, io::column_path(io::ColumnGroup::budget, "npv", "public_total"))),
              Stat::mean};
  }
}

// A value ("12.3 %"), a change ("-4.1 pp", with_sign) or the SE of a change ("1.2 pp").
std::string amount(double v, Unit unit, bool is_change, bool with_sign = false) {
  if (std::isnan(v)) return "n/a";
  if (unit == Unit::percent)
    return (with_sign ? fmt::format("{:+.1f}", 100.0 * v) : fmt::format("{:.1f}", 100.0 * v)) +
           (is_change ? " pp" : " %");
  if (unit == Unit::multiple) return with_sign ? fmt::format("{:+.3f}x", v) : fmt::format("{:.3f}x", v);
  // Money: millions where that is readable, thousands below (an SE of 4 k, not "0.00 M").
  if (std::fabs(v) >= 1e6)
    return with_sign ? fmt::format("{:+.2f} M", v / 1e6) : fmt::format("{:.2f} M", v / 1e6);
  return with_sign ? fmt::format("{:+.0f} k", v / 1e3) : fmt::format("{:.0f} k", v / 1e3);
}

}  // namespace

const std::vector<ComparisonMetric>& comparison_metrics() {
  static const std::vector<ComparisonMetric> metrics = {
      {"investor_irr_p50", "median IRR", Unit::percent, false},
      {"investor_p_loss", "P(nominal loss)", Unit::percent, false},
      {"investor_npv_mean", "investor NPV mean", Unit::money, false},
      {"municipality_npv_mean", "municipality NPV mean", Unit::money, true},
      {"municipality_p_loss", "P(municipality NPV < 0)", Unit::percent, true},
      {"public_total_npv_mean", "public_total NPV mean", Unit::money, true},
      {"public_total_p_loss", "P(public_total NPV < 0)", Unit::percent, true},
  };
  return metrics;
}

std::vector<PairedValue> compare_paired(const RunOutput& base, const RunOutput& other) {
  if (base.paths != other.paths)
    throw std::invalid_argument("compare_paired: runs differ in their number of paths");
  std::vector<PairedValue> out;
  for (size_t m = 0; m < comparison_metrics().size(); ++m) {
    const Series b = series_of(base, m), o = series_of(other, m);
    out.push_back(b.stat == Stat::median ? paired_median(b.x, o.x) : paired_mean(b.x, o.x));
  }
  return out;
}

std::string format_comparison_table(const std::vector<std::string>& cases,
                                    const std::vector<std::vector<PairedValue>>& rows,
                                    const std::string& title) {
  // The terminal shows the four numbers a deal is argued about; the file has all of them.
  const size_t shown[] = {0, 1, 3, 4, 5};
  std::string out = title + "\n";
  const auto to_out = std::back_inserter(out);
  fmt::format_to(to_out, "{:<22}", "case");
  for (size_t m : shown) fmt::format_to(to_out, " {:>32}", comparison_metrics()[m].label);
  out += "\n";
  for (size_t c = 0; c < cases.size(); ++c) {
    fmt::format_to(to_out, "{:<22}", cases[c]);
    for (size_t m : shown) {
      const Unit u = comparison_metrics()[m].unit;
      const PairedValue& v = rows[c][m];
      std::string cell = amount(v.value, u, false);
      if (c > 0)
        cell += " (" + amount(v.change, u, true, true) + " \xC2\xB1" + amount(v.change_se, u, true) + ")";
      fmt::format_to(to_out, " {:>32}", cell);  // widths count characters: "\xC2\xB1" is one
    }
    out += "\n";
  }
  out += "(change from base \xC2\xB1 standard error of the change, from paired paths: same seed and paths)\n";
  return out;
}

}  // namespace sisim::api
