#pragma once
// Internal to the report library: one function per report section, each returning HTML.
#include <cstdint>
#include <string>
#include <vector>

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
