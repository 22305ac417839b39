#pragma once
// Internal to sim/io: the state behind ResultWriter, shared by h5_writer.cpp (file lifecycle)
// and h5_writer_datasets.cpp (datasets and attributes).
#include <unistd.h>

#include <string>
#include <utility>
#include <vector>

#include "sim/io/h5_handle.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io {

// Owns a POSIX file descriptor.
class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      static_cast<void>(close());
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  ~UniqueFd() { static_cast<void>(close()); }
  int get() const { return fd_; }
  int close() { return fd_ >= 0 ? ::close(std::exchange(fd_, -1)) : 0; }

 private:
  int fd_ = -1;
};

struct ResultWriter::Impl {
  std::string final_path;
  std::string temp_path;
  UniqueFd temp_file;              // created up front: reserves the name and proves the folder is writable
  detail::H5Handle file;           // in memory (HDF5 core driver); its image goes to temp_file at commit
  detail::H5Handle group_props;    // group creation: time tracking off
  detail::H5Handle dataset_props;  // dataset creation: time tracking off
  bool finished = false;           // commit() was called (successfully or not)
  bool committed = false;

  // The open file; throws IoError once commit() has been called.
  hid_t file_id() const;

  // Creates every missing group among the first `count` components of `parts`, each with
  // `group_props` (HDF5's create-intermediate-groups would use default properties, which track
  // times and would make files differ between runs). Throws if a component is not a group.
  void ensure_groups(const std::vector<std::string>& parts, std::size_t count);

  // Creates dataset `path` (parents created, must not exist yet) and writes `data` (skipped when
  // the dataspace is empty), then the `units` (if `with_units`) and `description` attributes.
  void write_dataset(const std::string& path, hid_t file_type, hid_t mem_type, hid_t space, const void* data,
                     bool with_units, const std::string& units, const std::string& description);

  // Opens an existing object, or creates `path` as a group if nothing exists there.
  detail::H5Handle open_or_create_object(const std::string& path);
};

}  // namespace sisim::io
