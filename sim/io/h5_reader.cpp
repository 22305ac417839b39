// ResultReader: opening and validating a result file, reading datasets and attributes.
#include "sim/io/h5_reader.hpp"

#include <algorithm>
#include <filesystem>

#include "sim/io/h5_attributes.hpp"
#include "sim/io/h5_handle.hpp"
#include "sim/io/h5_path.hpp"
#include "sim/io/result_seal.hpp"

namespace sisim::io {

namespace fs = std::filesystem;
using detail::check;
using detail::checked;
using detail::H5Handle;

struct ResultReader::Impl {
  std::string path;
  H5Handle file;

  std::string where(const std::string& object) const { return "'" + object + "' in '" + path + "'"; }

  bool exists(const std::string& object) const { return detail::path_exists(file.get(), object); }

  H5Handle open_object(const std::string& object) const {
    if (!exists(object)) throw IoError("no object " + where(object));
    return checked(H5Oopen(file.get(), object.c_str(), H5P_DEFAULT), H5Oclose,
                   "cannot open " + where(object));
  }

  H5Handle open_dataset(const std::string& object) const {
    if (!exists(object)) throw IoError("no dataset " + where(object));
    return checked(H5Dopen2(file.get(), object.c_str(), H5P_DEFAULT), H5Dclose,
                   "cannot open dataset " + where(object));
  }

  // Reads a numeric dataset of the given class(es) into `out` through `mem_type`.
  template <typename T>
  std::vector<T> read_numbers(const std::string& object, hid_t mem_type, bool allow_float) const {
    H5Handle dataset = open_dataset(object);
    H5Handle type = checked(H5Dget_type(dataset.get()), H5Tclose, "cannot read " + where(object));
    H5Handle space = checked(H5Dget_space(dataset.get()), H5Sclose, "cannot read " + where(object));
    const H5T_class_t type_class = H5Tget_class(type.get());
    if (type_class != H5T_INTEGER && !(allow_float && type_class == H5T_FLOAT)) {
      throw IoError("dataset " + where(object) + " does not hold " + (allow_float ? "numbers" : "integers"));
    }
    const hssize_t count = H5Sget_simple_extent_npoints(space.get());
    if (count < 0) throw IoError("cannot read " + where(object) + ": " + detail::h5_error_text());
    if (count > kMaxElementsRead)
      throw IoError("dataset " + where(object) + " claims " + std::to_string(count) +
                    " elements, more than a result file holds (at most " + std::to_string(kMaxElementsRead) +
                    ")");
    std::vector<T> out(static_cast<std::size_t>(count));
    if (count > 0) {
      check(H5Dread(dataset.get(), mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, out.data()),
            "cannot read " + where(object));
    }
    return out;
  }
};

namespace {

H5Handle open_result_file(const std::string& path) {
  const std::string what = "cannot open result file '" + path + "'";
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (!fs::exists(status)) throw IoError(what + ": no such file");
  if (!fs::is_regular_file(status)) throw IoError(what + ": not a regular file");
  if (fs::file_size(path, ec) == 0) throw IoError(what + ": not an HDF5 file (the file is empty)");
  // The seal first, before HDF5 parses a single structure: the library trusts what it reads
  // (result_seal.hpp). A file without one is either not HDF5 at all or HDF5 from another writer.
  if (!starts_with_seal(path) && H5Fis_hdf5(path.c_str()) <= 0) {
    detail::h5_error_text();  // clear the stack
    throw IoError(what + ": not an HDF5 file");
  }
  verify_seal(path);
  H5Handle fapl = checked(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, what);
  check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), what);
  // Lock as usual, but still open files on filesystems without lock support (some NFS mounts),
  // where HDF5 would otherwise refuse with a confusing "unable to lock file".
  check(H5Pset_file_locking(fapl.get(), true, true), what);
  const hid_t id = H5Fopen(path.c_str(), H5F_ACC_RDONLY, fapl.get());
  if (id < 0) throw IoError(what + ": truncated or corrupt HDF5 file (" + detail::h5_error_text() + ")");
  return H5Handle(id, H5Fclose);
}

}  // namespace

ResultReader::ResultReader(const std::string& path) : impl_(std::make_unique<Impl>()) {
  detail::h5_init();
  impl_->path = path;
  impl_->file = open_result_file(path);
  H5Handle root = impl_->open_object("/");
  if (!detail::has_attribute(root.get(), "schema_version")) {
    throw IoError("cannot open result file '" + path +
                  "': not a sisim result file (no root attribute 'schema_version')");
  }
  std::int64_t version = 0;
  try {
    version = detail::read_attribute_int(root.get(), "the root group of '" + path + "'", "schema_version");
  } catch (const IoError& e) {
    throw IoError("cannot open result file '" + path + "': " + e.what());
  }
  if (version != kResultSchemaVersion)
    throw IoError("cannot open result file '" + path + "': it has schema_version " + std::to_string(version) +
                  ", and this sisim reads schema_version " + std::to_string(kResultSchemaVersion) +
                  " (docs/HDF5.md); use the sisim that wrote it");
}

