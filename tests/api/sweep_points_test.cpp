// The points of a sweep (sim/api/sweep_points.hpp): the grid's order and the Latin hypercube's
// one-point-per-stratum property, checked from their definitions.
#include "sim/api/sweep_points.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

namespace sisim::api {

using config::LatinHypercube;
using config::ShiftOp;
using config::SweepDimension;
using config::SweepSpec;

namespace {

TEST(SweepPoints, AGridIsTheCartesianProductWithTheLastDimensionFastest) {
  SweepSpec spec;
  SweepDimension a, b;
  a.path = "cohort.size";
  a.values = {100, 200};
  b.path = "contract.outcome_prices";
  b.op = ShiftOp::scale;
  b.values = {0.5, 1.0, 1.5};
  spec.grid = {a, b};
  const SweepPoints p = sweep_points(spec);
  EXPECT_EQ(p.kind, "grid");
  EXPECT_EQ(p.grid_shape, (std::vector<std::int64_t>{2, 3}));
  ASSERT_EQ(p.values.size(), 6u);
  // numpy.meshgrid(indexing="ij") flattened in C order.
  const std::vector<std::vector<double>> expected = {{100, 0.5}, {100, 1.0}, {100, 1.5},
                                                     {200, 0.5}, {200, 1.0}, {200, 1.5}};
  EXPECT_EQ(p.values, expected);
  EXPECT_EQ(p.columns, (std::vector<std::string>{"cohort.size", "scale(contract.outcome_prices)"}));
  // The shifts carry the values: `set` with the shortest text that reads back, `scale` the factor.
  EXPECT_EQ(p.shifts[4][0].op, ShiftOp::set);
  EXPECT_EQ(p.shifts[4][0].value_yaml, "200");
  EXPECT_EQ(p.shifts[4][1].op, ShiftOp::scale);
  EXPECT_EQ(p.shifts[4][1].amount, 1.0);
}

TEST(SweepPoints, ALatinHypercubePutsExactlyOnePointInEachStratumOfEveryParameter) {
  SweepSpec spec;
  LatinHypercube lhs;
  lhs.samples = 50;
  lhs.seed = 11;
  lhs.parameters = {{"cohort.size", 100.0, 600.0, {}}, {"contract.outcome_prices", 0.5, 2.0, {}}};
  spec.latin = lhs;
  const SweepPoints p = sweep_points(spec);
  EXPECT_EQ(p.kind, "latin_hypercube");
  ASSERT_EQ(p.values.size(), 50u);
  for (size_t k = 0; k < 2; ++k) {
    const auto& par = lhs.parameters[k];
    std::vector<int> hits(50, 0);
    for (const auto& row : p.values) {
      const double stratum = (row[k] - par.min) / (par.max - par.min) * 50.0;
      ASSERT_GE(stratum, 0.0);
      ASSERT_LT(stratum, 50.0);
      ++hits[static_cast<size_t>(std::floor(stratum))];
    }
    EXPECT_TRUE(std::all_of(hits.begin(), hits.end(), [](int h) { return h == 1; })) << "parameter " << k;
  }
  // The price multiplier scales every price; any other path is set to the value.
  EXPECT_EQ(p.columns[1], "scale(contract.outcome_prices)");
  EXPECT_EQ(p.shifts[0][1].op, ShiftOp::scale);
  EXPECT_EQ(p.shifts[0][0].op, ShiftOp::set);
}

TEST(SweepPoints, ALatinHypercubeIsAFunctionOfItsSeed) {
  SweepSpec spec;
  spec.latin = LatinHypercube{20, 5, {{"cohort.size", 0.0, 1.0, {}}}};
  const auto first = sweep_points(spec).values, again = sweep_points(spec).values;
  EXPECT_EQ(first, again);
  spec.latin->seed = 6;
  EXPECT_NE(sweep_points(spec).values, first);
}

}  // namespace
}  // namespace sisim::api
