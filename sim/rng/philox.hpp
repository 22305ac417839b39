#pragma once
// Philox4x64-10 (Salmon, Moraes, Dror, Shaw: "Parallel random numbers: as easy as 1, 2, 3", SC11).
// A counter-based generator: output = bijection(counter, key). No state is carried between draws,
// so any thread or MPI rank can compute any draw of any path, which is what makes results
// independent of the thread and rank count.
#include <array>
#include <cstdint>

namespace sisim::rng {

using Counter = std::array<std::uint64_t, 4>;
using Key = std::array<std::uint64_t, 2>;

namespace detail {
inline constexpr std::uint64_t kPhiloxM0 = 0xD2E7470EE14C6C93ULL;
inline constexpr std::uint64_t kPhiloxM1 = 0xCA5A826395121157ULL;
inline constexpr std::uint64_t kPhiloxW0 = 0x9E3779B97F4A7C15ULL;  // golden ratio
inline constexpr std::uint64_t kPhiloxW1 = 0xBB67AE8584CAA73BULL;  // sqrt(3) - 1

// __extension__ keeps -Wpedantic (and so -Werror builds) quiet about the GCC/Clang 128-bit type.
__extension__ typedef unsigned __int128 UInt128;

inline void mul_hi_lo(std::uint64_t a, std::uint64_t b, std::uint64_t& hi, std::uint64_t& lo) {
  const UInt128 product = static_cast<UInt128>(a) * b;
  hi = static_cast<std::uint64_t>(product >> 64);
  lo = static_cast<std::uint64_t>(product);
}
}  // namespace detail

// Philox4x64 with `rounds` rounds (10 is the standard, crush-resistant choice).
inline Counter philox4x64(Counter ctr, Key key, int rounds = 10) {
  for (int r = 0; r < rounds; ++r) {
    if (r > 0) {
      key[0] += detail::kPhiloxW0;
      key[1] += detail::kPhiloxW1;
    }
    std::uint64_t hi0, lo0, hi1, lo1;
    detail::mul_hi_lo(detail::kPhiloxM0, ctr[0], hi0, lo0);
    detail::mul_hi_lo(detail::kPhiloxM1, ctr[2], hi1, lo1);
    ctr = {hi1 ^ ctr[1] ^ key[0], lo1, hi0 ^ ctr[3] ^ key[1], lo0};
  }
  return ctr;
}

// SplitMix64 finaliser: turns a user seed into a well-mixed Philox key.
inline std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

inline Key key_from_seed(std::uint64_t seed) {
  return {splitmix64(seed), splitmix64(seed ^ 0x5EED5EED5EED5EEDULL)};
}

// A uniform in the open interval (0, 1): the top 53 bits, offset by half a step, so neither 0 nor 1
// can occur and every inverse CDF stays finite. The sum needs 54 significant bits, so for the
// largest input (2^53 - 1) + 0.5 rounds to even = 2^53 and would give exactly 1.0: the min() maps
// that one input to the largest double below 1 and leaves every other output unchanged.
inline double to_open_unit(std::uint64_t bits) {
  const double u = (static_cast<double>(bits >> 11) + 0.5) * 0x1.0p-53;
  return u < 0x1.fffffffffffffp-1 ? u : 0x1.fffffffffffffp-1;
}

}  // namespace sisim::rng
