#include "sim/api/tornado_file.hpp"

#include <fmt/format.h>

#include <cmath>
#include <iterator>

#include "sim/io/h5_reader.hpp"

namespace sisim::api {
namespace {

std::string amount(double v, results::Unit unit, bool sign = false) {
  if (std::isnan(v)) return "n/a";
  if (unit == results::Unit::percent)
    return sign ? fmt::format("{:+.1f} pp", 100.0 * v) : fmt::format("{:.1f} %", 100.0 * v);
  if (std::fabs(v) >= 1e6) return sign ? fmt::format("{:+.2f} M", v / 1e6) : fmt::format("{:.2f} M", v / 1e6);
  return sign ? fmt::format("{:+.0f} k", v / 1e3) : fmt::format("{:.0f} k", v / 1e3);
}

// The SE of a swing: percentage points, or thousands (a small SE should not print as 0.00 M).
std::string se_text(double v, results::Unit unit) {
  if (std::isnan(v)) return "n/a";
  if (unit == results::Unit::percent) return fmt::format("{:.1f} pp", 100.0 * v);
  return fmt::format("{:.0f} k", v / 1e3);
}

}  // namespace

void write_tornado(io::ResultWriter& w, const results::TornadoResult& t, const std::string& currency,
                   const std::string& public_basis) {
  std::vector<std::string> names, low_labels, high_labels;
  std::vector<double> low_values, high_values;
  std::vector<std::int32_t> switches;
  for (const auto& in : t.inputs) {
    names.push_back(in.name);
    low_labels.push_back(in.low_label);
    high_labels.push_back(in.high_label);
    low_values.push_back(in.low_value);
    high_values.push_back(in.high_value);
    switches.push_back(in.is_switch ? 1 : 0);
  }
  w.set_attribute("/tornado", "inputs", names);
  w.set_attribute("/tornado", "low_labels", low_labels);
  w.set_attribute("/tornado", "high_labels", high_labels);
  w.write_column("/tornado/inputs/low_value", low_values, "as configured",
                 "each input's P10 (the low end of its swing); NaN for a switch");
  w.write_column("/tornado/inputs/high_value", high_values, "as configured",
                 "each input's P90 (the high end of its swing); NaN for a switch");
  w.write_column(
      "/tornado/inputs/is_switch", switches, "flag",
      "1 for a regime or payer switch (no recession vs recession from month 0; never terminated vs "
      "terminated after half the outcome window)");
  const auto& metrics = results::tornado_metrics();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const std::string g = "/tornado/" + metrics[m].key + "/";
    const std::string units =
        metrics[m].unit == results::Unit::percent
            ? "1"
            : results::money_units(currency, metrics[m].public_budget ? public_basis : "");
    std::vector<double> low, high, swing, se;
    for (const auto& s : t.swings[m]) {
      low.push_back(s.low);
      high.push_back(s.high);
      swing.push_back(s.swing);
      se.push_back(s.swing_se);
    }
    w.write_scalar(g + "base", t.base[m], units, metrics[m].label + " of the scenario as given");
    w.write_column(g + "low", low, units, metrics[m].label + " with each input at its low end");
    w.write_column(g + "high", high, units, metrics[m].label + " with each input at its high end");
    w.write_column(g + "swing", swing, units, "high minus low, per input");
    w.write_column(g + "swing_se", se, units,
                   "standard error of the swing, from the paired paths of the two runs");
    std::vector<std::int64_t> rank(t.rank[m].begin(), t.rank[m].end());
    w.write_column(g + "order", rank, "1", "input indices (0-based) by |swing|, largest first");
  }
}

results::TornadoResult read_tornado(const std::string& path) {
  io::ResultReader r(path);
  results::TornadoResult t;
  const auto names = r.attribute_strings("/tornado", "inputs");
  const auto low_labels = r.attribute_strings("/tornado", "low_labels");
  const auto high_labels = r.attribute_strings("/tornado", "high_labels");
  const auto low_values = r.read_doubles("/tornado/inputs/low_value");
  const auto high_values = r.read_doubles("/tornado/inputs/high_value");
  const auto switches = r.read_doubles("/tornado/inputs/is_switch");
  for (std::size_t i = 0; i < names.size(); ++i) {
    results::TornadoInput in;
    in.name = names[i];
    in.low_label = low_labels.at(i);
    in.high_label = high_labels.at(i);
    in.low_value = low_values.at(i);
    in.high_value = high_values.at(i);
    in.is_switch = switches.at(i) != 0.0;
    t.inputs.push_back(in);
  }
  for (const auto& m : results::tornado_metrics()) {
    const std::string g = "/tornado/" + m.key + "/";
    t.base.push_back(r.read_scalar(g + "base"));
    const auto low = r.read_doubles(g + "low"), high = r.read_doubles(g + "high");
    const auto swing = r.read_doubles(g + "swing"), se = r.read_doubles(g + "swing_se");
    std::vector<results::TornadoSwing> s;
    for (std::size_t i = 0; i < names.size(); ++i)
      s.push_back({low.at(i), high.at(i), swing.at(i), se.at(i)});
    t.swings.push_back(s);
    const auto order = r.read_ints(g + "order");
    t.rank.emplace_back(order.begin(), order.end());
  }
  return t;
}

std::string format_tornado_table(const results::TornadoResult& t, const std::string& title) {
  std::string out = title + "\n";
  const auto to_out = std::back_inserter(out);
  const auto& metrics = results::tornado_metrics();
  for (std::size_t m = 0; m < metrics.size(); ++m) {
    const auto unit = metrics[m].unit;
    out += "\n" + metrics[m].label + " (scenario as given: " + amount(t.base[m], unit) + ")\n";
    fmt::format_to(to_out, "  {:<4} {:<64} {:>12} {:>12} {:>24}\n", "rank", "input / low end -> high end",
                   "at low", "at high", "swing (high - low)");
    for (std::size_t k = 0; k < t.rank[m].size(); ++k) {
      const std::size_t i = t.rank[m][k];
      const auto& in = t.inputs[i];
      const auto& s = t.swings[m][i];
      const std::string what = "  " + in.low_label + " -> " + in.high_label;
      const std::string swing = amount(s.swing, unit, true) + " \xC2\xB1" + se_text(s.swing_se, unit);
      const std::string label =
          in.is_switch ? in.name : results::human_label(in.name) + "  [" + in.name + "]";
      fmt::format_to(to_out, "  {:<4} {}\n", k + 1, label);
      // Widths count characters: the swing's "\xC2\xB1" is one.
      fmt::format_to(to_out, "       {:<64} {:>12} {:>12} {:>24}\n", what, amount(s.low, unit),
                     amount(s.high, unit), swing);
    }
  }
  out +=
      "(each input fixed at its P10 and then its P90, every other draw as sampled, on the same seed and "
      "paths;\n"
      " switches: no recession vs a recession from month 0, never terminated vs terminated; \xC2\xB1 = "
      "standard "
      "error\n of the swing from the paired paths)\n";
  return out;
}

}  // namespace sisim::api
