#pragma once
// What every front door call is asked besides its scenario: the run's size and seed (the command
// line's --paths/--seed/--threads, Python's paths=/seed=/threads=), where the result goes, and
// where progress lines go.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace sisim::api {

struct RunSettings {
  std::optional<std::int64_t> paths;  // unset: the command's default (the scenario's own, mostly)
  std::optional<std::uint64_t> seed;  // unset: the scenario's
  int threads = 0;                    // 0: all cores
};

// The result file a call writes (atomically, at the end; nothing is written on failure).
struct OutputFile {
  std::string path;
  bool force = false;        // replace an existing file
  std::string command_line;  // recorded in the file's root attributes
};

// One line per step of a long call ("[2/5] recession"); empty: silent. Called on the MPI root only.
using Progress = std::function<void(const std::string& line)>;

}  // namespace sisim::api
