#pragma once
// Shared helpers for the config tests.
#include <string>

#include "config/loader.hpp"

namespace sisim::test {

inline std::string data_dir() {
  return std::string(SISIM_SOURCE_DIR) + "/tests/data/config";
}

// The errors of a load, formatted, for assertion messages.
inline std::string errors_of(const config::LoadResult& r) {
  return format_errors(r.errors);
}

}  // namespace sisim::test
