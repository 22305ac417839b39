#include "sim/cli/run_checks.hpp"

#include <filesystem>
#include <stdexcept>

namespace sisim::cli {

bool output_is_usable(const std::string& path, bool force, std::string& why) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (fs::exists(path, ec) && !force) {
    why = path + " exists (use --force to replace it)";
    return false;
  }
  const fs::path folder = fs::absolute(fs::path(path)).parent_path();
  if (!fs::is_directory(folder, ec)) {
    why = "folder " + folder.string() + " does not exist";
    return false;
  }
  return true;
}

const std::vector<double>& column_of(const RunOutput& run, const std::string& path) {
  const int c = run.columns.find(path);
  if (c < 0) throw std::runtime_error("the engine wrote no column " + path);
  return run.columns.column(c);
}

std::vector<std::uint8_t> investor_loss(const RunOutput& run) {
  const auto& flags = column_of(run, "/paths/investor/loss/nominal");
  return std::vector<std::uint8_t>(flags.begin(), flags.end());
}

}  // namespace sisim::cli
