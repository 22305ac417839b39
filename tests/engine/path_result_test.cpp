// The pricer and the column accumulator apart (issue 11 item 2): a path's PathResult is all the
// accumulators see, so its row of columns must be exactly its fields, in the schema's types.
#include "sim/engine/path_result.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "engine_test_util.hpp"
#include "sim/engine/path_runner.hpp"

namespace sisim::engine {

using config::Budget;
using config::Config;

namespace {

bool same_bits(double a, double b) {
  return std::memcmp(&a, &b, sizeof a) == 0;  // NaN == NaN here, as a file comparison sees it
}

double column_value(const ColumnSet& columns, const std::string& path, std::int64_t row) {
  const int c = columns.find(path);
  EXPECT_GE(c, 0) << path;
  return c < 0 ? std::nan("") : columns.column(c)[static_cast<size_t>(row)];
}

TEST(PathResult, TheRowOfAPathIsItsResultFieldForField) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  PathRunner runner(config, 11);
  ColumnSet columns;
  runner.define_columns(columns);
  constexpr std::int64_t kPaths = 40;
  columns.allocate(kPaths);
  SeriesCollector series(kPaths, 10, runner.months(), runner.line_items(), 3);
  auto pricing = runner.make_scratch();
  auto running = runner.make_scratch();
  for (std::int64_t path = 0; path < kPaths; ++path) {
    const PathResult r = runner.price_path(path, *pricing);
    runner.run_path(path, path / 16, *running, columns, series);
    auto expect = [&](const std::string& column, double value) {
      EXPECT_TRUE(same_bits(column_value(columns, column, path), value))
          << column << " on path " << path << ": " << column_value(columns, column, path) << " vs " << value;
    };
    expect("/paths/investor/npv", r.investor.npv);
    expect("/paths/investor/irr", r.investor.irr_annual);
    expect("/paths/investor/irr_status", static_cast<double>(static_cast<int>(r.investor.irr_status)));
    expect("/paths/investor/moic", r.investor.moic);
    expect("/paths/investor/total_received", r.investor.total_received);
    expect("/paths/investor/guarantee_received", r.guarantee_received);
    expect("/paths/investor/total_drawn", r.total_drawn);
    expect("/paths/investor/payback_month", r.payback_month);
    expect("/paths/investor/loss/nominal", r.investor.loss.nominal ? 1.0 : 0.0);
    expect("/paths/investor/loss/npv_negative", r.investor.loss.npv_negative ? 1.0 : 0.0);
    expect("/paths/budgets/municipality/break_even_month",
           r.budget_break_even_month[static_cast<size_t>(Budget::municipality)]);
    expect("/paths/budgets/public_total/npv", r.budget_npv[kPublicTotal]);
    expect("/paths/outcomes/enrolled", r.enrolled);
    expect("/paths/outcomes/termination_month", r.termination_month);
    expect("/paths/outcomes/gap_clamped", r.gap_clamped ? 1.0 : 0.0);
    expect("/paths/society/npv", r.society_npv);
    expect("/paths/alternatives/outcome_contract", r.outcome_contract);
    for (size_t p = 0; p < config.uncertain.size(); ++p)
      expect("/paths/params/" + config.uncertain[p].path, r.parameters[p]);
    // From the definitions (docs/HDF5.md 2.3): the nominal loss is receipts plus guarantee below
    // the capital drawn; the outcome contract is the municipality's budget NPV.
    EXPECT_EQ(r.investor.loss.nominal, r.investor.total_received + r.guarantee_received < r.total_drawn);
    EXPECT_TRUE(same_bits(r.outcome_contract, r.budget_npv[static_cast<size_t>(Budget::municipality)]));
  }
}

TEST(PathResult, ColumnsTakeTheirFileTypeFromTheSchemaTable) {
  const Config config = testing::load_or_fail(testing::small_scenario_yaml());
  PathRunner runner(config, 1);
  ColumnSet columns;
  runner.define_columns(columns);
  int flags = 0;
  for (const auto& spec : columns.specs()) {
    if (spec.units == "flag") {
      EXPECT_EQ(spec.type, io::ElementType::uint8) << spec.path;
      ++flags;
    }
    if (spec.units == "month" || spec.units == "enum") {
      EXPECT_EQ(spec.type, io::ElementType::int32) << spec.path;
    }
  }
  EXPECT_GE(flags, 4);  // two investor loss flags, return_cap_reached, gap_clamped
}

}  // namespace
}  // namespace sisim::engine
