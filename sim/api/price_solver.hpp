#pragma once
// The outcome-price solver: one multiplier k on every outcome price, and root-finding on common
// random numbers: every evaluation runs the same seed and paths, so the metrics are deterministic
// step functions of k and a bisection brackets the threshold of the sampled function itself.
// - investor: the smallest k in [low, high] that meets its target;
// - payer (each budget): the largest k at which the budget still meets its target, i.e. the end
//   of the range of k, starting from `low`, over which it holds.
// Flat where caps bind: a median IRR saturates at the return cap, and once the payers' actual
// payments reach cap_total nothing more is paid (amounts withheld under the return cap do not use
// it up, docs/MODEL.md 13). A sampled metric need not be exactly monotone, so the solver first
// scans `scan_points` equally spaced k over the range, takes the first grid point where the
// investor's target holds (the payer's fails), and bisects inside that grid interval until it is
// `tolerance` wide (sim/numeric/root_finder.hpp). The reported k is the end of the bracket that meets the
// target. A target no grid point meets is "not reachable", reported with the best value the range offers.
//
// Standard error of k (delta method): SE(metric at k) / |slope|, the slope a central difference
// over [k - 0.05, k + 0.05] (clipped to the range). It is NaN when the slope is 0 (a flat region)
// or when k is a range end rather than a threshold.
#include <functional>
#include <map>
#include <string>

#include "config/pricing.hpp"

namespace sisim::api {

inline constexpr int kPriceBudgets = 2;  // 0: municipality (its own budget), 1: public_total
const char* price_budget_name(int b);

struct PriceMetrics {
  double investor = 0.0, investor_se = 0.0;  // the investor target's metric at k
  double budget[kPriceBudgets] = {0.0, 0.0}, budget_se[kPriceBudgets] = {0.0, 0.0};  // the payer target's
};

struct PriceSolution {
  enum class Status { solved, at_lower_bound, at_upper_bound, not_reachable };
  Status status = Status::not_reachable;
  double k = 0.0;  // NaN when not reachable
  double k_se = 0.0;
  double metric = 0.0;  // at k; when not reachable: the best value over the range
  double metric_se = 0.0;
  double slope = 0.0;  // d metric / d k at k
};
const char* to_string(PriceSolution::Status status);

// Whether a metric value meets a target (investor: irr_p50 and npv_mean_min from below,
// p_loss_max from above; payer likewise).
bool meets(const config::PricingTarget& target, double metric);

class PriceSearch {
 public:
  using Evaluate = std::function<PriceMetrics(double k)>;
  PriceSearch(const config::PricingSpec& spec, Evaluate evaluate)
      : spec_(spec), evaluate_(std::move(evaluate)) {}

  PriceSolution investor();
  PriceSolution payer(int budget);
  // Every k evaluated so far (sorted), for the result file.
  const std::map<double, PriceMetrics>& evaluations() const { return cache_; }

 private:
  const PriceMetrics& at(double k);
  // upward: the met set is [k*, high] (investor); else [low, k*] (payer).
  PriceSolution search(bool upward, const config::PricingTarget& target,
                       const std::function<double(const PriceMetrics&)>& f,
                       const std::function<double(const PriceMetrics&)>& se);

  config::PricingSpec spec_;
  Evaluate evaluate_;
  std::map<double, PriceMetrics> cache_;
};

}  // namespace sisim::api
