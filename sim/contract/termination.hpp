#pragma once
// The payer's early termination (MODEL.md 7, 12): each month the contract runs, the payer ends it
// with probability q = 1 - (1-p)^(1/12). The month is drawn by inversion of the geometric
// distribution from ONE uniform of StreamId::termination (path level), so a scenario that changes
// p moves the termination month monotonically (common random numbers).
#include <cstdint>

#include "sim/rng/streams.hpp"

namespace sisim::contract {

// 1 - (1 - p_annual)^(1/12).
double monthly_termination_probability(double p_annual);

// Month m in which the payer terminates (the contract ends after month m), or -1 if not before
// `horizon`. P(M >= k) = (1-q)^k, inverted as M = floor(ln u / ln(1-q)).
int termination_month_from_uniform(double p_annual, int horizon, double u);

// The same with u = uniform 0 of (path, kPathLevel, StreamId::termination, month 0).
int draw_termination_month(double p_annual, int horizon, const rng::Key& key, std::uint64_t path);

}  // namespace sisim::contract
