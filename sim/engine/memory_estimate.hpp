#pragma once
// How much memory a run will need, known before it starts: a cohort of 1e8 people or --paths 1e12
// must be refused with the figures, not end in std::bad_alloc after minutes and gigabytes.
#include <cstdint>
#include <string>

#include "config/config.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::engine {

struct MemoryEstimate {
  double results = 0;     // per-path columns, the time-series buffers, and the result file image
  double per_thread = 0;  // one thread's work space for one path (cohort, control group, flows)
  int threads = 1;
  double total() const { return results + per_thread * threads; }
};

// Bytes a run of `config` with `options` needs at its peak (an estimate within a few tens of per
// cent; `runs_held` is how many runs a command keeps at once, 2 for stress and price;
// `columns_freed_while_writing`: the command writes its run with the writer that frees each column
// once it is in the file image, as `sisim run` does).
MemoryEstimate estimate_memory(const config::Config& config, const RunOptions& options, int runs_held = 1,
                               bool columns_freed_while_writing = false);

// Memory this process may still use: the least of MemAvailable, the cgroup limit and RLIMIT_AS;
// a negative value when unknown.
double available_memory();

// Empty if the estimate fits in the available memory; else a message with the figures.
std::string check_memory(const config::Config& config, const RunOptions& options, int runs_held = 1,
                         bool columns_freed_while_writing = false);

}  // namespace sisim::engine
