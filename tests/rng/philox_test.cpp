// Philox4x64-10 against the Random123 known-answer vectors, and the uniform layer built on it.
#include "sim/rng/philox.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <cstdint>
#include <set>

#include "sim/rng/streams.hpp"

namespace sisim::rng {
namespace {

// Random123 kat_vectors, "philox4x64 10" lines (counter, key -> output).
TEST(Philox, Random123ZeroVector) {
  const Counter out = philox4x64({0, 0, 0, 0}, {0, 0});
  EXPECT_EQ(out, (Counter{0x16554d9eca36314cULL, 0xdb20fe9d672d0fdcULL, 0xd7e772cee186176bULL,
                          0x7e68b68aec7ba23bULL}));
}

TEST(Philox, Random123AllOnesVector) {
  const std::uint64_t ones = ~0ULL;
  const Counter out = philox4x64({ones, ones, ones, ones}, {ones, ones});
  EXPECT_EQ(out, (Counter{0x87b092c3013fe90bULL, 0x438c3c67be8d0224ULL, 0x9cc7d7c69cd777b6ULL,
                          0xa09caebf594f0ba0ULL}));
}

TEST(Philox, Random123PiDigitsVector) {
  const Counter ctr{0x243f6a8885a308d3ULL, 0x13198a2e03707344ULL, 0xa4093822299f31d0ULL,
                    0x082efa98ec4e6c89ULL};
  const Key key{0x452821e638d01377ULL, 0xbe5466cf34e90c6cULL};
  const Counter out = philox4x64(ctr, key);
  EXPECT_EQ(out, (Counter{0xa528f45403e61d95ULL, 0x38c72dbd566e9788ULL, 0xa5a1610e72fd18b5ULL,
                          0x57bd43b5e52b7fe6ULL}));
}

TEST(Philox, FewerRoundsGiveDifferentOutput) {
  // The round count matters: 7 rounds must not reproduce the 10-round vector.
  EXPECT_NE(philox4x64({0, 0, 0, 0}, {0, 0}, 7), philox4x64({0, 0, 0, 0}, {0, 0}));
}

TEST(ToOpenUnit, NeverZeroOrOne) {
  const double smallest = to_open_unit(0);
  const double largest = to_open_unit(~0ULL);
  EXPECT_GT(smallest, 0.0);
  EXPECT_EQ(smallest, 0x1.0p-54);  // (0 + 1/2) * 2^-53
  EXPECT_LT(largest, 1.0);
  EXPECT_GT(largest, 1.0 - 0x1.0p-52);
  // Just below the top: still strictly inside and ordered.
  EXPECT_LT(to_open_unit(~0ULL - (1ULL << 11)), 1.0);
  EXPECT_LE(to_open_unit(~0ULL - (1ULL << 11)), largest);
  // Middle: 2^63 has top-53 value 2^52, so (2^52 + 1/2) / 2^53 = 1/2 + 2^-54.
  EXPECT_EQ(to_open_unit(1ULL << 63), 0.5 + 0x1.0p-54);
  // The low 11 bits are dropped.
  EXPECT_EQ(to_open_unit(0x7FF), smallest);
}

TEST(UniformStream, NextAgreesWithAt) {
  const Key key = key_from_seed(42);
  UniformStream seq(key, 7, 3, StreamId::labour_events, 12);
  const UniformStream random_access(key, 7, 3, StreamId::labour_events, 12);
  for (std::uint32_t i = 0; i < 23; ++i) EXPECT_EQ(seq.next(), random_access.at(i)) << "draw " << i;
}

TEST(UniformStream, RestartIsAFreshStreamAtTheNewAddress) {
  // A stream drawn part-way into its second block, restarted at another address (key, path,
  // participant, stream, month all changed), then gives exactly that address's draws 0, 1, 2, ...
  const Key key = key_from_seed(42), other = key_from_seed(43);
  UniformStream s(key, 7, 3, StreamId::labour_events, 12);
  for (int i = 0; i < 6; ++i) s.next();
  s.restart(other, 8, 4, StreamId::treated_labour);
  const UniformStream fresh(other, 8, 4, StreamId::treated_labour);
  for (std::uint32_t i = 0; i < 9; ++i) EXPECT_EQ(s.next(), fresh.at(i)) << "draw " << i;
  s.restart(key, 7, 3, StreamId::labour_events, 12);  // and back: from draw 0 again
  const UniformStream first(key, 7, 3, StreamId::labour_events, 12);
  for (std::uint32_t i = 0; i < 5; ++i) EXPECT_EQ(s.next(), first.at(i)) << "draw " << i;
}

TEST(UniformStream, AddressLayoutIsPathParticipantStreamMonthIndex) {
  // Draw i is lane i % 4 of Philox at counter (path, participant, stream, month << 32 | i / 4).
  const Key key = key_from_seed(123);
  const UniformStream s(key, 5, 9, StreamId::exit_event, 3);
  const Counter block = philox4x64({5, 9, 11, (3ULL << 32) | 1}, key);
  EXPECT_EQ(s.at(6), to_open_unit(block[2]));
}

TEST(UniformStream, BlockIsFourConsecutiveDrawsOfOneCounter) {
  const Key key = key_from_seed(77);
  const UniformStream s(key, 11, 4, StreamId::person, 0);
  const std::array<double, 4> b = s.block(2);
  for (std::uint32_t lane = 0; lane < 4; ++lane) EXPECT_EQ(b[lane], s.at(8 + lane)) << "lane " << lane;
}

TEST(PersonDraws, AreTheFourLanesOfBlockZeroOfThePersonStream) {
  // Stream scheme 2 (docs/MODEL.md section 2): segment, age, exit, dropout = uniforms 0, 1, 2, 3 of
  // (path, participant, person stream, month 0), i.e. the lanes of Philox at counter
  // (path, participant, 16, 0); control people use stream 24.
  const Key key = key_from_seed(20230809);
  const PersonDraws who(key, 3, 41, StreamId::person);
  const Counter block = philox4x64({3, 41, 16, 0}, key);
  EXPECT_EQ(who.segment, to_open_unit(block[0]));
  EXPECT_EQ(who.age, to_open_unit(block[1]));
  EXPECT_EQ(who.exit, to_open_unit(block[2]));
  EXPECT_EQ(who.dropout, to_open_unit(block[3]));
  const PersonDraws control(key, 3, 41, StreamId::control_person);
  EXPECT_EQ(control.exit, to_open_unit(philox4x64({3, 41, 24, 0}, key)[2]));
  EXPECT_NE(control.exit, who.exit);
  EXPECT_EQ(kStreamScheme, 2);
}

TEST(UniformStream, DifferentAddressesGiveDifferentDraws) {
  const Key key = key_from_seed(1);
  const double base = UniformStream(key, 0, 0, StreamId::segment, 0).at(0);
  std::set<double> draws{base};
  draws.insert(UniformStream(key, 1, 0, StreamId::segment, 0).at(0));               // path
  draws.insert(UniformStream(key, 0, 1, StreamId::segment, 0).at(0));               // participant
  draws.insert(UniformStream(key, 0, 0, StreamId::exit_event, 0).at(0));            // stream
  draws.insert(UniformStream(key, 0, 0, StreamId::segment, 1).at(0));               // month
  draws.insert(UniformStream(key, 0, 0, StreamId::segment, 0).at(1));               // index
  draws.insert(UniformStream(key_from_seed(2), 0, 0, StreamId::segment, 0).at(0));  // seed
  EXPECT_EQ(draws.size(), 7u);
}

TEST(UniformStream, MeanAndVarianceOfManyDrawsAreUniform) {
  // Mean 1/2 and variance 1/12; tolerance 4 standard errors (SE of the mean sqrt(1/12 / n);
  // of the variance sqrt((1/80 - 1/144) / n) for the uniform's fourth central moment 1/80).
  const int n = 200000;
  UniformStream s(key_from_seed(2024), 0, kPathLevel, StreamId::parameters);
  double sum = 0.0, sum_sq = 0.0;
  for (int i = 0; i < n; ++i) {
    const double u = s.next();
    ASSERT_GT(u, 0.0);
    ASSERT_LT(u, 1.0);
    sum += u;
    sum_sq += (u - 0.5) * (u - 0.5);
  }
  EXPECT_NEAR(sum / n, 0.5, 4.0 * std::sqrt(1.0 / 12.0 / n));
  EXPECT_NEAR(sum_sq / n, 1.0 / 12.0, 4.0 * std::sqrt((1.0 / 80.0 - 1.0 / 144.0) / n));
}

}  // namespace
}  // namespace sisim::rng
