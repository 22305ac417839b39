// sisim command-line entry point: parses flags and dispatches to the subcommands.
#include <csignal>
#include <cstdio>
#include <exception>
#include <string>

#include "sim/cli/commands.hpp"

#ifdef SISIM_WITH_MPI
#include <mpi.h>
// MPI lives for the whole process: initialised before any command, finalised on every return.
struct MpiSession {
  MpiSession(int* argc, char*** argv) {
    int provided = 0;
    MPI_Init_thread(argc, argv, MPI_THREAD_FUNNELED, &provided);
  }
  ~MpiSession() { MPI_Finalize(); }
};
#endif

int main(int argc, char** argv) {
  using namespace sisim::cli;
#ifdef SISIM_WITH_MPI
  const MpiSession mpi(&argc, &argv);
#endif
  std::signal(SIGXFSZ, SIG_IGN);  // a file-size limit makes write() fail with EFBIG, reported as an I/O error
  std::string error;
  const auto args = parse_args(argc, argv, error);
  if (!args) {
    const std::string command = argc > 1 ? argv[1] : "";
    const std::string usage = command_usage(command);
    std::fprintf(stderr, "sisim: %s\n%s", error.c_str(),
                 (usage.empty() ? usage_text() + "\n" : usage).c_str());
    return kExitUsage;
  }
  if (args->help) {  // `sisim run --help`: that command's usage, whatever else was given
    const std::string usage = command_usage(args->command);
    if (!usage.empty() && args->command != "help") {
      std::fputs(usage.c_str(), stdout);
      return kExitOk;
    }
  }
  if (args->command == "help" && !args->positional.empty()) {
    const std::string usage = command_usage(args->positional[0]);
    if (usage.empty()) {
      std::fprintf(stderr, "sisim: %s\n", unknown_command_message(args->positional[0]).c_str());
      return kExitUsage;
    }
    std::fputs(usage.c_str(), stdout);
    return kExitOk;
  }
  if (const std::string problem = check_flags_apply(*args); !problem.empty()) {
    std::fprintf(stderr, "sisim: %s\n%s", problem.c_str(), usage_text().c_str());
    return kExitUsage;
  }
  try {
    const std::string& c = args->command;
    if (c == "version" || c == "--version") return cmd_version(*args);
    if (c == "validate") return cmd_validate(*args);
    if (c == "run") return cmd_run(*args);
    if (c == "summarize") return cmd_summarize(*args);
    if (c == "report") return cmd_report(*args);
    if (c == "stress") return cmd_stress(*args);
    if (c == "sweep") return cmd_sweep(*args);
    if (c == "price") return cmd_price(*args);
    if (c == "tornado") return cmd_tornado(*args);
    if (c == "help" || c == "--help" || c == "-h") {
      std::fputs((usage_text() + "\n").c_str(), stdout);
      return kExitOk;
    }
    std::fprintf(stderr, "sisim: %s\n%s\n", unknown_command_message(c).c_str(), usage_text().c_str());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim: error: %s\n", e.what());
    return kExitIo;
  }
}
