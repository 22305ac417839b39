#pragma once
// Reading a price file (docs/HDF5.md section 6) back into what `sisim price` printed, for
// `sisim summarize` (table and --csv) and `sisim report`.
#include <cstdint>
#include <string>

#include "sim/api/price_report.hpp"

namespace sisim::api {

struct PriceFile {
  PriceReport report;  // spec (targets and range), lines, the three solutions, evaluations, verdict
  std::string scenario;
  std::int64_t paths = 0;
  std::uint64_t seed = 0;
};

// Throws io::IoError for a file that is not a price file or whose /price datasets do not fit
// together (a damaged or forged file).
PriceFile read_price_file(const std::string& path);

// view,status,quantity,at_multiplier,value,se,units: per side (investor, municipality,
// public_total) its multiplier, target, metric at k, slope and prices at k; then the target
// metric at every evaluated multiplier (status "evaluated").
std::string price_csv(const PriceReport& report);

}  // namespace sisim::api
