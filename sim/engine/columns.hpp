#pragma once
// Per-path scalar results, one column per metric, one row per path (stored by path index, so the
// order in which threads finish never matters). Which columns exist, their file types, units and
// descriptions come from the schema table of sim/io/result_schema.hpp.
#include <cstdint>
#include <string>
#include <vector>

#include "sim/io/result_schema.hpp"

namespace sisim::engine {

struct ColumnSpec {
  std::string path;  // HDF5 dataset path, e.g. "/paths/investor/irr"
  std::string units;
  std::string description;
  io::ElementType type = io::ElementType::float64;  // in the file; in memory every column is double
  bool integer() const { return type != io::ElementType::float64; }
};

// The spec of a schema column in a scenario whose money is in `currency` and whose public NPVs are
// on `price_basis` (`instance`: the tranche or budget name, or the key of a sampled parameter; see
// io::column_path).
inline ColumnSpec column_spec(const io::ColumnSchema& column, const std::string& currency,
                              const std::string& price_basis, const std::string& instance = "") {
  return {io::column_path(column, instance), io::units_text(column.unit, currency, price_basis),
          io::column_description(column, instance, price_basis), column.type};
}

class ColumnSet {
 public:
  int add(ColumnSpec spec) {
    specs_.push_back(std::move(spec));
    return static_cast<int>(specs_.size()) - 1;
  }
  // Every column `rows` zeros, made side by side on the caller's threads (columns.cpp).
  void allocate(std::int64_t rows);
  void set(int column, std::int64_t row, double value) {
    data_[static_cast<size_t>(column)][static_cast<size_t>(row)] = value;
  }
  const std::vector<ColumnSpec>& specs() const { return specs_; }
  const std::vector<double>& column(int c) const { return data_[static_cast<size_t>(c)]; }
  std::vector<double>& mutable_column(int c) { return data_[static_cast<size_t>(c)]; }
  // Frees column `c`'s memory (a writer that has copied it into the file image; at a million
  // paths the columns and the image would not fit in 1 GiB together, issue 16). column(c) is
  // empty afterwards.
  void release(int c) { std::vector<double>().swap(data_[static_cast<size_t>(c)]); }
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
