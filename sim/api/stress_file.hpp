#pragma once
// The stress groups of a result file (docs/HDF5.md section 4): /stress/comparison (one row per
// case, the base first) and /stress/cases (what each case changed). The runs themselves are
// written by write_run under /cases/<name>.
#include <string>
#include <vector>

#include "config/stress.hpp"
#include "sim/api/stress_compare.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::api {

struct CaseRecord {
  std::string name;
  std::string description;
  std::vector<config::Shift> shifts;    // as written in the cases file
  std::vector<config::Shift> resolved;  // as applied: every shift a `set` of the new value
  std::string config_yaml;      // the case's resolved scenario
};

void write_stress_case(io::ResultWriter& writer, const CaseRecord& record);

// `rows[c]` holds compare_paired(base, case c) for each case name (cases[0] = "base").
// `public_basis` is the base's public_price_basis: the public NPVs' units name it.
void write_stress_comparison(io::ResultWriter& writer, const std::vector<std::string>& cases,
                             const std::vector<std::vector<PairedValue>>& rows, const std::string& currency,
                             const std::string& public_basis);

// Reads /stress/comparison back (for `sisim summarize`); throws io::IoError.
void read_stress_comparison(const std::string& path, std::vector<std::string>& cases,
                            std::vector<std::vector<PairedValue>>& rows);

}  // namespace sisim::api
