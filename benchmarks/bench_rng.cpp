// Micro-benchmarks of the random-number layer: the raw generator, the sequential uniform stream
// the model draws from, and the inverse-CDF samplers used for per-path parameters. Items are
// Philox blocks (4 x 64 bits) or variates, so items/s reads directly as draws per second.
#include <benchmark/benchmark.h>

#include <cstdint>

#include "sim/rng/distribution.hpp"
#include "sim/rng/philox.hpp"
#include "sim/rng/samplers.hpp"
#include "sim/rng/special_functions.hpp"
#include "sim/rng/streams.hpp"

namespace {

using sisim::rng::DistKind;
using sisim::rng::Distribution;
namespace rng = sisim::rng;

void BM_Philox4x64_10(benchmark::State& state) {
  const rng::Key key = rng::key_from_seed(20230809);
  rng::Counter ctr{0, 0, 0, 0};
  for (auto _ : state) {
    ++ctr[3];  // a new counter per call, as in real use
    benchmark::DoNotOptimize(rng::philox4x64(ctr, key));
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["uniforms/s"] =
      benchmark::Counter(4.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Philox4x64_10);

// One participant-month's worth of draws is small; a stream is built per address, so the cost of
// constructing it is part of what the model pays. Arg = uniforms taken per stream.
void BM_UniformStream(benchmark::State& state) {
  const rng::Key key = rng::key_from_seed(20230809);
  const auto per_stream = static_cast<int>(state.range(0));
  std::uint64_t participant = 0;
  for (auto _ : state) {
    rng::UniformStream s(key, 7, participant++, rng::StreamId::labour_events, 3);
    double sum = 0.0;
    for (int i = 0; i < per_stream; ++i) sum += s.next();
    benchmark::DoNotOptimize(sum);
  }
  state.SetItemsProcessed(state.iterations() * per_stream);
}
BENCHMARK(BM_UniformStream)->Arg(1)->Arg(4)->Arg(64)->Arg(1024);

// Uniforms spread over (0,1) without a generator in the loop, so only the sampler is timed.
double uniform_at(std::uint64_t i) {
  return (static_cast<double>(i % 1000003) + 0.5) / 1000003.0;
}

void BM_NormalQuantile(benchmark::State& state) {
  std::uint64_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(rng::normal_quantile(uniform_at(i++)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalQuantile);

Distribution make(DistKind kind) {
  Distribution d;
  d.kind = kind;
  switch (kind) {
    case DistKind::normal:  // the base scenario's employment gap, truncated to [0.02, 0.30]
      d.mean = 0.18;
      d.sd = 0.05;
      break;
    case DistKind::beta:  // the base scenario's fill rate (mean 0.92, sd 0.05)
      d.alpha = 26.2;
      d.beta = 2.28;
      d.low = 0.0;
      d.high = 1.0;
      break;
    case DistKind::triangular:
    case DistKind::pert:  // a job-finding hazard
      d.low = 0.006;
      d.mode = 0.010;
      d.high = 0.016;
      break;
    default:
      break;
  }
  return d;
}

void sample_loop(benchmark::State& state, const Distribution& d) {
  std::uint64_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(rng::sample(d, uniform_at(i++)));
  state.SetItemsProcessed(state.iterations());
}

void BM_SampleNormal(benchmark::State& state) {
  sample_loop(state, make(DistKind::normal));
}
void BM_SampleNormalTruncated(benchmark::State& state) {
  Distribution d = make(DistKind::normal);
  d.trunc_min = 0.02;
  d.trunc_max = 0.30;
  sample_loop(state, d);
}
void BM_SampleBeta(benchmark::State& state) {
  sample_loop(state, make(DistKind::beta));
}
void BM_SampleTriangular(benchmark::State& state) {
  sample_loop(state, make(DistKind::triangular));
}
void BM_SamplePert(benchmark::State& state) {
  sample_loop(state, make(DistKind::pert));
}
BENCHMARK(BM_SampleNormal);
BENCHMARK(BM_SampleNormalTruncated);
BENCHMARK(BM_SampleBeta);
BENCHMARK(BM_SampleTriangular);
BENCHMARK(BM_SamplePert);

}  // namespace
