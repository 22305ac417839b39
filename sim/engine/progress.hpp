#pragma once
// Progress of a long run on stderr: an updating line on a terminal, a line every few seconds
// otherwise (logs of batch jobs stay readable). Workers only bump an atomic counter; a separate
// reporter thread formats, so the hot path never touches I/O.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace sisim::engine {

class ProgressReporter {
 public:
  ProgressReporter(std::string label, std::int64_t total, bool enabled);
  ~ProgressReporter();
  ProgressReporter(const ProgressReporter&) = delete;
  ProgressReporter& operator=(const ProgressReporter&) = delete;

  void add(std::int64_t done) { done_.fetch_add(done, std::memory_order_relaxed); }
  // Stops the reporter thread and prints the final line.
  void finish();

 private:
  void loop();
  void print(bool final_line);

  std::string label_;
  std::int64_t total_;
  bool enabled_;
  bool tty_;
  std::atomic<std::int64_t> done_{0};
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::int64_t last_done_ = 0;                         // as of the last line printed
  std::chrono::steady_clock::time_point last_change_;  // when `done` last moved
  std::thread thread_;
};

}  // namespace sisim::engine
