#include "sim/api/sweep_points.hpp"

#include <algorithm>
#include <charconv>
#include <numeric>

#include "sim/rng/philox.hpp"

namespace sisim::api {

using config::kOutcomePricesPath;
using config::LatinHypercube;
using config::Shift;
using config::ShiftOp;
using config::SourceLocation;
using config::SweepSpec;

namespace {

Shift shift_of(const std::string& path, ShiftOp op, double v, const SourceLocation& where) {
  Shift s;
  s.path = path;
  s.op = op;
  s.amount = v;
  s.where = where;
  if (op == ShiftOp::set) {
    char buf[64];
    const auto end = std::to_chars(buf, buf + sizeof buf, v).ptr;  // shortest text that reads back to v
    s.value_yaml.assign(buf, end);
  }
  return s;
}

void grid_points(const SweepSpec& spec, SweepPoints& out) {
  out.kind = "grid";
  std::int64_t total = 1;
  for (const auto& d : spec.grid) {
    out.columns.push_back(d.column());
    out.grid_shape.push_back(static_cast<std::int64_t>(d.values.size()));
    total *= static_cast<std::int64_t>(d.values.size());
  }
  for (std::int64_t p = 0; p < total; ++p) {
    std::vector<double> row(spec.grid.size());
    std::vector<Shift> shifts(spec.grid.size());
    std::int64_t rest = p;
    for (size_t k = spec.grid.size(); k-- > 0;) {  // last dimension fastest
      const auto& d = spec.grid[k];
      const auto n = static_cast<std::int64_t>(d.values.size());
      row[k] = d.values[static_cast<size_t>(rest % n)];
      shifts[k] = shift_of(d.path, d.op, row[k], d.where);
      rest /= n;
    }
    out.values.push_back(std::move(row));
    out.shifts.push_back(std::move(shifts));
  }
}

// Uniform j of parameter k: its own counter (k, j), key from the hypercube's seed.
double lhs_uniform(const rng::Key& key, std::uint64_t k, std::uint64_t j, std::uint64_t lane) {
  const rng::Counter c = rng::philox4x64({k, j, 0x4C4853ULL /* "LHS" */, 0}, key);
  return rng::to_open_unit(c[lane]);
}

void latin_points(const LatinHypercube& lhs, SweepPoints& out) {
  out.kind = "latin_hypercube";
  const auto n = static_cast<size_t>(lhs.samples);
  out.grid_shape = {lhs.samples};
  const rng::Key key = rng::key_from_seed(lhs.seed);
  out.values.assign(n, std::vector<double>(lhs.parameters.size()));
  out.shifts.assign(n, std::vector<Shift>(lhs.parameters.size()));
  for (size_t k = 0; k < lhs.parameters.size(); ++k) {
    const auto& p = lhs.parameters[k];
    // The price multiplier is a factor on every price (`scale`); any other path is set to the value.
    const bool multiplier = p.path == kOutcomePricesPath;
    out.columns.push_back(multiplier ? "scale(" + p.path + ")" : p.path);
    // A random permutation: sort the indices by a uniform key (ties broken by index).
    std::vector<size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::vector<double> sort_key(n);
    for (size_t j = 0; j < n; ++j) sort_key[j] = lhs_uniform(key, k, j, 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return sort_key[a] < sort_key[b]; });
    for (size_t i = 0; i < n; ++i) {
      const double u = lhs_uniform(key, k, i, 1);
      const double v = p.min + (p.max - p.min) * (static_cast<double>(order[i]) + u) / static_cast<double>(n);
      out.values[i][k] = v;
      out.shifts[i][k] = shift_of(p.path, multiplier ? ShiftOp::scale : ShiftOp::set, v, p.where);
    }
  }
}

}  // namespace

SweepPoints sweep_points(const SweepSpec& spec) {
  SweepPoints out;
  if (spec.latin)
    latin_points(*spec.latin, out);
  else
    grid_points(spec, out);
  return out;
}

}  // namespace sisim::api
