// Path walking on the YNode tree for shifts, and reading one shift map.
#include <yaml-cpp/yaml.h>

#include "config/detail/compose.hpp"
#include "config/stress_detail.hpp"

namespace sisim::config::detail {
namespace {

void emit(YAML::Emitter& em, const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::null:
      em << YAML::Null;
      break;
    case YNode::Kind::scalar:
      if (n.quoted) em << YAML::DoubleQuoted;
      em << n.text;
      break;
    case YNode::Kind::map:
      em << YAML::BeginMap;
      for (const auto& e : n.map) {
        em << YAML::Key << e.key << YAML::Value;
        emit(em, e.value);
      }
      em << YAML::EndMap;
      break;
    case YNode::Kind::seq:
      em << YAML::BeginSeq;
      for (const auto& item : n.seq) emit(em, item);
      em << YAML::EndSeq;
      break;
  }
}

std::vector<std::string> children_of(const YNode& n) {
  std::vector<std::string> out;
  if (n.is_map())
    for (const auto& e : n.map) out.push_back(e.key);
  if (n.is_seq())
    for (size_t i = 0; i < n.seq.size(); ++i) {
      const YNode* name = n.seq[i].is_map() ? n.seq[i].find("name") : nullptr;
      out.push_back(name && name->is_scalar() ? name->text : std::to_string(i));
    }
  return out;
}

}  // namespace

std::string emit_flow(const YNode& node) {
  YAML::Emitter em;
  em << YAML::Flow;
  emit(em, node);
  return em.c_str();
}

const YNode* find_path(const YNode& root, const std::string& path, std::string& error) {
  const YNode* node = &root;
  std::string walked;
  for (const auto& part : split_path(path)) {
    const YNode* next = nullptr;
    if (node->is_seq()) next = find_item(*node, part);
    if (node->is_map()) next = node->find(part);
    if (!next) {
      error = "no key '" + part + "'" + (walked.empty() ? "" : " in " + walked) + " (path " + path + ")";
      if (auto s = nearest_key(part, children_of(*node))) error += " (did you mean '" + *s + "'?)";
      return nullptr;
    }
    node = next;
    walked += (walked.empty() ? "" : ".") + part;
  }
  return node;
}

std::string set_path(YNode& root, const std::string& path, YNode value, const SourceLocation& where) {
  YNode* node = &root;
  const std::vector<std::string> parts = split_path(path);
  std::string walked;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.empty()) return "empty key in the path '" + path + "'";
    YNode* next = nullptr;
    if (node->is_seq()) {
      next = find_item(*node, part);
      if (!next) {
        std::string msg = "no item '" + part + "' in " + walked;
        if (auto s = nearest_key(part, children_of(*node))) msg += " (did you mean '" + *s + "'?)";
        return msg;
      }
    } else {
      if (node->is_null()) node->kind = YNode::Kind::map;
      if (!node->is_map()) return "'" + walked + "' is not a map or a list";
      next = node->find(part);
      if (!next) {
        YNode fresh;
        fresh.where = fresh.key_where = where;
        node->map.push_back(MapEntry{part, fresh});
        next = &node->map.back().value;
      }
    }
    node = next;
    walked += (walked.empty() ? "" : ".") + part;
  }
  value.key_where = where;
  *node = std::move(value);
  return "";
}

std::optional<std::string> unshiftable(const std::string& path) {
  if (path != "simulation" && path != "simulation.seed" && path != "simulation.paths" &&
      path != "simulation.block_size")
    return std::nullopt;
  return path +
         " cannot be stressed or swept: every case and point runs on the same seed and paths "
         "(common random numbers), so the shift would not be applied; use --seed or --paths for "
         "the whole command (a sweep file also takes `paths:`)";
}

std::optional<Shift> read_shift(Reader& r, const YNode& node, const std::string& where_path) {
  MapView m(r, &node, where_path);
  if (!m.present()) return std::nullopt;
  Shift s;
  s.where = node.where;
  const YNode* path = m.require("path");
  if (!path) return std::nullopt;
  if (auto p = r.string(*path, m.child("path"))) s.path = *p;
  s.where = path->where;
  if (auto why = unshiftable(s.path)) {
    r.error(path->where, where_path + ".path: " + *why);
    return std::nullopt;
  }
  const YNode* set = m.get("set");
  const YNode* scale = m.get("scale");
  const YNode* add = m.get("add");
  if ((set != nullptr) + (scale != nullptr) + (add != nullptr) != 1) {
    r.error(node.where, where_path + ": a shift needs exactly one of set, scale or add");
    return std::nullopt;
  }
  if (set) {
    s.op = ShiftOp::set;
    s.value_yaml = emit_flow(*set);
    s.where = set->where;
  } else {
    const YNode& n = scale ? *scale : *add;
    s.op = scale ? ShiftOp::scale : ShiftOp::add;
    auto v = r.number(n, m.child(scale ? "scale" : "add"));
    if (!v) return std::nullopt;
    s.amount = *v;
  }
  if (s.path.empty()) return std::nullopt;
  return s;
}

std::optional<YNode> composed_scenario(const std::string& path, const std::vector<std::string>& overrides,
                                       std::vector<ConfigError>& errors,
                                       std::vector<std::string>* extended_files) {
  const std::optional<std::string> text = read_config_file(path, errors);
  if (!text) return std::nullopt;
  std::optional<YNode> doc = compose_document(*text, path, errors, extended_files);
  if (!doc) return doc;
  std::vector<ConfigError> more = apply_overrides(*doc, overrides);
  errors.insert(errors.end(), more.begin(), more.end());
  return doc;
}

}  // namespace sisim::config::detail
