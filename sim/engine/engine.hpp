#pragma once
// The Monte Carlo engine: paths in fixed-size blocks over oneTBB, per-path results stored by path
// index, every reduction done over blocks in block order. Same seed + same binary = the same bits
// for any thread count (and, with MPI, any rank count).
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "sim/engine/columns.hpp"
#include "sim/engine/series_collector.hpp"

namespace sisim::engine {

struct RunOptions {
  std::int64_t paths = 0;  // 0: the scenario's simulation.paths
  std::uint64_t seed = 0;
  bool seed_set = false;  // false: the scenario's simulation.seed
  int threads = 0;        // 0: all cores
  bool progress = true;
  int fan_paths = 4096;  // paths whose full monthly series feed the fan charts
  std::string label = "sisim run";
  // Non-empty: resume from this checkpoint file if it exists (see checkpoint.hpp), and keep it up
  // to date: written at least every `checkpoint_seconds` (less often when writing it is slow),
  // when cancelled and at the end. The caller deletes it once the result is safely written.
  std::string checkpoint;
  double checkpoint_seconds = 5.0;
};

struct RunOutput {
  std::int64_t paths = 0;
  std::uint64_t seed = 0;
  int threads = 0;
  ColumnSet columns;     // /paths/...
  SeriesSummary series;  // /timeseries/...
  std::int64_t gap_clamped_paths = 0;
  bool cancelled = false;
  std::int64_t resumed_blocks = 0;  // blocks loaded from the checkpoint instead of simulated
  std::string checkpoint_file;      // this process's checkpoint file ("" without --checkpoint)
  std::string checkpoint_error;     // the last failure to write the checkpoint (the run goes on)
  bool is_root = true;              // false on MPI ranks other than 0: their output holds only their own rows
  double seconds = 0.0;
};

// Runs the scenario. Under MPI (when MPI is initialised) every rank calls this; blocks are split
// across ranks and rank 0 gathers the complete result. Throws std::runtime_error on a model error
// (e.g. an impossible parameter draw), CheckpointError for a checkpoint of another run.
RunOutput run_simulation(const config::Config& config, const RunOptions& options);

}  // namespace sisim::engine
