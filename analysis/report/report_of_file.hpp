#pragma once
// The HTML report of any result file, whatever its kind: a run or tornado file, a stress, sweep
// or price file, each read by its reader (report_reader.hpp, file_report_input.hpp) and rendered
// by its page. What `sisim report` and sisim.report (Python) write.
#include <string>

namespace sisim::report {

// Throws io::IoError for a damaged, forged or foreign file (nothing is rendered from it).
std::string render_report_of_file(const std::string& path);

}  // namespace sisim::report
