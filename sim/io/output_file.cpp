#include "sim/io/output_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>

namespace sisim::io {

namespace fs = std::filesystem;

namespace detail {

std::string folder_of(const std::string& file) {
  const fs::path dir = fs::path(file).parent_path();
  return dir.empty() ? std::string(".") : dir.string();
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

void fsync_path(const std::string& path, bool directory) {
  const int fd = ::open(path.c_str(), directory ? (O_RDONLY | O_DIRECTORY) : O_RDONLY);
  if (fd < 0) throw IoError("cannot open '" + path + "' to sync it: " + std::strerror(errno));
  const int rc = ::fsync(fd);
  const int saved = errno;
  ::close(fd);
  if (rc != 0) throw IoError("cannot sync '" + path + "' to disk: " + std::strerror(saved));
}

}  // namespace detail

namespace {

const char* kind_of(mode_t mode) {
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

std::string link_target(const std::string& path) {
  std::string buf(4096, '\0');
  const ssize_t n = ::readlink(path.c_str(), buf.data(), buf.size());
  return n < 0 ? std::string("?") : buf.substr(0, static_cast<std::size_t>(n));
}

// The prefix of every temporary name beside `target`: ".<name>.tmp-".
std::string temporary_prefix(const std::string& target) {
  return "." + fs::path(target).filename().string() + ".tmp-";
}

// The longest temporary name the writers use for `target` (pid and counter at their widest).
std::size_t longest_temporary_name(const std::string& target) {
  return temporary_prefix(target).size() + 10 + 1 + 10;
}

}  // namespace

std::string temporary_name_for(const std::string& target) {
  static std::atomic<unsigned> counter{0};
  const std::string name =
      temporary_prefix(target) + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  return (fs::path(detail::folder_of(target)) / name).string();
}

void remove_stale_temporaries(const std::string& target) {
  const std::string prefix = temporary_prefix(target);
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(detail::folder_of(target), ec)) {
    const std::string name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string rest = name.substr(prefix.size());  // "<pid>-<n>"
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos || rest.find_first_not_of("0123456789-") != std::string::npos)
      continue;
    const long pid = std::strtol(rest.substr(0, dash).c_str(), nullptr, 10);
    if (pid <= 0 || pid == ::getpid()) continue;
    // Only a process that no longer exists: a live one may be writing it right now.
    if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    fs::remove(entry.path(), ignored);
  }
}

void check_output_path(const std::string& path, bool force) {
  const std::string cannot = "cannot write '" + path + "': ";
  const fs::path target(path);
  if (path.empty() || !target.has_filename() || target.filename() == "." || target.filename() == "..")
    throw IoError("invalid output file name '" + path + "' (it names a folder, not a file)");
  const std::string dir = detail::folder_of(path);
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    if (errno == ENOENT) throw IoError(cannot + "folder '" + dir + "' does not exist");
    if (errno == ENOTDIR) throw IoError(cannot + "'" + dir + "' is not a folder");
    throw IoError(cannot + "folder '" + dir + "': " + std::strerror(errno));
  }
  if (!S_ISDIR(st.st_mode)) throw IoError(cannot + "'" + dir + "' is not a folder");
  if (::access(dir.c_str(), W_OK | X_OK) != 0)
    throw IoError(cannot + "folder '" + dir + "' is not writable (" + std::strerror(errno) + ")");
  if (::lstat(path.c_str(), &st) == 0) {
    if (S_ISLNK(st.st_mode)) {
      struct stat pointed {};
      const bool dangling = ::stat(path.c_str(), &pointed) != 0;
      throw IoError(cannot + "it is a symbolic link to '" + link_target(path) + "'" +
                    (dangling ? " (which does not exist)" : "") +
                    ": sisim never writes through a link, and replacing the link would leave its target "
                    "unchanged; give the target's own path, or remove the link");
    }
    if (S_ISDIR(st.st_mode)) throw IoError(cannot + "it is a folder");
    if (!S_ISREG(st.st_mode))
      throw IoError(cannot + "it is " + kind_of(st.st_mode) +
                    ", not a regular file; sisim only creates or replaces regular files (also with --force)");
    if (!force) throw IoError("output file '" + path + "' already exists (use --force to replace it)");
  } else if (errno != ENOENT) {
    throw IoError(cannot + std::strerror(errno));
  }
  long name_max = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  if (name_max <= 0) name_max = 255;
  if (longest_temporary_name(path) > static_cast<std::size_t>(name_max))
    throw IoError(cannot + "the file name is too long: sisim writes through a temporary name of up to " +
                  std::to_string(longest_temporary_name(path)) + " bytes, and this folder allows " +
                  std::to_string(name_max) + "; use a name of at most " +
                  std::to_string(name_max - static_cast<long>(longest_temporary_name(path) -
                                                              target.filename().string().size())) +
                  " bytes");
  // Probe: the folder must accept a new file under the temporary name the writer will use
  // (read-only mounts, full inode tables and quota show up here, not after the run).
  const std::string probe = temporary_name_for(path);
  const int fd = ::open(probe.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw IoError(cannot + "cannot create a file in folder '" + dir + "': " + std::strerror(errno));
  ::close(fd);
  ::unlink(probe.c_str());
}

bool same_file(const std::string& a, const std::string& b) {
  struct stat sa {
  }, sb{};
  if (::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0)
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
  std::error_code ec1, ec2;
  const fs::path ca = fs::weakly_canonical(fs::absolute(a, ec1), ec1);
  const fs::path cb = fs::weakly_canonical(fs::absolute(b, ec2), ec2);
  if (ec1 || ec2) return fs::absolute(a).lexically_normal() == fs::absolute(b).lexically_normal();
  return ca == cb;
}

void write_file_atomically(const std::string& path, bool force, std::string_view content) {
  check_output_path(path, force);
  remove_stale_temporaries(path);
  const std::string temp = temporary_name_for(path);
  const std::string what = "cannot write '" + path + "' (temporary file '" + temp + "')";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) throw IoError(what + ": " + std::strerror(errno));
  try {
    detail::write_all(fd, content.data(), content.size(), what);
    if (::fsync(fd) != 0) throw IoError(what + ": fsync: " + std::strerror(errno));
  } catch (const IoError&) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw IoError(what + ": " + std::strerror(saved));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    throw IoError("cannot rename '" + temp + "' to '" + path + "': " + std::strerror(saved));
  }
  try {  // the content is complete under its name; this only makes the rename itself durable
    detail::fsync_path(detail::folder_of(path), true);
  } catch (const IoError&) {
  }
}

}  // namespace sisim::io
