// Quantiles by selection (issue 16): select_order_statistics places the order statistics a full
// sort would, and summarize / quantiles_of, which now select instead of sorting, give the very
// same doubles as the definitions applied to a fully sorted sample (bit for bit, not to a
// tolerance), on samples with ties, signed zeros, infinities and NaNs, at every size where the
// standard-error and tail rules change (n < 4, tiny tails, clipped rank intervals).
#include "sim/stats/order_statistics.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <vector>

#include "sim/stats/statistics.hpp"

namespace sisim::stats {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t kSizes[] = {1, 2, 3, 4, 5, 17, 1000, 20000};

// Sample shapes: each stresses a different way a selection could go wrong.
enum class Shape { distinct, ties_and_signed_zeros, with_specials, ascending, descending, constant };
constexpr Shape kShapes[] = {Shape::distinct,      Shape::ties_and_signed_zeros,
                             Shape::with_specials, Shape::ascending,
                             Shape::descending,    Shape::constant};

// A fixed-seed sample (mt19937_64's raw output is fixed by the standard; the doubles are made from
// its bits, not by a library distribution, so every platform draws the same sample).
std::vector<double> sample(Shape shape, std::size_t n, std::uint64_t seed) {
  std::mt19937_64 bits(seed);
  const auto uniform = [&bits] { return static_cast<double>(bits() >> 11) * 0x1.0p-53; };
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double u = uniform();
    switch (shape) {
      case Shape::distinct:
        x[i] = 200.0 * u - 100.0;
        break;
      case Shape::ties_and_signed_zeros: {  // integers -3..3, a zero as -0.0 or +0.0 at random
        const double v = std::floor(7.0 * u) - 3.0;
        x[i] = v == 0.0 && uniform() < 0.5 ? -0.0 : v;
        break;
      }
      case Shape::with_specials: {  // 6 % NaN, 3 % each infinity, 4 % zeros of either sign
        const double kind = uniform();
        x[i] = kind < 0.06   ? kNaN
               : kind < 0.09 ? kInf
               : kind < 0.12 ? -kInf
               : kind < 0.14 ? -0.0
               : kind < 0.16 ? 0.0
                             : std::tan(3.0 * (u - 0.5));  // heavy tails both sides
        break;
      }
      case Shape::ascending:
        x[i] = static_cast<double>(i) + u;
        break;
      case Shape::descending:
        x[i] = static_cast<double>(n - i) + u;
        break;
      case Shape::constant:
        x[i] = -2.5;
        break;
    }
  }
  return x;
}

std::vector<double> without_nan_sorted(std::vector<double> x) {
  std::erase_if(x, [](double v) { return std::isnan(v); });
  std::sort(x.begin(), x.end());
  return x;
}

// The summary by the definitions of statistics.hpp over a fully sorted sample: what summarize
// computed before it selected (the *_sorted functions are the definitions, checked by hand in
// statistics_test.cpp).
Summary summary_by_full_sort(const std::vector<double>& x, const std::vector<std::uint8_t>* flags) {
  Summary s;
  MeanAccumulator acc;
  for (double v : x) acc.add(v);
  s.n = acc.count();
  s.n_nan = acc.nan_count();
  s.mean = acc.mean();
  s.sd = acc.sd();
  s.se_mean = acc.se_mean();
  const std::vector<double> sorted = without_nan_sorted(x);
  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    s.quantiles[i] = quantile_sorted(sorted, kQuantileLevels[i]);
    s.quantile_se[i] = quantile_se_sorted(sorted, kQuantileLevels[i]);
  }
  s.var_05 = s.quantiles[1];
  s.var_01 = s.quantiles[0];
  s.var_05_se = s.quantile_se[1];
  s.var_01_se = s.quantile_se[0];
  s.es_05 = -expected_shortfall_sorted(sorted, 0.05);
  s.es_01 = -expected_shortfall_sorted(sorted, 0.01);
  s.es_05_se = expected_shortfall_se_sorted(sorted, 0.05);
  s.es_01_se = expected_shortfall_se_sorted(sorted, 0.01);
  const double n = static_cast<double>(sorted.size());
  std::size_t losses = 0;
  if (flags != nullptr) {
    for (std::uint8_t f : *flags) losses += f != 0 ? 1 : 0;
  } else {
    losses = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), 0.0) - sorted.begin());
  }
  const double counted = flags != nullptr ? static_cast<double>(flags->size()) : n;
  s.p_loss = counted == 0.0 ? kNaN : static_cast<double>(losses) / counted;
  s.p_loss_se = counted < 4.0 ? kNaN : std::sqrt(s.p_loss * (1.0 - s.p_loss) / counted);
  return s;
}

std::uint64_t bits_of(double v) {
  return std::bit_cast<std::uint64_t>(v);
}

#define EXPECT_SAME_BITS(a, b, what) EXPECT_EQ(bits_of(a), bits_of(b)) << what << ": " << (a) << " vs " << (b)

