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

namespace sisim::io {

namespace fs = std::filesystem;
using detail::check;
using detail::checked;
using detail::H5Handle;

namespace {

fs::path folder_of(const fs::path& file) {
  fs::path dir = file.parent_path();
  return dir.empty() ? fs::path(".") : dir;
}

void check_destination(const std::string& final_path, bool force) {
  const fs::path target(final_path);
  if (final_path.empty() || !target.has_filename()) {
    throw IoError("invalid output file name '" + final_path + "'");
  }
  const fs::path dir = folder_of(target);
  std::error_code ec;
  const fs::file_status dir_status = fs::status(dir, ec);
  if (!fs::exists(dir_status)) {
    throw IoError("cannot write '" + final_path + "': folder '" + dir.string() + "' does not exist");
  }
  if (!fs::is_directory(dir_status)) {
    throw IoError("cannot write '" + final_path + "': '" + dir.string() + "' is not a folder");
  }
  if (::access(dir.c_str(), W_OK | X_OK) != 0) {
    throw IoError("cannot write '" + final_path + "': folder '" + dir.string() + "' is not writable (" +
                  std::strerror(errno) + ")");
  }
  const fs::file_status target_status = fs::symlink_status(target, ec);
  if (fs::is_directory(fs::status(target, ec))) {
    throw IoError("cannot write '" + final_path + "': it is a folder");
  }
  if (fs::exists(target_status) && !force) {
    throw IoError("output file '" + final_path + "' already exists (use --force to replace it)");
  }
}

std::string temp_name_for(const fs::path& target) {
  // pid + a per-process counter: two writers (or two processes) never share a temporary file.
  static std::atomic<unsigned> counter{0};
  const std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                           std::to_string(counter++);
  return (folder_of(target) / name).string();
}

void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) throw IoError("cannot open '" + path + "' to sync it: " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) throw IoError("cannot sync '" + path + "' to disk: " + std::strerror(saved));
}

void write_all(int fd, const char* data, std::size_t size, const std::string& what) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw IoError(what + ": " + std::strerror(n < 0 ? errno : EIO));
    data += n;
    size -= static_cast<std::size_t>(n);
  }
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
  impl_->temp_path = temp_name_for(fs::path(final_path));
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
  // Fixed creation settings (spelled out rather than inherited from library defaults): no user
  // block, 8-byte offsets and lengths, no time stamps on the root group.
  H5Handle fcpl = object_props(H5P_FILE_CREATE, what);
  check(H5Pset_userblock(fcpl.get(), 0), what);
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
    fsync_path(folder_of(fs::path(w.final_path)).string(), true);
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
  auto image = std::make_unique_for_overwrite<char[]>(static_cast<std::size_t>(size));
  if (H5Fget_file_image(w.file.get(), image.get(), static_cast<std::size_t>(size)) != size) {
    throw IoError(what + ": " + detail::h5_error_text());
  }
  if (w.file.close() < 0) throw IoError(what + ": " + detail::h5_error_text());
  write_all(w.temp_file.get(), image.get(), static_cast<std::size_t>(size), what);
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
