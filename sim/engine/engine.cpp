#include "sim/engine/engine.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <optional>
#include <span>
#include <vector>

#include "sim/engine/cancel.hpp"
#include "sim/engine/checkpoint.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/path_runner.hpp"
#include "sim/engine/progress.hpp"

namespace sisim::engine {

using config::Config;

namespace {

// Simulates `blocks` (in any order, over the TBB pool). A cancellation leaves every block either
// complete (done[block] = 1) or not done; a block not done is discarded whatever it holds.
struct BlockJob {
  const PathRunner& runner;
  RunOutput& out;
  SeriesCollector& series;
  ProgressReporter& progress;
  std::int64_t block_size;
  std::vector<std::uint8_t>& done;
  std::vector<std::int64_t>& clamped;

  template <typename Scratch>
  void run(std::span<const std::int64_t> blocks, Scratch& scratch) {
    std::atomic<bool>& cancel = cancel_flag();
    tbb::parallel_for(tbb::blocked_range<size_t>(0, blocks.size(), 1), [&](const auto& range) {
      auto& local = *scratch.local();
      for (size_t i = range.begin(); i != range.end(); ++i) {
        if (cancel.load(std::memory_order_relaxed)) return;
        const std::int64_t block = blocks[i];
        const std::int64_t first = block * block_size;
        const std::int64_t last = std::min(out.paths, first + block_size);
        std::int64_t block_clamped = 0;
        for (std::int64_t path = first; path < last; ++path) {
          block_clamped += runner.run_path(path, block, local, out.columns, series) ? 1 : 0;
          // Checked after every path, not only between blocks (a block of large cohorts takes
          // minutes): a block stopped part-way is not marked done, so it is never saved to a
          // checkpoint or gathered, and a resumed run simulates it again from the start.
          if (cancel.load(std::memory_order_relaxed)) return;
        }
        clamped[static_cast<size_t>(block)] = block_clamped;
        done[static_cast<size_t>(block)] = 1;
        progress.add(last - first);
      }
    });
  }
};

// Writes the checkpoint when it is due: every `interval` seconds, but never spending more than
// about a tenth of the run on it (a checkpoint of millions of paths takes a while to write).
class CheckpointSchedule {
 public:
  CheckpointSchedule(double interval, std::int64_t saved_blocks)
      : interval_(interval), saved_(saved_blocks) {}
  bool due() const { return seconds_since(last_) >= std::max(interval_, 10.0 * cost_); }
  bool stale(const Checkpoint& checkpoint) const { return checkpoint.done_count() != saved_; }
  void save(Checkpoint& checkpoint, RunOutput& out, SeriesCollector& series) {
    const auto started = std::chrono::steady_clock::now();
    saved_ = checkpoint.done_count();
    try {
      checkpoint.save(out.columns, series);
      out.checkpoint_error.clear();
    } catch (const CheckpointError& e) {
      out.checkpoint_error = e.what();  // the run goes on: only a resume would lose work
    }
    cost_ = seconds_since(started);
    last_ = std::chrono::steady_clock::now();
  }

