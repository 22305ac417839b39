#pragma once
// Payment as a share of measured fiscal savings (docs/MODEL.md 13, "Savings share"): the
// Finnish Koto-SIB paid 50 % of the difference between its participants and a randomised control
// group in unemployment benefits paid and earned-income tax, over three years. Here: benefits paid
// minus income taxes (AM-bidrag, municipal and state tax on benefits and wages) in months < the
// outcome window, treated against the control group or, without one, against the counterfactual
// arm (what a very large randomised trial would measure).
#include <vector>

#include "sim/model/history.hpp"
#include "sim/model/path_parameters.hpp"

namespace sisim::contract {

// Public net cost of a person-month by segment: benefit minus the income taxes on it (on benefit),
// minus the taxes on the wage (employed). taxes = false: benefits only (employed months cost 0).
struct FiscalCosts {
  std::vector<double> on_benefit, employed;
};
FiscalCosts fiscal_costs(const model::PathParameters& pp, bool taxes);

// cum[t] = public net cost of `people` in months <= t (t < window): benefit months (enrolled, not
// employed, not exited) at on_benefit[segment], employment months at employed[segment].
std::vector<double> fiscal_cost_curve(const std::vector<model::ArmHistory>& people, const FiscalCosts& costs,
                                      int window);

// Measured savings by cutoff month t (t < window): comparison cost minus treated cost. With
// `per_person` (a control group of another size) the comparison's cost per person enrolled by t is
// scaled to the treated people enrolled by t.
std::vector<double> measured_fiscal_savings(const std::vector<model::ArmHistory>& treated,
                                            const std::vector<model::ArmHistory>& comparison, bool per_person,
                                            const FiscalCosts& costs, int window);

}  // namespace sisim::contract
