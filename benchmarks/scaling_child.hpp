#pragma once
// One measured run of the sisim binary in a child process: wall time from fork to reap, the child's
// peak resident memory and CPU time from wait4's rusage, and the engine-only time sisim itself
// reports (the final progress line on stderr, or the summary title on stdout with --quiet).
#include <string>
#include <vector>

namespace sisim::bench {

struct ChildRun {
  double wall_seconds = 0.0;    // fork to reap: load, simulate, summarise, write the HDF5 file
  double cpu_seconds = 0.0;     // user + system time of the child
  double peak_rss_mib = 0.0;    // ru_maxrss of the child
  double engine_seconds = 0.0;  // sisim's own timing of the simulation only; 0 if not found
  double engine_rate = 0.0;     // paths/s as printed by sisim; 0 if not found
  int exit_code = 0;            // 128 + signal if it was killed
  std::string stderr_text;      // kept for error messages
};

// Runs `argv` (argv[0] = the executable path) with stdout and stderr sent to files in `tmp_dir`.
// Throws std::runtime_error if the process cannot be started.
ChildRun run_child(const std::vector<std::string>& argv, const std::string& tmp_dir);

// Parses sisim's engine timing from its output (exposed for testing by hand).
// stderr final line: "<label>: D/T paths in X s (R paths/s)"; stdout title: "..., X s)".
bool parse_engine_timing(const std::string& stderr_text, const std::string& stdout_text, double& seconds,
                         double& rate);

}  // namespace sisim::bench
