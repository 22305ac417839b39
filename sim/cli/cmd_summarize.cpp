// `sisim summarize RESULTS.h5 [--csv]`: the run's summary table, from the file (for a stress file
// the comparison table, for a sweep file the table of points).
// `sisim summarize --merge A.h5 B.h5 ... -o ALL.h5`: joins slices of one sweep (--points a:b)
// into the file the union of the slices gives in one run.
#include <cstdio>

#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/api/stress_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/api/tornado_file.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/csv_export.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {
using namespace sisim::api;  // the result schema and summaries this command reads
namespace {

int merge(const Args& args) {
  if (args.positional.empty() || args.output.empty()) {
    std::fprintf(stderr, "sisim summarize: expected --merge A.h5 B.h5 ... -o ALL.h5\n");
    return kExitUsage;
  }
  std::vector<InputFile> inputs;
  for (const auto& file : args.positional) inputs.push_back({file, "a slice to merge"});
  std::string why;
  if (!output_is_usable(args.output, args.force, inputs, why)) {
    std::fprintf(stderr, "sisim summarize: %s\n", why.c_str());
    return kExitIo;
  }
  std::vector<SweepTable> slices;
  for (const auto& file : args.positional) {
    try {
      slices.push_back(read_sweep_file(file));
    } catch (const std::exception& e) {
      std::fprintf(stderr, "sisim summarize: %s: %s\n", file.c_str(), e.what());
      return kExitData;
    }
  }
  SweepTable merged;
  try {
    merged = merge_sweep_tables(slices, args.positional);
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "sisim summarize: cannot merge: %s\n", e.what());
    return kExitData;
  }
  try {
    write_sweep_file(args.output, args.force, args.command_line, merged);
  } catch (const io::IoError& e) {
    std::fprintf(stderr, "sisim summarize: cannot write %s: %s\n", args.output.c_str(), e.what());
    return kExitIo;
  }
  std::printf("merged %zu files: points %lld..%lld of %lld\nwritten: %s\n", slices.size(),
              static_cast<long long>(merged.index.front()), static_cast<long long>(merged.index.back()),
              static_cast<long long>(merged.points_total), args.output.c_str());
  return kExitOk;
}

// A stress or sweep file has no top-level /summary: print its own table (or CSV) instead.
bool print_special(const std::string& path, bool csv) {
  io::ResultReader r(path);
  if (r.exists("/stress/comparison")) {
    std::vector<std::string> cases;
    std::vector<std::vector<PairedValue>> rows;
    read_stress_comparison(path, cases, rows);
    std::fputs(
        (csv ? stress_csv(cases, rows, config_of_file(path).currency)
             : format_comparison_table(
                   cases, rows, "sisim stress: " + printable_text(r.attribute_string("/", "scenario"))))
            .c_str(),
        stdout);
    return true;
  }
  if (r.exists("/sweep/points")) {
    const SweepTable table = read_sweep_file(path);
    std::fputs((csv ? sweep_csv(table) : format_sweep_table(table)).c_str(), stdout);
    return true;
  }
  return false;
}

}  // namespace

int cmd_summarize(const Args& args) {
  if (args.merge) return merge(args);
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "sisim summarize: expected one result file\n");
    return kExitUsage;
  }
  try {
    if (args.per_path) {
      std::fputs(per_path_csv(args.positional[0]).c_str(), stdout);
      return kExitOk;
    }
    if (print_special(args.positional[0], args.csv)) return kExitOk;
    const SummaryDocument doc = read_summary_document(args.positional[0]);
    std::fputs((args.csv ? format_summary_csv(doc) : format_summary_table(doc)).c_str(), stdout);
    if (!args.csv &&
        io::ResultReader(args.positional[0]).exists("/tornado"))  // a tornado file: its table too
      std::fputs(("\n" + format_tornado_table(read_tornado(args.positional[0]), "tornado")).c_str(), stdout);
    if (!args.csv)
      std::fputs(format_society_table(
                     analysis::summarize_society(read_society_columns(io::ResultReader(args.positional[0]))),
                     doc.currency)
                     .c_str(),
                 stdout);
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
