#pragma once
// The values an HDF5 attribute of a result file can hold. std::variant's C++20 converting
// constructor picks the non-narrowing alternative: 42 -> int64, 42u64 -> uint64, 0.5 -> double,
// "text" -> string, so call sites need no casts.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace sisim::io {

using AttributeValue =
    std::variant<std::string, std::int64_t, std::uint64_t, double, std::vector<std::string>>;

}  // namespace sisim::io
