// `sisim compare A.h5 B.h5 ...`: run files side by side, each metric with its change from A
// (paired standard errors when the files share seed and paths). Results: api::compare.
#include <fmt/format.h>

#include <cmath>
#include <cstdio>
#include <iterator>

#include "sim/api/front_door.hpp"
#include "sim/cli/commands.hpp"

namespace sisim::cli {
namespace {

std::string format_cell(double v, double se, bool probability, bool change) {
  if (std::isnan(v)) return "n/a";
  const char* sign = change && v >= 0 ? "+" : "";
  if (probability) {
    std::string out = fmt::format("{}{:.1f} {}", sign, 100.0 * v, change ? "pp" : "%");
    if (change && !std::isnan(se)) out += fmt::format(" \xC2\xB1{:.1f}", 100.0 * se);
    return out;
  }
  auto money = [](double x, const char* s) {
    if (std::fabs(x) >= 999500.0) return fmt::format("{}{:.2f} M", s, x / 1e6);  // not "1000 k": 1.00 M
    return fmt::format("{}{:.0f} k", s, std::fabs(x) < 500.0 ? 0.0 : x / 1e3);
  };
  std::string out = money(v, sign);
  if (change && !std::isnan(se)) out += " \xC2\xB1" + money(se, "");
  return out;
}

}  // namespace

int cmd_compare(const Args& args) {
  if (args.positional.size() < 2) {
    std::fprintf(stderr, "sisim compare: expected two or more result files (A.h5 B.h5 ...)\n");
    return kExitUsage;
  }
  api::CompareResult compared;
  try {
    compared = api::compare(args.positional);
  } catch (...) {
    return report_failure(args.command, std::current_exception());
  }
  const std::vector<analysis::CompareRun>& runs = compared.runs;
  const analysis::CompareTable& t = compared.table;
  std::string out =
      "sisim compare: " + std::to_string(runs.size()) + " runs, changes from " + args.positional[0] + "\n";
  const auto to_out = std::back_inserter(out);
  for (size_t r = 0; r < t.runs.size(); ++r)
    fmt::format_to(to_out, "  [{}] {}: {} (seed {}, {} paths){}\n", r, args.positional[r], t.runs[r],
                   runs[r].seed, runs[r].paths,
                   r == 0        ? ""
                   : t.paired[r] ? ", paired with [0]"
                                 : ", not paired with [0]: SEs combined");
  for (size_t m = 0; m < t.metrics.size(); ++m) {
    out += t.metrics[m] + "\n";
    for (size_t r = 0; r < t.runs.size(); ++r) {
      const auto& c = t.cells[r][m];
      fmt::format_to(to_out, "  [{}] {:<24} {}\n", r,
                     format_cell(c.value, c.value_se, t.probability[m], false),
                     r == 0 ? "" : "change " + format_cell(c.change, c.change_se, t.probability[m], true));
    }
  }
  out += "(money is in each file's own currency and nominal; \xC2\xB1 = standard error of the change)\n";
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace sisim::cli
