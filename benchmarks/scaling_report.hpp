#pragma once
// The scaling harness's results: medians over repeats per thread count, derived rates and
// parallel efficiency, printed as a table and written as JSON.
#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "scaling_child.hpp"

namespace sisim::bench {

struct ScalingSetup {
  std::string scenario, sisim;
  std::int64_t paths = 0;
  int repeats = 0;
  int cohort_size = 0;
  double fill_rate_mean = 1.0;
  double participants = 0.0;  // expected enrolled per path = cohort_size * E[fill_rate]
  unsigned hardware_threads = 0;
  std::array<double, 3> load_before{}, load_after{};  // /proc/loadavg at start and end
};

struct ScalingRow {
  int threads = 0;
  std::vector<ChildRun> runs;  // one per repeat
};

// Derived figures of one row (medians over repeats; peak memory is the maximum).
struct RowFigures {
  double seconds, paths_per_s, per_thread, participant_paths_per_s, efficiency, peak_mib, cpu_seconds;
  double engine_seconds, engine_paths_per_s, engine_efficiency;  // 0 / NaN when not reported
};

// `baseline` = the 1-thread row, or nullptr (efficiency is then NaN: there is nothing to divide by).
RowFigures figures_of(const ScalingSetup& setup, const ScalingRow& row, const ScalingRow* baseline);

std::string format_table(const ScalingSetup& setup, const std::vector<ScalingRow>& rows);
std::string format_json(const ScalingSetup& setup, const std::vector<ScalingRow>& rows);

double median(std::vector<double> values);

}  // namespace sisim::bench
