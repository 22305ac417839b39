#include "sim/engine/checkpoint.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "sisim/version.hpp"

namespace sisim::engine {
namespace {

constexpr char kMagic[8] = {'S', 'I', 'S', 'I', 'M', 'C', 'K', '1'};

// FNV-1a, 64 bit: detects a truncated or damaged file (not an adversary).
struct Fnv {
  std::uint64_t h = 14695981039346656037ull;
  void add(const void* data, size_t n) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (size_t i = 0; i < n; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
};

std::string build_id() {
  return std::string(kVersion) + " (git " + kGitHash + ")";
}

// Buffered writes to a file descriptor, hashing everything written.
class Sink {
 public:
  Sink(int fd, std::string what) : fd_(fd), what_(std::move(what)) { buf_.reserve(kBuffer); }
  void bytes(const void* data, size_t n) {
    hash_.add(data, n);
    const auto* p = static_cast<const char*>(data);
    while (n > 0) {
      const size_t take = std::min(n, kBuffer - buf_.size());
      buf_.insert(buf_.end(), p, p + take);
      p += take;
      n -= take;
      if (buf_.size() == kBuffer) flush();
    }
  }
  template <typename T>
  void value(T v) {
    bytes(&v, sizeof v);
  }
  void text(const std::string& s) {
    value<std::uint64_t>(s.size());
    bytes(s.data(), s.size());
  }
  void doubles(const double* p, std::int64_t n) { bytes(p, static_cast<size_t>(n) * sizeof(double)); }
  void finish() {
    const std::uint64_t sum = hash_.h;
    bytes(&sum, sizeof sum);
    flush();
  }

 private:
  static constexpr size_t kBuffer = 1 << 20;
  void flush() {
    const char* p = buf_.data();
    size_t left = buf_.size();
    while (left > 0) {
      const ssize_t n = ::write(fd_, p, left);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw CheckpointError(what_ + ": " + std::strerror(n < 0 ? errno : EIO));
      p += n;
      left -= static_cast<size_t>(n);
    }
    buf_.clear();
  }
  int fd_;
  std::string what_;
  std::vector<char> buf_;
  Fnv hash_;
};

// Reads a checkpoint image, refusing to read past its end.
class Source {
 public:
  Source(const std::string& data, std::string what) : data_(data), what_(std::move(what)) {}
  void bytes(void* out, size_t n) {
    if (n > data_.size() - pos_) throw CheckpointError(what_ + " is damaged (truncated record)");
    std::memcpy(out, data_.data() + pos_, n);
    pos_ += n;
  }
  template <typename T>
  T value() {
    T v{};
    bytes(&v, sizeof v);
    return v;
  }
  std::string text() {
    const auto n = value<std::uint64_t>();
    if (n > data_.size() - pos_) throw CheckpointError(what_ + " is damaged (truncated text)");
    std::string s = data_.substr(pos_, n);
    pos_ += n;
    return s;
  }
  void doubles(double* out, std::int64_t n) { bytes(out, static_cast<size_t>(n) * sizeof(double)); }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  const std::string& data_;
  size_t pos_ = 0;
  std::string what_;
};

// The rows [lo, hi) of a per-path buffer that are kept (a buffer holds only the first rows).
void kept_rows(const SeriesCollector::Buffer& b, std::int64_t first, std::int64_t end, std::int64_t& lo,
               std::int64_t& hi) {
  const std::int64_t rows = static_cast<std::int64_t>(b.data->size()) / std::max<std::int64_t>(b.width, 1);
  lo = std::min(first, rows);
  hi = std::min(end, rows);
}

void expect_equal(bool same, const std::string& what, const std::string& detail) {
  if (!same)
    throw CheckpointError(what + " belongs to a different run (" + detail +
                          "); use the same scenario and options to resume, or delete it to start over");
}

}  // namespace

std::string checkpoint_path_for_rank(const std::string& path, int rank, int ranks) {
  return ranks <= 1 ? path : path + ".rank" + std::to_string(rank);
}

void check_rank_count(const std::string& path, int ranks) {
  std::error_code ec;
  auto refuse = [&](const std::string& found, const std::string& what) {
    throw CheckpointError(
        "checkpoint '" + found + "' was written by a run with " + what + ", and this run has " +
        std::to_string(ranks) + (ranks == 1 ? " process" : " MPI ranks") +
        "; resume with the same number of ranks, or delete the checkpoint files to start over");
  };
  if (ranks > 1 && std::filesystem::exists(path, ec)) refuse(path, "one process");
  if (ranks <= 1 && std::filesystem::exists(path + ".rank0", ec))
    refuse(path + ".rank0", "several MPI ranks");
  if (ranks > 1 && std::filesystem::exists(path + ".rank" + std::to_string(ranks), ec))
    refuse(path + ".rank" + std::to_string(ranks), "more MPI ranks");
}

namespace {

// PATH.tmp-PID files of processes that no longer exist (SIGKILL, node failure mid-save): each can
// be as large as the checkpoint itself, and nothing else would ever delete them.
void remove_stale_temporaries(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  const std::string prefix = p.filename().string() + ".tmp-";
  std::error_code ec;
  const fs::path dir = p.parent_path().empty() ? fs::path(".") : p.parent_path();
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) continue;
    const std::string digits = name.substr(prefix.size());
    if (digits.find_first_not_of("0123456789") != std::string::npos || digits.size() > 10) continue;
    const long long pid = std::stoll(digits);
    if (pid == ::getpid() || (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH)) continue;
    std::error_code ignored;
    fs::remove(entry.path(), ignored);
  }
}

}  // namespace