void expect_same_summary(const Summary& got, const Summary& want, const std::string& where) {
  EXPECT_EQ(got.n, want.n) << where;
  EXPECT_EQ(got.n_nan, want.n_nan) << where;
  EXPECT_SAME_BITS(got.mean, want.mean, where + " mean");
  EXPECT_SAME_BITS(got.sd, want.sd, where + " sd");
  EXPECT_SAME_BITS(got.se_mean, want.se_mean, where + " se_mean");
  for (std::size_t i = 0; i < kQuantileLevels.size(); ++i) {
    const std::string level = " at " + std::to_string(kQuantileLevels[i]);
    EXPECT_SAME_BITS(got.quantiles[i], want.quantiles[i], where + " quantile" + level);
    EXPECT_SAME_BITS(got.quantile_se[i], want.quantile_se[i], where + " quantile_se" + level);
  }
  EXPECT_SAME_BITS(got.p_loss, want.p_loss, where + " p_loss");
  EXPECT_SAME_BITS(got.p_loss_se, want.p_loss_se, where + " p_loss_se");
  EXPECT_SAME_BITS(got.var_05, want.var_05, where + " var_05");
  EXPECT_SAME_BITS(got.var_01, want.var_01, where + " var_01");
  EXPECT_SAME_BITS(got.es_05, want.es_05, where + " es_05");
  EXPECT_SAME_BITS(got.es_01, want.es_01, where + " es_01");
  EXPECT_SAME_BITS(got.var_05_se, want.var_05_se, where + " var_05_se");
  EXPECT_SAME_BITS(got.var_01_se, want.var_01_se, where + " var_01_se");
  EXPECT_SAME_BITS(got.es_05_se, want.es_05_se, where + " es_05_se");
  EXPECT_SAME_BITS(got.es_01_se, want.es_01_se, where + " es_01_se");
}

std::string where_of(Shape shape, std::size_t n) {
  return "shape " + std::to_string(static_cast<int>(shape)) + ", n " + std::to_string(n);
}

TEST(OrderStatistics, PermutationOfRanksPutsEachRankAtItsPlace) {
  // The values 0..n-1 shuffled: the r-th smallest is r itself, so a wrongly selected rank shows
  // as a wrong value (no ties can hide it).
  for (std::size_t n : kSizes) {
    std::vector<double> x(n);
    for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
    std::shuffle(x.begin(), x.end(), std::mt19937_64(n));
    // Two clusters, both ends and a duplicate, given out of order.
    std::vector<std::size_t> ranks = {n - 1, n / 2, 0, n / 2, n / 3, (n / 3 + 1) % n, (n * 9) / 10};
    const std::size_t prefix = std::min<std::size_t>(n, n / 20 + 1);
    select_order_statistics(x, ranks, prefix);
    for (std::size_t r : ranks) EXPECT_EQ(x[r], static_cast<double>(r)) << "n " << n << " rank " << r;
    for (std::size_t i = 0; i < prefix; ++i)
      EXPECT_EQ(x[i], static_cast<double>(i)) << "n " << n << " prefix";
    std::sort(x.begin(), x.end());  // nothing lost or duplicated
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(x[i], static_cast<double>(i)) << "n " << n;
  }
}

TEST(OrderStatistics, EveryRankSetMatchesAFullSort) {
  for (Shape shape : kShapes)
    for (std::size_t n : kSizes) {
      auto x = sample(shape, n, 7 + n);
      std::erase_if(x, [](double v) { return std::isnan(v); });
      if (x.empty()) continue;
      const std::size_t m = x.size();
      const std::vector<double> sorted = without_nan_sorted(x);
      // Random rank sets of 1 to 60 ranks (wide spreads and tight clusters), and every rank alone
      // at small sizes.
      std::mt19937_64 pick(n * 31 + static_cast<std::uint64_t>(shape));
      for (int trial = 0; trial < 20; ++trial) {
        std::vector<std::size_t> ranks;
        const std::size_t count = 1 + pick() % 60;
        const std::size_t centre = pick() % m, spread = 1 + pick() % m;
        for (std::size_t k = 0; k < count; ++k)
          ranks.push_back(trial % 2 == 0 ? pick() % m : std::min(m - 1, centre + pick() % spread / 8));
        const std::size_t prefix = trial % 3 == 0 ? pick() % (m + 1) : 0;
        auto y = x;
        select_order_statistics(y, ranks, prefix);
        for (std::size_t r : ranks) ASSERT_EQ(y[r], sorted[r]) << where_of(shape, n) << " rank " << r;
        for (std::size_t i = 0; i < prefix; ++i)
          ASSERT_EQ(y[i], sorted[i]) << where_of(shape, n) << " prefix";
      }
      if (m <= 17)
        for (std::size_t r = 0; r < m; ++r) {
          auto y = x;
          select_order_statistics(y, {r});
          EXPECT_EQ(y[r], sorted[r]) << where_of(shape, n) << " rank " << r;
        }
    }
}

