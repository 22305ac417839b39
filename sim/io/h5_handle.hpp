#pragma once
// Internal to sim/io: a move-only owner of one HDF5 identifier plus the small helpers that turn
// HDF5 failures into IoError. Not included by the public headers, so users never see hdf5.h.
#include <hdf5.h>

#include <string>
#include <utility>

namespace sisim::io::detail {

class H5Handle {
 public:
  using Closer = herr_t (*)(hid_t);

  H5Handle() = default;
  H5Handle(hid_t id, Closer closer) : id_(id), closer_(closer) {}
  H5Handle(const H5Handle&) = delete;
  H5Handle& operator=(const H5Handle&) = delete;
  H5Handle(H5Handle&& other) noexcept : id_(std::exchange(other.id_, -1)), closer_(other.closer_) {}
  H5Handle& operator=(H5Handle&& other) noexcept {
    if (this != &other) {
      reset();
      id_ = std::exchange(other.id_, -1);
      closer_ = other.closer_;
    }
    return *this;
  }
  ~H5Handle() { reset(); }

  hid_t get() const { return id_; }
  explicit operator bool() const { return id_ >= 0; }

  // Closes now and reports HDF5's status: the file close is where buffered data reaches the disk,
  // so the writer must see a failure there instead of losing it in a destructor.
  herr_t close() {
    herr_t status = 0;
    if (id_ >= 0 && closer_ != nullptr) status = closer_(id_);
    id_ = -1;
    return status;
  }
  void reset() { static_cast<void>(close()); }

 private:
  hid_t id_ = -1;
  Closer closer_ = nullptr;
};

// Switches off HDF5's automatic printing of error stacks (library code must not print). Idempotent.
void h5_init();

// The current HDF5 error stack as one line ("outer reason: inner reason"), then clears the stack.
std::string h5_error_text();

// Throws IoError("<what>: <HDF5 error text>") when `id` is negative; otherwise wraps it.
H5Handle checked(hid_t id, H5Handle::Closer closer, const std::string& what);
// Throws IoError("<what>: <HDF5 error text>") when `status` is negative.
void check(herr_t status, const std::string& what);

// Whether an object exists at `path` (absolute or relative to `location`). H5Lexists alone fails
// instead of answering false when a parent is missing, so this walks down component by component.
bool path_exists(hid_t location, const std::string& path);

// Variable-length UTF-8 string type (in memory and in the file: HDF5 stores it in the global heap).
H5Handle vlen_string_type();

}  // namespace sisim::io::detail
