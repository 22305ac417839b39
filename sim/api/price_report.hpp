#pragma once
// What `sisim price` found: the multipliers, the band, the prices at both ends; written to the
// result file (/price, docs/HDF5.md section 6) and printed.
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "config/pricing.hpp"
#include "sim/api/price_solver.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::api {

struct PriceLine {
  std::string label;  // "job_start (3 months)", "tier 1 payment"
  double base = 0.0;  // the price at k = 1 (NaN when the price is uncertain: k scales its distribution)
};

struct PriceReport {
  config::PricingSpec spec;
  std::vector<PriceLine> lines;
  PriceSolution investor;
  PriceSolution payer[kPriceBudgets];
  std::string verdict;  // the band, or why there is none and which constraint binds
  std::map<double, PriceMetrics> evaluations;
  std::string currency = "DKK";  // the scenario's: the unit of prices and NPV targets
};

// The rate card and tier schedule of the base scenario, in the order contract.outcome_prices
// scales them.
std::vector<PriceLine> price_lines(const config::Config& base);

// "band (municipality budget): k in [0.91, 2.95]" or "no band: ..." (one line per view).
std::string price_verdict(const PriceReport& report, const config::Config& base);

// "median IRR >= 6.00 %", "mean NPV >= 0 EUR" and the like (money in the scenario's currency).
std::string describe_target(const config::PricingTarget& target, bool investor, const std::string& currency);

std::string format_price_report(const PriceReport& report, const std::string& title);
// "sisim price: NAME (2000 paths, seed 7, 27 evaluations on common random numbers)"
std::string price_title(const std::string& scenario, std::int64_t paths, std::uint64_t seed,
                        std::size_t evaluations);

void write_price_groups(io::ResultWriter& writer, const PriceReport& report);

}  // namespace sisim::api
