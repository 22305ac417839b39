// libFuzzer target: the result-file readers (summarize, report, summarize --merge) of every file
// kind (run, stress, sweep, price) on arbitrary bytes. A refusal (an exception) is the expected outcome for a
// bad file; a crash, a hang, an out-of-bounds read or a sanitizer report is a bug. Seeded with small run,
// sweep, stress and price files (scripts/fuzz.sh), so the mutations start from real layouts.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

#include "analysis/report/file_report_input.hpp"
#include "analysis/report/file_reports.hpp"
#include "analysis/report/report.hpp"
#include "analysis/report/report_reader.hpp"
#include "sim/api/price_file.hpp"
#include "sim/api/result_file.hpp"
#include "sim/api/stress_file.hpp"
#include "sim/api/summary_table.hpp"
#include "sim/api/sweep_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // HDF5 reads files by name: the input goes to a scratch file of this process.
  static const std::string path = "/tmp/sisim-hdf5-fuzz-" + std::to_string(::getpid()) + ".h5";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  using namespace sisim::report;
  using namespace sisim::api;
  try {
    const SummaryDocument doc = read_summary_document(path);
    volatile std::size_t n = format_summary_table(doc).size() + format_summary_csv(doc).size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {
    const SweepTable t = read_sweep_file(path);
    volatile std::size_t n = format_sweep_table(t).size();
    (void)n;
    SweepTable next = t;
    for (auto& i : next.index) i += static_cast<std::int64_t>(t.index.size());
    const SweepTable merged = merge_sweep_tables({t, next}, {"a", "b"});
    (void)merged;
  } catch (const std::exception&) {
  }
  try {
    std::vector<std::string> cases;
    std::vector<std::vector<PairedValue>> rows;
    read_stress_comparison(path, cases, rows);
    volatile std::size_t n = format_comparison_table(cases, rows, "fuzz").size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {
    const PriceFile f = read_price_file(path);
    volatile std::size_t n = format_price_report(f.report, "fuzz").size() + price_csv(f.report).size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {  // the reports of stress, sweep and price files
    volatile std::size_t n = sisim::report::render_stress_report(read_stress_report_input(path)).size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {
    volatile std::size_t n = sisim::report::render_sweep_report(read_sweep_report_input(path)).size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {
    volatile std::size_t n = sisim::report::render_price_report(read_price_report_input(path)).size();
    (void)n;
  } catch (const std::exception&) {
  }
  try {
    const auto input = read_report_input(path);
    volatile std::size_t n = sisim::report::render_report(input).size();
    (void)n;
  } catch (const std::exception&) {
  }
  return 0;
}
