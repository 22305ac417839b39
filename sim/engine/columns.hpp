#pragma once
// Per-path scalar results, one column per metric, one row per path (stored by path index, so the
// order in which threads finish never matters). The schema of /paths in the result file.
#include <cstdint>
#include <string>
#include <vector>

namespace sisim::engine {

struct ColumnSpec {
  std::string path;  // HDF5 dataset path, e.g. "/paths/investor/irr"
  std::string units;
  std::string description;
  bool integer = false;  // stored as int32 in the file
};

class ColumnSet {
 public:
  int add(ColumnSpec spec) {
    specs_.push_back(std::move(spec));
    return static_cast<int>(specs_.size()) - 1;
  }
  void allocate(std::int64_t rows) {
    rows_ = rows;
    data_.assign(specs_.size(), std::vector<double>(static_cast<size_t>(rows), 0.0));
  }
  void set(int column, std::int64_t row, double value) {
    data_[static_cast<size_t>(column)][static_cast<size_t>(row)] = value;
  }
  const std::vector<ColumnSpec>& specs() const { return specs_; }
  const std::vector<double>& column(int c) const { return data_[static_cast<size_t>(c)]; }
  std::vector<double>& mutable_column(int c) { return data_[static_cast<size_t>(c)]; }
  int find(const std::string& path) const {
    for (size_t i = 0; i < specs_.size(); ++i)
      if (specs_[i].path == path) return static_cast<int>(i);
    return -1;
  }
  std::int64_t rows() const { return rows_; }

 private:
  std::vector<ColumnSpec> specs_;
  std::vector<std::vector<double>> data_;
  std::int64_t rows_ = 0;
};

}  // namespace sisim::engine
