#pragma once
// Everything the HTML report shows, as plain data. The CLI fills it from a result file; tests fill
// it synthetically. Any column or chart may be empty (the report then shows a "no data" note).
// Money is in `currency` (nominal units, e.g. DKK, not thousands); rates are fractions (0.05 = 5 %).
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/alternatives.hpp"

namespace sisim::report {

// One named per-path column (one value per path, NaN allowed).
struct NamedColumn {
  std::string name;
  std::vector<double> values;
};

// A fan chart: one row per month, 9 quantiles per row at levels 1, 5, 10, 25, 50, 75, 90, 95, 99 %
// (analysis::kQuantileLevels), i.e. the /timeseries/... [months x 9] matrices of the result file.
struct QuantileFan {
  std::string name;  // e.g. "investor" or a budget name: "municipality", "public_total"
  std::vector<std::array<double, 9>> months;
};

// The annual budget account of one budget: value[y][i] for year index y and line item i
// (savings positive = good for the budget, as in the result file).
struct BudgetAccount {
  std::string budget;
  std::vector<std::string> items;         // line-item names, e.g. "benefit", "municipal_tax"
  std::vector<std::vector<double>> mean;  // [years][items]
  std::vector<std::vector<double>> p05;   // [years][items]
  std::vector<std::vector<double>> p95;   // [years][items]
};

// How a summary value is formatted.
enum class ValueKind { money, rate, multiple, number };

// One row of the summary table. se is the Monte Carlo standard error of the P50 estimate;
// p_loss is NaN where a probability of loss does not apply.
struct SummaryRow {
  std::string metric;
  ValueKind kind = ValueKind::number;
  double p5 = 0.0, p50 = 0.0, p95 = 0.0, se = 0.0, p_loss = 0.0;
};

struct ReportInput {
  // Run metadata.
  std::string scenario_name;
  std::uint64_t seed = 0;
  std::int64_t paths = 0;
  std::string created;        // ISO 8601 time of the run
  std::string sisim_version;  // e.g. "0.1.0 (git abc123)"
  std::string currency = "DKK";
  std::string arm_coupling;  // the stated assumption (MODEL.md 5.1), e.g. "0.5"; empty: not recorded

  // Investor, per path. investor_loss[i] != 0 when the investor got back less than it paid on path
  // i; when empty, a loss is taken as moic < 1 (or, without moic, npv < 0).
  std::vector<double> investor_irr;   // annual IRR, NaN where undefined (e.g. total loss)
  std::vector<double> investor_moic;  // receipts / drawdowns
  std::vector<double> investor_npv;   // at the investor's discount rate
  std::vector<std::uint8_t> investor_loss;

  std::vector<NamedColumn> budget_npv;  // per budget, e.g. "municipality", "state", "public_total"

  QuantileFan investor_cumulative_cash;            // cumulative investor cash flow
  std::vector<QuantileFan> budget_cumulative_net;  // cumulative net per budget
  std::vector<BudgetAccount> budget_accounts;

  std::vector<NamedColumn> parameters;  // sampled parameters (config path -> value per path)

  // Summary table; when empty the report computes rows from the per-path columns above.
  std::vector<SummaryRow> summary_rows;

  // Society's account and the funding alternatives (absent in files written before them), and
  // society's account by year: society_annual[y][line], lines named by society_lines.
  std::optional<analysis::SocietySummary> society;
  // The first rate-card line's price in the scenario and what it pays for (NaN/empty: none or
  // uncertain), shown beside the price band.
  double first_price = std::numeric_limits<double>::quiet_NaN();
  std::string first_price_label;
  std::vector<std::string> society_lines;
  std::vector<std::vector<double>> society_annual;
};

}  // namespace sisim::report
