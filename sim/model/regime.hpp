#pragma once
// The labour-market regime of one path (MODEL.md section 5): a two-state Markov chain, normal (0)
// or recession (1), starting normal, shared by every participant and the control group.
#include <cstdint>
#include <vector>

#include "sim/model/path_parameters.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::model {

inline constexpr std::uint8_t kNormal = 0;
inline constexpr std::uint8_t kRecession = 1;

// r_0 = normal unless recession_start_month == 0. For m >= 1, uniform u_m (stream regime, draw
// index m - 1, consumed every month whatever the state, so scenarios that change one probability
// reuse every other draw) moves normal -> recession if u_m < start_probability and recession ->
// normal if u_m < end_probability. A forced start month (recession_start_month >= 0) puts month
// start_month in recession whatever the chain says; the chain then continues from there (the
// recession ends by the end probability, later recessions can start as usual).
std::vector<std::uint8_t> simulate_regime(const PathParameters& pp, int horizon, const rng::Key& key,
                                          std::uint64_t path);

// The same, writing into `out` (resized to horizon) to avoid an allocation per path.
void simulate_regime(const PathParameters& pp, int horizon, const rng::Key& key, std::uint64_t path,
                     std::vector<std::uint8_t>& out);

}  // namespace sisim::model
