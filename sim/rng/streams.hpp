#pragma once
// Where every random number comes from. A draw is addressed by
//   (seed) -> key,  (path, participant, stream, month << 32 | index) -> counter,
// so each draw is a pure function of its address: any thread or rank can compute any path, and
// scenarios that differ only in one parameter reuse every other draw (common random numbers).
// Scenario, stress-case and sweep-point indices are deliberately NOT part of the address.
#include <cstdint>

#include "sim/rng/philox.hpp"

namespace sisim::rng {

// Stream ids. Never renumber an existing stream: that would change every result.
enum class StreamId : std::uint32_t {
  parameters = 1,        // per-path parameter draws (participant = kPathLevel, index = parameter id)
  regime = 2,            // labour-market regime chain (participant = kPathLevel)
  termination = 3,       // payer's early termination (participant = kPathLevel)
  fill_rate = 4,         // reserved
  segment = 10,          // participant's segment
  exit_event = 11,       // time to exit (X): shared by both arms (common random numbers)
  labour_events = 12,    // job finding / separation events, shared by both arms where possible
  treated_labour = 13,   // extra draws only the treated arm needs
  dropout = 14,          // programme dropout (treated arm only)
  part_time = 15,        // which jobs are part-time with a benefit top-up: shared by both arms
  control_segment = 20,  // control-group people (evaluation), their own draws
  control_exit = 21,
  control_labour = 22,
  control_part_time = 23,
};

inline constexpr std::uint64_t kPathLevel = 0xFFFFFFFFFFFFFFFFULL;  // participant field for path-level draws

// Sequential uniforms for one (path, participant, stream, month): draw index 0, 1, 2, ...
// Four uniforms come out of each Philox call.
class UniformStream {
 public:
  UniformStream(const Key& key, std::uint64_t path, std::uint64_t participant, StreamId stream,
                std::uint32_t month = 0)
      : key_(key),
        path_(path),
        participant_(participant),
        stream_(static_cast<std::uint64_t>(stream)),
        month_(month) {}

  double next() {
    if (lane_ == 4) refill();
    return to_open_unit(block_[lane_++]);
  }

  // The i-th uniform of this stream, independent of how many were taken with next().
  double at(std::uint32_t index) const {
    const Counter out = philox4x64(counter(index / 4), key_);
    return to_open_unit(out[index % 4]);
  }

 private:
  Counter counter(std::uint32_t block) const {
    return {path_, participant_, stream_, (static_cast<std::uint64_t>(month_) << 32) | block};
  }
  void refill() {
    block_ = philox4x64(counter(next_block_++), key_);
    lane_ = 0;
  }

  Key key_;
  std::uint64_t path_, participant_, stream_;
  std::uint32_t month_;
  std::uint32_t next_block_ = 0;
  Counter block_{};
  int lane_ = 4;
};

}  // namespace sisim::rng
