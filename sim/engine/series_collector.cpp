#include "sim/engine/series_collector.hpp"

#include <oneapi/tbb/parallel_for.h>

#include <algorithm>
#include <utility>

#include "sim/stats/statistics.hpp"

namespace sisim::engine {

using config::Budget;
using config::kBudgetCount;

using model::FlowTable;

namespace {

// Cumulative sum of a monthly series into out[offset ...].
void cumulate(const std::vector<double>& monthly, double* out) {
  double running = 0.0;
  for (size_t m = 0; m < monthly.size(); ++m) {
    running += monthly[m];
    out[m] = running;
  }
}

// Quantiles across `rows` kept paths of each of `width` columns of a [rows x width] matrix,
// giving [width x 9].
std::vector<double> column_quantiles(const std::vector<double>& matrix, std::int64_t rows, int width,
                                     std::span<const double> levels) {
  std::vector<double> out(static_cast<size_t>(width) * levels.size());
  // Columns are independent, so they are sorted in parallel: this end phase is otherwise serial
  // and costs several per cent of a run's parallel efficiency. Results do not depend on it.
  tbb::parallel_for(0, width, [&](int c) {
    std::vector<double> column(static_cast<size_t>(rows));
    for (std::int64_t r = 0; r < rows; ++r)
      column[static_cast<size_t>(r)] =
          matrix[static_cast<size_t>(r) * static_cast<size_t>(width) + static_cast<size_t>(c)];
    const auto q = stats::quantiles_of(std::move(column), levels);
    std::copy(q.begin(), q.end(),
              out.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(c) * levels.size()));
  });
  return out;
}

}  // namespace

SeriesCollector::SeriesCollector(std::int64_t paths, int capacity, int months, int items, std::int64_t blocks)
    : paths_(paths),
      capacity_(std::min<std::int64_t>(paths, capacity)),
      months_(months),
      years_((months + 11) / 12),
      items_(items) {
  const auto kept = static_cast<size_t>(capacity_);
  const auto society = static_cast<size_t>(years_ * kSocietyItems);
  std::vector<std::pair<std::vector<double>*, size_t>> sizes = {
      {&investor_cum_, kept * static_cast<size_t>(months_)},
      {&drawn_cum_, kept * static_cast<size_t>(months_)},
      {&annual_kept_, kept * static_cast<size_t>(annual_size())},
      {&block_sums_, static_cast<size_t>(blocks) * static_cast<size_t>(annual_size())},
      {&society_kept_, kept * society},
      {&society_block_sums_, static_cast<size_t>(blocks) * society}};
  for (auto& b : budget_cum_) sizes.emplace_back(&b, kept * static_cast<size_t>(months_));
  // About 70 MB at 4,096 kept paths: zeroing it (page faults and stores) was a serial 30 ms at the
  // start of every run, so the independent buffers are made side by side on the run's threads.
  tbb::parallel_for(size_t{0}, sizes.size(), [&](size_t i) { sizes[i].first->assign(sizes[i].second, 0.0); });
}

void SeriesCollector::society_annual_of(const SocietyAccount& account, std::vector<double>& annual) const {
  annual.assign(static_cast<size_t>(years_ * kSocietyItems), 0.0);
  for (int i = 0; i < kSocietyItems; ++i) {
    const auto& monthly = account.items[static_cast<size_t>(i)];
    const int months = std::min(months_, static_cast<int>(monthly.size()));
    // Year by year, months in order (no division in the loop): the same additions into each year.
    int m = 0;
    for (int y = 0; m < months; ++y) {
      double& sum = annual[static_cast<size_t>(y * kSocietyItems + i)];
      for (const int end = std::min(months, m + 12); m < end; ++m) sum += monthly[static_cast<size_t>(m)];
    }
  }
}

void SeriesCollector::add_society(std::int64_t block, std::int64_t path, const std::vector<double>& annual) {
  double* sums = society_block_sums_.data() + static_cast<size_t>(block) * annual.size();
  for (size_t k = 0; k < annual.size(); ++k) sums[k] += annual[k];
  if (path < capacity_)
    std::copy(annual.begin(), annual.end(),
              society_kept_.begin() + static_cast<std::ptrdiff_t>(static_cast<size_t>(path) * annual.size()));
}

void SeriesCollector::annual_of(const FlowTable& net, std::vector<double>& annual) const {
  annual.assign(static_cast<size_t>(annual_size()), 0.0);
  const size_t per_budget = static_cast<size_t>(years_ * items_);
  for (int b = 0; b < kBudgetCount; ++b) {
    double* out = annual.data() + static_cast<size_t>(b) * per_budget;
    for (int i = 0; i < items_; ++i) {
      // A line the path never wrote is +0.0 throughout: its sums are the zeros assigned above.
      if (!net.written(static_cast<Budget>(b), i)) continue;
      const double* row = net.row(static_cast<Budget>(b), i);
      // Months in year order: no division in the loop.
      int m = 0;
      for (int y = 0; y < years_; ++y) {
        double sum = 0.0;
        for (const int end = std::min(months_, m + 12); m < end; ++m) sum += row[m];
        out[static_cast<size_t>(y * items_ + i)] = sum;
      }
    }
  }
  // public_total: the four public budgets, year by year and item by item.
  double* total = annual.data() + static_cast<size_t>(kPublicTotal) * per_budget;
  for (int b = 0; b <= static_cast<int>(Budget::other_municipalities); ++b)
    for (size_t k = 0; k < per_budget; ++k) total[k] += annual[static_cast<size_t>(b) * per_budget + k];
}

