// ResultWriter: the file lifecycle (temporary file, commit by atomic rename, cleanup).
//
// The HDF5 file is built in memory (core driver, no backing store) and written to the temporary
// file by our own write loop at commit. Why: HDF5 1.10 cannot recover from a failed write during
// H5Fclose (disk full): the failed close leaves a dangling file ID and the library crashes at
// exit (HDFFV-11052, fixed only in 1.14). With the core driver HDF5 never does disk I/O, and a
// full disk is an ordinary write() error here. Cost: the file image (about the size of the
// written data) is held in memory, twice for a moment at commit.
#include "sim/io/h5_writer.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <memory>

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
  const ssize_t size = H5Fget_file_image(w.file.get(), nullptr, 0);
  if (size < 0) throw IoError(what + ": " + detail::h5_error_text());
  // The in-memory image starts at the superblock; the user block the file was created with (the
  // seal, result_seal.hpp) goes in front of it.
  const std::size_t file_size = kSealBytes + static_cast<std::size_t>(size);
  auto image = std::make_unique_for_overwrite<char[]>(file_size);
  if (H5Fget_file_image(w.file.get(), image.get() + kSealBytes, static_cast<std::size_t>(size)) != size) {
    throw IoError(what + ": " + detail::h5_error_text());
  }
  if (w.file.close() < 0) throw IoError(what + ": " + detail::h5_error_text());
  seal_image(image.get(), file_size);
  detail::write_all(w.temp_file.get(), image.get(), file_size, what);
  image.reset();
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
