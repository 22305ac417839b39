#pragma once
// CSV exports for spreadsheets: the stress comparison and the sweep summary in a tidy long
// format, and every per-path column of a run (one row per path). Numbers with 10 significant
// digits; an undefined value is an empty cell (a spreadsheet reads it as missing, not as text).
#include <string>
#include <vector>

#include "sim/api/stress_compare.hpp"
#include "sim/api/sweep_file.hpp"

namespace sisim::api {

// case,metric,value,change,change_se,units: one row per case and metric.
std::string stress_csv(const std::vector<std::string>& cases,
                       const std::vector<std::vector<PairedValue>>& rows, const std::string& currency);

// point,<swept column>...,metric,statistic,value: one row per point, metric and statistic.
std::string sweep_csv(const SweepTable& table);

// path,<column>...: every /paths dataset of a run (or tornado) file, named without "/paths/".
std::string per_path_csv(const std::string& result_file);

}  // namespace sisim::api
