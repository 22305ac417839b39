#pragma once
// The one exception type of the result-file layer. The command line maps it to exit code 74
// (EX_IOERR); its message names the file and, where HDF5 reported one, the library's reason.
#include <stdexcept>
#include <string>

namespace sisim::io {

struct IoError : std::runtime_error {
  explicit IoError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace sisim::io
