#include "sim/contract/termination.hpp"

#include <cmath>

namespace sisim::contract {

double monthly_termination_probability(double p_annual) {
  if (p_annual <= 0.0) return 0.0;
  if (p_annual >= 1.0) return 1.0;
  return -std::expm1(std::log1p(-p_annual) / 12.0);
}

int termination_month_from_uniform(double p_annual, int horizon, double u) {
  if (p_annual <= 0.0 || horizon <= 0) return -1;
  if (p_annual >= 1.0) return 0;
  // ln(1-q) = ln(1-p)/12 exactly; log1p keeps small p accurate.
  const double m = std::floor(std::log(u) / (std::log1p(-p_annual) / 12.0));
  return m < static_cast<double>(horizon) ? static_cast<int>(m) : -1;
}

int draw_termination_month(double p_annual, int horizon, const rng::Key& key, std::uint64_t path) {
  const rng::UniformStream stream(key, path, rng::kPathLevel, rng::StreamId::termination, 0);
  return termination_month_from_uniform(p_annual, horizon, stream.at(0));
}

}  // namespace sisim::contract