TEST(OrderStatistics, RefusesRanksAndPrefixesBeyondTheValues) {
  std::vector<double> x = {3.0, 1.0, 2.0};
  EXPECT_THROW(select_order_statistics(x, {3}), std::invalid_argument);
  EXPECT_THROW(select_order_statistics(x, {}, 4), std::invalid_argument);
  select_order_statistics(x, {}, 3);  // the whole range as the prefix: a full sort
  EXPECT_EQ(x, (std::vector<double>{1.0, 2.0, 3.0}));
  std::vector<double> empty;
  select_order_statistics(empty, {});
}

TEST(SummaryBySelection, BitIdenticalToTheDefinitionsOnAFullySortedSample) {
  for (Shape shape : kShapes)
    for (std::size_t n : kSizes) {
      const auto x = sample(shape, n, 1000 + n);
      expect_same_summary(summarize(x), summary_by_full_sort(x, nullptr), where_of(shape, n));
      std::vector<std::uint8_t> flags(n);
      std::mt19937_64 flip(n);
      for (auto& f : flags) f = static_cast<std::uint8_t>(flip() % 3 == 0);
      expect_same_summary(summarize(x, &flags), summary_by_full_sort(x, &flags),
                          where_of(shape, n) + " flags");
    }
  expect_same_summary(summarize({}), summary_by_full_sort({}, nullptr), "empty");
  expect_same_summary(summarize({kNaN, kNaN}), summary_by_full_sort({kNaN, kNaN}, nullptr), "all NaN");
}

TEST(QuantilesBySelection, BitIdenticalToTheDefinitionAtEveryLevel) {
  // The nine levels, both ends, levels whose type-7 position falls on or next to a rank, and
  // levels a hair inside the ends.
  std::vector<double> levels(kQuantileLevels.begin(), kQuantileLevels.end());
  for (double p : {0.0, 1.0, 0.5, 1.0 / 3.0, 2.0 / 3.0, 1e-12, 1.0 - 1e-12, 0.001, 0.999, 0.3, 0.7})
    levels.push_back(p);
  for (Shape shape : kShapes)
    for (std::size_t n : kSizes) {
      const auto x = sample(shape, n, 5000 + n);
      const auto sorted = without_nan_sorted(x);
      const auto all = quantiles_of(x, levels);
      ASSERT_EQ(all.size(), levels.size());
      for (std::size_t i = 0; i < levels.size(); ++i) {
        const double want = quantile_sorted(sorted, levels[i]);
        EXPECT_SAME_BITS(all[i], want, where_of(shape, n) + " level " + std::to_string(levels[i]));
        // One level at a time (the callers of the fan chart and paired medians ask for fewer).
        const double alone = quantiles_of(x, std::vector<double>{levels[i]})[0];
        EXPECT_SAME_BITS(alone, want, where_of(shape, n) + " alone, level " + std::to_string(levels[i]));
      }
    }
}

TEST(QuantilesBySelection, TypeSevenValuesOfAShuffledGridByHand) {
  // 0, 1, ..., 19999 shuffled: q_p = h = 19999 p exactly where the grid is exact, so a quantile
  // read from a wrong rank is off by at least the fractional part's weight of one unit.
  const std::size_t n = 20000;
  std::vector<double> x(n);
  for (std::size_t i = 0; i < n; ++i) x[i] = static_cast<double>(i);
  std::shuffle(x.begin(), x.end(), std::mt19937_64(42));
  const auto q = quantiles_of(x);
  // h = 19999 p: 199.99, 999.95, 1999.9, 4999.75, 9999.5, 14999.25, 17999.1, 18999.05, 19799.01.
  const double expected[] = {199.99, 999.95, 1999.9, 4999.75, 9999.5, 14999.25, 17999.1, 18999.05, 19799.01};
  for (std::size_t i = 0; i < 9; ++i) EXPECT_NEAR(q[i], expected[i], 1e-9) << "level " << kQuantileLevels[i];
  // The summary reads the same positions; ES 5 %: mean of 0..999 = 499.5, ES 1 %: of 0..199 = 99.5.
  const Summary s = summarize(x);
  for (std::size_t i = 0; i < 9; ++i) EXPECT_NEAR(s.quantiles[i], expected[i], 1e-9);
  EXPECT_EQ(s.es_05, 499.5);
  EXPECT_EQ(s.es_01, 99.5);
  // The median's SE on a unit grid: rank sd = sqrt(20000 / 4) = 70.71; the interval's ends are
  // read at non-integer positions, so the SE is exactly one unit per rank sd of positions spanned.
  EXPECT_NEAR(s.quantile_se[4], std::sqrt(5000.0), 1e-7);
}

}  // namespace
}  // namespace sisim::stats
