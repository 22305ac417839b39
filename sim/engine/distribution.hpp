#pragma once
// Splitting a run over processes (MPI ranks). Each rank simulates a contiguous range of blocks;
// rank 0 then gathers every per-path row and per-block sum into place and is the only writer.
// Because every path and every block sum is computed exactly as in a single process, and rank 0
// reduces blocks in block order, the result is bit-identical for any rank count.
#include <cstdint>

#include "sim/engine/columns.hpp"
#include "sim/engine/series_collector.hpp"

namespace sisim::engine {

struct ProcessGroup {
  int rank = 0;
  int size = 1;
  bool is_root() const { return rank == 0; }
};

// The calling process's place among the ranks (rank 0 of 1 without MPI, or when MPI is not
// initialised).
ProcessGroup process_group();

// Half-open block range [first, last) of `rank` out of `size` for `blocks` blocks.
inline void block_range(std::int64_t blocks, int rank, int size, std::int64_t& first, std::int64_t& last) {
  first = blocks * rank / size;
  last = blocks * (rank + 1) / size;
}

// True on every rank if any rank was cancelled (so that all ranks skip the gather together).
bool any_rank_cancelled(const ProcessGroup& group, bool cancelled);

// Copies rank 0's `n` doubles to every rank (no-op for one process). Commands whose next step
// depends on a result (the price search) use it so that every rank takes the same steps.
void broadcast_from_root(const ProcessGroup& group, double* data, int n);

// Gathers the rows each rank computed onto rank 0 (no-op for one process). `block_size` and
// `paths` define which path rows belong to which rank.
void gather_to_root(const ProcessGroup& group, std::int64_t paths, std::int64_t block_size,
                    std::int64_t blocks, ColumnSet& columns, SeriesCollector& series, std::int64_t& counter);

}  // namespace sisim::engine
