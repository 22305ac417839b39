#include "sim/engine/memory_estimate.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/info.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/engine/budget_account.hpp"
#include "sim/engine/path_columns.hpp"
#include "sim/engine/series_collector.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/model/flows.hpp"

namespace sisim::engine {

using config::Config;
using config::kBudgetCount;

using model::kFixedLineItems;

namespace {

// Per person and arm: an ArmHistory (40 bytes) and its employment spells on the heap; about 130
// bytes per enrolled person for both arms together (measured: a cohort of 1e8 took 13 GB per thread)
// when a spell took 8 bytes; spells now take 16 (hours and the benefit top-up flag, MODEL.md 8a), so
// a person's one or two spells per arm add up to about 30 bytes more (not re-measured).
constexpr double kBytesPerPerson = 160.0;
constexpr double kBytesPerControlPerson = 80.0;

double read_number_file(const std::string& path) {
  std::ifstream in(path);
  std::string text;
  if (!(in >> text) || text == "max") return -1;
  try {
    return std::stod(text);
  } catch (...) {
    return -1;
  }
}

std::string gigabytes(double bytes) {
  return fmt::format("{:.1f} GB", bytes / 1e9);
}

}  // namespace

MemoryEstimate estimate_memory(const Config& c, const RunOptions& options, int runs_held,
                               bool columns_freed_while_writing) {
  MemoryEstimate e;
  const double paths = static_cast<double>(options.paths > 0 ? options.paths : c.simulation.paths);
  const double months = c.simulation.horizon_months, years = (c.simulation.horizon_months + 11) / 12;
  const double items = kFixedLineItems + static_cast<double>(c.public_.other_flows.size());
  // The scenario's columns exactly as a run registers them, and the bytes a path takes in the file
  // image (float64 8, int32 4, flags 1; schema table sim/io/result_schema.hpp).
  ColumnSet registered;
  PathColumns().define(c, registered);
  const double columns = static_cast<double>(registered.specs().size());
  double image_per_path = 0, society_columns = 0;
  for (const auto& spec : registered.specs()) {
    image_per_path += spec.type == io::ElementType::float64 ? 8 : spec.type == io::ElementType::int32 ? 4 : 1;
    const bool society =
        spec.path.starts_with(io::group_path(io::ColumnGroup::society) + "/") ||
        spec.path.starts_with(io::group_path(io::ColumnGroup::alternatives) + "/") ||
        (spec.path.starts_with(io::group_path(io::ColumnGroup::budget) + "/") && spec.path.ends_with("/npv"));
    society_columns += society ? 1 : 0;
  }
  const double fan =
      std::min(paths, static_cast<double>(fan_paths_for(options.fan_paths, c.simulation.horizon_months)));
  const double annual = kAccountBudgets * years * items;
  const double blocks = paths / std::max(1, c.simulation.block_size) + 1;
  // Columns in memory (doubles, held by every run the command keeps), the copy of the society
  // columns its summary makes, and the file image, which a writer that frees each column as it
  // writes it builds in the room the columns leave; then fan-chart paths, kept annual accounts and
  // per-block sums, all doubles.
  const double column_bytes = 8.0 * columns * paths * runs_held + 8.0 * society_columns * paths;
  const double image_bytes = image_per_path * paths;
  e.results =
      (columns_freed_while_writing ? std::max(column_bytes, image_bytes + 8.0 * society_columns * paths)
                                   : column_bytes + image_bytes) +
      8.0 * (fan * months * (1 + kAccountBudgets) + fan * annual + blocks * annual);
  const double people = static_cast<double>(c.cohort.size);
  const double control =
      c.contract.present ? static_cast<double>(c.contract.evaluation.control_group_size) : 0;
  const double segments = static_cast<double>(c.cohort.segments.size());
  const double classes = static_cast<double>(c.public_.refusion.ladder.size()) + 1;
  e.per_thread = people * kBytesPerPerson + control * kBytesPerControlPerson +
                 8.0 * months * (4 * kBudgetCount * items + 4 * segments * (classes + 2) + 16);
  const int available_threads = tbb::info::default_concurrency();
  e.threads = options.threads > 0 ? std::min(options.threads, available_threads) : available_threads;
  return e;
}

double available_memory() {
  double best = -1;
  auto take = [&](double v) {
    if (v >= 0 && (best < 0 || v < best)) best = v;
  };
  std::ifstream meminfo("/proc/meminfo");
  std::string key;
  double value = 0;
  std::string unit;
  while (meminfo >> key >> value >> unit)
    if (key == "MemAvailable:") take(value * 1024.0);
  const double limit = read_number_file("/sys/fs/cgroup/memory.max");
  if (limit >= 0) take(limit - std::max(0.0, read_number_file("/sys/fs/cgroup/memory.current")));
  rlimit as{};
  if (getrlimit(RLIMIT_AS, &as) == 0 && as.rlim_cur != RLIM_INFINITY) take(static_cast<double>(as.rlim_cur));
  return best;
}

std::string check_memory(const Config& config, const RunOptions& options, int runs_held,
                         bool columns_freed_while_writing) {
  const MemoryEstimate e = estimate_memory(config, options, runs_held, columns_freed_while_writing);
  const double available = available_memory();
  if (available < 0 || e.total() <= available) return {};
  std::ostringstream out;
  out << "this run needs about " << gigabytes(e.total()) << " of memory (" << gigabytes(e.per_thread)
      << " per thread for a cohort of " << config.cohort.size << " people, times " << e.threads
      << " threads, plus " << gigabytes(e.results) << " for the results of "
      << (options.paths > 0 ? options.paths : config.simulation.paths) << " paths), and about "
      << gigabytes(available) << " is available: use fewer --paths or --threads, or a smaller cohort";
  return out.str();
}

}  // namespace sisim::engine
