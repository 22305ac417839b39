#pragma once
// Society's account and the funding alternatives in result files and on the terminal
// (docs/HDF5.md 2.6): the summaries come from analysis/alternatives.hpp; this file only moves
// them between a run, an HDF5 file and text.
#include <optional>
#include <string>

#include "analysis/alternatives.hpp"
#include "sim/engine/engine.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::api {

analysis::ColumnMap society_columns(const engine::RunOutput& run);
analysis::ColumnMap read_society_columns(const io::ResultReader& r, const std::string& prefix = "");

// /summary/society, /summary/alternatives and /timeseries/society_account under `prefix`.
void write_society(io::ResultWriter& w, const std::string& prefix, const engine::RunOutput& run,
                   const std::string& currency = "DKK");
// The same from a summary made beforehand (summarize_society(society_columns(run))) and the run's
// series: for a writer that frees the run's columns as it writes them.
void write_society(io::ResultWriter& w, const std::string& prefix,
                   const std::optional<analysis::SocietySummary>& summary,
                   const engine::SeriesSummary& series, const std::string& currency);

// The terminal section printed after the headline table ("" when the summary is absent).
std::string format_society_table(const std::optional<analysis::SocietySummary>& s,
                                 const std::string& currency = "DKK");

}  // namespace sisim::api
