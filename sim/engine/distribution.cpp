#include "sim/engine/distribution.hpp"

#include <algorithm>
#include <vector>

#ifdef SISIM_WITH_MPI
#include <mpi.h>
#endif

namespace sisim::engine {

ProcessGroup process_group() {
  ProcessGroup g;
#ifdef SISIM_WITH_MPI
  int initialised = 0;
  MPI_Initialized(&initialised);
  if (initialised) {
    MPI_Comm_rank(MPI_COMM_WORLD, &g.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &g.size);
  }
#endif
  return g;
}

#ifdef SISIM_WITH_MPI
namespace {

// Gathers rows [row_first(r), row_last(r)) of `width` doubles from each rank r into rank 0's copy.
void gather_rows(const ProcessGroup& g, std::vector<double>& data, std::int64_t width,
                 const std::vector<std::int64_t>& row_first, const std::vector<std::int64_t>& row_last) {
  const std::int64_t rows = static_cast<std::int64_t>(data.size()) / std::max<std::int64_t>(width, 1);
  std::vector<int> counts(static_cast<size_t>(g.size)), displs(static_cast<size_t>(g.size));
  for (int r = 0; r < g.size; ++r) {
    const std::int64_t lo = std::min(rows, row_first[static_cast<size_t>(r)]);
    const std::int64_t hi = std::min(rows, row_last[static_cast<size_t>(r)]);
    counts[static_cast<size_t>(r)] = static_cast<int>((hi - lo) * width);
    displs[static_cast<size_t>(r)] = static_cast<int>(lo * width);
  }
  const auto me = static_cast<size_t>(g.rank);
  if (g.is_root()) {
    MPI_Gatherv(MPI_IN_PLACE, 0, MPI_DOUBLE, data.data(), counts.data(), displs.data(), MPI_DOUBLE, 0,
                MPI_COMM_WORLD);
  } else {
    MPI_Gatherv(data.data() + displs[me], counts[me], MPI_DOUBLE, nullptr, nullptr, nullptr, MPI_DOUBLE, 0,
                MPI_COMM_WORLD);
  }
}

}  // namespace
#endif

bool any_rank_cancelled(const ProcessGroup& g, bool cancelled) {
#ifdef SISIM_WITH_MPI
  if (g.size > 1) {
    int local = cancelled ? 1 : 0, any = 0;
    MPI_Allreduce(&local, &any, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    return any != 0;
  }
#endif
  (void)g;
  return cancelled;
}

void broadcast_from_root(const ProcessGroup& g, double* data, int n) {
#ifdef SISIM_WITH_MPI
  if (g.size > 1) MPI_Bcast(data, n, MPI_DOUBLE, 0, MPI_COMM_WORLD);
#endif
  (void)g, (void)data, (void)n;
}

void gather_to_root(const ProcessGroup& g, std::int64_t paths, std::int64_t block_size, std::int64_t blocks,
                    ColumnSet& columns, SeriesCollector& series, std::int64_t& counter) {
#ifdef SISIM_WITH_MPI
  if (g.size <= 1) return;
  std::vector<std::int64_t> path_first(static_cast<size_t>(g.size)), path_last(static_cast<size_t>(g.size));
  std::vector<std::int64_t> block_first(static_cast<size_t>(g.size)), block_last(static_cast<size_t>(g.size));
  for (int r = 0; r < g.size; ++r) {
    const auto i = static_cast<size_t>(r);
    block_range(blocks, r, g.size, block_first[i], block_last[i]);
    path_first[i] = std::min(paths, block_first[i] * block_size);
    path_last[i] = std::min(paths, block_last[i] * block_size);
  }
  for (size_t c = 0; c < columns.specs().size(); ++c)
    gather_rows(g, columns.mutable_column(static_cast<int>(c)), 1, path_first, path_last);
  for (const auto& buffer : series.buffers())
    gather_rows(g, *buffer.data, buffer.width, buffer.per_block ? block_first : path_first,
                buffer.per_block ? block_last : path_last);
  long long local = counter, total = 0;
  MPI_Reduce(&local, &total, 1, MPI_LONG_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
  if (g.is_root()) counter = total;
#else
  (void)g, (void)paths, (void)block_size, (void)blocks, (void)columns, (void)series, (void)counter;
#endif
}

}  // namespace sisim::engine
