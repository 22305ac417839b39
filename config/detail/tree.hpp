#pragma once
// Internal to config/: a YAML document as a small owned tree in which every node remembers the
// file it came from. yaml-cpp marks carry no file name, and after `extends` and `--set` one
// document mixes nodes from several sources, so the loader converts to this tree first.
#include <optional>
#include <string>
#include <vector>

#include "config/loader.hpp"

namespace sisim::config::detail {

struct MapEntry;

struct YNode {
  enum class Kind { null, scalar, map, seq };
  Kind kind = Kind::null;
  std::string text;           // scalar text
  bool quoted = false;        // a quoted scalar is always a string, never a number
  std::vector<MapEntry> map;  // in document order, duplicates already removed
  std::vector<YNode> seq;
  SourceLocation where;      // the value itself
  SourceLocation key_where;  // the key holding it (or `where` for list items and the root)

  const YNode* find(const std::string& key) const;
  YNode* find(const std::string& key);
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_map() const { return kind == Kind::map; }
  bool is_seq() const { return kind == Kind::seq; }
  bool is_null() const { return kind == Kind::null; }
};

struct MapEntry {
  std::string key;
  YNode value;
};

// "a string", "a map", "a list", "null"
std::string describe(const YNode& n);

// Parses YAML text into a tree. Syntax errors and duplicate keys go to `errors`; nullopt on a
// syntax error. Positions are shifted by (line_base, column_base) (used for --set values).
std::optional<YNode> parse_yaml(const std::string& text, const std::string& file,
                                std::vector<ConfigError>& errors, int line_base = 0, int column_base = 0);

// Emits a tree (or a subtree) as block YAML.
std::string emit_yaml(const YNode& node);

ConfigError make_error(const SourceLocation& where, std::string message);

}  // namespace sisim::config::detail
