#include "sim/cli/exit_code.hpp"

#include <cstdio>

namespace sisim::cli {

int exit_code(api::ErrorKind kind) {
  switch (kind) {
    case api::ErrorKind::usage:
      return kExitUsage;
    case api::ErrorKind::config:
    case api::ErrorKind::data:
      return kExitData;
    case api::ErrorKind::io:
    case api::ErrorKind::resources:
      return kExitIo;
    case api::ErrorKind::interrupted:
      return kExitInterrupted;
    case api::ErrorKind::internal:
      return kExitInternal;
  }
  return kExitInternal;
}

int report_failure(const std::string& command, std::exception_ptr failure) {
  const api::Error e = api::to_error(failure);
  const std::string who = command.empty() ? "sisim" : "sisim " + command;
  if (e.kind == api::ErrorKind::config && !e.findings.empty())
    std::fputs(e.what(), stderr);
  else if (e.kind == api::ErrorKind::internal)
    std::fprintf(stderr, "%s: internal error: %s\n", who.c_str(), e.what());
  else
    std::fprintf(stderr, "%s: %s\n", who.c_str(), e.what());
  return exit_code(e.kind);
}

}  // namespace sisim::cli
