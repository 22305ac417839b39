#include "sim/engine/engine.hpp"

#include <oneapi/tbb/blocked_range.h>
#include <oneapi/tbb/enumerable_thread_specific.h>
#include <oneapi/tbb/global_control.h>
#include <oneapi/tbb/info.h>
#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "sim/engine/cancel.hpp"
#include "sim/engine/distribution.hpp"
#include "sim/engine/path_runner.hpp"
#include "sim/engine/progress.hpp"

namespace sisim {

RunOutput run_simulation(const Config& config, const RunOptions& options) {
  const auto started = std::chrono::steady_clock::now();
  RunOutput out;
  out.paths = options.paths > 0 ? options.paths : config.simulation.paths;
  out.seed = options.seed_set ? options.seed : config.simulation.seed;
  out.threads = options.threads > 0 ? options.threads : tbb::info::default_concurrency();

  PathRunner runner(config, out.seed);
  runner.define_columns(out.columns);
  out.columns.allocate(out.paths);

  // The block size fixes how per-block sums are formed, so it is part of the scenario, not of the
  // machine: any thread count then adds the same blocks in the same order.
  const std::int64_t block_size = std::max(1, config.simulation.block_size);
  const std::int64_t blocks = (out.paths + block_size - 1) / block_size;
  SeriesCollector series(out.paths, options.fan_paths, runner.months(), runner.line_items(), blocks);
  const ProcessGroup group = process_group();
  out.is_root = group.is_root();
  std::int64_t first_block = 0, last_block = 0;
  block_range(blocks, group.rank, group.size, first_block, last_block);
  const std::int64_t my_paths =
      std::min(out.paths, last_block * block_size) - std::min(out.paths, first_block * block_size);

  tbb::global_control threads(tbb::global_control::max_allowed_parallelism,
                              static_cast<size_t>(out.threads));
  using ScratchPtr = decltype(runner.make_scratch());
  tbb::enumerable_thread_specific<ScratchPtr> scratch([&] { return runner.make_scratch(); });
  std::atomic<std::int64_t> clamped{0};
  ProgressReporter progress(options.label, my_paths, options.progress && group.is_root());
  std::atomic<bool>& cancel = cancel_flag();

  tbb::parallel_for(tbb::blocked_range<std::int64_t>(first_block, last_block, 1), [&](const auto& range) {
    auto& local = *scratch.local();
    for (std::int64_t block = range.begin(); block != range.end(); ++block) {
      if (cancel.load(std::memory_order_relaxed)) return;
      const std::int64_t first = block * block_size;
      const std::int64_t last = std::min(out.paths, first + block_size);
      std::int64_t block_clamped = 0;
      for (std::int64_t path = first; path < last; ++path)
        block_clamped += runner.run_path(path, block, local, out.columns, series) ? 1 : 0;
      clamped.fetch_add(block_clamped, std::memory_order_relaxed);
      progress.add(last - first);
    }
  });
  progress.finish();
  out.cancelled = any_rank_cancelled(group, cancel.load());
  out.gap_clamped_paths = clamped.load();
  if (!out.cancelled) {
    gather_to_root(group, out.paths, block_size, blocks, out.columns, series, out.gap_clamped_paths);
    if (group.is_root()) out.series = series.finish(runner.line_item_names());
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return out;
}

}  // namespace sisim
