#include "analysis/compare.hpp"

#include <cmath>
#include <limits>

#include "sim/io/result_schema.hpp"

namespace sisim::analysis {
namespace {

using io::ColumnGroup;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MetricSpec {
  const char* label;
  bool probability;
};
const MetricSpec kMetrics[] = {
    {"investor NPV, mean", false},
    {"P(investor gets back less than it paid in)", true},
    {"municipality NPV, mean", false},
    {"public_total NPV, mean", false},
    {"society's account NPV, mean", false},
    {"(b) municipality funds it itself, mean", false},
    {"(c) minus (b): outcome contract vs own funding", false},
};

const std::vector<double>* get(const ColumnMap& c, const std::string& path) {
  const auto it = c.find(path);
  return it == c.end() ? nullptr : &it->second;
}

// The per-path series of metric m, empty when the run lacks it.
std::vector<double> series(const ColumnMap& c, size_t m) {
  auto copy = [&](const std::string& path) {
    const auto* x = get(c, path);
    return x ? *x : std::vector<double>{};
  };
  switch (m) {
    case 0:
      return copy(io::column_path(ColumnGroup::investor, "npv"));
    case 1: {
      const auto *r = get(c, io::column_path(ColumnGroup::investor, "total_received")),
                 *g = get(c, io::column_path(ColumnGroup::investor, "guarantee_received")),
                 *d = get(c, io::column_path(ColumnGroup::investor, "total_drawn"));
      if (!r || !g || !d || r->size() != d->size() || g->size() != d->size()) return {};
      std::vector<double> out(d->size());
      for (size_t i = 0; i < out.size(); ++i) out[i] = (*r)[i] + (*g)[i] < (*d)[i] ? 1.0 : 0.0;
      return out;
    }
    case 2:
      return copy(io::column_path(ColumnGroup::budget, "npv", "municipality"));
    case 3:
      return copy(io::column_path(ColumnGroup::budget, "npv", "public_total"));
    case 4:
      return copy(io::column_path(ColumnGroup::society, "npv"));
    case 5:
      return copy(io::column_path(ColumnGroup::alternatives, "own_funding"));
    default: {
      const auto *a = get(c, io::column_path(ColumnGroup::alternatives, "outcome_contract")),
                 *b = get(c, io::column_path(ColumnGroup::alternatives, "own_funding"));
      if (!a || !b || a->size() != b->size()) return {};
      std::vector<double> out(a->size());
      for (size_t i = 0; i < out.size(); ++i) out[i] = (*a)[i] - (*b)[i];
      return out;
    }
  }
}

}  // namespace

std::vector<std::string> compare_column_paths() {
  return {io::column_path(ColumnGroup::investor, "npv"),
          io::column_path(ColumnGroup::investor, "total_received"),
          io::column_path(ColumnGroup::investor, "guarantee_received"),
          io::column_path(ColumnGroup::investor, "total_drawn"),
          io::column_path(ColumnGroup::budget, "npv", "municipality"),
          io::column_path(ColumnGroup::budget, "npv", "public_total"),
          io::column_path(ColumnGroup::society, "npv"),
          io::column_path(ColumnGroup::alternatives, "own_funding"),
          io::column_path(ColumnGroup::alternatives, "outcome_contract")};
}

CompareTable compare_runs(const std::vector<CompareRun>& runs) {
  CompareTable t;
  for (const auto& m : kMetrics) {
    t.metrics.emplace_back(m.label);
    t.probability.push_back(m.probability);
  }
  const size_t metrics = t.metrics.size();
  std::vector<std::vector<double>> first(metrics);
  for (size_t m = 0; m < metrics && !runs.empty(); ++m) first[m] = series(runs[0].columns, m);
  for (size_t r = 0; r < runs.size(); ++r) {
    t.runs.push_back(runs[r].name);
    const bool paired = r > 0 && runs[r].seed == runs[0].seed && runs[r].paths == runs[0].paths;
    t.paired.push_back(paired);
    std::vector<CompareCell> row;
    for (size_t m = 0; m < metrics; ++m) {
      const std::vector<double> x = series(runs[r].columns, m);
      CompareCell cell;
      stats::MeanAccumulator acc;
      for (double v : x) acc.add(v);
      cell.value = x.empty() ? kNaN : acc.mean();
      cell.value_se = acc.count() >= 2 ? acc.se_mean() : kNaN;
      if (r == 0) {
        cell.change = 0.0;
        cell.change_se = 0.0;
      } else if (x.empty() || first[m].empty()) {
        cell.change = cell.change_se = kNaN;
      } else if (paired && x.size() == first[m].size()) {
        const PairedDifference d = paired_difference(x, first[m]);
        cell.change = d.mean;
        cell.change_se = d.se;
      } else {
        const double base = row.size() < metrics ? t.cells[0][m].value : kNaN;
        cell.change = cell.value - base;
        cell.change_se =
            std::sqrt(cell.value_se * cell.value_se + t.cells[0][m].value_se * t.cells[0][m].value_se);
      }
      row.push_back(cell);
    }
    t.cells.push_back(row);
  }
  return t;
}

}  // namespace sisim::analysis
