#pragma once
// Exact expected state probabilities of one segment, written independently of sim/model: a 5-state
// Markov chain (programme B/E, dropped-out B/E, X) propagated with explicit 5x5 matrices.
#include <vector>

namespace sisim::test {

struct ExactInputs {
  double h = 0, s = 0, x = 0;  // monthly hazards (normal regime)
  int duration = 0;
  double dropout = 0, retention = 1, half_life = 0;  // half_life: +inf permanent
  double hazard_ratio = 1;
};

struct ExactEmployment {
  std::vector<double> treated, counterfactual;  // P(E at k months after enrolment), k = 0..months
};

ExactEmployment exact_employment(const ExactInputs& in, int months);

}  // namespace sisim::test
