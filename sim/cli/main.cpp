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
    std::fprintf(stderr, "sisim: %s\n%s", error.c_str(), usage_text().c_str());
    return kExitUsage;
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
    if (c == "compare") return cmd_compare(*args);
    if (c == "help" || c == "--help" || c == "-h") {
      std::fputs(usage_text().c_str(), stdout);
      return kExitOk;
    }
    std::fprintf(stderr, "sisim: unknown command '%s'\n%s", c.c_str(), usage_text().c_str());
    return kExitUsage;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim: error: %s\n", e.what());
    return kExitIo;
  }
}
