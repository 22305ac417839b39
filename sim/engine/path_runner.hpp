#pragma once
// Everything that happens to one path: the generator (parameter draws, regime, participants in
// both arms) and the pricer (contract, finance, budget and society accounts) make its PathResult;
// run_path then hands it to the accumulators (the /paths columns, the series).
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "sim/engine/columns.hpp"
#include "sim/engine/path_result.hpp"
#include "sim/engine/series_collector.hpp"
#include "sim/model/path_parameters.hpp"
#include "sim/model/path_simulation.hpp"
#include "sim/rng/copula.hpp"

namespace sisim::engine {

class PathRunner {
 public:
  PathRunner(const config::Config& config, std::uint64_t seed);
  ~PathRunner();
  PathRunner(const PathRunner&) = delete;
  PathRunner& operator=(const PathRunner&) = delete;

  // Registers the /paths columns (investor, tranches, budgets, outcomes, params).
  void define_columns(ColumnSet& columns);
  int months() const;
  int line_items() const;
  std::vector<std::string> line_item_names() const;

  // Per-thread buffers, reused from path to path.
  struct Scratch;
  std::shared_ptr<Scratch> make_scratch() const;

  // Simulates and prices `path`: its result, read-only once made. The monthly views in it point
  // into `scratch` and stay valid until `scratch` prices another path.
  PathResult price_path(std::int64_t path, Scratch& scratch) const;

  // price_path, then its row of `columns` and its share of `series` (block = the path's block index).
  // Returns true if the employment-gap calibration had to be clamped on this path.
  bool run_path(std::int64_t path, std::int64_t block, Scratch& scratch, ColumnSet& columns,
                SeriesCollector& series) const;

  // Read-only views for the floor benchmark (benchmarks/bench_floor.cpp), which replays exactly the
  // random numbers a path drew: the seed's key, the parameter sampler, the parameters of the path
  // last run with `scratch`, and that path's simulation and control group.
  const rng::Key& key() const;
  const rng::ParameterSampler& sampler() const;
  model::PathParameters last_parameters(const Scratch& scratch) const;
  const model::PathSimulation& last_simulation(const Scratch& scratch) const;
  const std::vector<model::ArmHistory>& last_control_group(const Scratch& scratch) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sisim::engine
