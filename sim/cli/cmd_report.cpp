// `sisim report RESULTS.h5 -o REPORT.html`: one self-contained HTML file an investor can read, for
// a run (or tornado), stress, sweep or price file.
#include <cstdio>

#include "analysis/report/report_of_file.hpp"
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/io/output_file.hpp"

namespace sisim::cli {
using namespace sisim::api;  // the error model and the output checks

int cmd_report(const Args& args) {
  if (args.positional.size() != 1 || args.output.empty()) {
    std::fprintf(stderr, "sisim report: expected RESULTS.h5 -o REPORT.html\n");
    return kExitUsage;
  }
  const std::string& path = args.positional[0];
  try {
    check_output(output_of(args), {{path, "the result file"}});
    // One report per kind of result file; a damaged, forged or foreign file is refused (data, 65).
    const std::string html = reading(path, [&] { return report::render_report_of_file(path); });
    io::write_file_atomically(args.output, args.force, html);
    std::printf("written: %s\n", args.output.c_str());
    return kExitOk;
  } catch (...) {  // an unreadable input is data (65), a failed write I/O (74): exit_code.cpp
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