Checkpoint::Checkpoint(std::string path, CheckpointBinding binding, std::int64_t blocks,
                       std::int64_t first_block, std::int64_t last_block)
    : path_(std::move(path)),
      binding_(std::move(binding)),
      blocks_(blocks),
      first_block_(first_block),
      last_block_(last_block),
      done_(static_cast<size_t>(blocks), 0),
      clamped_(static_cast<size_t>(blocks), 0) {}

std::int64_t Checkpoint::end_path(std::int64_t block) const {
  return std::min(binding_.paths, (block + 1) * binding_.block_size);
}

void Checkpoint::mark_done(std::int64_t block, std::int64_t clamped_paths) {
  done_[static_cast<size_t>(block)] = 1;
  clamped_[static_cast<size_t>(block)] = clamped_paths;
}

std::int64_t Checkpoint::done_count() const {
  return static_cast<std::int64_t>(std::count(done_.begin(), done_.end(), std::uint8_t{1}));
}

std::int64_t Checkpoint::clamped_paths() const {
  std::int64_t total = 0;
  for (size_t b = 0; b < done_.size(); ++b) total += done_[b] ? clamped_[b] : 0;
  return total;
}

std::uint64_t Checkpoint::layout_hash(const ColumnSet& columns, SeriesCollector& series) const {
  Fnv h;
  for (const auto& spec : columns.specs()) {
    h.add(spec.path.data(), spec.path.size() + 1);  // with the terminator: "ab","c" != "a","bc"
    h.add(&spec.type, sizeof spec.type);
  }
  for (const auto& b : series.buffers()) {
    const std::int64_t shape[3] = {static_cast<std::int64_t>(b.data->size()), b.width, b.per_block ? 1 : 0};
    h.add(shape, sizeof shape);
  }
  return h.h;
}

void Checkpoint::save(const ColumnSet& columns, SeriesCollector& series) const {
  const std::string temp = path_ + ".tmp-" + std::to_string(::getpid());
  const std::string what = "cannot write checkpoint '" + path_ + "'";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw CheckpointError(what + ": " + std::strerror(errno));
  try {
    Sink out(fd, what);
    out.bytes(kMagic, sizeof kMagic);
    out.text(build_id());
    out.text(binding_.config_text);
    out.value<std::uint64_t>(binding_.seed);
    for (std::int64_t v :
         {binding_.paths, binding_.block_size, binding_.fan_paths, static_cast<std::int64_t>(binding_.rank),
          static_cast<std::int64_t>(binding_.ranks), blocks_})
      out.value<std::int64_t>(v);
    out.value<std::uint64_t>(layout_hash(columns, series));
    out.value<std::int64_t>(done_count());
    const auto buffers = series.buffers();
    for (std::int64_t block = 0; block < blocks_; ++block) {
      if (!done(block)) continue;
      const std::int64_t first = first_path(block), end = end_path(block);
      out.value<std::int64_t>(block);
      out.value<std::int64_t>(clamped_[static_cast<size_t>(block)]);
      for (size_t c = 0; c < columns.specs().size(); ++c)
        out.doubles(columns.column(static_cast<int>(c)).data() + first, end - first);
      for (const auto& b : buffers) {
        std::int64_t lo = block, hi = block + 1;
        if (!b.per_block) kept_rows(b, first, end, lo, hi);
        out.doubles(b.data->data() + lo * b.width, (hi - lo) * b.width);
      }
    }
    out.finish();
    if (::fsync(fd) != 0) throw CheckpointError(what + ": fsync: " + std::strerror(errno));
  } catch (...) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw;
  }
  if (::close(fd) != 0 || ::rename(temp.c_str(), path_.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    ::unlink(temp.c_str());
    throw CheckpointError(what + ": " + reason);
  }
}

