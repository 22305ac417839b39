#pragma once
// Forging bad result files for the forged-HDF5 corpus: copy a good file, then change one thing in
// place with the plain HDF5 C API (a column of the wrong length, a wrong schema_version, a
// negative attribute, a matrix of the wrong shape, strings where numbers belong, a dataset that
// claims 2^40 elements). Each edit is what a damaged file, a buggy third-party writer or an
// attacker could produce; the readers must refuse every one with exit 65, never crash or print.
#include <hdf5.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "sim/io/result_seal.hpp"

namespace sisim::testing {

class H5Forge {
 public:
  // Copies `good` to `forged` and opens the copy read-write.
  H5Forge(const std::filesystem::path& good, const std::filesystem::path& forged) {
    std::filesystem::copy_file(good, forged, std::filesystem::copy_options::overwrite_existing);
    file_ = H5Fopen(forged.c_str(), H5F_ACC_RDWR, H5P_DEFAULT);
    if (file_ < 0) throw std::runtime_error("cannot open " + forged.string());
    path_ = forged.string();
  }
  // Reseals the edited copy, so the forged structure reaches the readers instead of being refused
  // at the seal (result_seal.hpp) like any other changed file.
  ~H5Forge() {
    H5Fclose(file_);
    sisim::io::reseal_result_file(path_);
  }
  H5Forge(const H5Forge&) = delete;
  H5Forge& operator=(const H5Forge&) = delete;

  // Replaces dataset `path` by a float64 dataset of shape `dims` holding `values` (row-major).
  void doubles(const std::string& path, const std::vector<hsize_t>& dims, const std::vector<double>& values) {
    replace(path, H5T_IEEE_F64LE, dims, H5T_NATIVE_DOUBLE, values.data());
  }
  void ints(const std::string& path, const std::vector<hsize_t>& dims,
            const std::vector<std::int64_t>& values) {
    replace(path, H5T_STD_I64LE, dims, H5T_NATIVE_INT64, values.data());
  }
  // Replaces dataset `path` by a scalar variable-length string.
  void string(const std::string& path, const std::string& text) {
    remove(path);
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t set = H5Dcreate2(file_, path.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const char* p = text.c_str();
    H5Dwrite(set, type, H5S_ALL, H5S_ALL, H5P_DEFAULT, &p);
    H5Dclose(set);
    H5Sclose(space);
    H5Tclose(type);
  }
  // Replaces dataset `path` by a chunked float64 dataset claiming `elements` values, none written.
  void huge(const std::string& path, hsize_t elements) {
    remove(path);
    const hsize_t dims[1] = {elements};
    const hsize_t chunk[1] = {1024};
    const hid_t space = H5Screate_simple(1, dims, nullptr);
    const hid_t props = H5Pcreate(H5P_DATASET_CREATE);
    H5Pset_chunk(props, 1, chunk);
    const hid_t set = H5Dcreate2(file_, path.c_str(), H5T_IEEE_F64LE, space, H5P_DEFAULT, props, H5P_DEFAULT);
    H5Dclose(set);
    H5Pclose(props);
    H5Sclose(space);
  }
  void int_attribute(const std::string& object, const std::string& name, std::int64_t value) {
    attribute(object, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
  }
  void string_attribute(const std::string& object, const std::string& name, const std::string& value) {
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    const char* p = value.c_str();
    attribute(object, name, type, type, &p);
    H5Tclose(type);
  }
  void string_list_attribute(const std::string& object, const std::string& name,
                             const std::vector<std::string>& values) {
    const hid_t obj = H5Oopen(file_, object.c_str(), H5P_DEFAULT);
    if (H5Aexists(obj, name.c_str()) > 0) H5Adelete(obj, name.c_str());
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, H5T_VARIABLE);
    const hsize_t n = values.size();
    const hid_t space = H5Screate_simple(1, &n, nullptr);
    const hid_t attr = H5Acreate2(obj, name.c_str(), type, space, H5P_DEFAULT, H5P_DEFAULT);
    std::vector<const char*> ptrs;
    for (const auto& v : values) ptrs.push_back(v.c_str());
    H5Awrite(attr, type, ptrs.data());
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
    H5Oclose(obj);
  }

 private:
  void remove(const std::string& path) {
    if (H5Ldelete(file_, path.c_str(), H5P_DEFAULT) < 0) throw std::runtime_error("no object " + path);
  }
  void replace(const std::string& path, hid_t file_type, const std::vector<hsize_t>& dims, hid_t mem_type,
               const void* data) {
    remove(path);
    const hid_t space = H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr);
    const hid_t set =
        H5Dcreate2(file_, path.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    H5Dwrite(set, mem_type, H5S_ALL, H5S_ALL, H5P_DEFAULT, data);
    H5Dclose(set);
    H5Sclose(space);
  }
  void attribute(const std::string& object, const std::string& name, hid_t file_type, hid_t mem_type,
                 const void* value) {
    const hid_t obj = H5Oopen(file_, object.c_str(), H5P_DEFAULT);
    if (H5Aexists(obj, name.c_str()) > 0) H5Adelete(obj, name.c_str());
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(obj, name.c_str(), file_type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attr, mem_type, value);
    H5Aclose(attr);
    H5Sclose(space);
    H5Oclose(obj);
  }

  hid_t file_ = -1;
  std::string path_;
};

}  // namespace sisim::testing
