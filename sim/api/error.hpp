#pragma once
// The one error model of the library front door. Every failure a caller can act on is an
// api::Error of one kind; front ends map the kind once (the command line to an exit code in
// sim/cli/exit_code.cpp, Python to an exception type in python/sisim_module.cpp). Exceptions of the
// lower layers (io::IoError, CheckpointError, the tornado's and the runs' interruptions, ...) are
// classified by to_error, so a front end catches std::exception once and asks it.
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "config/loader.hpp"

namespace sisim::api {

enum class ErrorKind {
  usage,        // the request itself is malformed (points outside the sweep, ...)
  config,       // a scenario, cases, sweep or pricing file is wrong (file:line:col findings)
  data,         // an input file cannot be read or is not what it must be (a damaged result file)
  io,           // an output cannot be written (exists without force, full disk, not a regular file)
  resources,    // the run does not fit in memory
  interrupted,  // the user asked to stop (Ctrl-C, SIGTERM): nothing was written
  internal,     // a bug: an exception no layer classified
};

// "config", "io", ...: the kind's name, for messages and tests.
const char* kind_name(ErrorKind kind);

struct Error : std::runtime_error {
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind(kind) {}
  // Configuration findings, all of them; the message is their file:line:col listing.
  explicit Error(std::vector<config::ConfigError> findings)
      : std::runtime_error(format_errors(findings)), kind(ErrorKind::config), findings(std::move(findings)) {}

  ErrorKind kind;
  std::vector<config::ConfigError> findings;  // set for ErrorKind::config when the failure has locations
};

// Reading an input file: whatever `read` throws (io::IoError for a missing, foreign or damaged
// file, a schema check's error) becomes Error (data) "<file>: <reason>"; an Error passes as it is.
template <class Read>
auto reading(const std::string& file, Read&& read) {
  try {
    return std::forward<Read>(read)();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& e) {
    throw Error(ErrorKind::data, file + ": " + e.what());
  }
}

// Any exception as an api::Error: an Error as it is; io::IoError as `io` (the library throws it
// when writing; readers of input files rethrow it as `data`); CheckpointError as `data`; the
// interruptions of a run or a tornado as `interrupted`; the tornado's load failures as `config`;
// std::bad_alloc as `resources`; anything else as `internal`.
Error to_error(std::exception_ptr failure);

}  // namespace sisim::api
