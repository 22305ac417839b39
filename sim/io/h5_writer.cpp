// ResultWriter: the file lifecycle (temporary file, commit by atomic rename, cleanup).
//
// The HDF5 file is built in memory (core driver, no backing store) and written to the temporary
// file by our own write loop at commit. Why: HDF5 1.10 cannot recover from a failed write during
// H5Fclose (disk full): the failed close leaves a dangling file ID and the library crashes at
// exit (HDFFV-11052, fixed only in 1.14). With the core driver HDF5 never does disk I/O, and a
// full disk is an ordinary write() error here. Cost: the file image (about the size of the
// written data) is held in memory once; commit writes it from the driver's own buffer.
#include "sim/io/h5_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

#include "sim/io/crc64.hpp"
#include "sim/io/h5_writer_impl.hpp"
#include "sim/io/output_file.hpp"
#include "sim/io/result_seal.hpp"

namespace sisim::io {

namespace fs = std::filesystem;
using detail::check;
using detail::checked;
using detail::H5Handle;

namespace {

// The destination rule of sim/io/output_file.hpp (regular files only, writable folder), plus a
// clean-up of temporary files that killed sisim processes left beside it.
void check_destination(const std::string& final_path, bool force) {
  check_output_path(final_path, force);
  remove_stale_temporaries(final_path);
}

UniqueFd create_temp_file(const std::string& path, const std::string& final_path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    throw IoError("cannot create result file '" + final_path + "' (temporary file '" + path +
                  "'): " + std::strerror(errno));
  }
  return UniqueFd(fd);
}

// Superblock version 0 (the format the writer's library bounds give): the first bytes after the
// user block. Its file consistency flags (4 bytes at offset 20 of the superblock) are set while the
// file is open for writing.
constexpr std::size_t kSuperblockHeadBytes = 24;
constexpr std::size_t kConsistencyFlagsOffset = 20;

// The core driver's buffer of `file` (which starts at address 0, i.e. with the user block), or
// nullptr where it is not what we expect: then the writer copies the image with HDF5's own call.
// For the core driver H5Fget_vfd_handle gives the address of the driver's buffer pointer.
const char* core_image_data(hid_t file, std::size_t size) {
  void* handle = nullptr;
  if (H5Fget_vfd_handle(file, H5P_DEFAULT, &handle) < 0 || handle == nullptr) {
    detail::h5_error_text();  // clear the stack
    return nullptr;
  }
  const char* data = *static_cast<const char* const*>(handle);
  static const char kSignature[8] = {'\x89', 'H', 'D', 'F', '\r', '\n', '\x1a', '\n'};
  const bool expected = data != nullptr && size >= kSealBytes + kSuperblockHeadBytes &&
                        std::memcmp(data + kSealBytes, kSignature, sizeof kSignature) == 0 &&
                        data[kSealBytes + 8] == 0;  // superblock version 0
  return expected ? data : nullptr;
}

H5Handle object_props(hid_t cls, const std::string& what) {
  H5Handle props = checked(H5Pcreate(cls), H5Pclose, what);
  check(H5Pset_obj_track_times(props.get(), false), what);
  return props;
}

}  // namespace

ResultWriter::ResultWriter(const std::string& final_path, bool force) : impl_(std::make_unique<Impl>()) {
  detail::h5_init();
  check_destination(final_path, force);
  impl_->final_path = final_path;
  impl_->temp_path = temporary_name_for(final_path);
  impl_->temp_file = create_temp_file(impl_->temp_path, final_path);
  try {
    open_in_memory_file();
  } catch (...) {
    std::error_code ec;
    fs::remove(impl_->temp_path, ec);
    throw;
  }
}

void ResultWriter::open_in_memory_file() {
  const std::string what = "cannot create result file '" + impl_->final_path + "'";
  // Fixed creation settings (spelled out rather than inherited from library defaults): a user
  // block for the seal (result_seal.hpp), 8-byte offsets and lengths, no time stamps on the root
  // group.
  H5Handle fcpl = object_props(H5P_FILE_CREATE, what);
  check(H5Pset_userblock(fcpl.get(), kSealBytes), what);
  check(H5Pset_sizes(fcpl.get(), 8, 8), what);
  H5Handle fapl = checked(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, what);
  // In memory, grown in 4 MiB steps (glibc's realloc of large blocks remaps instead of copying).
  check(H5Pset_fapl_core(fapl.get(), std::size_t{4} << 20, false), what);
  // File format no newer than HDF5 1.8, so older h5py / HDF5 tools read the files; a fixed
  // upper bound also keeps the on-disk format independent of the library version that writes it.
  check(H5Pset_libver_bounds(fapl.get(), H5F_LIBVER_EARLIEST, H5F_LIBVER_V18), what);
  check(H5Pset_fclose_degree(fapl.get(), H5F_CLOSE_STRONG), what);

  impl_->group_props = object_props(H5P_GROUP_CREATE, what);
  impl_->dataset_props = object_props(H5P_DATASET_CREATE, what);
  // The name only identifies the in-memory file inside HDF5; nothing is written under it.
  impl_->file =
      checked(H5Fcreate(impl_->temp_path.c_str(), H5F_ACC_TRUNC, fcpl.get(), fapl.get()), H5Fclose, what);
}

