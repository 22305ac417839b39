// The engine's shortcuts for event times (issue 16) give exactly what the plain formulas give.
// GeometricLaw skips the log where ceil(-log(u) / lambda) is surely the cap: hand-worked cases
// first, then every uniform on a fine grid and the uniforms nearest its threshold, compared bit
// for bit with geometric_transitions (the definition, MODEL.md: exit and dropout).
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/model/path_scratch.hpp"

namespace sisim::model::detail {
namespace {

TEST(GeometricLaw, HandWorkedHalfHazard) {
  // lambda = ln 2 (q = 0.5 a month): ceil(-log2(u)) transitions. u = 0.3: -log2 = 1.74 -> 2;
  // u = 0.2: 2.32 -> 3 = cap; u = 0.1: 3.32 -> 4, capped at 3; u = 0.7: 0.51 -> 1.
  const GeometricLaw law(std::log(2.0), 3);
  EXPECT_EQ(law.transitions(0.3), 2);
  EXPECT_EQ(law.transitions(0.2), 3);
  EXPECT_EQ(law.transitions(0.1), 3);
  EXPECT_EQ(law.transitions(0.7), 1);
}

TEST(GeometricLaw, NoHazardMeansTheCap) {
  const GeometricLaw law(0.0, 181);
  for (double u : {1e-300, 0.5, 0x1.fffffffffffffp-1}) EXPECT_EQ(law.transitions(u), 181);
}

TEST(GeometricLaw, EqualsTheFormulaEverywhereAndAtItsThreshold) {
  // Exit hazards of the shipped scenarios (0.2 % a month over 181 transitions), a dropout hazard
  // (1.5 % over 18), a certain event (lambda = kCertainHazard) and a cap of 1.
  const std::vector<std::pair<double, int>> laws = {{monthly_cumulative_hazard(0.002), 181},
                                                    {monthly_cumulative_hazard(0.015), 18},
                                                    {monthly_cumulative_hazard(0.3), 5},
                                                    {kCertainHazard, 181},
                                                    {monthly_cumulative_hazard(0.1), 1}};
  for (const auto& [lambda, cap] : laws) {
    const GeometricLaw law(lambda, cap);
    for (int k = 1; k < 200000; ++k) {
      const double u = k / 200000.0;
      ASSERT_EQ(law.transitions(u), geometric_transitions(u, lambda, cap)) << lambda << " " << u;
    }
    // Around u* = exp(-lambda (cap - 1)), where the answer turns from cap to cap - 1: 2,000
    // neighbouring doubles on each side, and the edges of the 1e-9 margin.
    const double threshold = std::exp(-lambda * static_cast<double>(cap - 1));
    for (double centre : {threshold, threshold * (1.0 - 1e-9)}) {
      double u = centre;
      for (int k = 0; k < 2000; ++k) u = std::nextafter(u, 0.0);
      for (int k = 0; k < 4000 && u < 1.0; ++k, u = std::nextafter(u, 1.0)) {
        if (u <= 0.0) continue;
        ASSERT_EQ(law.transitions(u), geometric_transitions(u, lambda, cap)) << lambda << " " << u;
      }
    }
  }
}

}  // namespace
}  // namespace sisim::model::detail
