#pragma once
// The investor-facing HTML report: one self-contained file (inline CSS and SVG, no scripts, no
// fonts, images or links), readable without a statistics background.
#include <string>

#include "analysis/report/report_input.hpp"

namespace sisim::report {

// Renders the whole report. Never throws for empty or NaN data: such sections show a "no data" note.
std::string render_report(const ReportInput& in);

}  // namespace sisim::report
