// Sweep files -> SweepSpec, with file:line:col errors.
#include <filesystem>
#include <limits>

#include "config/detail/compose.hpp"
#include "config/stress_detail.hpp"
#include "config/sweep.hpp"

namespace sisim::config {
namespace {

namespace cd = detail;

std::vector<double> read_numbers(cd::Reader& r, const cd::YNode& n, const std::string& path) {
  std::vector<double> out;
  if (!n.is_seq() || n.seq.empty()) {
    r.error(n.where, path + ": expected a non-empty list of numbers, got " + describe(n));
    return out;
  }
  for (const auto& item : n.seq)
    if (auto v = r.number(item, path)) out.push_back(*v);
  return out;
}

void read_grid(cd::Reader& r, const cd::YNode& list, std::vector<SweepDimension>& out) {
  if (!list.is_seq() || list.seq.empty()) {
    r.error(list.where,
            "grid: expected a non-empty list of {path, values | scale | add}, got " + describe(list));
    return;
  }
  for (size_t i = 0; i < list.seq.size(); ++i) {
    const std::string at = "grid." + std::to_string(i);
    cd::MapView m(r, &list.seq[i], at);
    if (!m.present()) continue;
    SweepDimension d;
    d.where = list.seq[i].where;
    if (m.require("path")) m.read("path", d.path);
    if (auto why = cd::unshiftable(d.path)) r.error(d.where, at + ".path: " + *why);
    const cd::YNode* keys[] = {m.get("values"), m.get("scale"), m.get("add")};
    const ShiftOp ops[] = {ShiftOp::set, ShiftOp::scale, ShiftOp::add};
    const char* names[] = {"values", "scale", "add"};
    int given = 0;
    for (int k = 0; k < 3; ++k) {
      if (!keys[k]) continue;
      ++given;
      d.op = ops[k];
      d.values = read_numbers(r, *keys[k], m.child(names[k]));
    }
    if (given != 1) r.error(d.where, at + ": a grid dimension needs exactly one of values, scale or add");
    for (const auto& other : out)
      if (other.column() == d.column() && !d.path.empty())
        r.error(d.where, at + ": " + d.column() + " is swept twice");
    out.push_back(d);
  }
}

void read_latin(cd::Reader& r, const cd::YNode& node, LatinHypercube& out) {
  cd::MapView m(r, &node, "latin_hypercube");
  if (!m.present()) return;
  if (const cd::YNode* n = m.require("samples"))
    if (auto v = r.integer(*n, "latin_hypercube.samples", 1, 1000000)) out.samples = *v;
  if (const cd::YNode* n = m.get("seed"))
    if (auto v = r.integer(*n, "latin_hypercube.seed", 0, std::numeric_limits<std::int64_t>::max()))
      out.seed = static_cast<std::uint64_t>(*v);
  const cd::YNode* list = m.require("parameters");
  if (!list) return;
  if (!list->is_seq() || list->seq.empty()) {
    r.error(list->where, "latin_hypercube.parameters: expected a non-empty list of {path, min, max}");
    return;
  }
  for (size_t i = 0; i < list->seq.size(); ++i) {
    const std::string at = "latin_hypercube.parameters." + std::to_string(i);
    cd::MapView p(r, &list->seq[i], at);
    if (!p.present()) continue;
    LatinParameter lp;
    lp.where = list->seq[i].where;
    if (p.require("path")) p.read("path", lp.path);
    if (auto why = cd::unshiftable(lp.path)) r.error(lp.where, at + ".path: " + *why);
    if (p.require("min")) p.read("min", lp.min, cd::kAnyReal);
    if (p.require("max")) p.read("max", lp.max, cd::kAnyReal);
    if (!(lp.min < lp.max)) r.error(lp.where, at + ": min must be < max");
    for (const auto& other : out.parameters)
      if (other.path == lp.path) r.error(lp.where, at + ": " + lp.path + " is sampled twice");
    out.parameters.push_back(lp);
  }
}

}  // namespace

std::string SweepDimension::column() const {
  switch (op) {
    case ShiftOp::set:
      return path;
    case ShiftOp::scale:
      return "scale(" + path + ")";
    case ShiftOp::add:
      return "add(" + path + ")";
  }
  return path;
}

SweepReadResult read_sweep(const std::string& path) {
  SweepReadResult out;
  const std::optional<std::string> text = cd::read_config_file(path, out.errors);
  if (!text) return out;
  std::optional<cd::YNode> doc = cd::parse_yaml(*text, path, out.errors);
  if (!doc) return out;
  SweepSpec spec;
  spec.file = path;
  spec.text = *text;
  cd::Reader r;
  {
    cd::MapView m(r, &*doc, "");
    if (!m.present()) {
      out.errors = std::move(r.errors);
      return out;
    }
    if (m.require("scenario")) m.read("scenario", spec.scenario);
    if (const cd::YNode* n = m.get("paths"))
      if (auto v = r.integer(*n, "paths", 1, std::numeric_limits<std::int64_t>::max())) spec.paths = *v;
    const cd::YNode* grid = m.get("grid");
    const cd::YNode* latin = m.get("latin_hypercube");
    if ((grid != nullptr) == (latin != nullptr))
      r.error(doc->where, "a sweep needs exactly one of grid or latin_hypercube");
    if (grid) read_grid(r, *grid, spec.grid);
    if (latin) read_latin(r, *latin, spec.latin.emplace());
  }
  namespace fs = std::filesystem;
  if (!spec.scenario.empty() && fs::path(spec.scenario).is_relative())
    spec.scenario = (fs::path(path).parent_path() / spec.scenario).lexically_normal().string();
  out.errors = std::move(r.errors);
  if (out.errors.empty()) out.spec = std::move(spec);
  return out;
}

}  // namespace sisim::config
