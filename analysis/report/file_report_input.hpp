#pragma once
// Reading what the stress, sweep and price reports show from their files. Every reader checks
// shapes through the file readers it uses (stress_file, sweep_file, price_file) and throws
// io::IoError for a damaged, forged or foreign file.
#include <string>

#include "analysis/report/file_reports.hpp"

namespace sisim::report {

enum class ResultKind { run, stress, sweep, price };
// Which kind of result file this is (by its top-level groups); throws io::IoError for a file
// that is not a sisim result file.
ResultKind result_kind(const std::string& path);

StressReportInput read_stress_report_input(const std::string& path);
SweepReportInput read_sweep_report_input(const std::string& path);
PriceReportInput read_price_report_input(const std::string& path);

}  // namespace sisim::report
