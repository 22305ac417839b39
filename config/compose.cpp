// extends chains, deep merge and --set overrides on the YNode tree.
#include "config/detail/compose.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>

namespace sisim::config::detail {
namespace {

namespace fs = std::filesystem;

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

// The whole file, or nullopt with the reason in `why`. Only regular files are read, and at most
// kMaxConfigBytes of them: a device (/dev/zero, /dev/urandom) would grow memory without bound, a
// FIFO would block forever. The file is opened non-blocking, so even a FIFO is only looked at.
std::optional<std::string> read_text(const std::string& path, std::string& why) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) {
    why = std::strerror(errno);
    return std::nullopt;
  }
  struct stat st {};
  std::optional<std::string> text;
  if (::fstat(fd, &st) != 0) {
    why = std::strerror(errno);
  } else if (!S_ISREG(st.st_mode)) {
    why = std::string("it is ") + kind_of(st.st_mode) + ", not a regular file";
  } else if (static_cast<std::uintmax_t>(st.st_size) > kMaxConfigBytes) {
    why = "it is " + std::to_string(st.st_size) + " bytes; a configuration file may be at most " +
          std::to_string(kMaxConfigBytes >> 20) + " MiB";
  } else {
    std::string data;
    char buf[65536];
    while (data.size() <= kMaxConfigBytes) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        why = std::strerror(errno);
        break;
      }
      if (n == 0) {
        text = std::move(data);
        break;
      }
      data.append(buf, static_cast<size_t>(n));
    }
    if (!text && why.empty())
      why = "it is larger than " + std::to_string(kMaxConfigBytes >> 20) +
            " MiB, the limit for a configuration file";
  }
  ::close(fd);
  return text;
}

