#include "analysis/report/report_of_file.hpp"

#include "analysis/report/file_report_input.hpp"
#include "analysis/report/report.hpp"
#include "analysis/report/report_reader.hpp"

namespace sisim::report {

std::string render_report_of_file(const std::string& path) {
  switch (result_kind(path)) {
    case ResultKind::stress:
      return render_stress_report(read_stress_report_input(path));
    case ResultKind::sweep:
      return render_sweep_report(read_sweep_report_input(path));
    case ResultKind::price:
      return render_price_report(read_price_report_input(path));
    case ResultKind::run:
      break;
  }
  return render_report(read_report_input(path));
}

}  // namespace sisim::report
