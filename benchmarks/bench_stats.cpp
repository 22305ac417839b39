// Summaries and fan-chart quantiles by selection against the full sort they replaced (issue 16):
// a metric's summary over 20,000 paths (`stats::summarize`) and one fan-chart column's nine
// quantiles over 4,096 kept paths (`stats::quantiles_of`). Each iteration takes the next of 64
// different samples: sorting the same array again and again lets the branch predictor learn its
// comparisons (on this machine a repeated 4,096-value sort runs 4 times faster than a fresh one),
// which would flatter the sort.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include "sim/stats/statistics.hpp"

namespace {

using sisim::stats::kQuantileLevels;

constexpr int kSamples = 64;

// Normal-ish samples (sum of four uniforms, centred) from fixed seeds.
const std::vector<std::vector<double>>& samples(std::size_t n) {
  static std::vector<std::vector<double>> by_size[2];
  auto& out = by_size[n == 20000 ? 0 : 1];
  if (out.empty()) {
    std::mt19937_64 bits(n);
    const auto u = [&bits] { return static_cast<double>(bits() >> 11) * 0x1.0p-53; };
    out.assign(kSamples, std::vector<double>(n));
    for (auto& x : out)
      for (double& v : x) v = u() + u() + u() + u() - 2.0;
  }
  return out;
}

void BM_SummarizeBySelection(benchmark::State& state) {
  const auto& xs = samples(20000);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sisim::stats::summarize(xs[i++ % kSamples]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SummarizeBySelection);

// The same statistics from a full sort, as summarize made them before: the reference to beat.
void BM_SummarizeByFullSort(benchmark::State& state) {
  const auto& xs = samples(20000);
  std::size_t i = 0;
  for (auto _ : state) {
    const auto& x = xs[i++ % kSamples];
    sisim::stats::MeanAccumulator acc;
    std::vector<double> sorted;
    sorted.reserve(x.size());
    for (double v : x) {
      acc.add(v);
      if (!std::isnan(v)) sorted.push_back(v);
    }
    std::sort(sorted.begin(), sorted.end());
    double sink =
        acc.sd() + static_cast<double>(std::lower_bound(sorted.begin(), sorted.end(), 0.0) - sorted.begin());
    for (double p : kQuantileLevels)
      sink += sisim::stats::quantile_sorted(sorted, p) + sisim::stats::quantile_se_sorted(sorted, p);
    for (double a : {0.05, 0.01})
      sink += sisim::stats::expected_shortfall_sorted(sorted, a) +
              sisim::stats::expected_shortfall_se_sorted(sorted, a);
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_SummarizeByFullSort);

void BM_FanColumnQuantilesBySelection(benchmark::State& state) {
  const auto& xs = samples(4096);
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(sisim::stats::quantiles_of(xs[i++ % kSamples]));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FanColumnQuantilesBySelection);

void BM_FanColumnQuantilesByFullSort(benchmark::State& state) {
  const auto& xs = samples(4096);
  std::size_t i = 0;
  for (auto _ : state) {
    std::vector<double> sorted = xs[i++ % kSamples];
    std::sort(sorted.begin(), sorted.end());
    double sink = 0.0;
    for (double p : kQuantileLevels) sink += sisim::stats::quantile_sorted(sorted, p);
    benchmark::DoNotOptimize(sink);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FanColumnQuantilesByFullSort);

}  // namespace
