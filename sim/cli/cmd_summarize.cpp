// `sisim summarize RESULTS.h5 [--csv]`: the run's summary table, from the file (for a stress file
// the comparison table, for a sweep file the table of points, for a price file the band and prices).
// `sisim summarize --merge A.h5 B.h5 ... -o ALL.h5`: joins slices of one sweep (--points a:b)
// into the file the union of the slices gives in one run.
#include <cstdio>

#include "sim/api/csv_export.hpp"
#include "sim/api/error.hpp"
#include "sim/api/front_door.hpp"
#include "sim/api/output_guard.hpp"
#include "sim/api/price_file.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/society_file.hpp"
#include "sim/api/stress_file.hpp"
#include "sim/api/stress_run.hpp"
#include "sim/api/sweep_file.hpp"
#include "sim/api/tornado_file.hpp"
#include "sim/cli/commands.hpp"
#include "sim/cli/request.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/io_error.hpp"

namespace sisim::cli {

using config::printable_text;

using namespace sisim::api;  // the result schema and summaries this command reads
namespace {

int merge(const Args& args) {
  if (args.positional.empty() || args.output.empty()) {
    std::fprintf(stderr, "sisim summarize: expected --merge A.h5 B.h5 ... -o ALL.h5\n");
    return kExitUsage;
  }
  try {
    std::vector<InputFile> inputs;
    for (const auto& file : args.positional) inputs.push_back({file, "a slice to merge"});
    check_output(output_of(args), inputs);
    std::vector<SweepTable> slices;
    for (const auto& file : args.positional)
      slices.push_back(reading(file, [&] { return read_sweep_file(file); }));
    SweepTable merged;
    try {
      merged = merge_sweep_tables(slices, args.positional);
    } catch (const std::runtime_error& e) {
      throw Error(ErrorKind::data, std::string("cannot merge: ") + e.what());
    }
    writing(output_of(args), [&] { write_sweep_file(args.output, args.force, args.command_line, merged); });
    std::printf("merged %zu files: points %lld..%lld of %lld\nwritten: %s\n", slices.size(),
                static_cast<long long>(merged.index.front()), static_cast<long long>(merged.index.back()),
                static_cast<long long>(merged.points_total), args.output.c_str());
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

// A stress, sweep or price file has no top-level /summary: print its own table (or CSV) instead.
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
  if (r.exists("/price")) {
    const PriceFile f = read_price_file(path);
    std::fputs((csv ? price_csv(f.report)
                    : format_price_report(f.report, price_title(printable_text(f.scenario), f.paths, f.seed,
                                                                f.report.evaluations.size())))
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

// Prints what `summarize` shows of one result file; throws what the readers throw.
void summarize_file(const std::string& file, const Args& args) {
  if (args.per_path) {
    std::fputs(per_path_csv(file).c_str(), stdout);
    return;
  }
  if (print_special(file, args.csv)) return;
  const SummaryDocument doc = read_summary_document(file);
  std::fputs((args.csv ? format_summary_csv(doc) : format_summary_table(doc)).c_str(), stdout);
  if (!args.csv && io::ResultReader(file).exists("/tornado"))  // a tornado file: its table too
    std::fputs(("\n" + format_tornado_table(read_tornado(file), "tornado")).c_str(), stdout);
  if (!args.csv)
    std::fputs(format_society_table(analysis::summarize_society(read_society_columns(io::ResultReader(file))),
                                    doc.currency)
                   .c_str(),
               stdout);
}

}  // namespace

int cmd_summarize(const Args& args) {
  if (args.merge) return merge(args);
  if (args.positional.size() != 1) {
    std::fprintf(stderr, "sisim summarize: expected one result file\n");
    return kExitUsage;
  }
  const std::string& file = args.positional[0];
  try {
    reading(file, [&] {
      try {
        summarize_file(file, args);
      } catch (const io::IoError&) {
        throw;
      } catch (const std::exception& e) {
        throw std::runtime_error(std::string("not a readable sisim result file (") + e.what() + ")");
      }
    });
    return kExitOk;
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
}

}  // namespace sisim::cli
