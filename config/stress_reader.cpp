// Stress cases from a cases file or from the scenario's `stress:` section.
#include <cctype>
#include <set>

#include "config/detail/compose.hpp"
#include "config/stress_detail.hpp"

namespace sisim::config {
namespace {

namespace cd = detail;

// Case names become HDF5 group names (/cases/<name>): keep them to a safe alphabet.
bool valid_case_name(const std::string& s) {
  if (s.empty() || s == "." || s == "..") return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.')) return false;
  return true;
}

std::optional<StressCase> read_case(cd::Reader& r, const cd::YNode& node, const std::string& path) {
  cd::MapView m(r, &node, path);
  if (!m.present()) return std::nullopt;
  StressCase c;
  c.where = node.where;
  const size_t before = r.errors.size();
  if (const cd::YNode* n = m.require("name")) {
    m.read("name", c.name);
    if (!c.name.empty() && (!valid_case_name(c.name) || c.name == "base"))
      r.error(n->where, path + ".name: '" + c.name +
                            "' is not a usable case name (letters, digits, '_', '-', '.'; not 'base')");
  }
  m.read("description", c.description);
  if (const cd::YNode* shifts = m.get("shifts"); shifts && !shifts->is_null()) {
    if (!shifts->is_seq()) {
      r.error(shifts->where,
              path + ".shifts: expected a list of {path, set|scale|add}, got " + describe(*shifts));
    } else {
      for (size_t i = 0; i < shifts->seq.size(); ++i)
        if (auto s = cd::read_shift(r, shifts->seq[i], path + ".shifts." + std::to_string(i)))
          c.shifts.push_back(*s);
    }
  }
  if (r.errors.size() != before) return std::nullopt;
  return c;
}

// `node` is the map holding `cases:` (the stress section, or a cases file's document).
StressCasesResult read_cases(const cd::YNode& node, const std::string& path) {
  cd::Reader r;
  StressCasesResult out;
  {
    cd::MapView m(r, &node, path);
    const cd::YNode* list = m.present() ? m.require("cases") : nullptr;
    const std::string list_path = path.empty() ? "cases" : path + ".cases";
    if (list && !list->is_seq()) {
      r.error(list->where, list_path + ": expected a list of cases, got " + describe(*list));
    } else if (list) {
      std::set<std::string> names;
      for (size_t i = 0; i < list->seq.size(); ++i) {
        auto c = read_case(r, list->seq[i], list_path + "." + std::to_string(i));
        if (!c) continue;
        if (!names.insert(c->name).second)
          r.error(c->where, list_path + ": case name '" + c->name + "' repeats");
        out.cases.push_back(std::move(*c));
      }
    }
  }
  out.errors = std::move(r.errors);
  if (!out.errors.empty()) out.cases.clear();
  return out;
}

}  // namespace

StressCasesResult read_stress_file(const std::string& path) {
  StressCasesResult out;
  const std::optional<std::string> text = cd::read_config_file(path, out.errors);
  if (!text) return out;
  std::optional<cd::YNode> doc = cd::parse_yaml(*text, path, out.errors);
  if (!doc) return out;
  return read_cases(*doc, "");
}

StressCasesResult read_scenario_stress(const std::string& scenario,
                                       const std::vector<std::string>& overrides) {
  StressCasesResult out;
  std::optional<cd::YNode> doc = cd::composed_scenario(scenario, overrides, out.errors);
  if (!doc || !out.errors.empty() || !doc->is_map()) return out;
  const cd::YNode* section = doc->find("stress");
  if (!section || section->is_null()) return out;
  return read_cases(*section, "stress");
}

std::string describe_shift(const Shift& s) {
  switch (s.op) {
    case ShiftOp::set:
      return s.path + ": set " + s.value_yaml;
    case ShiftOp::scale:
      return s.path + ": scale " + cd::num(s.amount);
    case ShiftOp::add:
      return s.path + ": add " + cd::num(s.amount);
  }
  return s.path;
}

}  // namespace sisim::config
