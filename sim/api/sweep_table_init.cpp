#include "sim/api/sweep_table_init.hpp"

#include "sisim/version.hpp"

namespace sisim::api {

using engine::RunOptions;

using config::Config;
using config::SweepSpec;

SweepTable new_sweep_table(const SweepSpec& spec, const Config& base, const SweepPoints& points,
                           const RunOptions& options) {
  SweepTable table;
  table.scenario = base.name;
  table.config_yaml = base.resolved_yaml;
  table.sweep_yaml = spec.text;
  table.sisim_version = kVersion;
  table.git_hash = kGitHash;
  table.seed = options.seed;
  table.paths = options.paths;
  table.kind = points.kind;
  table.points_total = static_cast<std::int64_t>(points.values.size());
  table.columns = points.columns;
  table.grid_shape = points.grid_shape;
  return table;
}

}  // namespace sisim::api
