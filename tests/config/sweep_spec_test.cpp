// Sweep files: grid and Latin hypercube specs, the scenario path relative to the sweep file, and
// errors with file:line:col.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "config/sweep.hpp"

namespace sisim::config {
namespace {

namespace fs = std::filesystem;

std::string write_sweep(const std::string& name, const std::string& text) {
  const fs::path dir =
      fs::temp_directory_path() / ("sisim-sweep-spec-" + std::to_string(getpid())) / "sweeps";
  fs::create_directories(dir);
  std::ofstream(dir / name) << text;
  return (dir / name).string();
}

TEST(SweepSpec, GridWithValuesAndScale) {
  const auto path = write_sweep("grid.yaml", R"(scenario: ../base.yaml
paths: 50
grid:
  - {path: intervention.effect.employment_gap, values: [0.1, 0.2]}
  - {path: contract.outcome_prices, scale: [0.5, 1, 1.5]}
)");
  const SweepReadResult r = read_sweep(path);
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  const SweepSpec& s = *r.spec;
  EXPECT_EQ(s.scenario, (fs::path(path).parent_path().parent_path() / "base.yaml").string());
  EXPECT_EQ(s.paths.value_or(0), 50);
  ASSERT_EQ(s.grid.size(), 2u);
  EXPECT_EQ(s.grid[0].op, ShiftOp::set);
  EXPECT_EQ(s.grid[0].values, (std::vector<double>{0.1, 0.2}));
  EXPECT_EQ(s.grid[1].op, ShiftOp::scale);
  EXPECT_EQ(s.grid[1].column(), "scale(contract.outcome_prices)");
  EXPECT_FALSE(s.latin.has_value());
}

TEST(SweepSpec, LatinHypercube) {
  const auto path = write_sweep("lhs.yaml", R"(scenario: /abs/base.yaml
latin_hypercube: {samples: 12, seed: 5, parameters: [{path: a.b, min: 0.1, max: 0.3}]}
)");
  const SweepReadResult r = read_sweep(path);
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  EXPECT_EQ(r.spec->scenario, "/abs/base.yaml");
  ASSERT_TRUE(r.spec->latin.has_value());
  EXPECT_EQ(r.spec->latin->samples, 12);
  EXPECT_EQ(r.spec->latin->seed, 5u);
  EXPECT_EQ(r.spec->latin->parameters[0].max, 0.3);
}

TEST(SweepSpec, ErrorsAreLocated) {
  const auto path = write_sweep("bad.yaml", R"(scenario: base.yaml
grid:
  - {path: a.b, values: [1, x]}
  - {path: a.c}
latin_hypercube: {samples: 0, parameters: [{path: a.b, min: 2, max: 1}]}
)");
  const std::string text = format_errors(read_sweep(path).errors);
  EXPECT_NE(text.find(path + ":1:1: error: a sweep needs exactly one of grid or latin_hypercube"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(path + ":3:29: error: grid.0.values: expected a number"), std::string::npos) << text;
  EXPECT_NE(
      text.find(path + ":4:5: error: grid.1: a grid dimension needs exactly one of values, scale or add"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("latin_hypercube.samples"), std::string::npos) << text;
  EXPECT_NE(text.find("min must be < max"), std::string::npos) << text;
}

}  // namespace
}  // namespace sisim::config
