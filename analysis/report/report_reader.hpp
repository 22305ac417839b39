#pragma once
// Reading what the HTML report shows from a result file. Every shape is checked (per-path columns
// of exactly `paths` values, [months x 9] fans, annual accounts matching their labels): a damaged or
// forged file throws io::IoError instead of being read out of bounds.
#include <string>

#include "analysis/report/report_input.hpp"
#include "sim/results/summary_spec.hpp"

namespace sisim::report {

ReportInput read_report_input(const std::string& path);

// How the report shows a value of the result schema's unit (one mapping for every report).
ValueKind value_kind(results::Unit unit);

}  // namespace sisim::report
