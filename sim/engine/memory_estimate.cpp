#include "sim/engine/memory_estimate.hpp"

#include <fmt/format.h>
#include <oneapi/tbb/info.h>
#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "sim/engine/budget_account.hpp"
#include "sim/engine/series_collector.hpp"
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

MemoryEstimate estimate_memory(const Config& c, const RunOptions& options, int runs_held) {
  MemoryEstimate e;
  const double paths = static_cast<double>(options.paths > 0 ? options.paths : c.simulation.paths);
  const double months = c.simulation.horizon_months, years = (c.simulation.horizon_months + 11) / 12;
  const double items = kFixedLineItems + static_cast<double>(c.public_.other_flows.size());
  const double columns = 9 + 5.0 * static_cast<double>(c.finance.tranches.size()) + 2.0 * kAccountBudgets +
                         11 + static_cast<double>(c.uncertain.size());
  const double fan =
      std::min(paths, static_cast<double>(fan_paths_for(options.fan_paths, c.simulation.horizon_months)));
  const double annual = kAccountBudgets * years * items;
  const double blocks = paths / std::max(1, c.simulation.block_size) + 1;
  // Columns (held by every run the command keeps, plus the file image and its copy at commit),
  // fan-chart paths, kept annual accounts and per-block sums, all doubles.
  e.results = 8.0 * (columns * paths * (runs_held + 2) + fan * months * (1 + kAccountBudgets) + fan * annual +
                     blocks * annual);
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

std::string check_memory(const Config& config, const RunOptions& options, int runs_held) {
  const MemoryEstimate e = estimate_memory(config, options, runs_held);
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
