#pragma once
// Helpers shared by the sim/io tests: a private scratch folder per test and whole-file reads.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "sim/io/h5_reader.hpp"
#include "sim/io/h5_writer.hpp"

namespace sisim::io::test {

// A fresh folder under the system temp dir, removed with everything in it at the end of the test.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sisim-io-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  const std::filesystem::path& path() const { return path_; }

  // Names of every entry in the folder (hidden temporary files included), sorted.
  std::vector<std::string> entries() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_)) names.push_back(e.path().filename());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
}

// The message of the IoError that opening `path` gives, or "(opened without error)".
inline std::string open_error(const std::string& path) {
  try {
    ResultReader reader(path);
  } catch (const IoError& e) {
    return e.what();
  }
  return "(opened without error)";
}

// A complete, minimal result file "valid.h5" in `dir` with one column of `values` doubles.
inline std::string write_valid(const ScratchDir& dir, std::size_t values) {
  const std::string path = dir.file("valid.h5");
  ResultWriter w(path, false);
  w.set_root_attribute("schema_version", io::kResultSchemaVersion);
  w.write_column("/paths/investor/npv", std::vector<double>(values, 2.5), "DKK", "NPV");
  w.commit();
  return path;
}

}  // namespace sisim::io::test
