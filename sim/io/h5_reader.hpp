#pragma once
// ResultReader: read-only access to a result file written by ResultWriter (layout in docs/HDF5.md).
// Object paths are absolute ("/paths/investor/npv"; the leading '/' is optional). Every failure
// throws IoError naming the file and the object. Single-threaded, like every HDF5 use here.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/io/io_error.hpp"
#include "sim/io/result_schema.hpp"

namespace sisim::io {

// The result-file layout this build writes and reads: kResultSchemaVersion (root attribute
// schema_version, docs/HDF5.md), in sim/io/result_schema.hpp with the per-path column table.

// No dataset or attribute of a result file is read into memory if it holds more elements than this
// (2^28 numbers, 2 GiB): a forged file can claim any size.
inline constexpr std::int64_t kMaxElementsRead = std::int64_t{1} << 28;

class ResultReader {
 public:
  // Opens `path` read-only. Throws IoError for a missing file ("no such file"), a file that is
  // not HDF5 ("not an HDF5 file"), a truncated or corrupt HDF5 file ("truncated or corrupt"),
  // an HDF5 file without the root attribute schema_version ("not a sisim result file") and one
  // whose schema_version is not kResultSchemaVersion.
  explicit ResultReader(const std::string& path);
  ~ResultReader();
  ResultReader(const ResultReader&) = delete;
  ResultReader& operator=(const ResultReader&) = delete;
  ResultReader(ResultReader&&) noexcept;
  ResultReader& operator=(ResultReader&&) noexcept;

  const std::string& path() const;

  bool exists(const std::string& object_path) const;  // any object (group or dataset)
  bool is_group(const std::string& object_path) const;
  std::vector<std::string> list(const std::string& group_path) const;     // member names, sorted
  std::vector<std::size_t> shape(const std::string& dataset_path) const;  // {} for a scalar

  // All elements in row-major order, any rank; integer datasets are converted to double.
  std::vector<double> read_doubles(const std::string& dataset_path) const;
  // Integer datasets only (a float dataset is an error rather than a silent truncation).
  std::vector<std::int64_t> read_ints(const std::string& dataset_path) const;
  std::string read_string(const std::string& dataset_path) const;
  double read_scalar(const std::string& dataset_path) const;  // exactly one numeric element
  std::vector<double> read_matrix(const std::string& dataset_path, std::size_t& rows,
                                  std::size_t& cols) const;  // rank-2 datasets only

  // Attributes of any object ("/" for the root group).
  bool has_attribute(const std::string& object_path, const std::string& name) const;
  std::string attribute_string(const std::string& object_path, const std::string& name) const;
  std::vector<std::string> attribute_strings(const std::string& object_path,
                                             const std::string& name) const;  // array or single
  double attribute_number(const std::string& object_path, const std::string& name) const;
  std::int64_t attribute_int(const std::string& object_path, const std::string& name) const;
  std::uint64_t attribute_uint(const std::string& object_path, const std::string& name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sisim::io
