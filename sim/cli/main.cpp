// sisim command-line entry point: parses flags and dispatches to the subcommands.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
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

namespace {

int dispatch(const sisim::cli::Args& args) {
  using namespace sisim::cli;
  const std::string& c = args.command;
  if (c == "version" || c == "--version") return cmd_version(args);
  if (c == "validate") return cmd_validate(args);
  if (c == "run") return cmd_run(args);
  if (c == "summarize") return cmd_summarize(args);
  if (c == "report") return cmd_report(args);
  if (c == "stress") return cmd_stress(args);
  if (c == "sweep") return cmd_sweep(args);
  if (c == "price") return cmd_price(args);
  if (c == "tornado") return cmd_tornado(args);
  if (c == "compare") return cmd_compare(args);
  if (c == "help" || c == "--help" || c == "-h") {
    std::fputs((usage_text() + "\n").c_str(), stdout);
    return kExitOk;
  }
  std::fprintf(stderr, "sisim: %s\n%s\n", unknown_command_message(c).c_str(), usage_text().c_str());
  return kExitUsage;
}

// What a command prints on stdout is its result (`summarize --csv > x.csv`): a write that failed
// (a full disk, /dev/full, a closed pipe) must not end in exit 0 with an empty file. stdout is
// buffered, so the error shows at the flush.
int check_stdout(const sisim::cli::Args& args, int code) {
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0;
  if (!failed) return code;
  const int saved = errno;
  std::fprintf(stderr, "sisim %s: cannot write to standard output: %s\n", args.command.c_str(),
               std::strerror(saved != 0 ? saved : EIO));
  return code == sisim::cli::kExitOk ? sisim::cli::kExitIo : code;
}

// An exception on one MPI rank must not leave the others waiting in a collective forever: the
// whole job is ended with the exit code (a no-op without MPI or with one rank).
void abort_other_ranks(int code) {
#ifdef SISIM_WITH_MPI
  int initialised = 0, finalised = 0, size = 1;
  MPI_Initialized(&initialised);
  MPI_Finalized(&finalised);
  if (!initialised || finalised) return;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size > 1) MPI_Abort(MPI_COMM_WORLD, code);
#else
  (void)code;
#endif
}

}  // namespace

int main(int argc, char** argv) {
  using namespace sisim::cli;
#ifdef SISIM_WITH_MPI
  const MpiSession mpi(&argc, &argv);
#endif
  // A large stdout buffer: a summary (even --csv) is written at the final flush, where a failed
  // write reports its own reason (check_stdout) instead of a generic error from an earlier write.
  static char stdout_buffer[1 << 20];
  std::setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
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
  int code = kExitInternal;
  try {
    code = dispatch(*args);
  } catch (...) {  // what a command did not handle itself: one mapping to an exit code (exit_code.cpp)
    code = report_failure(args->command, std::current_exception());
    abort_other_ranks(code);
    return code;
  }
  return check_stdout(*args, code);
}
