#pragma once
// Internal to the report library: one function per report section, each returning HTML.
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/report/file_reports.hpp"
#include "analysis/report/report_input.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::report::detail {

// Per-path nominal-loss flags of the investor, as given (empty if none).
std::vector<std::uint8_t> investor_loss_flags(const ReportInput& in);
// Summary of a column, with the investor's loss flags when they match it in length.
stats::Summary summarize_column(const std::vector<double>& x, const std::vector<std::uint8_t>* flags);
// The NPV column of a named budget, or nullptr.
const NamedColumn* find_budget(const ReportInput& in, const std::string& name);

std::string no_data(const std::string& what);

// The page around every report: doctype, style sheet and <h1>; and its closing tags.
std::string page_start(const std::string& title);
std::string page_end();
// page_start plus the line naming the scenario's paths, seed, run time and build.
std::string file_page_start(const std::string& title, const FileHeader& header);
// Scale and axis title of a change or value shown on a chart: percentage points for rates
// (x 100), millions of the currency for money (x 1e-6), as is otherwise.
struct ChartUnit {
  double scale = 1.0;
  std::string suffix;  // " pp", " M DKK", "x"
};
ChartUnit chart_unit(ValueKind kind, const std::string& currency, bool is_change);
// A value in its reader's units ("12.3 %", "1.25 million DKK", "1.23x"), and a standard error
// with two significant digits (a nonzero SE never prints as 0.0 %).
std::string format_value(double v, ValueKind kind, const std::string& currency);
std::string format_se(double v, ValueKind kind, const std::string& currency);

std::string terms_section(const ReportInput& in);
std::string headline_section(const ReportInput& in);
std::string summary_table_section(const ReportInput& in);
std::string investor_section(const ReportInput& in);
std::string fan_section(const ReportInput& in);
std::string budget_account_section(const ReportInput& in);
std::string sensitivity_section(const ReportInput& in);
std::string tornado_section(const ReportInput& in);
std::string society_section(const ReportInput& in);
std::string glossary_section();
std::string method_section(const ReportInput& in);

}  // namespace sisim::report::detail
