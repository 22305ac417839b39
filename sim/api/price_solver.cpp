#include "sim/api/price_solver.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "sim/numeric/root_finder.hpp"

namespace sisim::api {

using config::PricingTarget;

namespace {

constexpr double kSlopeStep = 0.05;  // half-width of the central difference for the slope

}  // namespace

const char* price_budget_name(int b) {
  return b == 0 ? "municipality" : "public_total";
}

const char* to_string(PriceSolution::Status status) {
  switch (status) {
    case PriceSolution::Status::solved:
      return "solved";
    case PriceSolution::Status::at_lower_bound:
      return "met_at_lower_bound";
    case PriceSolution::Status::at_upper_bound:
      return "met_at_upper_bound";
    case PriceSolution::Status::not_reachable:
      return "not_reachable";
  }
  return "?";
}

bool meets(const PricingTarget& target, double metric) {
  if (std::isnan(metric)) return false;
  return target.kind == PricingTarget::Kind::p_loss_max ? metric <= target.value : metric >= target.value;
}

const PriceMetrics& PriceSearch::at(double k) {
  auto it = cache_.find(k);
  if (it == cache_.end()) it = cache_.emplace(k, evaluate_(k)).first;
  return it->second;
}

PriceSolution PriceSearch::search(bool upward, const PricingTarget& target,
                                  const std::function<double(const PriceMetrics&)>& f,
                                  const std::function<double(const PriceMetrics&)>& se) {
  const double lo = spec_.k_low, hi = spec_.k_high;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const int n = spec_.scan_points;
  auto grid = [&](int i) { return i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1); };
  PriceSolution s;
  // The scan: the first grid point where the investor's target starts to hold (upward) or the
  // payer's stops holding (downward).
  int first = -1;
  for (int i = 0; i < n && first < 0; ++i)
    if (meets(target, f(at(grid(i)))) == upward) first = i;
  const bool none_met = upward ? first < 0 : first == 0;
  if (none_met) {
    s.status = PriceSolution::Status::not_reachable;
    s.k = s.k_se = s.slope = nan;
    // The best value the range offers (the largest, or the smallest P(loss)).
    const bool lower_is_better = target.kind == PricingTarget::Kind::p_loss_max;
    double best_k = grid(0);
    for (int i = 1; i < n; ++i) {
      const double v = f(at(grid(i))), b = f(at(best_k));
      if (std::isnan(b) || (lower_is_better ? v < b : v > b)) best_k = grid(i);
    }
    s.metric = f(at(best_k));
    s.metric_se = se(at(best_k));
    return s;
  }
  if (upward && first == 0) {
    s.status = PriceSolution::Status::at_lower_bound;
    s.k = lo;
  } else if (!upward && first < 0) {
    s.status = PriceSolution::Status::at_upper_bound;
    s.k = hi;
  } else {
    // The threshold lies between grid(first - 1) and grid(first): bisection of the sign of
    // "meets" (+1 met, -1 not), the reported k the end of the final bracket that meets the target.
    const double met = upward ? grid(first) : grid(first - 1), unmet = upward ? grid(first - 1) : grid(first);
    const auto sign = [&](double k) { return meets(target, f(at(k))) ? 1.0 : -1.0; };
    const numeric::RootResult root = numeric::find_root(
        sign, unmet, met, -1.0, 1.0, {numeric::RootMethod::bisection, spec_.tolerance, 0.0, 10000});
    s.status = PriceSolution::Status::solved;
    s.k = root.b;
  }
  s.metric = f(at(s.k));
  s.metric_se = se(at(s.k));
  const double a = std::max(lo, s.k - kSlopeStep), b = std::min(hi, s.k + kSlopeStep);
  s.slope = (f(at(b)) - f(at(a))) / (b - a);
  s.k_se =
      s.status == PriceSolution::Status::solved && s.slope != 0.0 ? s.metric_se / std::abs(s.slope) : nan;
  return s;
}

PriceSolution PriceSearch::investor() {
  return search(
      true, spec_.investor, [](const PriceMetrics& m) { return m.investor; },
      [](const PriceMetrics& m) { return m.investor_se; });
}

PriceSolution PriceSearch::payer(int budget) {
  const auto b = static_cast<size_t>(budget);
  return search(
      false, spec_.payer, [b](const PriceMetrics& m) { return m.budget[b]; },
      [b](const PriceMetrics& m) { return m.budget_se[b]; });
}

}  // namespace sisim::api
