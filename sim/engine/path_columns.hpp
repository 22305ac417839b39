#pragma once
// The column accumulator: registers a scenario's /paths columns (from the schema table,
// sim/io/result_schema.hpp) and copies each PathResult into its row.
#include <array>
#include <cstdint>
#include <vector>

#include "config/config.hpp"
#include "sim/engine/columns.hpp"
#include "sim/engine/path_result.hpp"

namespace sisim::engine {

class PathColumns {
 public:
  // Registers the columns the scenario writes (investor, tranches, budgets, outcomes, sampled
  // parameters, society, alternatives) in `columns`, remembering where each went.
  void define(const config::Config& config, ColumnSet& columns);
  // Writes `result` into row `path`.
  void record(std::int64_t path, const PathResult& result, ColumnSet& columns) const;

 private:
  struct LossColumns {
    int nominal = -1, npv_negative = -1, below_hurdle = -1;  // below_hurdle: -1 without finance.hurdle_rate
  };
  struct InvestorColumns {
    int irr = -1, irr_status = -1, moic = -1, npv = -1, total_received = -1;
    LossColumns loss;
  };
  InvestorColumns investor_;
  int payback_ = -1, peak_capital_ = -1, total_drawn_ = -1, guarantee_ = -1;
  int discounted_payback_ = -1, cap_reached_ = -1, commitment_exceeded_ = -1;
  std::vector<InvestorColumns> tranches_;
  std::array<int, kAccountBudgets> budget_npv_{}, budget_break_even_{};
  struct {
    int enrolled = -1, starts_treated = -1, starts_counterfactual = -1, months_treated = -1,
        months_counterfactual = -1, paid = -1, measured_effect = -1, termination = -1, recession = -1,
        hazard_ratio = -1, gap_clamped = -1;
  } outcomes_;
  int first_parameter_ = 0, parameters_ = 0;
  int society_npv_ = -1;
  std::array<int, kSocietyItems> society_items_{};
  std::array<int, kSocietyParties> society_division_{};
  struct {
    int own_funding = -1, outcome_contract = -1, co_funding = -1, co_funding_fund = -1, programme_costs = -1,
        municipal_savings = -1, public_savings = -1, extra_outcomes = -1;
  } alternatives_;
  int fiscal_difference_ = -1, measured_fiscal_savings_ = -1;  // with contract.savings_share only
};

}  // namespace sisim::engine
