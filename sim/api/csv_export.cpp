#include "sim/api/csv_export.hpp"

#include <cmath>
#include <cstdio>
#include <functional>

#include "sim/api/csv_text.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/result_schema.hpp"

namespace sisim::api {
namespace {

// Every dataset below `group`, depth first, in sorted order (the reader lists sorted names).
void collect(const io::ResultReader& r, const std::string& group, std::vector<std::string>& out) {
  for (const auto& name : r.list(group)) {
    const std::string path = group + "/" + name;
    if (r.is_group(path))
      collect(r, path, out);
    else
      out.push_back(path);
  }
}

}  // namespace

std::string stress_csv(const std::vector<std::string>& cases,
                       const std::vector<std::vector<PairedValue>>& rows, const std::string& currency) {
  std::string out = "case,metric,value,change,change_se,units\n";
  const auto& metrics = comparison_metrics();
  for (size_t c = 0; c < cases.size() && c < rows.size(); ++c)
    for (size_t m = 0; m < metrics.size() && m < rows[c].size(); ++m) {
      const std::string name = metrics[m].name;
      const std::string units = name.find("irr") != std::string::npos ? "1/year"
                                : metrics[m].unit == Unit::money      ? currency
                                                                      : "1";
      out += csv_quoted(cases[c]) + "," + name + "," + csv_number(rows[c][m].value) + "," +
             csv_number(rows[c][m].change) + "," + csv_number(rows[c][m].change_se) + "," +
             csv_quoted(units) + "\n";
    }
  return out;
}

std::string sweep_csv(const SweepTable& t) {
  std::string out = "point";
  for (const auto& c : t.columns) out += "," + csv_quoted(c);
  out += ",metric,statistic,value\n";
  const auto& metrics = sweep_metrics();
  const auto& stats = sweep_stats();
  for (size_t row = 0; row < t.index.size(); ++row) {
    std::string lead = std::to_string(t.index[row]);
    for (const auto& column : t.values) lead += "," + csv_number(column[row]);
    for (size_t m = 0; m < metrics.size(); ++m)
      for (size_t s = 0; s < stats.size(); ++s)
        out += lead + "," + metrics[m] + "," + stats[s] + "," +
               csv_number(t.stats[m * stats.size() + s][row]) + "\n";
  }
  return out;
}

std::string per_path_csv(const std::string& result_file) {
  const io::ResultReader r(result_file);
  const std::string root(io::kPerPathRoot);
  if (!r.exists(root)) throw io::IoError("no /paths: per-path columns are in run and tornado files");
  std::vector<std::string> datasets;
  collect(r, root, datasets);
  std::vector<std::vector<double>> columns;
  std::string out = "path";
  for (const auto& d : datasets) {
    out += "," + csv_quoted(io::relative_column_name(d));
    columns.push_back(r.read_doubles(d));
  }
  out += "\n";
  const size_t rows = columns.empty() ? 0 : columns.front().size();
  for (size_t i = 0; i < rows; ++i) {
    out += std::to_string(i);
    for (const auto& c : columns) out += "," + (i < c.size() ? csv_number(c[i]) : std::string());
    out += "\n";
  }
  return out;
}

}  // namespace sisim::api
