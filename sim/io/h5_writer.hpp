#pragma once
// ResultWriter: writes one result file, schema-agnostic (the engine decides what goes where; the
// layout is documented in docs/HDF5.md).
//
// Safety: the constructor creates a hidden temporary file in the destination folder
// (".<name>.tmp-<pid>-<n>", proving early that the folder is writable); the HDF5 file is built in
// memory and commit() writes it there, fsyncs it and renames it over the final name in one
// atomic step. Memory: the whole file image is held until commit, which writes it from the HDF5
// driver's own buffer (no copy); a caller that frees its data as it writes it (sisim run's columns)
// keeps the peak near the larger of the two. Until then an existing
// file at the final path is untouched, and a writer destroyed without commit() (exception, cancellation)
// deletes its temporary file. So a crash or a full disk never leaves a partial result under the final name.
//
// Reproducibility: object time tracking is off for every group and dataset, and the file-creation
// settings are fixed, so writing the same content in the same order gives byte-identical files.
//
// HDF5 is not thread-safe in the Debian serial build: only one thread may use a ResultWriter (or
// any other HDF5 object) at a time. Every failure throws IoError with HDF5's reason.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "sim/io/attribute_value.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::io {

class ResultWriter {
 public:
  // Throws IoError if `final_path` exists and !force, if it is a folder, if its folder does not
  // exist, is not a folder or is not writable, or if the temporary file cannot be created.
  ResultWriter(const std::string& final_path, bool force);
  ~ResultWriter();
  ResultWriter(const ResultWriter&) = delete;
  ResultWriter& operator=(const ResultWriter&) = delete;
  ResultWriter(ResultWriter&&) noexcept;
  ResultWriter& operator=(ResultWriter&&) noexcept;

  // Attributes (replaced if already set). set_attribute creates `object_path` as a group if no
  // object exists there yet. Integer literals pick int64, unsigned 64-bit values uint64.
  void set_root_attribute(const std::string& name, const AttributeValue& value);
  void set_attribute(const std::string& object_path, const std::string& name, const AttributeValue& value);

  // One-dimensional datasets; missing parent groups are created. Every dataset gets string
  // attributes `units` and `description`. Writing a path twice is an error.
  void write_column(const std::string& path, const std::vector<double>& values, const std::string& units,
                    const std::string& description);
  void write_column(const std::string& path, const std::vector<std::int32_t>& values,
                    const std::string& units, const std::string& description);
  void write_column(const std::string& path, const std::vector<std::uint8_t>& values,
                    const std::string& units, const std::string& description);
  void write_column(const std::string& path, const std::vector<std::int64_t>& values,
                    const std::string& units, const std::string& description);

  // A rows x cols float64 dataset from row-major data (size must be rows*cols, else
  // std::invalid_argument). Non-empty `column_labels` (exactly cols names) become the string-array
  // attribute "columns"; a non-empty `row_label` (e.g. "month") the string attribute "rows".
  void write_matrix(const std::string& path, std::size_t rows, std::size_t cols,
                    const std::vector<double>& row_major, const std::string& units,
                    const std::string& description, const std::vector<std::string>& column_labels = {},
                    const std::string& row_label = "");

  // A scalar variable-length UTF-8 string dataset (any length; attribute "description").
  void write_string(const std::string& path, const std::string& text, const std::string& description);

  // A scalar float64 dataset with `units` and `description`.
  void write_scalar(const std::string& path, double value, const std::string& units,
                    const std::string& description);

  // Flush, close, fsync, rename the temporary file to the final path, fsync the folder. After
  // commit() (successful or not) the writer accepts no more calls.
  void commit();

  const std::string& final_path() const;
  const std::string& temp_path() const;

 private:
  void open_in_memory_file();
  void write_image_to_temp_file();

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace sisim::io
