#include "sim/engine/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace sisim::engine {

ProgressReporter::ProgressReporter(std::string label, std::int64_t total, bool enabled)
    : label_(std::move(label)),
      total_(total),
      enabled_(enabled),
      tty_(isatty(STDERR_FILENO) != 0),
      start_(std::chrono::steady_clock::now()),
      last_change_(start_) {
  if (enabled_) thread_ = std::thread([this] { loop(); });
}

ProgressReporter::~ProgressReporter() {
  finish();
}

void ProgressReporter::finish() {
  {
    std::lock_guard lock(mutex_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
    print(true);
  }
}

void ProgressReporter::loop() {
  // A terminal refreshes often; a log file gets a line every 5 seconds.
  const auto interval = tty_ ? std::chrono::milliseconds(250) : std::chrono::milliseconds(5000);
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, interval, [this] { return stop_; })) {
    lock.unlock();
    print(false);
    lock.lock();
  }
}

void ProgressReporter::print(bool final_line) {
  const std::int64_t done = done_.load(std::memory_order_relaxed);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0.0;
  const double eta = rate > 0 ? static_cast<double>(total_ - done) / rate : 0.0;
  const double percent = total_ > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0;
  std::string line;
  if (final_line) {
    line = fmt::format("{}: {}/{} paths in {:.1f} s ({:.0f} paths/s)", label_, done, total_, seconds, rate);
  } else {
    // An ETA needs a rate: before the first path finishes, or while none has finished for a while
    // (one very long path, a stuck node), say so instead of showing "ETA 0 s".
    const auto now = std::chrono::steady_clock::now();
    if (done != last_done_) {
      last_done_ = done;
      last_change_ = now;
    }
    const double idle = std::chrono::duration<double>(now - last_change_).count();
    const std::string eta_text = done == 0 || idle >= 10.0
                                     ? fmt::format("ETA unknown (no path finished in {:.0f} s)", idle)
                                     : fmt::format("ETA {:.0f} s", eta);
    line = fmt::format("{}: {}/{} paths ({:.1f} %), {:.0f} paths/s, {}", label_, done, total_, percent, rate,
                       eta_text);
  }
  if (tty_) {
    std::fprintf(stderr, "\r\033[K%s%s", line.c_str(), final_line ? "\n" : "");
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

}  // namespace sisim::engine
