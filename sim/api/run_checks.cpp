#include "sim/api/run_checks.hpp"

#include <stdexcept>

#include "sim/io/output_file.hpp"
#include "sim/io/result_schema.hpp"

namespace sisim::api {

using engine::RunOutput;

using config::Config;

std::vector<InputFile> scenario_inputs(const std::string& scenario, const Config& config) {
  std::vector<InputFile> inputs = {{scenario, "the scenario"}};
  for (const auto& parent : config.extended_files) inputs.push_back({parent, "a file the scenario extends"});
  return inputs;
}

bool output_is_usable(const std::string& path, bool force, const std::vector<InputFile>& inputs,
                      std::string& why) {
  for (const InputFile& input : inputs) {
    if (input.path.empty() || !io::same_file(path, input.path)) continue;
    why = "the output '" + path + "' is also an input of this command (" + input.role + " '" + input.path +
          "'): writing it would destroy the input; choose another output file";
    return false;
  }
  try {
    io::check_output_path(path, force);
  } catch (const io::IoError& e) {
    why = e.what();
    return false;
  }
  io::remove_stale_temporaries(path);  // left by sisim processes killed while writing here
  return true;
}

const std::vector<double>& column_of(const RunOutput& run, const std::string& path) {
  const int c = run.columns.find(path);
  if (c < 0) throw std::runtime_error("the engine wrote no column " + path);
  return run.columns.column(c);
}

std::vector<std::uint8_t> investor_loss(const RunOutput& run) {
  const auto& flags = column_of(run, io::column_path(io::ColumnGroup::loss, "nominal"));
  return std::vector<std::uint8_t>(flags.begin(), flags.end());
}

}  // namespace sisim::api
