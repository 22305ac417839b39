#pragma once
// HTML reports of the deal-design files (stress, sweep, price): the same self-contained page,
// style sheet and SVG charts as the run report (report.hpp), each drawing what its file holds.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/report/report_input.hpp"

namespace sisim::report {

// What every report names at the top: which scenario, how many paths, which seed and build.
struct FileHeader {
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::int64_t paths = 0;
  std::string created;
  std::string sisim_version;
  std::string currency = "DKK";
};

// A stress file: each case's change against the base per metric, with the paired SE.
struct StressMetric {
  std::string label;  // with its event for a probability: "P(investor nominal loss)"
  ValueKind kind = ValueKind::number;
  std::vector<double> value, change, change_se;  // [case], the base first (change 0)
};
struct StressReportInput {
  FileHeader header;
  std::vector<std::string> cases;         // [0] is the base
  std::vector<std::string> descriptions;  // [case] (may be empty)
  std::vector<std::string> applied;       // [case]: the overrides applied, one per line (may be empty)
  std::vector<StressMetric> metrics;
};

// A sweep file: per point the swept values and, per metric, an estimate and its SE.
struct SweepMetric {
  std::string label;        // "P(investor nominal loss: receipts plus guarantee below the capital drawn)"
  std::string short_label;  // for an axis or a colour bar: "P(investor nominal loss)"
  ValueKind kind = ValueKind::number;
  std::vector<double> value, se;  // [point]
};
struct SweepReportInput {
  FileHeader header;
  std::string kind;                        // "grid" or "latin_hypercube"
  std::vector<std::string> columns;        // swept parameters as the file names them
  std::vector<std::string> column_titles;  // axis titles with units
  std::vector<std::int64_t> grid_shape;    // values per grid dimension
  std::int64_t points_total = 0;
  std::vector<std::int64_t> index;          // [point]
  std::vector<std::vector<double>> values;  // [column][point]
  std::vector<SweepMetric> metrics;
};

// A price file: the solved multipliers and every evaluated multiplier.
struct PriceSide {
  std::string who;     // "investor", "payer (municipality)"
  std::string target;  // "median IRR >= 6.00 %"
  std::string status;  // solved, met_at_lower_bound, met_at_upper_bound, not_reachable
  double k = 0.0, k_se = 0.0, metric = 0.0, metric_se = 0.0, target_value = 0.0;
  std::vector<double> metric_at, metric_se_at;  // at each evaluated multiplier
};
struct PriceReportInput {
  FileHeader header;
  double k_low = 0.0, k_high = 4.0;
  ValueKind investor_kind = ValueKind::number, payer_kind = ValueKind::number;
  std::string investor_metric, payer_metric;  // "median IRR (annual)", "P(NPV < 0)"
  PriceSide investor;
  std::vector<PriceSide> payers;    // municipality, public_total
  std::vector<double> multipliers;  // evaluated, ascending
  std::vector<std::string> line_labels;
  std::vector<double> base_prices;  // [line] at k = 1
  std::string verdict;
};

std::string render_stress_report(const StressReportInput& in);
std::string render_sweep_report(const SweepReportInput& in);
std::string render_price_report(const PriceReportInput& in);

}  // namespace sisim::report
