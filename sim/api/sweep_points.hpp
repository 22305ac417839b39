#pragma once
// The points of a sweep: a Cartesian grid (first dimension slowest, like numpy's
// meshgrid(indexing="ij") flattened in C order) or a Latin hypercube sample.
#include <cstdint>
#include <string>
#include <vector>

#include "config/sweep.hpp"

namespace sisim::api {

struct SweepPoints {
  std::vector<std::string> columns;         // one per swept path (SweepDimension::column())
  std::vector<std::vector<double>> values;  // values[point][column]
  std::vector<std::vector<config::Shift>> shifts;  // shifts[point]: one per column
  std::vector<std::int64_t> grid_shape;     // values per dimension (grid); {samples} (hypercube)
  std::string kind;                         // "grid" or "latin_hypercube"
};

// Latin hypercube: for each parameter an independent random permutation pi of 0..N-1 and a
// uniform u per point (Philox keyed by latin_hypercube.seed, its own address space); point i
// takes min + (max - min) * (pi(i) + u_i) / N, so each of the N equal strata of every parameter
// holds exactly one point.
SweepPoints sweep_points(const config::SweepSpec& spec);

}  // namespace sisim::api
