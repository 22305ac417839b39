// Evaluation noise (MODEL.md 7): with a control-group deduction, what is paid depends on a
// finite sample. With the treated outcome fixed, the paid amount's spread across control groups
// follows sampling theory and shrinks like 1/sqrt(n_c).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "fixtures.hpp"
#include "sim/contract/settle.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::contract {

using config::Budget;
using config::Metric;

using model::ArmHistory;
using model::Spell;

namespace {

// Treated: 100 people enrolled in month 0, 60 of them start a job in month 0. One line,
// job_start at 1000, window 12, one payment date (11). Control people are employed from month 0
// with probability p0 = 0.2, independently. Paid = 1000 * (60 - 100 X / n_c) with
// X ~ Binomial(n_c, 0.2) (the floor at 0 needs X/n_c > 0.6, > 10 sd away for n_c >= 50), so
// sd(paid) = 1000 * 100 * sqrt(0.2 * 0.8 / n_c) and mean = 1000 * (60 - 20) = 40000.
double paid_sd(int n_c, double& mean) {
  ContractTerms t;
  t.present = true;
  t.window = 12;
  t.interval = 12;
  t.lag = 0;
  t.payer_shares[static_cast<size_t>(Budget::municipality)] = 1.0;
  t.lines.push_back({test::rule(Metric::job_start, 1), 1000.0, 0.0});
  t.deduction = DeductionKind::control_group;
  t.control_group_size = n_c;
  std::vector<ArmHistory> treated;
  for (int i = 0; i < 100; ++i)
    treated.push_back(test::person(0, i < 60 ? std::vector<Spell>{{0, 24}} : std::vector<Spell>{}));

  const rng::Key key = rng::key_from_seed(4242);
  constexpr int kReplicates = 600;
  double s = 0.0, s2 = 0.0;
  ContractOutcome out;
  const std::vector<double> draw(24, 0.0);
  for (int r = 0; r < kReplicates; ++r) {
    std::vector<ArmHistory> control;
    for (int j = 0; j < n_c; ++j) {
      const double u = rng::UniformStream(key, static_cast<std::uint64_t>(r), static_cast<std::uint64_t>(j),
                                          rng::StreamId::control_labour, static_cast<std::uint32_t>(n_c))
                           .at(0);
      control.push_back(test::person(0, u < 0.2 ? std::vector<Spell>{{0, 24}} : std::vector<Spell>{}));
    }
    settle_contract(t, treated, &control, draw, -1, 24, out);
    s += out.payments_due_total;
    s2 += out.payments_due_total * out.payments_due_total;
  }
  mean = s / kReplicates;
  return std::sqrt((s2 - s * s / kReplicates) / (kReplicates - 1));
}

TEST(ControlGroup, PaidSpreadShrinksLikeOneOverRootN) {
  constexpr int kReplicates = 600;
  const double rel_se = 1.0 / std::sqrt(2.0 * (kReplicates - 1));  // SE of a sample sd, relative
  double mean50 = 0.0, mean200 = 0.0;
  const double sd50 = paid_sd(50, mean50), sd200 = paid_sd(200, mean200);
  const double theory50 = 100000.0 * std::sqrt(0.16 / 50), theory200 = 100000.0 * std::sqrt(0.16 / 200);
  EXPECT_NEAR(sd50, theory50, 4 * rel_se * theory50);
  EXPECT_NEAR(sd200, theory200, 4 * rel_se * theory200);
  // Quadrupling n_c halves the spread; SE of the ratio ~ 2 * sqrt(2) * rel_se.
  EXPECT_NEAR(sd50 / sd200, 2.0, 4 * 2.0 * std::sqrt(2.0) * rel_se);
  // Unbiased on average: mean 40000, SE = sd / sqrt(replicates).
  EXPECT_NEAR(mean50, 40000.0, 4 * theory50 / std::sqrt(kReplicates));
  EXPECT_NEAR(mean200, 40000.0, 4 * theory200 / std::sqrt(kReplicates));
}

}  // namespace
}  // namespace sisim::contract
