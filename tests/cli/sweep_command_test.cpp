// `sisim sweep` and `sisim summarize --merge`: a sweep point is bit-identical to a single run with
// the same overrides; merged slices equal the unsliced sweep; a Latin hypercube puts one point in
// each stratum of every parameter.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "stress_test_util.hpp"

namespace sisim {
namespace {

namespace fs = std::filesystem;
using testing::run_command;

const std::string kBase = testing::source_dir() + "/scenarios/herning-viborg.yaml";

// 2 x 2 points; the scales are powers of two so that scaled prices are exact.
std::string grid_sweep(const fs::path& dir) {
  const fs::path file = dir / "grid.yaml";
  testing::write_file(file, "scenario: " + kBase +
                                "\npaths: 120\ngrid:\n"
                                "  - {path: intervention.effect.employment_gap, values: [0.12, 0.2]}\n"
                                "  - {path: contract.outcome_prices, scale: [0.5, 1.5]}\n");
  return file.string();
}

std::string sweep_cmd(const std::string& file, const fs::path& out, const std::string& extra = "") {
  return testing::sisim_binary() + " sweep " + file + " -o " + out.string() + " --quiet " + extra;
}

TEST(SweepCommand, APointIsASingleRunWithTheSameOverrides) {
  const fs::path dir = testing::temp_folder("sweep-point");
  const auto s = run_command(sweep_cmd(grid_sweep(dir), dir / "w.h5"));
  ASSERT_EQ(s.exit_code, 0) << s.output;
  // Point 3 = (gap 0.2, prices x 1.5): first dimension slowest.
  const auto r = run_command(testing::sisim_binary() + " run " + kBase + " -o " + (dir / "r.h5").string() +
                             " --paths 120 --quiet --set intervention.effect.employment_gap=0.2"
                             " --set contract.outcomes.0.price=60000 --set contract.outcomes.1.price=9750");
  ASSERT_EQ(r.exit_code, 0) << r.output;
  io::ResultReader w((dir / "w.h5").string()), run((dir / "r.h5").string());
  EXPECT_EQ(w.read_doubles("/sweep/points/intervention.effect.employment_gap"),
            (std::vector<double>{0.12, 0.12, 0.2, 0.2}));
  EXPECT_EQ(w.read_doubles("/sweep/points/scale(contract.outcome_prices)"),
            (std::vector<double>{0.5, 1.5, 0.5, 1.5}));
  EXPECT_EQ(w.read_ints("/sweep/grid_shape"), (std::vector<std::int64_t>{2, 2}));
  for (const char* m :
       {"investor/irr", "investor/npv", "budgets/municipality/npv", "budgets/public_total/npv"}) {
    const std::string g = std::string("/summary/") + m + "/", sg = std::string("/sweep/summary/") + m + "/";
    const auto q = run.read_doubles(g + "quantiles");
    EXPECT_EQ(w.read_doubles(sg + "mean").at(3), run.read_scalar(g + "mean")) << m;
    EXPECT_EQ(w.read_doubles(sg + "se").at(3), run.read_scalar(g + "se")) << m;
    EXPECT_EQ(w.read_doubles(sg + "p05").at(3), q.at(1)) << m;
    EXPECT_EQ(w.read_doubles(sg + "p50").at(3), q.at(4)) << m;
    EXPECT_EQ(w.read_doubles(sg + "p95").at(3), q.at(7)) << m;
    EXPECT_EQ(w.read_doubles(sg + "p_loss").at(3), run.read_scalar(g + "p_loss")) << m;
    // The same units as the run's summary: a budget's NPV names the public price basis.
    EXPECT_EQ(w.attribute_string(sg + "mean", "units"), run.attribute_string(g + "mean", "units")) << m;
  }
  EXPECT_EQ(w.attribute_string("/sweep/summary/budgets/municipality/npv/mean", "units"),
            "DKK, real 2026 prices");
  EXPECT_EQ(w.attribute_string("/sweep/summary/investor/npv/mean", "units"), "DKK");
  // The points differ from each other (the check above could fail).
  EXPECT_NE(w.read_doubles("/sweep/summary/investor/npv/mean").at(2),
            w.read_doubles("/sweep/summary/investor/npv/mean").at(3));
}

TEST(SweepCommand, MergedSlicesEqualTheUnslicedSweep) {
  const fs::path dir = testing::temp_folder("sweep-merge");
  const std::string file = grid_sweep(dir);
  ASSERT_EQ(run_command(sweep_cmd(file, dir / "all.h5")).exit_code, 0);
  ASSERT_EQ(run_command(sweep_cmd(file, dir / "a.h5", "--points 0:1")).exit_code, 0);
  ASSERT_EQ(run_command(sweep_cmd(file, dir / "b.h5", "--points 1:3")).exit_code, 0);
  ASSERT_EQ(run_command(sweep_cmd(file, dir / "c.h5", "--points 3:")).exit_code, 0);
  // Slices in any order.
  const auto m =
      run_command(testing::sisim_binary() + " summarize --merge " + (dir / "c.h5").string() + " " +
                  (dir / "a.h5").string() + " " + (dir / "b.h5").string() + " -o " + (dir / "m.h5").string());
  ASSERT_EQ(m.exit_code, 0) << m.output;
  io::ResultReader b((dir / "b.h5").string());
  EXPECT_EQ(b.read_ints("/sweep/points/index"), (std::vector<std::int64_t>{1, 2}));
  // Everything but the root attributes (command line, time) is identical.
  const auto diff = run_command("h5diff --exclude-attribute / " + (dir / "all.h5").string() + " " +
                                (dir / "m.h5").string());
  EXPECT_EQ(diff.exit_code, 0) << diff.output.substr(0, 2000);
  // Sanity of the comparison itself: a slice is not the whole.
  EXPECT_NE(
      run_command("h5diff --exclude-attribute / " + (dir / "all.h5").string() + " " + (dir / "b.h5").string())
          .exit_code,
      0);

  // Overlaps and holes are refused.
  auto bad = run_command(testing::sisim_binary() + " summarize --merge " + (dir / "a.h5").string() + " " +
                         (dir / "all.h5").string() + " -o " + (dir / "x.h5").string());
  EXPECT_EQ(bad.exit_code, 65) << bad.output;
  EXPECT_NE(bad.output.find("point 0 is in"), std::string::npos) << bad.output;
  bad = run_command(testing::sisim_binary() + " summarize --merge " + (dir / "a.h5").string() + " " +
                    (dir / "c.h5").string() + " -o " + (dir / "x.h5").string());
  EXPECT_EQ(bad.exit_code, 65) << bad.output;
  EXPECT_NE(bad.output.find("points 1 to 2 are in none"), std::string::npos) << bad.output;
  EXPECT_FALSE(fs::exists(dir / "x.h5"));
}

TEST(SweepCommand, PointsOutsideTheSweepAreAUsageError) {
  const fs::path dir = testing::temp_folder("sweep-range");
  const auto r = run_command(sweep_cmd(grid_sweep(dir), dir / "w.h5", "--points 2:9"));
  EXPECT_EQ(r.exit_code, 2) << r.output;
  EXPECT_EQ(run_command(sweep_cmd(grid_sweep(dir), dir / "w.h5", "--points 3:1")).exit_code, 2);
}

TEST(SweepCommand, LatinHypercubeHasOnePointPerStratum) {
  const fs::path dir = testing::temp_folder("sweep-lhs");
  const fs::path file = dir / "lhs.yaml";
  testing::write_file(file,
                      "scenario: " + kBase +
                          "\npaths: 10\nlatin_hypercube:\n  samples: 8\n  seed: 3\n"
                          "  parameters:\n    - {path: intervention.dropout_hazard, min: 0.01, max: 0.03}\n"
                          "    - {path: cohort.fill_rate, min: 0.6, max: 1.0}\n");
  const auto r = run_command(sweep_cmd(file.string(), dir / "w.h5"));
  ASSERT_EQ(r.exit_code, 0) << r.output;
  io::ResultReader w((dir / "w.h5").string());
  const std::pair<const char*, std::pair<double, double>> params[] = {
      {"intervention.dropout_hazard", {0.01, 0.03}}, {"cohort.fill_rate", {0.6, 1.0}}};
  for (const auto& [name, range] : params) {
    const auto v = w.read_doubles(std::string("/sweep/points/") + name);
    ASSERT_EQ(v.size(), 8u);
    std::vector<int> strata;
    for (double x : v)
      strata.push_back(static_cast<int>(std::floor((x - range.first) / (range.second - range.first) * 8)));
    std::sort(strata.begin(), strata.end());
    EXPECT_EQ(strata, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7})) << name;
  }
  EXPECT_EQ(w.attribute_string("/sweep", "kind"), "latin_hypercube");
}

