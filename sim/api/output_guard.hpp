#pragma once
// A failed write as the front door reports it: Error (io) "cannot write OUT: <the reason>".
#include <utility>

#include "sim/api/error.hpp"
#include "sim/api/run_settings.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::api {

template <class Write>
auto writing(const OutputFile& output, Write&& write) {
  try {
    return std::forward<Write>(write)();
  } catch (const io::IoError& e) {
    throw Error(ErrorKind::io, "cannot write " + output.path + ": " + e.what());
  }
}

}  // namespace sisim::api
