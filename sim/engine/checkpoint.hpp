#pragma once
// Checkpoint of a long run: the results of every completed block, so that an interrupted run
// (Ctrl-C, SIGTERM, a preempted cluster job) continues where it stopped and gives the same file,
// bit for bit, as an uninterrupted one. That holds because a block's results do not depend on
// which other blocks ran, or when: a resumed run loads the completed blocks' rows and block sums
// exactly and simulates only the others.
//
// A checkpoint is bound to the run that wrote it: the resolved scenario text, seed, paths, block
// size, fan-chart capacity, MPI rank and rank count, the column layout and the sisim build. Any
// mismatch is refused with a clear error rather than silently mixing two runs.
//
// File: a header, one record per completed block (its column rows, its kept-path series rows, its
// block sums, its clamped-path count), and a checksum of everything before it. Written whole to a
// temporary file beside the target and renamed over it, so the file on disk is always complete.
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/engine/columns.hpp"
#include "sim/engine/series_collector.hpp"

namespace sisim::engine {

class CheckpointError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct CheckpointBinding {
  std::string config_text;  // Config::resolved_yaml
  std::uint64_t seed = 0;
  std::int64_t paths = 0;
  std::int64_t block_size = 0;
  std::int64_t fan_paths = 0;
  int rank = 0;
  int ranks = 1;
};

class Checkpoint {
 public:
  // `blocks`: the run's total block count; this process owns blocks [first_block, last_block).
  Checkpoint(std::string path, CheckpointBinding binding, std::int64_t blocks, std::int64_t first_block,
             std::int64_t last_block);

  // Reads the file, if there is one, into `columns` and `series` (already allocated for the whole
  // run) and marks its blocks done. Returns the number of blocks loaded (0 without a file).
  // Throws CheckpointError if the file belongs to another run, is damaged or is not a regular file.
  // Also removes temporary files (PATH.tmp-PID) that killed processes left behind.
  std::int64_t load(ColumnSet& columns, SeriesCollector& series);

  void mark_done(std::int64_t block, std::int64_t clamped_paths);
  bool done(std::int64_t block) const { return done_[static_cast<size_t>(block)] != 0; }
  std::int64_t done_count() const;
  std::int64_t clamped_paths() const;  // summed over the completed blocks

  // Writes every completed block (temporary file + rename). Throws CheckpointError.
  void save(const ColumnSet& columns, SeriesCollector& series) const;

  const std::string& path() const { return path_; }

 private:
  std::uint64_t layout_hash(const ColumnSet& columns, SeriesCollector& series) const;
  std::int64_t first_path(std::int64_t block) const { return block * binding_.block_size; }
  std::int64_t end_path(std::int64_t block) const;

  std::string path_;
  CheckpointBinding binding_;
  std::int64_t blocks_, first_block_, last_block_;
  std::vector<std::uint8_t> done_;
  std::vector<std::int64_t> clamped_;
};

// The checkpoint file of `rank` among `ranks` for a --checkpoint path: the path itself for one
// process, "PATH.rankR" for each of several MPI ranks.
std::string checkpoint_path_for_rank(const std::string& path, int rank, int ranks);

// Throws CheckpointError if checkpoint files of `path` from a run with another number of ranks
// exist (PATH when this run has several ranks, PATH.rank0 when it has one, PATH.rankN for N >=
// ranks): resuming would silently start over beside them.
void check_rank_count(const std::string& path, int ranks);

}  // namespace sisim::engine
