#pragma once
// Monthly money flows of one arm of one path, per public budget and line item.
// Sign convention (MODEL.md section 12): cost to the budget positive, income negative;
// savings = counterfactual minus treated.
#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sisim::model {

// Fixed line items; each public.other_flows entry adds one item after these, in config order.
enum class LineItem {
  benefit,
  refusion,
  municipal_tax,
  equalisation,
  state_tax,
  result_grant,
  outcome_payments,
  guarantee
};
inline constexpr int kFixedLineItems = 8;
const char* to_string(LineItem item);

// Each (budget, item) line notes whether it was written since the last clear(), so that clear()
// zeroes only those: a path books a dozen of the table's lines, and clearing all of them for both
// arms was the largest memset of a path (issue 16). Every write goes through a non-const at() or
// line(), which mark the line.
class FlowTable {
 public:
  FlowTable() = default;
  FlowTable(int months, int items)
      : months_(months),
        items_(items),
        data_(static_cast<size_t>(config::kBudgetCount) * items * months, 0.0),
        written_(static_cast<size_t>(config::kBudgetCount) * items, 0) {}

  double& at(config::Budget b, int item, int month) {
    written_[line_index(b, item)] = 1;
    return data_[index(b, item, month)];
  }
  // The months of one line, to write (marks it written).
  double* line(config::Budget b, int item) {
    written_[line_index(b, item)] = 1;
    return &data_[index(b, item, 0)];
  }
  double at(config::Budget b, int item, int month) const { return data_[index(b, item, month)]; }
  const double* row(config::Budget b, int item) const { return &data_[index(b, item, 0)]; }  // months values
  void add(config::Budget b, LineItem item, int month, double amount) {
    at(b, static_cast<int>(item), month) += amount;
  }

  int months() const { return months_; }
  int items() const { return items_; }
  // False only if the line has not been written since the last clear(): then it is all +0.0, and a
  // reader may skip it (adding +0.0 to a sum that started at +0.0 leaves it unchanged, bit for bit).
  bool written(config::Budget b, int item) const { return written_[line_index(b, item)] != 0; }
  void clear() {
    for (size_t l = 0; l < written_.size(); ++l) {
      if (!written_[l]) continue;
      std::fill_n(data_.begin() + static_cast<std::ptrdiff_t>(l * static_cast<size_t>(months_)), months_,
                  0.0);
      written_[l] = 0;
    }
  }
  // Total over items of one budget in one month.
  double budget_month(config::Budget b, int month) const {
    double s = 0.0;
    for (int i = 0; i < items_; ++i) s += at(b, i, month);
    return s;
  }

 private:
  size_t line_index(config::Budget b, int item) const {
    return static_cast<size_t>(b) * static_cast<size_t>(items_) + static_cast<size_t>(item);
  }
  size_t index(config::Budget b, int item, int month) const {
    return (static_cast<size_t>(b) * static_cast<size_t>(items_) + static_cast<size_t>(item)) *
               static_cast<size_t>(months_) +
           static_cast<size_t>(month);
  }
  int months_ = 0, items_ = 0;
  std::vector<double> data_;
  std::vector<int> written_;  // per line: written since the last clear() (int: no aliasing with data_)
};

}  // namespace sisim::model