ResultWriter::~ResultWriter() {
  if (!impl_ || impl_->committed) return;
  impl_->file.reset();
  impl_->temp_file.close();
  std::error_code ec;
  fs::remove(impl_->temp_path, ec);
}

ResultWriter::ResultWriter(ResultWriter&&) noexcept = default;
ResultWriter& ResultWriter::operator=(ResultWriter&& other) noexcept {
  if (this != &other) {
    ResultWriter discarded(std::move(*this));  // cleans up this writer's temporary file
    impl_ = std::move(other.impl_);
  }
  return *this;
}

void ResultWriter::commit() {
  Impl& w = *impl_;
  if (w.finished) throw IoError("result file '" + w.final_path + "' was already committed");
  w.finished = true;
  try {
    write_image_to_temp_file();
    std::error_code ec;
    fs::rename(w.temp_path, w.final_path, ec);
    if (ec) {
      throw IoError("cannot rename '" + w.temp_path + "' to '" + w.final_path + "': " + ec.message());
    }
  } catch (...) {
    w.file.reset();
    w.temp_file.close();
    std::error_code ec;
    fs::remove(w.temp_path, ec);
    throw;
  }
  w.committed = true;
  // The result is complete under its final name; syncing the folder only makes the rename itself
  // durable, so a failure here is not worth failing the run for.
  try {
    detail::fsync_path(detail::folder_of(w.final_path), true);
  } catch (const IoError&) {
  }
}

void ResultWriter::write_image_to_temp_file() {
  Impl& w = *impl_;
  const std::string what =
      "cannot write result file '" + w.final_path + "' (temporary file '" + w.temp_path + "')";
  check(H5Fflush(w.file.get(), H5F_SCOPE_GLOBAL), what);
  // The data's end: H5Fget_file_image with no buffer returns the image length after the user block
  // (H5Fget_filesize would give the driver's allocation, rounded up to its 4 MiB steps).
  const ssize_t data_size = H5Fget_file_image(w.file.get(), nullptr, 0);
  if (data_size < 0) throw IoError(what + ": " + detail::h5_error_text());
  const std::size_t size = kSealBytes + static_cast<std::size_t>(data_size);
  const char* data = core_image_data(w.file.get(), size);
  if (data != nullptr) {
    // The core driver's own buffer, written as it is: H5Fget_file_image would copy it first, and
    // at a million paths that copy decides between under and over 1 GiB (issue 16). Only the
    // superblock's "open for writing" flags differ from a closed file; the written copy clears them
    // as H5Fget_file_image does.
    std::string head(data + kSealBytes, kSuperblockHeadBytes);
    head[kConsistencyFlagsOffset] = head[kConsistencyFlagsOffset + 1] = '\0';
    head[kConsistencyFlagsOffset + 2] = head[kConsistencyFlagsOffset + 3] = '\0';
    Crc64 crc;
    crc.update(head.data(), head.size());
    const char* rest = data + kSealBytes + head.size();
    crc.update(rest, size - kSealBytes - head.size());
    const std::string seal = seal_text(size, crc.value());
    detail::write_all(w.temp_file.get(), seal.data(), seal.size(), what);
    detail::write_all(w.temp_file.get(), head.data(), head.size(), what);
    detail::write_all(w.temp_file.get(), rest, size - kSealBytes - head.size(), what);
  } else {
    auto image = std::make_unique_for_overwrite<char[]>(static_cast<std::size_t>(data_size));
    if (H5Fget_file_image(w.file.get(), image.get(), static_cast<std::size_t>(data_size)) != data_size) {
      throw IoError(what + ": " + detail::h5_error_text());
    }
    Crc64 crc;
    crc.update(image.get(), static_cast<std::size_t>(data_size));
    const std::string seal = seal_text(size, crc.value());
    detail::write_all(w.temp_file.get(), seal.data(), seal.size(), what);
    detail::write_all(w.temp_file.get(), image.get(), static_cast<std::size_t>(data_size), what);
  }
  if (w.file.close() < 0) throw IoError(what + ": " + detail::h5_error_text());
  // fsync before the rename: otherwise a power loss right after it could leave an empty or
  // partial file under the final name.
  if (::fsync(w.temp_file.get()) != 0) throw IoError(what + ": fsync: " + std::strerror(errno));
  if (w.temp_file.close() != 0) throw IoError(what + ": " + std::strerror(errno));
}

const std::string& ResultWriter::final_path() const {
  return impl_->final_path;
}
const std::string& ResultWriter::temp_path() const {
  return impl_->temp_path;
}

hid_t ResultWriter::Impl::file_id() const {
  if (finished) throw IoError("result file '" + final_path + "' is already committed");
  return file.get();
}

}  // namespace sisim::io
