// One path of the base scenario through the engine's PathRunner: parameter draws, regime, both arms
// of every participant, contract settlement, investor metrics, the budget account and the series
// collector, exactly as the engine calls it on one thread (no HDF5, no threading overhead).
// items/s = paths/s on one core; participant_paths/s counts enrolled people x 2 arms.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <stdexcept>
#include <string>

#include "config/loader.hpp"
#include "sim/engine/columns.hpp"
#include "sim/engine/path_runner.hpp"
#include "sim/engine/series_collector.hpp"
#include "sim/io/result_schema.hpp"

namespace {

// SISIM_BENCH_SCENARIO overrides the scenario (e.g. to profile another one).
std::string scenario_path() {
  if (const char* env = std::getenv("SISIM_BENCH_SCENARIO")) return env;
  return std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml";
}

// Loaded once: the Config must outlive every PathRunner built from it.
const sisim::config::Config* base_config(std::string& error) {
  static const sisim::config::LoadResult loaded = sisim::config::load_config(scenario_path());
  if (!loaded.ok()) {
    error = sisim::config::format_errors(loaded.errors);
    return nullptr;
  }
  return &*loaded.config;
}

// Arg 0: rows of the column set, i.e. distinct paths cycled through (a path's cost depends on its
// draws, so a few thousand distinct paths average out the variation).
// Arg 1: 1 = every path also keeps its full monthly series for the fan charts (the first 4,096 paths
// of a real run do), 0 = none do (the rest of a large run).
void BM_BaseScenarioPath(benchmark::State& state) {
  std::string error;
  const sisim::config::Config* config = base_config(error);
  if (config == nullptr) {
    state.SkipWithError(("cannot load " + scenario_path() + ":\n" + error).c_str());
    return;
  }
  const std::int64_t rows = state.range(0);
  const bool keep_series = state.range(1) != 0;
  const std::int64_t block_size = config->simulation.block_size;
  const std::int64_t blocks = (rows + block_size - 1) / block_size;

  sisim::engine::PathRunner runner(*config, config->simulation.seed);
  sisim::engine::ColumnSet columns;
  runner.define_columns(columns);
  columns.allocate(rows);
  const int enrolled_column =
      columns.find(sisim::io::column_path(sisim::io::ColumnGroup::outcomes, "enrolled"));
  sisim::engine::SeriesCollector series(rows, keep_series ? static_cast<int>(rows) : 0, runner.months(),
                                        runner.line_items(), blocks);
  auto scratch = runner.make_scratch();

  std::int64_t path = 0;
  double participants = 0.0;
  for (auto _ : state) {
    runner.run_path(path, path / block_size, *scratch, columns, series);
    participants += columns.column(enrolled_column)[static_cast<size_t>(path)];
    path = (path + 1) % rows;
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["participant_paths/s"] = benchmark::Counter(2.0 * participants, benchmark::Counter::kIsRate);
  state.counters["enrolled_mean"] = participants / static_cast<double>(state.iterations());
}
BENCHMARK(BM_BaseScenarioPath)->Args({4096, 0})->Args({4096, 1})->Unit(benchmark::kMicrosecond);
// Exactly paths 0..1999 once each: a fixed amount of work for profilers (valgrind --tool=callgrind
// would otherwise stop after one iteration), and a run-to-run comparable figure.
BENCHMARK(BM_BaseScenarioPath)
    ->Name("BM_BaseScenarioPathFixed")
    ->Args({2000, 0})
    ->Iterations(2000)
    ->Unit(benchmark::kMicrosecond);

// Cost per path against cohort size and horizon (issue 16: linear in both). Args: cohort.size,
// simulation.horizon_months, set on the base scenario; per_person_month = seconds per enrolled
// person-month (time per path / (enrolled x horizon)), which a linear cost keeps flat.
void BM_PathByCohortAndHorizon(benchmark::State& state) {
  const auto cohort = state.range(0), horizon = state.range(1);
  const sisim::config::LoadResult loaded = sisim::config::load_config(
      scenario_path(),
      {"cohort.size=" + std::to_string(cohort), "simulation.horizon_months=" + std::to_string(horizon)});
  if (!loaded.ok()) {
    state.SkipWithError(sisim::config::format_errors(loaded.errors).c_str());
    return;
  }
  const sisim::config::Config& config = *loaded.config;
  constexpr std::int64_t rows = 256;
  sisim::engine::PathRunner runner(config, config.simulation.seed);
  sisim::engine::ColumnSet columns;
  runner.define_columns(columns);
  columns.allocate(rows);
  const int enrolled_column =
      columns.find(sisim::io::column_path(sisim::io::ColumnGroup::outcomes, "enrolled"));
  sisim::engine::SeriesCollector series(rows, 0, runner.months(), runner.line_items(),
                                        rows / config.simulation.block_size + 1);
  auto scratch = runner.make_scratch();
  std::int64_t path = 0;
  double participants = 0.0;
  for (auto _ : state) {
    runner.run_path(path, path / config.simulation.block_size, *scratch, columns, series);
    participants += columns.column(enrolled_column)[static_cast<size_t>(path)];
    path = (path + 1) % rows;
  }
  state.SetItemsProcessed(state.iterations());
  const double person_months = participants * static_cast<double>(horizon);
  state.counters["per_person_month"] =
      benchmark::Counter(person_months, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
BENCHMARK(BM_PathByCohortAndHorizon)
    ->ArgsProduct({{100, 300, 1000, 3000}, {180}})
    ->ArgsProduct({{300}, {120, 360, 720}})
    ->Unit(benchmark::kMicrosecond);

}  // namespace
