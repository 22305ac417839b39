// yaml-cpp -> YNode conversion (with duplicate-key detection) and YNode -> YAML emission.
#include "config/detail/tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <optional>
#include <sstream>

namespace sisim::config::detail {
namespace {

struct Converter {
  std::string file;
  int line_base = 0;
  int column_base = 0;
  std::vector<ConfigError>& errors;

  SourceLocation location(const YAML::Mark& m) const {
    SourceLocation loc;
    loc.file = file;
    // yaml-cpp marks are 0-based; a null node may have no mark at all.
    loc.line = m.line < 0 ? 0 : m.line + 1 + line_base;
    loc.column = m.column < 0 ? 0 : m.column + 1 + column_base;
    return loc;
  }

  // Aliases can make a node contain itself (`&a [*a]`) or expand exponentially ("billion
  // laughs"); a scenario is small, so bound the depth and the number of nodes.
  static constexpr int kMaxDepth = 64;
  static constexpr long kMaxNodes = 50000;
  int depth = 0;
  long nodes = 0;
  bool too_big = false;

  YNode convert(const YAML::Node& n, const SourceLocation& key_where) {
    YNode out;
    out.where = location(n.Mark());
    out.key_where = key_where.line > 0 ? key_where : out.where;
    if (++nodes > kMaxNodes || depth >= kMaxDepth) {
      if (!too_big)
        errors.push_back(make_error(
            out.where, depth >= kMaxDepth
                           ? "document too deeply nested: more than " + std::to_string(kMaxDepth) +
                                 " levels (a recursive alias such as `&a [*a]`?)"
                           : "document too large: more than " + std::to_string(kMaxNodes) +
                                 " values once aliases are expanded (a scenario has a few hundred; an "
                                 "alias bomb?)"));
      too_big = true;
      return out;
    }
    ++depth;
    fill(n, out);
    --depth;
    return out;
  }

  // Tags change what a value means (`!!str 1000` is the string "1000"); the schema reads every
  // value by its key, so a tag would be silently ignored: it is refused instead.
  void check_tag(const YAML::Node& n, const SourceLocation& at) {
    const std::string& tag = n.Tag();
    if (tag.empty() || tag == "?" || tag == "!") return;  // untagged, or a quoted scalar
    const std::string core = "tag:yaml.org,2002:";
    const std::string shown = tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
    errors.push_back(make_error(at, "YAML tag '" + shown +
                                        "' is not supported: sisim reads every value by its key; remove "
                                        "the tag (quote a value to make it a string)"));
  }

  void fill(const YAML::Node& n, YNode& out) {
    if (out.where.line == 0 || n.IsNull()) out.where = out.key_where;  // `key:` has no useful mark
    check_tag(n, out.where);
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        out.kind = YNode::Kind::scalar;
        out.text = n.Scalar();
        out.quoted = n.Tag() == "!";
        break;
      case YAML::NodeType::Sequence:
        out.kind = YNode::Kind::seq;
        for (const auto& item : n) out.seq.push_back(convert(item, SourceLocation{}));
        break;
      case YAML::NodeType::Map:
        out.kind = YNode::Kind::map;
        convert_map(n, out);
        break;
      default:
        out.kind = YNode::Kind::null;
    }
  }

  void convert_map(const YAML::Node& n, YNode& out) {
    // yaml-cpp keeps every duplicate in iteration order but lookups see only the first: report
    // the later ones and keep the first, so the document means what a lookup would read.
    std::map<std::string, int> first_line;
    for (auto it = n.begin(); it != n.end(); ++it) {
      SourceLocation kw = location(it->first.Mark());
      if (!it->first.IsScalar()) {
        errors.push_back(make_error(kw, "map keys must be plain strings"));
        continue;
      }
      const std::string key = it->first.Scalar();
      auto [pos, inserted] = first_line.emplace(key, kw.line);
      if (!inserted) {
        errors.push_back(make_error(
            kw, "duplicate key '" + key + "' (first defined on line " + std::to_string(pos->second) + ")"));
        continue;
      }
      out.map.push_back(MapEntry{key, convert(it->second, kw)});
    }
  }
};

void emit_node(YAML::Emitter& em, const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::scalar:
      if (n.quoted) em << YAML::DoubleQuoted;
      em << n.text;
      break;
    case YNode::Kind::seq:
      em << YAML::BeginSeq;
      for (const auto& item : n.seq) emit_node(em, item);
      em << YAML::EndSeq;
      break;
    case YNode::Kind::map:
      em << YAML::BeginMap;
      for (const auto& e : n.map) {
        em << YAML::Key << e.key << YAML::Value;
        emit_node(em, e.value);
      }
      em << YAML::EndMap;
      break;
    default:
      em << YAML::Null;
  }
}

}  // namespace

const YNode* YNode::find(const std::string& key) const {
  for (const auto& e : map)
    if (e.key == key) return &e.value;
  return nullptr;
}

YNode* YNode::find(const std::string& key) {
  for (auto& e : map)
    if (e.key == key) return &e.value;
  return nullptr;
}

std::string describe(const YNode& n) {
  switch (n.kind) {
    case YNode::Kind::scalar:
      return "'" + n.text + "'";
    case YNode::Kind::map:
      return "a map";
    case YNode::Kind::seq:
      return n.seq.empty() ? "an empty list" : "a list";
    default:
      return "nothing";
  }
}

ConfigError make_error(const SourceLocation& where, std::string message) {
  return ConfigError{where.file, where.line, where.column, std::move(message)};
}

// Where a second YAML document starts, if there is one. Parses event by event and stops at the
// second document's start, so it ends on every input.
std::optional<YAML::Mark> second_document_mark(const std::string& text) {
  struct DocumentStarts : YAML::EventHandler {
    int documents = 0;
    YAML::Mark second;
    void OnDocumentStart(const YAML::Mark& mark) override {
      if (++documents == 2) second = mark;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
  };
  std::istringstream in(text);
  YAML::Parser parser(in);
  DocumentStarts starts;
  if (!parser.HandleNextDocument(starts) || !parser.HandleNextDocument(starts) || starts.documents < 2)
    return std::nullopt;
  return starts.second;
}

std::optional<YNode> parse_yaml(const std::string& text, const std::string& file,
                                std::vector<ConfigError>& errors, int line_base, int column_base) {
  Converter conv{file, line_base, column_base, errors};
  try {
    // The first document, then only whether a second one starts: YAML::LoadAll keeps producing
    // documents forever on some malformed inputs (found by the config fuzzer), so it is not used.
    YAML::Node root = YAML::Load(text);
    if (const std::optional<YAML::Mark> second = second_document_mark(text)) {
      SourceLocation at = conv.location(*second);
      if (at.line == 0) at = SourceLocation{file, 1 + line_base, 1 + column_base};
      errors.push_back(make_error(at,
                                  "a second YAML document (after '---') is not allowed: a file holds "
                                  "one document, and the rest would be silently ignored"));
    }
    SourceLocation start{file, 1 + line_base, 1 + column_base};
    YNode out = conv.convert(root, start);
    if (out.where.line == 0) out.where = start;
    return out;
  } catch (const YAML::Exception& e) {
    errors.push_back(make_error(conv.location(e.mark), "YAML syntax error: " + e.msg));
    return std::nullopt;
  }
}

std::string emit_yaml(const YNode& node) {
  YAML::Emitter em;
  emit_node(em, node);
  return std::string(em.c_str()) + "\n";
}

}  // namespace sisim::config::detail