ResultReader::~ResultReader() = default;
ResultReader::ResultReader(ResultReader&&) noexcept = default;
ResultReader& ResultReader::operator=(ResultReader&&) noexcept = default;

const std::string& ResultReader::path() const {
  return impl_->path;
}

bool ResultReader::exists(const std::string& object_path) const {
  return impl_->exists(object_path);
}

bool ResultReader::is_group(const std::string& object_path) const {
  if (!impl_->exists(object_path)) return false;
  H5Handle object = impl_->open_object(object_path);
  return H5Iget_type(object.get()) == H5I_GROUP;
}

namespace {

herr_t collect_name(hid_t /*group*/, const char* name, const H5L_info_t* /*info*/, void* names) {
  static_cast<std::vector<std::string>*>(names)->emplace_back(name);
  return 0;
}

}  // namespace

std::vector<std::string> ResultReader::list(const std::string& group_path) const {
  if (!is_group(group_path)) throw IoError("no group " + impl_->where(group_path));
  H5Handle group = impl_->open_object(group_path);
  std::vector<std::string> names;
  hsize_t index = 0;
  check(H5Literate(group.get(), H5_INDEX_NAME, H5_ITER_INC, &index, collect_name, &names),
        "cannot list " + impl_->where(group_path));
  std::sort(names.begin(), names.end());  // byte order, whatever index the file carries
  return names;
}

std::vector<std::size_t> ResultReader::shape(const std::string& dataset_path) const {
  H5Handle dataset = impl_->open_dataset(dataset_path);
  H5Handle space =
      checked(H5Dget_space(dataset.get()), H5Sclose, "cannot read " + impl_->where(dataset_path));
  const int rank = H5Sget_simple_extent_ndims(space.get());
  if (rank < 0) throw IoError("cannot read " + impl_->where(dataset_path) + ": " + detail::h5_error_text());
  std::vector<hsize_t> dims(static_cast<std::size_t>(rank));
  if (rank > 0) H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
  return {dims.begin(), dims.end()};
}

std::vector<double> ResultReader::read_doubles(const std::string& dataset_path) const {
  return impl_->read_numbers<double>(dataset_path, H5T_NATIVE_DOUBLE, true);
}

std::vector<std::int64_t> ResultReader::read_ints(const std::string& dataset_path) const {
  return impl_->read_numbers<std::int64_t>(dataset_path, H5T_NATIVE_INT64, false);
}

std::string ResultReader::read_string(const std::string& dataset_path) const {
  H5Handle dataset = impl_->open_dataset(dataset_path);
  auto values = detail::read_strings(dataset.get(), true, "cannot read " + impl_->where(dataset_path));
  if (values.size() != 1) throw IoError("dataset " + impl_->where(dataset_path) + " is not a single string");
  return values.front();
}

double ResultReader::read_scalar(const std::string& dataset_path) const {
  const auto values = read_doubles(dataset_path);
  if (values.size() != 1) throw IoError("dataset " + impl_->where(dataset_path) + " is not a single number");
  return values.front();
}

std::vector<double> ResultReader::read_matrix(const std::string& dataset_path, std::size_t& rows,
                                              std::size_t& cols) const {
  const auto dims = shape(dataset_path);
  if (dims.size() != 2) throw IoError("dataset " + impl_->where(dataset_path) + " is not a matrix");
  rows = dims[0];
  cols = dims[1];
  return read_doubles(dataset_path);
}

bool ResultReader::has_attribute(const std::string& object_path, const std::string& name) const {
  if (!impl_->exists(object_path)) return false;
  H5Handle object = impl_->open_object(object_path);
  return detail::has_attribute(object.get(), name);
}

std::string ResultReader::attribute_string(const std::string& object_path, const std::string& name) const {
  H5Handle object = impl_->open_object(object_path);
  return detail::read_attribute_string(object.get(), impl_->where(object_path), name);
}

std::vector<std::string> ResultReader::attribute_strings(const std::string& object_path,
                                                         const std::string& name) const {
  H5Handle object = impl_->open_object(object_path);
  return detail::read_attribute_strings(object.get(), impl_->where(object_path), name);
}

double ResultReader::attribute_number(const std::string& object_path, const std::string& name) const {
  H5Handle object = impl_->open_object(object_path);
  return detail::read_attribute_number(object.get(), impl_->where(object_path), name);
}

std::int64_t ResultReader::attribute_int(const std::string& object_path, const std::string& name) const {
  H5Handle object = impl_->open_object(object_path);
  return detail::read_attribute_int(object.get(), impl_->where(object_path), name);
}

std::uint64_t ResultReader::attribute_uint(const std::string& object_path, const std::string& name) const {
  H5Handle object = impl_->open_object(object_path);
  return detail::read_attribute_uint(object.get(), impl_->where(object_path), name);
}

}  // namespace sisim::io
