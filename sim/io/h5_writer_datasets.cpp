// ResultWriter: groups, datasets and attributes.
#include <stdexcept>

#include "sim/io/h5_attributes.hpp"
#include "sim/io/h5_path.hpp"
#include "sim/io/h5_writer_impl.hpp"

namespace sisim::io {

using detail::check;
using detail::checked;
using detail::H5Handle;

namespace {

H5Handle simple_space(std::initializer_list<hsize_t> dims) {
  const std::vector<hsize_t> d(dims);
  return checked(H5Screate_simple(static_cast<int>(d.size()), d.data(), nullptr), H5Sclose,
                 "cannot create dataspace");
}

bool link_exists(hid_t file, const std::string& path) {
  const htri_t exists = H5Lexists(file, path.c_str(), H5P_DEFAULT);
  check(exists, "cannot look up '" + path + "'");
  return exists > 0;
}

}  // namespace

void ResultWriter::Impl::ensure_groups(const std::vector<std::string>& parts, std::size_t count) {
  const hid_t f = file_id();
  for (std::size_t i = 1; i <= count; ++i) {
    const std::string path = detail::join_h5_path(parts, i);
    if (!link_exists(f, path)) {
      H5Handle group = checked(H5Gcreate2(f, path.c_str(), H5P_DEFAULT, group_props.get(), H5P_DEFAULT),
                               H5Gclose, "cannot create group '" + path + "'");
      continue;
    }
    H5O_info_t info{};
    check(H5Oget_info_by_name2(f, path.c_str(), &info, H5O_INFO_BASIC, H5P_DEFAULT),
          "cannot inspect '" + path + "'");
    if (info.type != H5O_TYPE_GROUP) throw IoError("'" + path + "' exists and is not a group");
  }
}

void ResultWriter::Impl::write_dataset(const std::string& path, hid_t file_type, hid_t mem_type, hid_t space,
                                       const void* data, bool with_units, const std::string& units,
                                       const std::string& description) {
  const auto parts = detail::split_h5_path(path);
  if (parts.empty()) throw IoError("cannot write a dataset at the root group '/'");
  ensure_groups(parts, parts.size() - 1);
  const std::string full = detail::join_h5_path(parts, parts.size());
  const std::string what = "cannot write dataset '" + full + "' to '" + temp_path + "'";
  if (link_exists(file_id(), full)) throw IoError("dataset '" + full + "' is written twice");
  H5Handle dataset = checked(
      H5Dcreate2(file_id(), full.c_str(), file_type, space, H5P_DEFAULT, dataset_props.get(), H5P_DEFAULT),
      H5Dclose, what);
  if (H5Sget_simple_extent_npoints(space) > 0) {
    check(H5Dwrite(dataset.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data), what);
  }
  if (with_units) detail::write_attribute(dataset.get(), "'" + full + "'", "units", units);
  detail::write_attribute(dataset.get(), "'" + full + "'", "description", description);
}

H5Handle ResultWriter::Impl::open_or_create_object(const std::string& path) {
  const auto parts = detail::split_h5_path(path);
  const std::string full = detail::join_h5_path(parts, parts.size());
  if (!detail::path_exists(file_id(), full)) ensure_groups(parts, parts.size());
  return checked(H5Oopen(file_id(), full.c_str(), H5P_DEFAULT), H5Oclose, "cannot open '" + full + "'");
}

void ResultWriter::set_root_attribute(const std::string& name, const AttributeValue& value) {
  set_attribute("/", name, value);
}

void ResultWriter::set_attribute(const std::string& object_path, const std::string& name,
                                 const AttributeValue& value) {
  H5Handle object = impl_->open_or_create_object(object_path);
  detail::write_attribute(object.get(), "'" + object_path + "'", name, value);
}

void ResultWriter::write_column(const std::string& path, const std::vector<double>& values,
                                const std::string& units, const std::string& description) {
  H5Handle space = simple_space({values.size()});
  impl_->write_dataset(path, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, space.get(), values.data(), true, units,
                       description);
}

void ResultWriter::write_column(const std::string& path, const std::vector<std::int32_t>& values,
                                const std::string& units, const std::string& description) {
  H5Handle space = simple_space({values.size()});
  impl_->write_dataset(path, H5T_STD_I32LE, H5T_NATIVE_INT32, space.get(), values.data(), true, units,
                       description);
}

void ResultWriter::write_column(const std::string& path, const std::vector<std::uint8_t>& values,
                                const std::string& units, const std::string& description) {
  H5Handle space = simple_space({values.size()});
  impl_->write_dataset(path, H5T_STD_U8LE, H5T_NATIVE_UINT8, space.get(), values.data(), true, units,
                       description);
}

void ResultWriter::write_column(const std::string& path, const std::vector<std::int64_t>& values,
                                const std::string& units, const std::string& description) {
  H5Handle space = simple_space({values.size()});
  impl_->write_dataset(path, H5T_STD_I64LE, H5T_NATIVE_INT64, space.get(), values.data(), true, units,
                       description);
}

void ResultWriter::write_matrix(const std::string& path, std::size_t rows, std::size_t cols,
                                const std::vector<double>& row_major, const std::string& units,
                                const std::string& description, const std::vector<std::string>& column_labels,
                                const std::string& row_label) {
  if (row_major.size() != rows * cols) {
    throw std::invalid_argument("write_matrix('" + path + "'): " + std::to_string(row_major.size()) +
                                " values for " + std::to_string(rows) + " x " + std::to_string(cols));
  }
  if (!column_labels.empty() && column_labels.size() != cols) {
    throw std::invalid_argument("write_matrix('" + path + "'): " + std::to_string(column_labels.size()) +
                                " column labels for " + std::to_string(cols) + " columns");
  }
  H5Handle space = simple_space({rows, cols});
  impl_->write_dataset(path, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, space.get(), row_major.data(), true, units,
                       description);
  if (!column_labels.empty()) set_attribute(path, "columns", column_labels);
  if (!row_label.empty()) set_attribute(path, "rows", row_label);
}

void ResultWriter::write_string(const std::string& path, const std::string& text,
                                const std::string& description) {
  H5Handle type = detail::vlen_string_type();
  H5Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, "cannot create dataspace");
  const char* pointer = text.c_str();
  impl_->write_dataset(path, type.get(), type.get(), space.get(), &pointer, false, "", description);
}

void ResultWriter::write_scalar(const std::string& path, double value, const std::string& units,
                                const std::string& description) {
  H5Handle space = checked(H5Screate(H5S_SCALAR), H5Sclose, "cannot create dataspace");
  impl_->write_dataset(path, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, space.get(), &value, true, units,
                       description);
}

}  // namespace sisim::io
