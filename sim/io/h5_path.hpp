#pragma once
// Internal to sim/io: object paths inside a result file ("/paths/investor/npv"). A leading '/'
// is optional; empty components ("a//b", trailing '/') and "." / ".." are rejected so that every
// object has exactly one spelling.
#include <string>
#include <vector>

namespace sisim::io::detail {

// The components of `path`; "/" and "" give none (the root group). Throws IoError if malformed.
std::vector<std::string> split_h5_path(const std::string& path);

// "/a/b" from the first `count` components ("/" for none).
std::string join_h5_path(const std::vector<std::string>& parts, std::size_t count);

}  // namespace sisim::io::detail
