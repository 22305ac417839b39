#include "scaling_child.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace sisim::bench {
namespace {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

double seconds_of(const timeval& tv) {
  return static_cast<double>(tv.tv_sec) + 1e-6 * static_cast<double>(tv.tv_usec);
}

// In the child between fork and exec: only async-signal-safe calls (open, dup2, execv, _exit).
[[noreturn]] void exec_child(const std::vector<char*>& args, const char* out_path, const char* err_path) {
  const int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  const int err = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (out < 0 || err < 0 || dup2(out, STDOUT_FILENO) < 0 || dup2(err, STDERR_FILENO) < 0) _exit(126);
  close(out);
  close(err);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

bool parse_engine_timing(const std::string& stderr_text, const std::string& stdout_text, double& seconds,
                         double& rate) {
  // The last "paths in" line is the final one; progress lines before it say "paths (".
  const size_t at = stderr_text.rfind(" paths in ");
  if (at != std::string::npos &&
      std::sscanf(stderr_text.c_str() + at, " paths in %lf s (%lf paths/s)", &seconds, &rate) == 2) {
    return true;
  }
  // --quiet: the summary title "sisim results: NAME (P paths, seed S, T threads, X s)".
  const size_t title = stdout_text.find("sisim results:");
  const size_t threads = stdout_text.find(" threads, ", title);
  if (title == std::string::npos || threads == std::string::npos) return false;
  long long paths = 0;
  const size_t open = stdout_text.find('(', title);
  if (open == std::string::npos || std::sscanf(stdout_text.c_str() + open, "(%lld paths", &paths) != 1)
    return false;
  if (std::sscanf(stdout_text.c_str() + threads, " threads, %lf s)", &seconds) != 1 || seconds <= 0)
    return false;
  rate = static_cast<double>(paths) / seconds;
  return true;
}

ChildRun run_child(const std::vector<std::string>& argv, const std::string& tmp_dir) {
  const std::string out_path = tmp_dir + "/child.stdout", err_path = tmp_dir + "/child.stderr";
  std::vector<std::string> owned = argv;  // execv wants char*, not const char*
  std::vector<char*> args;
  for (auto& a : owned) args.push_back(a.data());
  args.push_back(nullptr);

  const auto started = std::chrono::steady_clock::now();
  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error(std::string("fork failed: ") + std::strerror(errno));
  if (pid == 0) exec_child(args, out_path.c_str(), err_path.c_str());

  int status = 0;
  rusage usage{};
  pid_t reaped;
  do {
    reaped = wait4(pid, &status, 0, &usage);
  } while (reaped < 0 && errno == EINTR);
  const auto ended = std::chrono::steady_clock::now();
  if (reaped < 0) throw std::runtime_error(std::string("wait4 failed: ") + std::strerror(errno));

  ChildRun run;
  run.wall_seconds = std::chrono::duration<double>(ended - started).count();
  run.cpu_seconds = seconds_of(usage.ru_utime) + seconds_of(usage.ru_stime);
  run.peak_rss_mib = static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux: KiB
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.stderr_text = read_file(err_path);
  if (run.exit_code == 127) run.stderr_text += "cannot execute " + argv[0] + "\n";
  parse_engine_timing(run.stderr_text, read_file(out_path), run.engine_seconds, run.engine_rate);
  std::remove(out_path.c_str());
  std::remove(err_path.c_str());
  return run;
}

}  // namespace sisim::bench
