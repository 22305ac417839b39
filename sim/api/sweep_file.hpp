#pragma once
// The sweep result file (docs/HDF5.md section 5): one row per point, small whatever the number
// of paths. A file holds the points of one slice [slice_begin, slice_end) of the sweep; merging
// contiguous slices gives exactly the file the whole slice range would give in one run.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/engine.hpp"

namespace sisim::api {

struct SweepTable {
  // Root attributes and /meta (the same for every slice of one sweep).
  std::string scenario, config_yaml, sweep_yaml, sisim_version, git_hash;
  std::uint64_t seed = 0;
  std::int64_t paths = 0, threads = 0;
  // /sweep
  std::string kind;  // "grid" or "latin_hypercube"
  std::int64_t points_total = 0;
  std::vector<std::string> columns;
  std::vector<std::int64_t> grid_shape;
  // One entry per point of the file, in point order.
  std::vector<std::int64_t> index;
  std::vector<std::vector<double>> values;  // values[column][row]
  std::vector<std::int64_t> gap_clamped;
  std::vector<std::vector<double>> stats;  // stats[metric * stat count + stat][row]
};

// Metric groups under /sweep/summary (the /paths column each summarises is /paths/<group>).
const std::vector<std::string>& sweep_metrics();
// Statistics per metric: mean sd se p05 p50 p95 p_loss p_loss_se (conventions of docs/HDF5.md 2.4).
const std::vector<std::string>& sweep_stats();

// Appends one point's row, computed from its run.
void add_sweep_point(SweepTable& table, std::int64_t index, const std::vector<double>& values,
                     const engine::RunOutput& run);

// Writes the whole file atomically; throws io::IoError.
void write_sweep_file(const std::string& path, bool force, const std::string& command_line,
                      const SweepTable& table);

// The terminal table: one line per point with its swept values, median IRR, P(investor loss) and
// the municipality's mean NPV.
std::string format_sweep_table(const SweepTable& table);

// Reads a sweep file back; throws io::IoError (also for a result file that is not a sweep).
SweepTable read_sweep_file(const std::string& path);

// Combines slices of one sweep into the table of their union, which must be a contiguous range
// of points with no point twice. Throws std::runtime_error naming what does not fit.
SweepTable merge_sweep_tables(const std::vector<SweepTable>& slices, const std::vector<std::string>& names);

}  // namespace sisim::api
