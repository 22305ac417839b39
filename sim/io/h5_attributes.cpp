#include "sim/io/h5_attributes.hpp"

#include <type_traits>

#include "sim/io/io_error.hpp"

namespace sisim::io::detail {

namespace {

H5Handle scalar_space() {
  return checked(H5Screate(H5S_SCALAR), H5Sclose, "cannot create dataspace");
}

void write_number(hid_t object, const std::string& name, hid_t file_type, hid_t mem_type, const void* value,
                  const std::string& what) {
  H5Handle space = scalar_space();
  H5Handle attr = checked(H5Acreate2(object, name.c_str(), file_type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                          H5Aclose, what);
  check(H5Awrite(attr.get(), mem_type, value), what);
}

void write_string_list(hid_t object, const std::string& name, const std::vector<std::string>& values,
                       bool scalar, const std::string& what) {
  H5Handle type = vlen_string_type();
  const auto count = static_cast<hsize_t>(values.size());
  // An empty list has a null dataspace: HDF5 1.10 does not allow zero-sized attribute extents.
  H5Handle space = scalar       ? scalar_space()
                   : count == 0 ? checked(H5Screate(H5S_NULL), H5Sclose, what)
                                : checked(H5Screate_simple(1, &count, nullptr), H5Sclose, what);
  H5Handle attr = checked(H5Acreate2(object, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                          H5Aclose, what);
  if (count == 0) return;
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& v : values) pointers.push_back(v.c_str());
  check(H5Awrite(attr.get(), type.get(), pointers.data()), what);
}

H5Handle open_attribute(hid_t object, const std::string& where, const std::string& name) {
  if (!has_attribute(object, name)) throw IoError(where + " has no attribute '" + name + "'");
  return checked(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose,
                 "cannot open attribute '" + name + "' of " + where);
}

// Opens a numeric scalar attribute and returns it with its type class.
H5Handle open_number(hid_t object, const std::string& where, const std::string& name, H5T_class_t& type_class,
                     bool& is_signed) {
  H5Handle attr = open_attribute(object, where, name);
  H5Handle type = checked(H5Aget_type(attr.get()), H5Tclose, "cannot read attribute type");
  H5Handle space = checked(H5Aget_space(attr.get()), H5Sclose, "cannot read attribute space");
  type_class = H5Tget_class(type.get());
  is_signed = type_class == H5T_INTEGER && H5Tget_sign(type.get()) == H5T_SGN_2;
  if ((type_class != H5T_INTEGER && type_class != H5T_FLOAT) ||
      H5Sget_simple_extent_npoints(space.get()) != 1) {
    throw IoError("attribute '" + name + "' of " + where + " is not a single number");
  }
  return attr;
}

}  // namespace

bool has_attribute(hid_t object, const std::string& name) {
  const htri_t exists = H5Aexists(object, name.c_str());
  check(exists, "cannot look up attribute '" + name + "'");
  return exists > 0;
}

void write_attribute(hid_t object, const std::string& where, const std::string& name,
                     const AttributeValue& value) {
  const std::string what = "cannot write attribute '" + name + "' of " + where;
  if (has_attribute(object, name)) check(H5Adelete(object, name.c_str()), what);
  std::visit(
      [&](const auto& v) {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, std::string>) {
          write_string_list(object, name, {v}, true, what);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
          write_string_list(object, name, v, false, what);
        } else if constexpr (std::is_same_v<T, std::int64_t>) {
          write_number(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &v, what);
        } else if constexpr (std::is_same_v<T, std::uint64_t>) {
          write_number(object, name, H5T_STD_U64LE, H5T_NATIVE_UINT64, &v, what);
        } else {
          static_assert(std::is_same_v<T, double>);
          write_number(object, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &v, what);
        }
      },
      value);
}

std::vector<std::string> read_strings(hid_t object, bool is_dataset, const std::string& what) {
  H5Handle type = is_dataset ? checked(H5Dget_type(object), H5Tclose, what)
                             : checked(H5Aget_type(object), H5Tclose, what);
  H5Handle space = is_dataset ? checked(H5Dget_space(object), H5Sclose, what)
                              : checked(H5Aget_space(object), H5Sclose, what);
  if (H5Tget_class(type.get()) != H5T_STRING) throw IoError(what + ": not a string");
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw IoError(what + ": " + h5_error_text());
  if (count > (std::int64_t{1} << 24))
    throw IoError(what + ": implausibly many strings (" + std::to_string(count) + ")");
  std::vector<std::string> out;
  if (count == 0) return out;
  H5Handle mem = checked(H5Tget_native_type(type.get(), H5T_DIR_ASCEND), H5Tclose, what);
  auto read = [&](void* buf) {
    check(is_dataset ? H5Dread(object, mem.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, buf)
                     : H5Aread(object, mem.get(), buf),
          what);
  };
  if (H5Tis_variable_str(type.get()) > 0) {
    std::vector<char*> pointers(static_cast<std::size_t>(count), nullptr);
    read(pointers.data());
    for (const char* p : pointers) out.emplace_back(p == nullptr ? "" : p);
    H5Dvlen_reclaim(mem.get(), space.get(), H5P_DEFAULT, pointers.data());
    return out;
  }
  const std::size_t size = H5Tget_size(mem.get());
  std::vector<char> buffer(size * static_cast<std::size_t>(count), '\0');
  read(buffer.data());
  for (std::size_t i = 0; i < static_cast<std::size_t>(count); ++i) {
    std::string s(buffer.data() + i * size, size);
    out.push_back(s.substr(0, s.find('\0')));  // fixed-length strings are null-padded
  }
  return out;
}

std::string read_attribute_string(hid_t object, const std::string& where, const std::string& name) {
  H5Handle attr = open_attribute(object, where, name);
  auto values = read_strings(attr.get(), false, "attribute '" + name + "' of " + where);
  if (values.size() != 1) {
    throw IoError("attribute '" + name + "' of " + where + " is not a single string");
  }
  return values.front();
}

std::vector<std::string> read_attribute_strings(hid_t object, const std::string& where,
                                                const std::string& name) {
  H5Handle attr = open_attribute(object, where, name);
  return read_strings(attr.get(), false, "attribute '" + name + "' of " + where);
}

double read_attribute_number(hid_t object, const std::string& where, const std::string& name) {
  H5T_class_t type_class{};
  bool is_signed = false;
  H5Handle attr = open_number(object, where, name, type_class, is_signed);
  double value = 0.0;
  check(H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value), "cannot read attribute '" + name + "'");
  return value;
}

std::int64_t read_attribute_int(hid_t object, const std::string& where, const std::string& name) {
  H5T_class_t type_class{};
  bool is_signed = false;
  H5Handle attr = open_number(object, where, name, type_class, is_signed);
  if (type_class != H5T_INTEGER) {
    throw IoError("attribute '" + name + "' of " + where + " is not an integer");
  }
  std::int64_t value = 0;
  check(H5Aread(attr.get(), H5T_NATIVE_INT64, &value), "cannot read attribute '" + name + "'");
  return value;
}

std::uint64_t read_attribute_uint(hid_t object, const std::string& where, const std::string& name) {
  H5T_class_t type_class{};
  bool is_signed = false;
  H5Handle attr = open_number(object, where, name, type_class, is_signed);
  if (type_class != H5T_INTEGER) {
    throw IoError("attribute '" + name + "' of " + where + " is not an integer");
  }
  if (is_signed && read_attribute_int(object, where, name) < 0) {
    throw IoError("attribute '" + name + "' of " + where + " is negative");
  }
  std::uint64_t value = 0;
  check(H5Aread(attr.get(), H5T_NATIVE_UINT64, &value), "cannot read attribute '" + name + "'");
  return value;
}

}  // namespace sisim::io::detail
