// IRR of a 180-month investor stream shaped like the base scenario's: setup in month 0, running
// costs over the 41-month service period, outcome payments every 6 months from month 8 to 50.
// Drawdowns and receipts interleave, so the flows change sign many times and the IRR code has to
// rely on its cumulative-sum (Norstrom) bounds rather than on Descartes' rule.
#include <benchmark/benchmark.h>

#include <vector>

#include "sim/finance/irr.hpp"

namespace {

// `payment` = one outcome payment; about 2.2 M gives a profit, 1.1 M a loss.
std::vector<double> investor_stream(double payment) {
  constexpr int kMonths = 180, kServiceMonths = 41;
  std::vector<double> flows(kMonths, 0.0);
  flows[0] -= 400000.0;
  for (int m = 0; m < kServiceMonths; ++m) {
    // People in the programme ramp up over the 24-month intake, then run off after 18 months.
    const double in_programme = m < 18 ? 11.5 * (m + 1) : (m < 24 ? 207.0 : 207.0 - 12.0 * (m - 23));
    flows[static_cast<size_t>(m)] -= 50000.0 + 3000.0 * (in_programme > 0 ? in_programme : 0.0);
  }
  for (int m = 8; m <= 50; m += 6) flows[static_cast<size_t>(m)] += payment;
  return flows;
}

void irr_loop(benchmark::State& state, double payment) {
  const std::vector<double> flows = investor_stream(payment);
  for (auto _ : state) benchmark::DoNotOptimize(sisim::finance::irr(flows));
  const sisim::finance::IrrResult r = sisim::finance::irr(flows);
  state.counters["irr_annual"] = sisim::finance::annualise_monthly(r.rate);
  state.SetItemsProcessed(state.iterations());
}

void BM_Irr180Profit(benchmark::State& state) {
  irr_loop(state, 2.2e6);
}
void BM_Irr180Loss(benchmark::State& state) {
  irr_loop(state, 1.1e6);
}
BENCHMARK(BM_Irr180Profit);
BENCHMARK(BM_Irr180Loss);

}  // namespace
