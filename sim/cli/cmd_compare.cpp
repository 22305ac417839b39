// `sisim compare A.h5 B.h5 ...`: run files side by side, each metric with its change from A
// (paired standard errors when the files share seed and paths). Results: api::compare.
#include <cmath>
#include <cstdio>
#include <cstring>

#include "sim/api/front_door.hpp"
#include "sim/cli/commands.hpp"

namespace sisim::cli {
namespace {

std::string format_cell(double v, double se, bool probability, bool change) {
  char buf[96];
  if (std::isnan(v)) return "n/a";
  const char* sign = change && v >= 0 ? "+" : "";
  if (probability) {
    std::snprintf(buf, sizeof buf, "%s%.1f %s", sign, 100.0 * v, change ? "pp" : "%");
    if (change && !std::isnan(se))
      std::snprintf(buf + std::strlen(buf), sizeof buf - std::strlen(buf), " \xC2\xB1%.1f", 100.0 * se);
    return buf;
  }
  auto money = [](double x, char* out, size_t n, const char* s) {
    if (std::fabs(x) >= 999500.0)  // what would print as "1000 k" is 1.00 M
      std::snprintf(out, n, "%s%.2f M", s, x / 1e6);
    else
      std::snprintf(out, n, "%s%.0f k", s, std::fabs(x) < 500.0 ? 0.0 : x / 1e3);
  };
  money(v, buf, sizeof buf, sign);
  std::string out = buf;
  if (change && !std::isnan(se)) {
    money(se, buf, sizeof buf, "");
    out += std::string(" \xC2\xB1") + buf;
  }
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
  char line[600];
  for (size_t r = 0; r < t.runs.size(); ++r) {
    std::snprintf(line, sizeof line, "  [%zu] %s: %s (seed %llu, %lld paths)%s\n", r,
                  args.positional[r].c_str(), t.runs[r].c_str(),
                  static_cast<unsigned long long>(runs[r].seed), static_cast<long long>(runs[r].paths),
                  r == 0        ? ""
                  : t.paired[r] ? ", paired with [0]"
                                : ", not paired with [0]: SEs combined");
    out += line;
  }
  for (size_t m = 0; m < t.metrics.size(); ++m) {
    out += t.metrics[m] + "\n";
    for (size_t r = 0; r < t.runs.size(); ++r) {
      const auto& c = t.cells[r][m];
      std::snprintf(
          line, sizeof line, "  [%zu] %-24s %s\n", r,
          format_cell(c.value, c.value_se, t.probability[m], false).c_str(),
          r == 0 ? "" : ("change " + format_cell(c.change, c.change_se, t.probability[m], true)).c_str());
      out += line;
    }
  }
  out += "(money is in each file's own currency and nominal; \xC2\xB1 = standard error of the change)\n";
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace sisim::cli
