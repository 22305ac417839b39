#include "sim/api/stress_file.hpp"

#include "sim/api/result_file.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/results/summary_spec.hpp"

namespace sisim::api {

using config::describe_shift;
using config::Shift;

namespace {

std::string comparison_units(const ComparisonMetric& metric, const std::string& currency,
                             const std::string& public_basis) {
  if (metric.unit == Unit::money)
    return results::money_units(currency, metric.public_budget ? public_basis : "");
  return metric.unit == Unit::months ? "month" : "1";
}

std::string lines_of(const std::vector<Shift>& shifts) {
  std::string out;
  for (const auto& s : shifts) out += describe_shift(s) + "\n";
  return out;
}

}  // namespace

void write_stress_case(io::ResultWriter& w, const CaseRecord& r) {
  const std::string g = "/stress/cases/" + r.name + "/";
  w.write_string(g + "description", r.description, "what the case represents (from the cases file)");
  w.write_string(g + "shifts", lines_of(r.shifts),
                 "the shifts as written, one per line: path: set|scale|add value");
  w.write_string(
      g + "applied", lines_of(r.resolved),
      "the overrides applied to the base scenario, one per line (scale/add resolved to the new value)");
  w.write_string(g + "config_yaml", r.config_yaml, "the case's fully resolved scenario");
}

void write_stress_comparison(io::ResultWriter& w, const std::vector<std::string>& cases,
                             const std::vector<std::vector<PairedValue>>& rows, const std::string& currency,
                             const std::string& public_basis) {
  w.set_attribute("/stress/comparison", "cases", cases);
  const auto& metrics = comparison_metrics();
  for (size_t m = 0; m < metrics.size(); ++m) {
    std::vector<double> value, change, se;
    for (const auto& row : rows) {
      value.push_back(row[m].value);
      change.push_back(row[m].change);
      se.push_back(row[m].change_se);
    }
    const std::string g = std::string("/stress/comparison/") + metrics[m].name + "/";
    // The IRR is a rate per year; the other percentages (P(loss)) are plain shares.
    const std::string u = std::string(metrics[m].name).find("irr") != std::string::npos
                              ? "1/year"
                              : comparison_units(metrics[m], currency, public_basis);
    w.write_column(g + "value", value, u,
                   std::string(metrics[m].label) + " of each case (row order: attribute cases)");
    w.write_column(g + "change", change, u, "case minus base (0 for the base)");
    w.write_column(g + "change_se", se, u,
                   "standard error of the change from paired paths (docs/HDF5.md 4.1)");
  }
}

void read_stress_comparison(const std::string& path, std::vector<std::string>& cases,
                            std::vector<std::vector<PairedValue>>& rows) {
  io::ResultReader r(path);
  cases = r.attribute_strings("/stress/comparison", "cases");
  rows.assign(cases.size(), std::vector<PairedValue>(comparison_metrics().size()));
  for (size_t m = 0; m < comparison_metrics().size(); ++m) {
    const std::string g = std::string("/stress/comparison/") + comparison_metrics()[m].name + "/";
    const auto n = static_cast<std::int64_t>(cases.size());
    const auto value = read_column_of_length(r, g + "value", n),
               change = read_column_of_length(r, g + "change", n),
               se = read_column_of_length(r, g + "change_se", n);
    for (size_t c = 0; c < cases.size(); ++c) rows[c][m] = {value[c], change[c], se[c]};
  }
}

}  // namespace sisim::api