 private:
  static double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
  }
  double interval_;
  std::int64_t saved_;
  double cost_ = 0.0;
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

// The run's checkpoint with its completed blocks loaded into `out` and `series`; none without
// --checkpoint.
std::optional<Checkpoint> open_checkpoint(const Config& config, const RunOptions& options, RunOutput& out,
                                          SeriesCollector& series, std::int64_t block_size,
                                          const ProcessGroup& group, std::int64_t first_block,
                                          std::int64_t last_block) {
  if (options.checkpoint.empty()) return std::nullopt;
  out.checkpoint_file = checkpoint_path_for_rank(options.checkpoint, group.rank, group.size);
  check_rank_count(options.checkpoint, group.size);
  CheckpointBinding binding;
  binding.config_text = config.resolved_yaml;
  binding.seed = out.seed;
  binding.paths = out.paths;
  binding.block_size = block_size;
  binding.fan_paths =
      std::min<std::int64_t>(out.paths, fan_paths_for(options.fan_paths, config.simulation.horizon_months));
  binding.rank = group.rank;
  binding.ranks = group.size;
  const std::int64_t blocks = (out.paths + block_size - 1) / block_size;
  std::optional<Checkpoint> checkpoint(std::in_place, out.checkpoint_file, std::move(binding), blocks,
                                       first_block, last_block);
  out.resumed_blocks = checkpoint->load(out.columns, series);
  return checkpoint;
}

}  // namespace

RunOutput run_simulation(const Config& config, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunOutput out;
  out.paths = options.paths > 0 ? options.paths : config.simulation.paths;
  out.seed = options.seed_set ? options.seed : config.simulation.seed;
  // The threads that actually run, and so what the result file records: TBB never runs more than
  // the cores this process may use, however many were asked for (--threads 10000 runs 2 on 2 cores).
  const int available = tbb::info::default_concurrency();
  out.threads = options.threads > 0 ? std::min(options.threads, available) : available;
  // From here on, everything the run does in parallel (setting up its buffers too) uses at most
  // the threads it records.
  tbb::global_control threads(tbb::global_control::max_allowed_parallelism, static_cast<size_t>(out.threads));

  PathRunner runner(config, out.seed);
  runner.define_columns(out.columns);
  out.columns.allocate(out.paths);

  // The block size fixes how per-block sums are formed, so it is part of the scenario, not of the
  // machine: any thread count then adds the same blocks in the same order.
  const std::int64_t block_size = std::max(1, config.simulation.block_size);
  const std::int64_t blocks = (out.paths + block_size - 1) / block_size;
  SeriesCollector series(out.paths, fan_paths_for(options.fan_paths, runner.months()), runner.months(),
                         runner.line_items(), blocks);
  const ProcessGroup group = process_group();
  out.is_root = group.is_root();
  std::int64_t first_block = 0, last_block = 0;
  block_range(blocks, group.rank, group.size, first_block, last_block);
  const std::int64_t my_paths =
      std::min(out.paths, last_block * block_size) - std::min(out.paths, first_block * block_size);

  // Every rank must agree on a refusal before any collective: a rank that refused its checkpoint
  // (damaged, another run, another rank count) and returned while the others waited in the next
  // allreduce would deadlock the whole job.
  std::optional<Checkpoint> checkpoint;
  std::string refusal;
  try {
    checkpoint = open_checkpoint(config, options, out, series, block_size, group, first_block, last_block);
  } catch (const CheckpointError& e) {
    refusal = e.what();
  }
  if (any_rank_cancelled(group, !refusal.empty()))
    throw CheckpointError(!refusal.empty() ? refusal
                                           : "another MPI rank refused its checkpoint (see its message); "
                                             "no rank resumed");
  std::int64_t clamped_total = checkpoint ? checkpoint->clamped_paths() : 0;
  std::vector<std::int64_t> pending;
  std::int64_t pending_paths = 0;
  for (std::int64_t b = first_block; b < last_block; ++b) {
    if (checkpoint && checkpoint->done(b)) continue;
    pending.push_back(b);
    pending_paths += std::min(out.paths, (b + 1) * block_size) - b * block_size;
  }

  using ScratchPtr = decltype(runner.make_scratch());
  tbb::enumerable_thread_specific<ScratchPtr> scratch([&] { return runner.make_scratch(); });
  ProgressReporter progress(options.label, my_paths, options.progress && group.is_root());
  progress.add(my_paths - pending_paths);
  std::vector<std::uint8_t> done(static_cast<size_t>(blocks), 0);
  std::vector<std::int64_t> clamped(static_cast<size_t>(blocks), 0);
  BlockJob job{runner, out, series, progress, block_size, done, clamped};
  // With a checkpoint, blocks run in short chunks so that it can be written between them, by this
  // thread alone, while no worker touches the results.
  const size_t chunk =
      checkpoint ? static_cast<size_t>(2 * out.threads) : std::max<size_t>(pending.size(), 1);
  CheckpointSchedule schedule(options.checkpoint_seconds, out.resumed_blocks);
  for (size_t i = 0; i < pending.size() && !cancel_flag().load(); i += chunk) {
    const std::span<const std::int64_t> part(pending.data() + i, std::min(chunk, pending.size() - i));
    job.run(part, scratch);
    if (!checkpoint) continue;
    for (const std::int64_t b : part)
      if (done[static_cast<size_t>(b)]) checkpoint->mark_done(b, clamped[static_cast<size_t>(b)]);
    if (schedule.due() && schedule.stale(*checkpoint)) schedule.save(*checkpoint, out, series);
  }
  // Always at the end (complete, or cancelled): a failed result write or a Ctrl-C loses nothing.
  if (checkpoint && schedule.stale(*checkpoint)) schedule.save(*checkpoint, out, series);
  progress.finish();
  for (const std::int64_t b : pending) clamped_total += clamped[static_cast<size_t>(b)];
  out.cancelled = any_rank_cancelled(group, cancel_flag().load());
  out.gap_clamped_paths = clamped_total;
  if (!out.cancelled) {
    gather_to_root(group, out.paths, block_size, blocks, out.columns, series, out.gap_clamped_paths);
    if (group.is_root()) out.series = series.finish(runner.line_item_names());
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace sisim::engine
