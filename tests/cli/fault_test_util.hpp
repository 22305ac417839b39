#pragma once
// Helpers for the fault tests: a folder listing, and a run interrupted by a signal.
#include <filesystem>
#include <set>
#include <string>

#include "cli_test_util.hpp"

namespace sisim::testing {

inline const std::string kScenario = source_dir() + "/scenarios/herning-viborg.yaml";

// Names of every entry in `dir` (hidden temporaries included).
inline std::set<std::string> entries(const std::filesystem::path& dir) {
  std::set<std::string> names;
  for (const auto& e : std::filesystem::directory_iterator(dir)) names.insert(e.path().filename().string());
  return names;
}

// Starts `command` (a sisim invocation) in the background, sends it `signal` after `delay`
// seconds and returns its exit code as bash reports it (128 + N if the signal killed it).
// sisim installs its handlers right after loading the scenario (a few milliseconds), so the
// delay only has to let it get into the simulation.
inline CommandResult run_and_signal(const std::string& command, const std::string& signal,
                                    double delay = 0.5) {
  const std::string script = command + " & pid=$!; sleep " + std::to_string(delay) + "; kill -" + signal +
                             " $pid; wait $pid; echo \"exit=$?\"";
  CommandResult r = run_command("bash -c '" + script + "'");
  const auto at = r.output.rfind("exit=");
  r.exit_code = at == std::string::npos ? -1 : std::stoi(r.output.substr(at + 5));
  return r;
}

}  // namespace sisim::testing
