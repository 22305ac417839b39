// Stress cases and shifts: reading cases files (with file:line:col errors), scale/add on numbers
// and on each distribution's location and scale, and loading a scenario with shifts applied.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "config/stress.hpp"
#include "config_test_util.hpp"

namespace sisim::config {

using rng::Distribution;

namespace {

namespace fs = std::filesystem;

// A small scenario with one parameter of each shape the shifts act on.
const char* kScenario = R"(name: shifts
cohort:
  size: 100
  fill_rate: {dist: beta, alpha: 8, beta: 2, low: 0.5, high: 1}
  segments:
    - name: a
      share: 1
      benefit_monthly: 10000
      prior_benefit_weeks: 52
      wage_monthly: {dist: lognormal, median: 20000, sigma: 0.2}
      hours_fraction: {dist: uniform, min: 0.5, max: 0.8}
      job_finding_hazard: {dist: triangular, min: 0.01, mode: 0.02, max: 0.04}
      separation_hazard: 0.03
      exit_hazard: 0.002
intervention:
  duration_months: 12
  dropout_hazard: 0.01
  effect: {hazard_ratio: {dist: normal, mean: 2.0, sd: 0.3, min: 1.0, max: 3.0}}
contract:
  outcome_window_months: 24
  outcomes:
    - {metric: job_start, price: 30000}
    - {metric: employment_month, price: 5000}
)";

struct Files {
  fs::path dir;
  std::string scenario;
  explicit Files(const std::string& name) {
    dir = fs::temp_directory_path() / ("sisim-stress-" + name + "-" + std::to_string(getpid()));
    fs::create_directories(dir);
    scenario = write("scenario.yaml", kScenario);
  }
  ~Files() { fs::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  }
};

Config load_base(const Files& f) {
  LoadResult r = load_config(f.scenario);
  EXPECT_TRUE(r.ok()) << test::errors_of(r);
  return *r.config;
}

Shift shift(const std::string& path, ShiftOp op, double amount, const std::string& value = "") {
  Shift s;
  s.path = path;
  s.op = op;
  s.amount = amount;
  s.value_yaml = value;
  s.where = {"cases.yaml", 7, 9};
  return s;
}

// Loads the scenario with the shifts; fails the test on errors.
Config shifted(const Files& f, const std::vector<Shift>& shifts) {
  const Config base = load_base(f);
  std::vector<ConfigError> errors;
  const auto resolved = resolve_shifts(base, shifts, errors);
  EXPECT_TRUE(errors.empty()) << format_errors(errors);
  LoadResult r = load_config_with_shifts(f.scenario, {}, resolved);
  EXPECT_TRUE(r.ok()) << test::errors_of(r);
  return r.ok() ? *r.config : base;
}

TEST(StressCases, ReadsNamesDescriptionsAndShifts) {
  Files f("read");
  const auto path = f.write("cases.yaml", R"(cases:
  - name: half
    description: effect halved
    shifts:
      - {path: intervention.effect.hazard_ratio, scale: 0.5}
      - {path: cohort.fill_rate, set: {dist: uniform, min: 0.6, max: 0.8}}
  - name: nothing
)");
  const StressCasesResult r = read_stress_file(path);
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  ASSERT_EQ(r.cases.size(), 2u);
  EXPECT_EQ(r.cases[0].name, "half");
  EXPECT_EQ(r.cases[0].description, "effect halved");
  ASSERT_EQ(r.cases[0].shifts.size(), 2u);
  EXPECT_EQ(r.cases[0].shifts[0].op, ShiftOp::scale);
  EXPECT_EQ(r.cases[0].shifts[0].amount, 0.5);
  EXPECT_EQ(r.cases[0].shifts[1].op, ShiftOp::set);
  EXPECT_EQ(r.cases[0].shifts[1].value_yaml, "{dist: uniform, min: 0.6, max: 0.8}");
  EXPECT_TRUE(r.cases[1].shifts.empty());
}

TEST(StressCases, ErrorsCarryFileLineColumn) {
  Files f("errors");
  const auto path = f.write("cases.yaml", R"(cases:
  - name: a
    shifts:
      - {path: cohort.size, scale: 2, add: 1}
      - {path: cohort.size, sclae: 2}
  - name: ok
  - name: ok
  - name: base
)");
  const std::string text = format_errors(read_stress_file(path).errors);
  EXPECT_NE(text.find(path + ":4:9: error: cases.0.shifts.0: a shift needs exactly one of set, scale or add"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(path + ":5:29: error: unknown key 'sclae'"), std::string::npos) << text;
  EXPECT_NE(text.find("(did you mean 'scale'?)"), std::string::npos) << text;
  EXPECT_NE(text.find(path + ":7:5: error: cases: case name 'ok' repeats"), std::string::npos) << text;
  EXPECT_NE(text.find(path + ":8:11: error: cases.3.name: 'base' is not a usable case name"),
            std::string::npos)
      << text;
}

TEST(StressCases, ScenarioSectionIsReadWithItsOwnPositions) {
  Files f("section");
  const auto path = f.write("with-stress.yaml",
                            "extends: scenario.yaml\nstress:\n  cases:\n"
                            "    - {name: x, shifts: [{path: cohort.size, set: 50}]}\n");
  const StressCasesResult r = read_scenario_stress(path, {});
  ASSERT_TRUE(r.ok()) << format_errors(r.errors);
  ASSERT_EQ(r.cases.size(), 1u);
  EXPECT_EQ(r.cases[0].shifts[0].where.file, path);
  EXPECT_EQ(r.cases[0].shifts[0].where.line, 4);
  EXPECT_TRUE(read_scenario_stress(f.scenario, {}).cases.empty());
}

TEST(Shifts, ScaleActsOnEachDistributionsLocationAndScale) {
  Files f("scale");
  const Config c = shifted(f, {shift("intervention.effect.hazard_ratio", ShiftOp::scale, 0.5),
                               shift("cohort.segments.a.wage_monthly", ShiftOp::scale, 0.9),
                               shift("cohort.segments.a.hours_fraction", ShiftOp::scale, 0.5),
                               shift("cohort.segments.a.job_finding_hazard", ShiftOp::scale, 2),
                               shift("cohort.fill_rate", ShiftOp::scale, 0.5),
                               shift("intervention.dropout_hazard", ShiftOp::scale, 3)});
  const Distribution& hr = c.intervention.effect.hazard_ratio.dist;  // normal: mean, sd and bounds
  EXPECT_EQ(hr.mean, 1.0);
  EXPECT_EQ(hr.sd, 0.15);
  EXPECT_EQ(hr.trunc_min, 0.5);
  EXPECT_EQ(hr.trunc_max, 1.5);
  const Segment& s = c.cohort.segments[0];
  // lognormal: the median 20000 becomes 18000, sigma unchanged.
  EXPECT_NEAR(std::exp(s.wage_monthly.dist.mu), 18000.0, 1e-8);
  EXPECT_EQ(s.wage_monthly.dist.sigma, 0.2);
  EXPECT_EQ(s.hours_fraction.dist.low, 0.25);  // uniform bounds
  EXPECT_EQ(s.hours_fraction.dist.high, 0.4);
  EXPECT_EQ(s.job_finding_hazard.dist.low, 0.02);  // triangular: min, mode, max
  EXPECT_EQ(s.job_finding_hazard.dist.mode, 0.04);
  EXPECT_EQ(s.job_finding_hazard.dist.high, 0.08);
  // beta: the support [0.5, 1] scales to [0.25, 0.5], the shape (alpha, beta) is kept.
  EXPECT_EQ(c.cohort.fill_rate.dist.low, 0.25);
  EXPECT_EQ(c.cohort.fill_rate.dist.high, 0.5);
  EXPECT_EQ(c.cohort.fill_rate.dist.alpha, 8.0);
  EXPECT_NEAR(c.intervention.dropout_hazard.dist.value, 0.03, 1e-15);  // a plain number
}

TEST(Shifts, AddShiftsLocationsAndSetReplaces) {
  Files f("add");
  const Config c =
      shifted(f, {shift("intervention.effect.hazard_ratio", ShiftOp::add, 0.25),
                  shift("cohort.size", ShiftOp::add, 20), shift("cohort.fill_rate", ShiftOp::set, 0, "0.7")});
  const Distribution& hr = c.intervention.effect.hazard_ratio.dist;
  EXPECT_EQ(hr.mean, 2.25);
  EXPECT_EQ(hr.sd, 0.3);  // add moves the location only
  EXPECT_EQ(hr.trunc_min, 1.25);
  EXPECT_EQ(hr.trunc_max, 3.25);
  EXPECT_EQ(c.cohort.size, 120);
  EXPECT_TRUE(c.cohort.fill_rate.is_fixed());
  EXPECT_EQ(c.cohort.fill_rate.dist.value, 0.7);
}

TEST(Shifts, OutcomePricesScaleEveryPrice) {
  Files f("prices");
  const Config c = shifted(f, {shift(kOutcomePricesPath, ShiftOp::scale, 1.5)});
  EXPECT_EQ(c.contract.outcomes[0].price.dist.value, 45000.0);
  EXPECT_EQ(c.contract.outcomes[1].price.dist.value, 7500.0);
}

TEST(Shifts, BadShiftsAreErrorsAtTheShift) {
  Files f("bad");
  const Config base = load_base(f);
  std::vector<ConfigError> errors;
  resolve_shifts(base,
                 {shift("intervention.dropout_hazrd", ShiftOp::scale, 2),
                  shift("cohort.segments.a.wage_monthly", ShiftOp::add, 100),
                  shift("name", ShiftOp::scale, 2), shift(kOutcomePricesPath, ShiftOp::add, 1)},
                 errors);
  const std::string text = format_errors(errors);
  EXPECT_EQ(errors.size(), 4u) << text;
  EXPECT_NE(
      text.find("cases.yaml:7:9: error: unknown parameter path: no key 'dropout_hazrd' in intervention"),
      std::string::npos)
      << text;
  EXPECT_NE(text.find("did you mean 'dropout_hazard'"), std::string::npos) << text;
  EXPECT_NE(text.find("add is not defined for a lognormal"), std::string::npos) << text;
  EXPECT_NE(text.find("not a number"), std::string::npos) << text;
  EXPECT_NE(text.find("only `scale` is defined"), std::string::npos) << text;
}

TEST(Shifts, AnInvalidShiftedValueIsReportedAtTheShift) {
  Files f("invalid");
  const Config base = load_base(f);
  std::vector<ConfigError> errors;
  // dropout 0.01 * 200 = 2 is not a probability; the set value is not a number.
  auto resolved = resolve_shifts(base,
                                 {shift("intervention.dropout_hazard", ShiftOp::scale, 200),
                                  shift("cohort.size", ShiftOp::set, 0, "lots")},
                                 errors);
  ASSERT_TRUE(errors.empty()) << format_errors(errors);
  const LoadResult r = load_config_with_shifts(f.scenario, {}, resolved);
  ASSERT_FALSE(r.ok());
  const std::string text = format_errors(r.errors);
  EXPECT_NE(text.find("cases.yaml:7:9: error: intervention.dropout_hazard: must be in [0, 1], got 2"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("cases.yaml:7:9: error: cohort.size"), std::string::npos) << text;
}

TEST(Shifts, NoShiftsReproduceTheBaseDocument) {
  Files f("none");
  const Config base = load_base(f);
  const LoadResult r = load_config_with_shifts(f.scenario, {"cohort.size=80"}, {});
  ASSERT_TRUE(r.ok()) << test::errors_of(r);
  EXPECT_EQ(r.config->cohort.size, 80);
  const LoadResult plain = load_config(f.scenario, {"cohort.size=80"});
  EXPECT_EQ(r.config->resolved_yaml, plain.config->resolved_yaml);
  EXPECT_NE(base.resolved_yaml, plain.config->resolved_yaml);
}

}  // namespace
}  // namespace sisim::config
