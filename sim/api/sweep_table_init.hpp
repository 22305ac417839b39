#pragma once
// An empty sweep table carrying a sweep's metadata (root attributes, /meta, /sweep attributes);
// the points are appended with add_sweep_point. Shared by `sisim sweep` and the Python module.
#include "config/config.hpp"
#include "config/sweep.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/api/sweep_points.hpp"
#include "sim/engine/engine.hpp"

namespace sisim::api {

SweepTable new_sweep_table(const config::SweepSpec& spec, const config::Config& base,
                           const SweepPoints& points, const engine::RunOptions& options);

}  // namespace sisim::api
