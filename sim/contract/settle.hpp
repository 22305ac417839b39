#pragma once
// One path's contract, start to finish: count outcomes on the treated (and control) histories,
// schedule the payers' payments, run them through the finance, and summarise (MODEL.md 7-9).
#include <vector>

#include "sim/contract/outcome.hpp"
#include "sim/contract/terms.hpp"
#include "sim/model/history.hpp"

namespace sisim::contract {

// treated: the treated-arm histories of the cohort (all enrolled participants).
// control: the evaluation control group's histories (required for a control-group deduction,
//          else may be nullptr; if given, measured_effect is filled).
// drawdowns: programme costs the investor pays, by month (`horizon` entries).
// termination_month: from draw_termination_month(); -1 if the contract runs its course.
// Throws std::invalid_argument on inputs MODEL.md 12 calls configuration errors.
void settle_contract(const ContractTerms& terms, const std::vector<model::ArmHistory>& treated,
                     const std::vector<model::ArmHistory>* control, const std::vector<double>& drawdowns,
                     int termination_month, int horizon, ContractOutcome& out);

}  // namespace sisim::contract
