#pragma once
// Internal to sim/io: writing and reading attributes of an open HDF5 object.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/attribute_value.hpp"
#include "sim/io/h5_handle.hpp"

namespace sisim::io::detail {

// Writes (or replaces) attribute `name` of `object`. Strings are variable-length UTF-8; numbers
// are little-endian int64 / uint64 / IEEE float64 whatever the host, so files are portable.
// `where` names the object in error messages.
void write_attribute(hid_t object, const std::string& where, const std::string& name,
                     const AttributeValue& value);

bool has_attribute(hid_t object, const std::string& name);

// `where` describes the object in messages, quoted by the caller ("'/x' in 'f.h5'").
// Readers; each throws IoError naming `where` and `name` if the attribute is missing or has
// the wrong kind. A string attribute may be variable- or fixed-length.
std::string read_attribute_string(hid_t object, const std::string& where, const std::string& name);
std::vector<std::string> read_attribute_strings(hid_t object, const std::string& where,
                                                const std::string& name);
double read_attribute_number(hid_t object, const std::string& where, const std::string& name);
std::int64_t read_attribute_int(hid_t object, const std::string& where, const std::string& name);
std::uint64_t read_attribute_uint(hid_t object, const std::string& where, const std::string& name);

// Reads every element of a string-typed attribute or dataset (`is_dataset` selects the API).
std::vector<std::string> read_strings(hid_t object, bool is_dataset, const std::string& what);

}  // namespace sisim::io::detail
