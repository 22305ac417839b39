#pragma once
// Time series of a run under bounded memory. Two mechanisms:
// - fan charts and annual-account bands: the full monthly series of the first `capacity` paths
//   (deterministic: always the same paths, whatever the thread count), reduced to quantiles at the
//   end. 4,096 paths put the P5/P95 bands to within about +-0.7 percentage points of rank.
// - the mean annual budget account: exact sums over ALL paths, kept per block and added in block
//   order, so the mean is bit-identical for any thread count.
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sim/engine/budget_account.hpp"
#include "sim/engine/society_account.hpp"

namespace sisim::engine {

struct SeriesSummary {
  int months = 0, years = 0, items = 0;
  std::vector<std::string> item_names;
  std::vector<double> investor_cash_fan;   // [months x 9] quantiles of cumulative investor cash
  std::vector<double> investor_drawn_fan;  // [months x 9] quantiles of cumulative drawdowns
  std::array<std::vector<double>, kAccountBudgets> budget_net_fan;  // [months x 9] cumulative net
  std::array<std::vector<double>, kAccountBudgets> annual_mean;     // [years x items]
  std::array<std::vector<double>, kAccountBudgets> annual_p05;
  std::array<std::vector<double>, kAccountBudgets> annual_p95;
  std::int64_t fan_paths = 0;
  // Society's account by year and line (SocietyItem order): mean over all paths, P5/P95 over the
  // fan-chart paths; [years x kSocietyItems].
  std::vector<std::string> society_item_names;
  std::vector<double> society_mean, society_p05, society_p95;
};

// How many paths keep their full series for the fan charts and annual-account quantiles: the
// requested number up to a 180-month horizon, then proportionally fewer (at least 1,024), so the
// kept series take the same memory at any horizon: 4,096 paths x 720 months held 320 MB, three
// times the whole 180-month run (issue 16). The file states the number used.
inline int fan_paths_for(int requested, int horizon_months) {
  constexpr int kFullHorizon = 180, kFewest = 1024;
  if (horizon_months <= kFullHorizon || requested <= kFewest) return requested;
  const auto scaled = static_cast<int>(static_cast<long long>(requested) * kFullHorizon / horizon_months);
  return scaled > kFewest ? scaled : kFewest;
}

class SeriesCollector {
 public:
  SeriesCollector(std::int64_t paths, int capacity, int months, int items, std::int64_t blocks);

  // The annual account of one path, [account budget][year][item], as used by both mechanisms.
  int annual_size() const { return kAccountBudgets * years_ * items_; }
  void annual_of(const model::FlowTable& net, std::vector<double>& annual) const;

  // Called by the worker that owns `path` (disjoint paths: no locking needed).
  bool keeps(std::int64_t path) const { return path < capacity_; }
  void keep_path(std::int64_t path, const std::vector<double>& investor_cash,
                 const std::vector<double>& drawdowns,
                 const std::array<std::vector<double>, kAccountBudgets>& budget_net,
                 const std::vector<double>& annual);
  // Adds one path's annual account to its block's sums (one worker per block).
  void add_to_block(std::int64_t block, const std::vector<double>& annual);

  // Society's account of one path by year and line, [years x kSocietyItems]; then, as for the
  // budgets, added to its block's sums and kept for the bands if the path is kept.
  void society_annual_of(const SocietyAccount& account, std::vector<double>& annual) const;
  void add_society(std::int64_t block, std::int64_t path, const std::vector<double>& annual);

  SeriesSummary finish(std::vector<std::string> item_names) const;

  // The raw buffers, for gathering a distributed run onto one process: `per_path` buffers hold
  // one row of `width` values per kept path, `per_block` buffers one row per block.
  struct Buffer {
    std::vector<double>* data;
    std::int64_t width;
    bool per_block;
  };
  std::vector<Buffer> buffers();

 private:
  std::int64_t paths_;
  std::int64_t capacity_;
  int months_, years_, items_;
  std::vector<double> investor_cum_;                             // [capacity x months]
  std::vector<double> drawn_cum_;                                // [capacity x months] cumulative drawdowns
  std::array<std::vector<double>, kAccountBudgets> budget_cum_;  // [capacity x months]
  std::vector<double> annual_kept_;                              // [capacity x annual_size]
  std::vector<double> block_sums_;                               // [blocks x annual_size]
  std::vector<double> society_kept_;                             // [capacity x years x society items]
  std::vector<double> society_block_sums_;                       // [blocks x years x society items]
};

}  // namespace sisim::engine