TEST(SweepCommand, TheShippedSweepIsValid) {
  // The shipped effect-by-price sweep resolves: its first point runs (on 10 paths).
  const fs::path dir = testing::temp_folder("sweep-shipped");
  const auto r = run_command(sweep_cmd(testing::source_dir() + "/scenarios/sweeps/effect-by-price.yaml",
                                       dir / "w.h5", "--points 0:1 --paths 10"));
  EXPECT_EQ(r.exit_code, 0) << r.output;
  io::ResultReader w((dir / "w.h5").string());
  EXPECT_EQ(w.attribute_int("/sweep", "points_total"), 25);
}

}  // namespace
}  // namespace sisim

namespace sisim {
namespace {

TEST(SweepCommand, ALatinHypercubeCanVaryThePriceMultiplier) {
  const fs::path dir = testing::temp_folder("sweep-lhs-price");
  const fs::path file = dir / "lhs.yaml";
  testing::write_file(file, "scenario: " + kBase +
                                "\npaths: 80\nlatin_hypercube:\n  samples: 3\n  seed: 5\n  parameters:\n"
                                "    - {path: contract.outcome_prices, min: 0.8, max: 1.2}\n");
  const auto s = run_command(sweep_cmd(file.string(), dir / "w.h5"));
  ASSERT_EQ(s.exit_code, 0) << s.output;
  io::ResultReader w((dir / "w.h5").string());
  const auto k = w.read_doubles("/sweep/points/scale(contract.outcome_prices)");
  ASSERT_EQ(k.size(), 3u);
  for (double v : k) {
    EXPECT_GE(v, 0.8);
    EXPECT_LE(v, 1.2);
  }
  // Point 0 is the base with both prices times k (printed with 17 digits: the same doubles).
  char set[200];
  std::snprintf(set, sizeof set,
                "--set contract.outcomes.0.price=%.17g --set contract.outcomes.1.price=%.17g", 40000.0 * k[0],
                6500.0 * k[0]);
  const auto r = run_command(testing::sisim_binary() + " run " + kBase + " -o " + (dir / "r.h5").string() +
                             " --paths 80 --quiet " + set);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  io::ResultReader run((dir / "r.h5").string());
  EXPECT_EQ(w.read_doubles("/sweep/summary/investor/npv/mean").at(0),
            run.read_scalar("/summary/investor/npv/mean"));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace sisim
