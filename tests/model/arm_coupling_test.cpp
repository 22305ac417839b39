// Arm coupling (MODEL.md 5.1): per sojourn, the treated arm reuses the counterfactual's variate
// with probability c, else draws an independent one. The copula c*M + (1-c)*Pi has Spearman rank
// correlation exactly c (Spearman is linear in the copula: 1 for M, 0 for Pi), and each arm's
// variate stays a standard exponential whatever c.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "sim/model/path_scratch.hpp"

namespace sisim::model {
namespace {

std::vector<double> ranks(const std::vector<double>& x) {
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&x](size_t a, size_t b) { return x[a] < x[b]; });
  std::vector<double> r(x.size());
  for (size_t k = 0; k < order.size(); ++k) r[order[k]] = static_cast<double>(k);
  return r;
}

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n,
               mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (size_t k = 0; k < a.size(); ++k) {
    sab += (a[k] - ma) * (b[k] - mb);
    saa += (a[k] - ma) * (a[k] - ma);
    sbb += (b[k] - mb) * (b[k] - mb);
  }
  return sab / std::sqrt(saa * sbb);
}

TEST(ArmCoupling, SpearmanCorrelationOfTheArmsEqualsTheCoupling) {
  // 20,000 people, sojourn 1 (a second sojourn, to check the index bookkeeping). The SE of a
  // sample Spearman coefficient is at most about 1/sqrt(n - 1) = 0.0071; allowed 4 SE.
  const rng::Key key = rng::key_from_seed(99);
  constexpr int kPeople = 20000;
  for (double c : {0.0, 0.3, 0.7, 1.0}) {
    std::vector<double> cf(kPeople), tr(kPeople);
    double tr_sum = 0.0;
    for (int i = 0; i < kPeople; ++i) {
      detail::EventExponentials shared;
      shared.reset(key, 5, static_cast<std::uint64_t>(i), rng::StreamId::labour_events);
      detail::CoupledExponentials treated;
      treated.reset(shared, c, key, 5, static_cast<std::uint64_t>(i));
      tr[static_cast<size_t>(i)] = treated[1];
      cf[static_cast<size_t>(i)] = shared[1];
      tr_sum += treated[1];
    }
    EXPECT_NEAR(pearson(ranks(cf), ranks(tr)), c, 4.0 / std::sqrt(kPeople - 1.0)) << c;
    // Marginal: Exp(1) has mean 1 and sd 1, so the mean's SE is 1/sqrt(n).
    EXPECT_NEAR(tr_sum / kPeople, 1.0, 4.0 / std::sqrt(kPeople)) << c;
  }
}

TEST(ArmCoupling, RunsThatDifferOnlyInCouplingShareTheirFreshDraws) {
  // Common random numbers across coupling values: a sojourn that is not shared at c = 0.6 is not
  // shared at c = 0.3 either, and then takes the same fresh variate.
  const rng::Key key = rng::key_from_seed(7);
  for (std::uint64_t i = 0; i < 500; ++i) {
    detail::EventExponentials shared;
    shared.reset(key, 1, i, rng::StreamId::labour_events);
    detail::CoupledExponentials high, low;
    high.reset(shared, 0.6, key, 1, i);
    low.reset(shared, 0.3, key, 1, i);
    for (std::size_t j = 0; j < 4; ++j) {
      if (high[j] != shared[j]) {
        EXPECT_EQ(low[j], high[j]) << i << " " << j;
      }
    }
  }
}

}  // namespace
}  // namespace sisim::model
