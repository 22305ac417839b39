#pragma once
// Command-line flags shared by the subcommands. Parsing is strict: an unknown flag is a usage error.
// The flags, which commands take them, their checks and the usage text are declared once (args.cpp).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/cli/exit_code.hpp"

namespace sisim::cli {

struct Args {
  std::string command;
  std::vector<std::string> positional;
  std::string output;
  std::optional<std::int64_t> paths;
  std::optional<std::uint64_t> seed;
  int threads = 0;                     // 0: all cores
  std::vector<std::string> overrides;  // --set key.path=value
  bool force = false;
  bool quiet = false;
  bool csv = false;
  bool per_path = false;   // --per-path (summarize): every /paths column as CSV, one row per path
  std::string cases_file;  // --cases FILE (stress)
  // --points a:b (sweep): run points a .. b-1 (half-open, 0-based); "a:" runs to the last point.
  std::optional<std::int64_t> points_begin, points_end;
  bool merge = false;  // --merge (summarize: combine sweep slices)
  // --checkpoint [FILE] (run): resume from and keep a checkpoint; an empty FILE means OUTPUT.ckpt.
  std::optional<std::string> checkpoint;
  bool help = false;         // --help or -h after the command: print its usage, exit 0
  std::string command_line;  // as typed, for the result file
};

// Parses argv with CLI11 from one declaration per option and per command (args.cpp): on error
// returns nullopt and fills `error` with one line naming the problem: an unknown option (with the
// nearest known one), an option of another command (a flag that would be silently ignored is a
// usage error: the user meant something by it), a value given twice, a value out of range.
// An unknown command is not an error here: main prints it with a suggestion.
std::optional<Args> parse_args(int argc, char** argv, std::string& error);

std::string usage_text();

// The usage of one command (its synopsis, options and an example); empty for an unknown command.
std::string command_usage(const std::string& command);

// "unknown command 'summarise' (did you mean 'summarize'?)".
std::string unknown_command_message(const std::string& command);

}  // namespace sisim::cli
