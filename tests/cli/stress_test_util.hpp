#pragma once
// Helpers for the deal-design command tests (stress, sweep, price): reading result files.
#include <cstring>
#include <string>
#include <vector>

#include "cli_test_util.hpp"
#include "sim/io/h5_reader.hpp"

namespace sisim::testing {

// Every dataset below `group` (recursively), as paths relative to it ("investor/npv").
inline void datasets_below(const io::ResultReader& r, const std::string& group, const std::string& rel,
                           std::vector<std::string>& out) {
  for (const auto& name : r.list(group + rel)) {
    const std::string child = rel + "/" + name;
    if (r.is_group(group + child))
      datasets_below(r, group, child, out);
    else
      out.push_back(child);
  }
}

inline std::vector<std::string> datasets_below(const io::ResultReader& r, const std::string& group) {
  std::vector<std::string> out;
  datasets_below(r, group, "", out);
  return out;
}

// Bitwise equality of two float vectors (so NaN equals NaN and -0 differs from +0).
inline bool same_bits(const std::vector<double>& a, const std::vector<double>& b) {
  return a.size() == b.size() &&
         (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
}

inline std::string shell_quote(const std::string& s) {
  return "'" + s + "'";
}

}  // namespace sisim::testing
