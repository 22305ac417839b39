#include "sim/model/regime.hpp"

#include <algorithm>

namespace sisim::model {

void simulate_regime(const PathParameters& pp, int horizon, const rng::Key& key, std::uint64_t path,
                     std::vector<std::uint8_t>& out) {
  out.assign(static_cast<size_t>(std::max(0, horizon)), kNormal);
  if (horizon <= 0) return;
  rng::UniformStream uniforms(key, path, rng::kPathLevel, rng::StreamId::regime);
  std::uint8_t state = pp.recession_start_month == 0 ? kRecession : kNormal;
  out[0] = state;
  for (int m = 1; m < horizon; ++m) {
    const double u = uniforms.next();
    if (state == kNormal) {
      state = u < pp.recession_start_probability ? kRecession : kNormal;
    } else {
      state = u < pp.recession_end_probability ? kNormal : kRecession;
    }
    if (m == pp.recession_start_month) state = kRecession;
    out[static_cast<size_t>(m)] = state;
  }
}

std::vector<std::uint8_t> simulate_regime(const PathParameters& pp, int horizon, const rng::Key& key,
                                          std::uint64_t path) {
  std::vector<std::uint8_t> out;
  simulate_regime(pp, horizon, key, path, out);
  return out;
}

}  // namespace sisim::model