std::string identity_of(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

// `chain` holds the files being composed (as shown to the user) and their identities, outermost
// first, so a cycle can be reported as the full chain.
std::optional<YNode> compose(const std::string& text, const std::string& file,
                             std::vector<std::string>& chain, std::vector<std::string>& ids,
                             std::vector<std::string>* files, std::vector<ConfigError>& errors) {
  std::optional<YNode> doc = parse_yaml(text, file, errors);
  if (!doc || !doc->is_map()) return doc;
  auto it = doc->map.begin();
  for (; it != doc->map.end() && it->key != "extends"; ++it) {
  }
  if (it == doc->map.end()) return doc;
  const YNode ext = it->value;
  doc->map.erase(it);
  if (!ext.is_scalar() || ext.text.empty()) {
    errors.push_back(make_error(ext.where, "extends: expected a file name, got " + describe(ext)));
    return doc;
  }
  const fs::path rel(ext.text);
  const std::string parent_file =
      rel.is_absolute() ? ext.text : (fs::path(file).parent_path() / rel).lexically_normal().string();
  const std::string parent_id = identity_of(parent_file);
  for (size_t i = 0; i < ids.size(); ++i) {
    if (ids[i] != parent_id) continue;
    std::string shown;
    for (size_t j = i; j < chain.size(); ++j) shown += chain[j] + " -> ";
    errors.push_back(make_error(ext.where, "extends cycle: " + shown + parent_file));
    return doc;
  }
  std::string why;
  std::optional<std::string> parent_text = read_text(parent_file, why);
  if (!parent_text) {
    errors.push_back(make_error(ext.where, "extends: cannot read file '" + parent_file + "': " + why));
    return doc;
  }
  chain.push_back(parent_file);
  ids.push_back(parent_id);
  if (files) files->push_back(parent_file);
  std::optional<YNode> parent = compose(*parent_text, parent_file, chain, ids, files, errors);
  chain.pop_back();
  ids.pop_back();
  if (!parent) return doc;
  if (!parent->is_map()) {
    errors.push_back(make_error(
        ext.where, "extends: '" + parent_file + "' " +
                       (parent->is_null() ? std::string("is empty") : "holds " + describe(*parent)) +
                       ", not a map of scenario sections"));
    return doc;
  }
  deep_merge(*parent, *doc);
  return parent;
}

std::vector<std::string> item_names(const YNode& list) {
  std::vector<std::string> names;
  for (const auto& item : list.seq) {
    const YNode* name = item.is_map() ? item.find("name") : nullptr;
    if (name && name->is_scalar()) names.push_back(name->text);
  }
  return names;
}

std::optional<ConfigError> apply_one(YNode& root, const std::string& ov, int index) {
  const SourceLocation at{"--set", index, 1};
  const size_t eq = ov.find('=');
  if (eq == std::string::npos || eq == 0)
    return make_error(at, "override '" + ov + "' is not key.path=value");
  std::vector<ConfigError> errs;
  std::optional<YNode> value =
      parse_yaml(ov.substr(eq + 1), "--set", errs, index - 1, static_cast<int>(eq) + 1);
  if (!value) return errs.front();
  if (!errs.empty()) return errs.front();
  const std::vector<std::string> parts = split_path(ov.substr(0, eq));
  YNode* node = &root;
  std::string walked;
  for (size_t i = 0; i < parts.size(); ++i) {
    const std::string& part = parts[i];
    if (part.empty()) return make_error(at, "override '" + ov + "': empty key in the path");
    const bool last = i + 1 == parts.size();
    if (node->is_seq()) {
      YNode* item = find_item(*node, part);
      if (!item) {
        std::string msg = "override: no item '" + part + "' in " + walked;
        if (auto s = nearest_key(part, item_names(*node))) msg += " (did you mean '" + *s + "'?)";
        return make_error(at, msg);
      }
      if (last) *item = std::move(*value);
      node = item;
    } else {
      if (node->is_null()) node->kind = YNode::Kind::map;
      if (!node->is_map()) return make_error(at, "override: '" + walked + "' is not a map or a list");
      YNode* child = node->find(part);
      if (!child) {
        YNode fresh;
        fresh.kind = YNode::Kind::null;
        fresh.where = fresh.key_where = at;
        node->map.push_back(MapEntry{part, fresh});
        child = &node->map.back().value;
      }
      if (last) {
        value->key_where = at;
        *child = std::move(*value);
      }
      node = child;
    }
    walked += (walked.empty() ? "" : ".") + part;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> split_path(const std::string& s) {
  std::vector<std::string> parts;
  std::string cur;
  for (char c : s) {
    if (c == '.') {
      parts.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  parts.push_back(cur);
  return parts;
}

// The list item addressed by `part`: the item whose `name` is `part`, else an index.
YNode* find_item(YNode& list, const std::string& part) {
  for (auto& item : list.seq) {
    const YNode* name = item.is_map() ? item.find("name") : nullptr;
    if (name && name->is_scalar() && name->text == part) return &item;
  }
  if (part.empty() || part.size() > 9 || part.find_first_not_of("0123456789") != std::string::npos)
    return nullptr;
  const size_t idx = std::stoul(part);
  return idx < list.seq.size() ? &list.seq[idx] : nullptr;
}

const YNode* find_item(const YNode& list, const std::string& part) {
  return find_item(const_cast<YNode&>(list), part);  // the search does not modify the list
}

std::optional<std::string> read_config_file(const std::string& path, std::vector<ConfigError>& errors) {
  std::string why;
  std::optional<std::string> text = read_text(path, why);
  if (!text) errors.push_back(ConfigError{path, 1, 1, "cannot read file: " + why});
  return text;
}

void deep_merge(YNode& base, const YNode& child) {
  if (!base.is_map() || !child.is_map()) {
    base = child;
    return;
  }
  for (const auto& e : child.map) {
    YNode* mine = base.find(e.key);
    if (mine)
      deep_merge(*mine, e.value);
    else
      base.map.push_back(e);
  }
}

std::optional<YNode> compose_document(const std::string& text, const std::string& file,
                                      std::vector<ConfigError>& errors, std::vector<std::string>* files) {
  std::vector<std::string> chain{file};
  std::vector<std::string> ids{identity_of(file)};
  return compose(text, file, chain, ids, files, errors);
}

std::vector<ConfigError> apply_overrides(YNode& root, const std::vector<std::string>& overrides) {
  std::vector<ConfigError> errors;
  if (root.is_null() && !overrides.empty()) root.kind = YNode::Kind::map;
  for (size_t i = 0; i < overrides.size(); ++i)
    if (auto err = apply_one(root, overrides[i], static_cast<int>(i) + 1)) errors.push_back(*err);
  return errors;
}

}  // namespace sisim::config::detail
