#pragma once
// The scenario's `pricing:` section: the targets of `sisim price` (docs/CONFIG.md, "pricing").
//
//   pricing:
//     investor: {irr_p50: 0.06}        # or {p_loss_max: 0.10} or {npv_mean_min: 0}
//     payer: {npv_mean_min: 0}         # or {p_loss_max: 0.2}; checked on the municipality's own
//                                      # budget and on public_total
//     multiplier_range: [0, 4]         # where to search for the price multiplier k
//     scan_points: 17                  # grid scanned before bisection (sim/api/price_solver.hpp)
//     tolerance: 0.002                 # stop when the bracket on k is this narrow
//
// Defaults (no section, or a key left out): investor irr_p50 >= 0.06, payer npv_mean >= 0,
// range [0, 4], 17 scan points (steps of 0.25), tolerance 0.002.
#include <optional>
#include <string>
#include <vector>

#include "config/loader.hpp"

namespace sisim::config {

struct PricingTarget {
  enum class Kind { irr_p50, p_loss_max, npv_mean_min };
  Kind kind = Kind::npv_mean_min;
  double value = 0.0;
  SourceLocation where;
};

struct PricingSpec {
  PricingTarget investor{PricingTarget::Kind::irr_p50, 0.06, {}};
  PricingTarget payer{PricingTarget::Kind::npv_mean_min, 0.0, {}};
  double k_low = 0.0, k_high = 4.0;
  int scan_points = 17;
  double tolerance = 0.002;
};

struct PricingReadResult {
  PricingSpec spec;
  std::vector<ConfigError> errors;
  bool ok() const { return errors.empty(); }
};

// Reads the `pricing:` section of the composed scenario (extends and overrides applied).
PricingReadResult read_scenario_pricing(const std::string& scenario,
                                        const std::vector<std::string>& overrides);

// "irr_p50", "p_loss_max", "npv_mean_min"
const char* to_string(PricingTarget::Kind kind);

}  // namespace sisim::config
