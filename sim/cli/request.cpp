#include "sim/cli/request.hpp"

#include <cstdio>

namespace sisim::cli {

api::RunSettings settings_of(const Args& args) {
  return {args.paths, args.seed, args.threads};
}

api::OutputFile output_of(const Args& args) {
  return {args.output, args.force, args.command_line};
}

api::Progress progress_of(const Args& args) {
  if (args.quiet) return {};
  return [command = args.command](const std::string& line) {
    std::fprintf(stderr, "sisim %s: %s\n", command.c_str(), line.c_str());
  };
}

}  // namespace sisim::cli
