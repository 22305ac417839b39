#include "sim/cli/summary_table.hpp"

#include <cmath>
#include <cstdio>

namespace sisim::cli {
namespace {

constexpr int kP5 = 1, kP50 = 4, kP95 = 7;  // indices into analysis::kQuantileLevels

std::string format_value(double v, Unit unit) {
  char buf[64];
  if (std::isnan(v)) return "n/a";
  switch (unit) {
    case Unit::percent:
      std::snprintf(buf, sizeof buf, "%.2f %%", 100.0 * v);
      break;
    case Unit::multiple:
      std::snprintf(buf, sizeof buf, "%.3fx", v);
      break;
    case Unit::money:
      if (std::fabs(v) >= 1e6)
        std::snprintf(buf, sizeof buf, "%.2f M", v / 1e6);
      else
        std::snprintf(buf, sizeof buf, "%.0f k", std::fabs(v) < 500.0 ? 0.0 : v / 1e3);  // no "-0 k"
      break;
  }
  return buf;
}

std::string with_se(double v, double se, Unit unit) {
  return format_value(v, unit) + " \xC2\xB1" + format_value(se, unit);
}

}  // namespace

std::string format_summary_table(const std::vector<HeadlineRow>& rows, const std::string& title) {
  std::string out = title + "\n";
  char line[400];
  std::snprintf(line, sizeof line, "%-34s %20s %20s %20s %20s\n", "metric", "P5", "P50 (median)", "P95",
                "mean");
  out += line;
  for (const auto& r : rows) {
    const auto& s = r.summary;
    std::snprintf(line, sizeof line, "%-34s %20s %20s %20s %20s\n", r.label.c_str(),
                  with_se(s.quantiles[kP5], s.quantile_se[kP5], r.unit).c_str(),
                  with_se(s.quantiles[kP50], s.quantile_se[kP50], r.unit).c_str(),
                  with_se(s.quantiles[kP95], s.quantile_se[kP95], r.unit).c_str(),
                  with_se(s.mean, s.se_mean, r.unit).c_str());
    out += line;
  }
  out += "\nrisk\n";
  for (const auto& r : rows) {
    const auto& s = r.summary;
    if (!r.loss_label.empty()) {
      std::snprintf(line, sizeof line, "  %-48s %8.2f %% \xC2\xB1%.2f\n", ("P(" + r.loss_label + ")").c_str(),
                    100.0 * s.p_loss, 100.0 * s.p_loss_se);
      out += line;
    }
    if (r.show_shortfall) {
      std::snprintf(line, sizeof line, "  %-48s %10s\n", ("mean of the worst 5 % of " + r.label).c_str(),
                    with_se(-s.es_05, s.es_05_se, r.unit).c_str());
      out += line;
    }
  }
  out +=
      "(\xC2\xB1 = Monte Carlo standard error; the investor loses money when outcome receipts plus any\n"
      " guarantee fall short of the capital drawn; a budget loses money when its NPV is below 0)\n";
  return out;
}

std::string format_summary_csv(const std::vector<HeadlineRow>& rows) {
  std::string out = "metric,p5,p5_se,p50,p50_se,p95,p95_se,mean,mean_se,p_loss,p_loss_se,es_05,es_05_se,n\n";
  char line[600];
  for (const auto& r : rows) {
    const auto& s = r.summary;
    std::snprintf(line, sizeof line,
                  "%s,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%.10g,%lld\n",
                  r.label.c_str(), s.quantiles[kP5], s.quantile_se[kP5], s.quantiles[kP50],
                  s.quantile_se[kP50], s.quantiles[kP95], s.quantile_se[kP95], s.mean, s.se_mean, s.p_loss,
                  s.p_loss_se, s.es_05, s.es_05_se, static_cast<long long>(s.n));
    out += line;
  }
  return out;
}

}  // namespace sisim::cli
