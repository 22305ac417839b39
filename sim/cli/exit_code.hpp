#pragma once
// The command line's exit codes, and the one place a failure becomes one (sysexits.h where it
// has a code: EX_USAGE is not used, the historical 2 is kept for usage errors).
#include <exception>
#include <string>

#include "sim/api/error.hpp"

namespace sisim::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitData = 65;      // EX_DATAERR: bad config or data, an unreadable input
inline constexpr int kExitInternal = 70;  // EX_SOFTWARE: a bug (an exception nothing classified)
inline constexpr int kExitIo = 74;        // EX_IOERR: an output cannot be written, too little memory
inline constexpr int kExitInterrupted = 130;

// usage 2, config and data 65, io and resources 74, interrupted 130, internal 70.
int exit_code(api::ErrorKind kind);

// Prints a failure of `sisim <command>` on stderr (configuration findings as their own
// file:line:col lines, anything else as "sisim <command>: <message>") and returns its exit code.
int report_failure(const std::string& command, std::exception_ptr failure);

}  // namespace sisim::cli
