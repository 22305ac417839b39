// `sisim summarize RESULTS.h5 [--csv]`: the run's summary table, from the file.
#include <cstdio>

#include "sim/cli/commands.hpp"
#include "sim/cli/result_file.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {

int cmd_summarize(const Args& args) {
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "sisim summarize: expected one result file\n");
    return kExitUsage;
  }
  try {
    std::string title;
    const auto rows = read_headline_rows(args.positional[0], title);
    std::fputs((args.csv ? format_summary_csv(rows) : format_summary_table(rows, title)).c_str(), stdout);
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim summarize: %s: %s\n", args.positional[0].c_str(), e.what());
    return kExitData;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sisim summarize: %s: not a readable sisim result file (%s)\n",
                 args.positional[0].c_str(), e.what());
    return kExitData;
  }
  return kExitOk;
}

}  // namespace sisim::cli
