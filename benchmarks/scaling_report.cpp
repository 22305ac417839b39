#include "scaling_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace sisim::bench {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

const ScalingRow* baseline_of(const std::vector<ScalingRow>& rows) {
  for (const auto& r : rows)
    if (r.threads == 1) return &r;
  return nullptr;
}

template <class F>
std::vector<double> collect(const ScalingRow& row, F&& field) {
  std::vector<double> v;
  for (const auto& run : row.runs) v.push_back(field(run));
  return v;
}

std::string fmt(const char* format, double value) {
  if (std::isnan(value)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, format, value);
  return buf;
}

// JSON has no NaN: missing figures are null.
std::string json_number(double value) {
  if (!std::isfinite(value)) return "null";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", value);
  return buf;
}

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_array(const std::vector<double>& values) {
  std::string out = "[";
  for (size_t i = 0; i < values.size(); ++i) out += (i ? ", " : "") + json_number(values[i]);
  return out + "]";
}

std::string load_text(const std::array<double, 3>& l) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f, %.2f, %.2f", l[0], l[1], l[2]);
  return buf;
}

}  // namespace

double median(std::vector<double> values) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const size_t n = values.size();
  return n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]);
}

RowFigures figures_of(const ScalingSetup& setup, const ScalingRow& row, const ScalingRow* baseline) {
  RowFigures f{};
  const double paths = static_cast<double>(setup.paths);
  f.seconds = median(collect(row, [](const ChildRun& r) { return r.wall_seconds; }));
  f.paths_per_s = paths / f.seconds;
  f.per_thread = f.paths_per_s / row.threads;
  f.participant_paths_per_s = f.paths_per_s * setup.participants * 2.0;
  f.cpu_seconds = median(collect(row, [](const ChildRun& r) { return r.cpu_seconds; }));
  const auto peaks = collect(row, [](const ChildRun& r) { return r.peak_rss_mib; });
  f.peak_mib = *std::max_element(peaks.begin(), peaks.end());
  // sisim prints its rate to the path but its seconds only to 0.1 s: derive the time from the rate.
  f.engine_paths_per_s = median(collect(row, [](const ChildRun& r) { return r.engine_rate; }));
  f.engine_seconds = f.engine_paths_per_s > 0 ? paths / f.engine_paths_per_s : kNaN;
  if (!(f.engine_paths_per_s > 0)) f.engine_paths_per_s = kNaN;
  f.efficiency = f.engine_efficiency = kNaN;
  if (baseline != nullptr) {
    const RowFigures b = figures_of(setup, *baseline, nullptr);
    f.efficiency = f.paths_per_s / (b.paths_per_s * row.threads);
    f.engine_efficiency = f.engine_paths_per_s / (b.engine_paths_per_s * row.threads);
  }
  return f;
}

std::string format_table(const ScalingSetup& s, const std::vector<ScalingRow>& rows) {
  std::string out;
  char line[512];
  std::snprintf(line, sizeof line,
                "scenario %s: %lld paths, %.1f enrolled per path (cohort %d x E[fill] %.4f) x 2 arms, "
                "median of %d, %u hardware threads\nload average before: %s; after: %s\n",
                s.scenario.c_str(), static_cast<long long>(s.paths), s.participants, s.cohort_size,
                s.fill_rate_mean, s.repeats, s.hardware_threads, load_text(s.load_before).c_str(),
                load_text(s.load_after).c_str());
  out += line;
  out +=
      "threads  seconds   paths/s  paths/s/thr  part-paths/s  efficiency  peak MiB  cpu s | "
      "engine s  engine paths/s  engine eff\n";
  const ScalingRow* base = baseline_of(rows);
  for (const auto& row : rows) {
    const RowFigures f = figures_of(s, row, base);
    std::snprintf(line, sizeof line,
                  "%7d  %7.2f  %8.0f  %11.0f  %12.3g  %10s  %8.1f  %5.1f | %8s  %14s  %10s\n", row.threads,
                  f.seconds, f.paths_per_s, f.per_thread, f.participant_paths_per_s,
                  fmt("%.1f %%", 100.0 * f.efficiency).c_str(), f.peak_mib, f.cpu_seconds,
                  fmt("%.2f", f.engine_seconds).c_str(), fmt("%.0f", f.engine_paths_per_s).c_str(),
                  fmt("%.1f %%", 100.0 * f.engine_efficiency).c_str());
    out += line;
  }
  out +=
      "seconds = wall time of `sisim run` (load + simulate + summarise + write HDF5); engine = sisim's own\n"
      "timing of the simulation alone. efficiency = speedup over 1 thread / threads.\n";
  return out;
}

std::string format_json(const ScalingSetup& s, const std::vector<ScalingRow>& rows) {
  std::string out = "{\n";
  out += "  \"scenario\": " + json_string(s.scenario) + ",\n";
  out += "  \"sisim\": " + json_string(s.sisim) + ",\n";
  out += "  \"paths\": " + std::to_string(s.paths) + ",\n";
  out += "  \"repeats\": " + std::to_string(s.repeats) + ",\n";
  out += "  \"cohort_size\": " + std::to_string(s.cohort_size) + ",\n";
  out += "  \"fill_rate_mean\": " + json_number(s.fill_rate_mean) + ",\n";
  out += "  \"participants_per_path\": " + json_number(s.participants) + ",\n";
  out += "  \"hardware_threads\": " + std::to_string(s.hardware_threads) + ",\n";
  out += "  \"load_average_before\": " + json_array({s.load_before.begin(), s.load_before.end()}) + ",\n";
  out += "  \"load_average_after\": " + json_array({s.load_after.begin(), s.load_after.end()}) + ",\n";
  out += "  \"results\": [\n";
  const ScalingRow* base = baseline_of(rows);
  for (size_t i = 0; i < rows.size(); ++i) {
    const auto& row = rows[i];
    const RowFigures f = figures_of(s, row, base);
    out += "    {\"threads\": " + std::to_string(row.threads) + ", \"seconds\": " + json_number(f.seconds) +
           ", \"paths_per_s\": " + json_number(f.paths_per_s) +
           ", \"paths_per_s_per_thread\": " + json_number(f.per_thread) +
           ", \"participant_paths_per_s\": " + json_number(f.participant_paths_per_s) +
           ", \"efficiency\": " + json_number(f.efficiency) +
           ", \"peak_rss_mib\": " + json_number(f.peak_mib) +
           ", \"cpu_seconds\": " + json_number(f.cpu_seconds) +
           ", \"engine_seconds\": " + json_number(f.engine_seconds) +
           ", \"engine_paths_per_s\": " + json_number(f.engine_paths_per_s) +
           ", \"engine_efficiency\": " + json_number(f.engine_efficiency) + ",\n     \"seconds_all\": " +
           json_array(collect(row, [](const ChildRun& r) { return r.wall_seconds; })) +
           ", \"engine_paths_per_s_all\": " +
           json_array(collect(row, [](const ChildRun& r) { return r.engine_rate; })) +
           ", \"peak_rss_mib_all\": " +
           json_array(collect(row, [](const ChildRun& r) { return r.peak_rss_mib; })) + "}" +
           (i + 1 < rows.size() ? ",\n" : "\n");
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace sisim::bench
