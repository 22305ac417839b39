#pragma once
// The sisim result file (schema in docs/HDF5.md): written by `run`, read by `summarize` and
// `report`. The generic HDF5 mechanics live in sim/io; this file knows the sisim layout.
#include <optional>
#include <string>
#include <vector>

#include "analysis/alternatives.hpp"
#include "config/config.hpp"
#include "config/loader.hpp"
#include "sim/api/summary_table.hpp"
#include "sim/engine/engine.hpp"
#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::api {

inline constexpr int kSchemaVersion = static_cast<int>(io::kResultSchemaVersion);

// Readers never trust a file (a forged or damaged one must give an error, never a crash or a
// silently wrong table): each checks the shape of what it reads. All throw io::IoError.

// "[3 x 9]" for error messages.
std::string shape_text(const std::vector<std::size_t>& dims);
// The root attribute `paths`: an integer >= 1.
std::int64_t read_paths_attribute(const io::ResultReader& r);
// A one-dimensional dataset of exactly `length` numbers.
std::vector<double> read_column_of_length(const io::ResultReader& r, const std::string& path,
                                          std::int64_t length);
// A [rows x cols] matrix with exactly `cols` columns (and `rows` rows unless rows < 0).
std::vector<double> read_matrix_of_shape(const io::ResultReader& r, const std::string& path,
                                         std::int64_t rows, std::int64_t cols, std::size_t& rows_read);

struct WriteRequest {
  std::string path;
  bool force = false;
  std::string command_line;
};

// The /summary/<group>/ datasets of one statistic summary (docs/HDF5.md 2.4).
void write_summary(io::ResultWriter& writer, const std::string& prefix, const std::string& group,
                   const stats::Summary& s, const std::string& units, const std::string& p_loss_label);

// The summary of a run (metric rows and event probabilities), computed from its columns.
results::ResultSummary headline_rows(const config::Config& config, const engine::RunOutput& run);

// Everything a run's result file and its terminal table show of its per-path columns: the metric
// rows and events (headline_rows) and society's account (analysis::summarize_society; nullopt
// without its columns). Made once and handed to both, since each is a selection over every path
// of every metric.
struct RunSummaries {
  results::ResultSummary headline;
  std::optional<analysis::SocietySummary> society;
};
// Both at once, side by side on the run's own number of threads (run.threads: `--threads 1`
// means one thread here too). The same doubles for any thread count.
RunSummaries run_summaries(const config::Config& config, const engine::RunOutput& run);

// The scenario's arm coupling as written to the root attribute `arm_coupling` ("0.5", or
// "uncertain ..." when it is a distribution), and the line that states it under every summary.
std::string arm_coupling_text(const config::Config& config);
std::string assumption_line(const std::string& arm_coupling);

// Pieces of a result file, for commands that write several runs into one file (stress cases,
// sweep points): root attributes and /meta once, then each run under its own prefix
// ("" for a plain run, e.g. "/cases/recession" for a stress case).
void write_root_metadata(io::ResultWriter& writer, const WriteRequest& request, const config::Config& config,
                         const engine::RunOutput& run);
void write_run(io::ResultWriter& writer, const std::string& prefix, const engine::RunOutput& run,
               const results::ResultSummary& summary, const std::string& currency);

// Writes the whole file atomically (temporary name, rename on success), with the summaries made
// beforehand by run_summaries(config, run). Throws io::IoError.
void write_result_file(const WriteRequest& request, const config::Config& config,
                       const engine::RunOutput& run, const RunSummaries& summaries);
// The same, freeing each per-path column of `run` as soon as it is in the file image (peak memory:
// the columns and the image never coexist in full). `run.columns` holds no data afterwards.
void write_result_file(const WriteRequest& request, const config::Config& config, engine::RunOutput&& run,
                       const RunSummaries& summaries);

// The scenario a result file was made from (/meta/config_yaml loaded back); throws io::IoError.
config::Config config_of_file(const std::string& path);

// The summary document (terms, rows, events, notes) read back from /summary (throws io::IoError
// for a foreign or corrupt file, or a file written before schema version 2).
SummaryDocument read_summary_document(const std::string& path, const std::string& prefix = "");

}  // namespace sisim::api
