#pragma once
// Monthly money flows of one arm of one path, per public budget and line item.
// Sign convention (MODEL.md section 12): cost to the budget positive, income negative;
// savings = counterfactual minus treated.
#include <algorithm>
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sisim {

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

class FlowTable {
 public:
  FlowTable() = default;
  FlowTable(int months, int items)
      : months_(months), items_(items), data_(static_cast<size_t>(kBudgetCount) * items * months, 0.0) {}

  double& at(Budget b, int item, int month) { return data_[index(b, item, month)]; }
  double at(Budget b, int item, int month) const { return data_[index(b, item, month)]; }
  const double* row(Budget b, int item) const { return &data_[index(b, item, 0)]; }  // months values
  void add(Budget b, LineItem item, int month, double amount) {
    at(b, static_cast<int>(item), month) += amount;
  }

  int months() const { return months_; }
  int items() const { return items_; }
  void clear() { std::fill(data_.begin(), data_.end(), 0.0); }
  // Total over items of one budget in one month.
  double budget_month(Budget b, int month) const {
    double s = 0.0;
    for (int i = 0; i < items_; ++i) s += at(b, i, month);
    return s;
  }

 private:
  size_t index(Budget b, int item, int month) const {
    return (static_cast<size_t>(b) * static_cast<size_t>(items_) + static_cast<size_t>(item)) *
               static_cast<size_t>(months_) +
           static_cast<size_t>(month);
  }
  int months_ = 0, items_ = 0;
  std::vector<double> data_;
};

}  // namespace sisim