std::int64_t Checkpoint::load(ColumnSet& columns, SeriesCollector& series) {
  remove_stale_temporaries(path_);
  std::error_code ec;
  const auto status = std::filesystem::symlink_status(path_, ec);
  if (!std::filesystem::exists(status)) return 0;
  const std::string what = "checkpoint '" + path_ + "'";
  // Saving renames a temporary file over the checkpoint: it must be a regular file (reading a FIFO
  // would block, and a device would be replaced).
  if (!std::filesystem::is_regular_file(status))
    throw CheckpointError(what + " is not a regular file; give a file name for --checkpoint");
  std::ifstream in(path_, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  if (!in) throw CheckpointError("cannot read " + what);
  const std::string data = ss.str();
  if (data.size() < sizeof kMagic + 8 || std::memcmp(data.data(), kMagic, sizeof kMagic) != 0)
    throw CheckpointError(what + " is not a sisim checkpoint");
  Fnv sum;
  sum.add(data.data(), data.size() - 8);
  std::uint64_t stored = 0;
  std::memcpy(&stored, data.data() + data.size() - 8, 8);
  if (sum.h != stored)
    throw CheckpointError(what + " is damaged (checksum mismatch); delete it to start over");

  const std::string body = data.substr(0, data.size() - 8);
  Source src(body, what);
  char magic[sizeof kMagic];
  src.bytes(magic, sizeof magic);
  const std::string build = src.text();
  expect_equal(build == build_id(), what, "written by sisim " + build + ", this is sisim " + build_id());
  expect_equal(src.text() == binding_.config_text, what, "the resolved scenario differs");
  const auto seed = src.value<std::uint64_t>();
  expect_equal(seed == binding_.seed, what,
               "seed " + std::to_string(seed) + ", not " + std::to_string(binding_.seed));
  const char* names[] = {"paths", "block size", "fan-chart paths", "MPI rank", "MPI ranks", "blocks"};
  const std::int64_t mine[] = {binding_.paths, binding_.block_size, binding_.fan_paths,
                               binding_.rank,  binding_.ranks,      blocks_};
  for (size_t i = 0; i < std::size(mine); ++i) {
    const auto v = src.value<std::int64_t>();
    expect_equal(v == mine[i], what,
                 std::string(names[i]) + " " + std::to_string(v) + ", not " + std::to_string(mine[i]));
  }
  expect_equal(src.value<std::uint64_t>() == layout_hash(columns, series), what, "different result columns");

  const auto records = src.value<std::int64_t>();
  const auto buffers = series.buffers();
  for (std::int64_t r = 0; r < records; ++r) {
    const auto block = src.value<std::int64_t>();
    if (block < first_block_ || block >= last_block_ || done(block))
      throw CheckpointError(what + " is damaged (block " + std::to_string(block) + " out of place)");
    mark_done(block, src.value<std::int64_t>());
    const std::int64_t first = first_path(block), end = end_path(block);
    for (size_t c = 0; c < columns.specs().size(); ++c)
      src.doubles(columns.mutable_column(static_cast<int>(c)).data() + first, end - first);
    for (const auto& b : buffers) {
      std::int64_t lo = block, hi = block + 1;
      if (!b.per_block) kept_rows(b, first, end, lo, hi);
      src.doubles(b.data->data() + lo * b.width, (hi - lo) * b.width);
    }
  }
  if (!src.at_end()) throw CheckpointError(what + " is damaged (trailing data)");
  return records;
}

}  // namespace sisim::engine