void SeriesCollector::keep_path(std::int64_t path, const std::vector<double>& investor_cash,
                                const std::vector<double>& drawdowns,
                                const std::array<std::vector<double>, kAccountBudgets>& budget_net,
                                const std::vector<double>& annual) {
  const auto row = static_cast<size_t>(path);
  cumulate(investor_cash, investor_cum_.data() + row * static_cast<size_t>(months_));
  cumulate(drawdowns, drawn_cum_.data() + row * static_cast<size_t>(months_));
  for (int b = 0; b < kAccountBudgets; ++b)
    cumulate(budget_net[static_cast<size_t>(b)],
             budget_cum_[static_cast<size_t>(b)].data() + row * static_cast<size_t>(months_));
  std::copy(annual.begin(), annual.end(),
            annual_kept_.begin() + static_cast<std::ptrdiff_t>(row * annual.size()));
}

void SeriesCollector::add_to_block(std::int64_t block, const std::vector<double>& annual) {
  double* sums = block_sums_.data() + static_cast<size_t>(block) * annual.size();
  for (size_t k = 0; k < annual.size(); ++k) sums[k] += annual[k];
}

std::vector<SeriesCollector::Buffer> SeriesCollector::buffers() {
  std::vector<Buffer> out = {{&investor_cum_, months_, false}, {&drawn_cum_, months_, false}};
  for (auto& b : budget_cum_) out.push_back({&b, months_, false});
  out.push_back({&annual_kept_, annual_size(), false});
  out.push_back({&block_sums_, annual_size(), true});
  out.push_back({&society_kept_, years_ * kSocietyItems, false});
  out.push_back({&society_block_sums_, years_ * kSocietyItems, true});
  return out;
}

SeriesSummary SeriesCollector::finish(std::vector<std::string> item_names) const {
  SeriesSummary s;
  s.months = months_;
  s.years = years_;
  s.items = items_;
  s.item_names = std::move(item_names);
  s.fan_paths = capacity_;
  const auto& levels = stats::kQuantileLevels;
  s.investor_cash_fan = column_quantiles(investor_cum_, capacity_, months_, levels);
  s.investor_drawn_fan = column_quantiles(drawn_cum_, capacity_, months_, levels);
  for (int b = 0; b < kAccountBudgets; ++b)
    s.budget_net_fan[static_cast<size_t>(b)] =
        column_quantiles(budget_cum_[static_cast<size_t>(b)], capacity_, months_, levels);

  // Mean: block sums added in block order, then divided once.
  const size_t size = static_cast<size_t>(annual_size());
  std::vector<double> total(size, 0.0);
  const size_t blocks = block_sums_.size() / std::max<size_t>(size, 1);
  for (size_t blk = 0; blk < blocks; ++blk)
    for (size_t k = 0; k < size; ++k) total[k] += block_sums_[blk * size + k];
  const std::array<double, 2> band = {0.05, 0.95};
  const std::vector<double> bands = column_quantiles(annual_kept_, capacity_, annual_size(), band);
  const size_t per_budget = static_cast<size_t>(years_ * items_);
  for (int b = 0; b < kAccountBudgets; ++b) {
    auto& mean = s.annual_mean[static_cast<size_t>(b)];
    auto& p05 = s.annual_p05[static_cast<size_t>(b)];
    auto& p95 = s.annual_p95[static_cast<size_t>(b)];
    mean.resize(per_budget);
    p05.resize(per_budget);
    p95.resize(per_budget);
    for (size_t k = 0; k < per_budget; ++k) {
      const size_t idx = static_cast<size_t>(b) * per_budget + k;
      mean[k] = total[idx] / static_cast<double>(paths_);
      p05[k] = bands[idx * 2];
      p95[k] = bands[idx * 2 + 1];
    }
  }

  // Society's account: the same two mechanisms on its own lines.
  for (int i = 0; i < kSocietyItems; ++i)
    s.society_item_names.emplace_back(to_string(static_cast<SocietyItem>(i)));
  const size_t society = static_cast<size_t>(years_ * kSocietyItems);
  s.society_mean.assign(society, 0.0);
  for (size_t blk = 0; blk < blocks; ++blk)
    for (size_t k = 0; k < society; ++k) s.society_mean[k] += society_block_sums_[blk * society + k];
  for (double& v : s.society_mean) v /= static_cast<double>(paths_);
  const std::vector<double> society_bands =
      column_quantiles(society_kept_, capacity_, static_cast<int>(society), band);
  s.society_p05.resize(society);
  s.society_p95.resize(society);
  for (size_t k = 0; k < society; ++k) {
    s.society_p05[k] = society_bands[k * 2];
    s.society_p95[k] = society_bands[k * 2 + 1];
  }
  return s;
}

}  // namespace sisim::engine
