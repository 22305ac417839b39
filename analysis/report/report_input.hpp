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
// (stats::kQuantileLevels), i.e. the /timeseries/... [months x 9] matrices of the result file.
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
enum class ValueKind { money, rate, multiple, number, months };

// One row of the summary table. se is the Monte Carlo standard error of the P50 estimate; es05
// the mean of the worst 5 % of paths (expected shortfall, in the metric's own sign; NaN: not
// shown); section groups rows ("returns", "tranches", "capital").
struct SummaryRow {
  std::string metric;
  ValueKind kind = ValueKind::number;
  double p5 = 0.0, p50 = 0.0, p95 = 0.0, se = 0.0, mean = 0.0, es05 = 0.0;
  std::string section = "returns";
};

// A probability with the event it is of, e.g. {"investor_npv_negative", "investor NPV < 0 at
// 8.00 %", 0.35, 0.004}. key is the name used in the result file and the CSV.
struct Probability {
  std::string key, label;
  double p = 0.0, se = 0.0;
};

// One of the deal's terms as the scenario states it ("return cap", "15.00 % a year ...").
struct DealTerm {
  std::string name, value;
};

// One output of a tornado: each input's value at its low and high end, ranked by |high - low|.
struct TornadoChart {
  std::string metric;  // e.g. "median investor IRR"
  ValueKind kind = ValueKind::number;
  double base = 0.0;  // the scenario as given
  struct Bar {
    std::string input, low_label, high_label;
    double low = 0.0, high = 0.0, swing_se = 0.0;
  };
  std::vector<Bar> bars;  // largest |high - low| first
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

  // The deal's terms, the probability of every event and notes on results a term shapes (the
  // return cap); shown first. Empty: not shown.
  std::vector<DealTerm> terms;
  std::vector<Probability> probabilities;
  std::vector<std::string> notes;

  // Investor, per path. investor_loss[i] != 0 when the path is a nominal loss (receipts plus
  // guarantee below the capital drawn), as the simulation decided it; empty: not marked.
  std::vector<double> investor_irr;   // annual IRR, NaN where undefined (e.g. total loss)
  std::vector<double> investor_moic;  // receipts / drawdowns
  std::vector<double> investor_npv;   // at the investor's discount rate
  std::vector<std::uint8_t> investor_loss;

  std::vector<NamedColumn> budget_npv;    // per budget, e.g. "municipality", "state", "public_total"
  std::vector<NamedColumn> tranche_moic;  // per tranche (most senior first): MOIC per path

  QuantileFan investor_cumulative_cash;            // cumulative investor cash flow
  QuantileFan undrawn_commitment;                  // commitment minus drawdowns so far (empty: no commitment)
  std::vector<QuantileFan> budget_cumulative_net;  // cumulative net per budget
  std::vector<BudgetAccount> budget_accounts;

  std::vector<NamedColumn> parameters;  // sampled parameters (config path -> value per path)
  // Per-path drivers that are not sampled parameters (months in recession, the termination
  // month): shown in the rank correlations but not counted in the R^2 of the draws.
  std::vector<NamedColumn> drivers;
  std::vector<TornadoChart> tornado;  // empty: no tornado section

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
