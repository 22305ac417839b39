#pragma once
// Where every random number comes from. A draw is addressed by
//   (seed) -> key,  (path, participant, stream, month << 32 | index) -> counter,
// so each draw is a pure function of its address: any thread or rank can compute any path, and
// scenarios that differ only in one parameter reuse every other draw (common random numbers).
// Scenario, stress-case and sweep-point indices are deliberately NOT part of the address.
#include <array>
#include <cstdint>

#include "sim/rng/philox.hpp"

namespace sisim::rng {

// Which draws come from which address: recorded in every result file (root attribute
// stream_scheme, docs/HDF5.md), so that results of different schemes are never mistaken for one
// another. Scheme 1: the segment, age, exit and dropout uniforms each began a stream of their own
// (one Philox block each). Scheme 2 (issue 16): they are the four lanes of one block of the
// person's stream `person` (`control_person`), PersonDraws below.
inline constexpr int kStreamScheme = 2;

// Stream ids. Never renumber an existing stream: that would change every result.
enum class StreamId : std::uint32_t {
  parameters = 1,        // per-path parameter draws (participant = kPathLevel, index = parameter id)
  regime = 2,            // labour-market regime chain (participant = kPathLevel)
  termination = 3,       // payer's early termination (participant = kPathLevel)
  fill_rate = 4,         // reserved
  segment = 10,          // scheme 1 only: participant's segment (and age)
  exit_event = 11,       // scheme 1 only: time to exit
  labour_events = 12,    // job finding / separation events, shared by both arms where possible
  treated_labour = 13,   // extra draws only the treated arm needs
  dropout = 14,          // scheme 1 only: programme dropout
  part_time = 15,        // which jobs are part-time with a benefit top-up: shared by both arms
  person = 16,           // scheme 2: who the person is (PersonDraws), shared by both arms
  control_segment = 20,  // scheme 1 only: control-group segment (and age)
  control_exit = 21,     // scheme 1 only
  control_labour = 22,   // control-group people (evaluation), their own draws
  control_part_time = 23,
  control_person = 24,  // scheme 2: a control-group person (PersonDraws; no dropout)
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

  // Restarts this object as UniformStream(key, path, participant, stream, month), in place: the
  // per-person streams are restarted for every person, and assigning a freshly built stream copied
  // it through the stack (store-forwarding stalls, 4 % of a path's cycles; issue 16).
  void restart(const Key& key, std::uint64_t path, std::uint64_t participant, StreamId stream,
               std::uint32_t month = 0) {
    key_ = key;
    path_ = path;
    participant_ = participant;
    stream_ = static_cast<std::uint64_t>(stream);
    month_ = month;
    next_block_ = 0;
    lane_ = 4;
  }

  double next() {
    if (lane_ == 4) refill();
    return to_open_unit(block_[lane_++]);
  }

  // The i-th uniform of this stream, independent of how many were taken with next().
  double at(std::uint32_t index) const {
    const Counter out = philox4x64(counter(index / 4), key_);
    return to_open_unit(out[index % 4]);
  }

  // Uniforms 4b .. 4b + 3 of this stream (at(4b) .. at(4b + 3)) from one Philox call.
  std::array<double, 4> block(std::uint32_t b) const {
    const Counter out = philox4x64(counter(b), key_);
    return {to_open_unit(out[0]), to_open_unit(out[1]), to_open_unit(out[2]), to_open_unit(out[3])};
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

// The draws that say who a person is, all four from one Philox block (stream scheme 2): uniform 0
// of the person's stream `person` (or `control_person`) picks the segment, 1 the age at enrolment
// (where the segment states one), 2 the exit month, 3 the programme dropout (treated arm). Each is
// drawn whether or not it is used, so adding ages or a dropout hazard moves no other draw.
struct PersonDraws {
  double segment = 0.5, age = 0.5, exit = 0.5, dropout = 0.5;
  PersonDraws() = default;
  PersonDraws(const Key& key, std::uint64_t path, std::uint64_t participant, StreamId stream) {
    const std::array<double, 4> u = UniformStream(key, path, participant, stream).block(0);
    segment = u[0], age = u[1], exit = u[2], dropout = u[3];
  }
};

}  // namespace sisim::rng
