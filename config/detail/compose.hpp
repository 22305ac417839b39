#pragma once
// Internal to config/: building the one document the schema reads, from a file and the files it
// `extends`, then applying command-line overrides.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/detail/tree.hpp"

namespace sisim::config::detail {

// Parses `text` (the contents of `file`) and resolves its `extends:` chain: the parent is loaded
// relative to the including file's folder and the child deep-merged over it (maps merged, child
// wins, lists replaced wholesale). Errors go to `errors`; nullopt when nothing usable was read.
// `files`, if given, receives every file read through `extends:` (nearest parent first).
std::optional<YNode> compose_document(const std::string& text, const std::string& file,
                                      std::vector<ConfigError>& errors,
                                      std::vector<std::string>* files = nullptr);

// Deep merge: maps merged key by key (child wins), anything else replaced by the child.
void deep_merge(YNode& base, const YNode& child);

// A configuration file (scenario, cases, sweep, extends parent) may be at most this large.
inline constexpr std::uintmax_t kMaxConfigBytes = std::uintmax_t{4} << 20;

// The whole text of a configuration file; on failure a "cannot read file: <reason>" error at 1:1.
// Only a regular file of at most kMaxConfigBytes is read (see compose.cpp).
std::optional<std::string> read_config_file(const std::string& path, std::vector<ConfigError>& errors);

// "a.b.c" -> {"a", "b", "c"} (empty parts kept, so that errors can point at them).
std::vector<std::string> split_path(const std::string& s);

// The list item addressed by `part`: the item whose `name` is `part`, else the item at that
// index; nullptr when there is none.
YNode* find_item(YNode& list, const std::string& part);
const YNode* find_item(const YNode& list, const std::string& part);

// Applies "key.path=value" overrides in order. A missing map key on the way is created (the
// schema then rejects it if it is not a known key); list items are found by `name` or index.
std::vector<ConfigError> apply_overrides(YNode& root, const std::vector<std::string>& overrides);

}  // namespace sisim::config::detail
