#pragma once
// The metrics the price solver steers by, from one run: the investor target's metric and each
// payer budget's, with their Monte Carlo standard errors. Shared by `sisim price` and the Python
// module's sisim.price, so both search on the same numbers.
#include "config/pricing.hpp"
#include "sim/api/price_solver.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::api {

PriceMetrics price_metrics_of(const engine::RunOutput& run, const config::PricingSpec& spec);

}  // namespace sisim::api
