// The root finder (sim/numeric/root_finder.hpp) against closed-form roots: sqrt(2), the cube root
// of 2, ln 3, the Dottie number (the fixed point of cos, 0.7390851332151607 to 16 digits), a step
// at 0.3, and the statuses of an unbracketed and an unfinished search.
#include "sim/numeric/root_finder.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace sisim::numeric {
namespace {

constexpr double kDottie = 0.7390851332151607;

TEST(RootFinder, BrentFindsSmoothRootsToItsTolerance) {
  int calls = 0;
  const auto square = [&](double x) {
    ++calls;
    return x * x - 2.0;
  };
  const RootResult r = find_root(square, 0.0, 2.0, {RootMethod::brent, 1e-12});
  EXPECT_EQ(r.status, RootStatus::converged);
  EXPECT_NEAR(r.root, std::sqrt(2.0), 1e-12);
  EXPECT_LT(calls, 20) << "superlinear: far fewer than bisection's 41";
  const RootResult d =
      find_root([](double x) { return std::cos(x) - x; }, 0.0, 1.0, {RootMethod::brent, 1e-14});
  EXPECT_NEAR(d.root, kDottie, 1e-14);
}

TEST(RootFinder, IllinoisFindsRisingAndFallingRootsWithinItsBracketWidth) {
  const RootOptions o{RootMethod::illinois, 1e-9, 0.0, 200};
  const RootResult up = find_root([](double x) { return x * x * x - 2.0; }, 0.0, 2.0, o);
  EXPECT_EQ(up.status, RootStatus::converged);
  EXPECT_NEAR(up.root, std::cbrt(2.0), 1e-9);
  EXPECT_LE(std::fabs(up.b - up.a), 1e-9);
  const RootResult down = find_root([](double x) { return 3.0 - std::exp(x); }, 0.0, 2.0, o);
  EXPECT_EQ(down.status, RootStatus::converged);
  EXPECT_NEAR(down.root, std::log(3.0), 1e-9);
  // The f tolerance stops at the first x with |f(x)| below it.
  const RootResult loose =
      find_root([](double x) { return x - 0.25; }, 0.0, 1.0, {RootMethod::illinois, 1e-9, 0.1, 200});
  EXPECT_EQ(loose.status, RootStatus::converged);
  EXPECT_NEAR(loose.root, 0.25, 0.1);
}

TEST(RootFinder, BisectionBracketsTheStepOfAStepFunction) {
  // Only the sign is read: -1 below 0.3, +1 from it. Halving [0, 1] to 1e-3 takes ceil(log2 1000)
  // = 10 steps, and the bracket ends keep their signs.
  const auto step = [](double x) { return x >= 0.3 ? 1.0 : -1.0; };
  const RootResult r = find_root(step, 0.0, 1.0, -1.0, 1.0, {RootMethod::bisection, 1e-3, 0.0, 200});
  EXPECT_EQ(r.status, RootStatus::converged);
  EXPECT_EQ(r.iterations, 10);
  EXPECT_LT(r.a, 0.3);
  EXPECT_GE(r.b, 0.3);
  EXPECT_LE(r.b - r.a, 1e-3);
  // Given the other way round, the ends follow the caller's order.
  const RootResult flipped = find_root(step, 1.0, 0.0, 1.0, -1.0, {RootMethod::bisection, 1e-3, 0.0, 200});
  EXPECT_GE(flipped.a, 0.3);
  EXPECT_LT(flipped.b, 0.3);
}

TEST(RootFinder, ASearchWithoutASignChangeIsNotBracketed) {
  const auto positive = [](double x) { return x * x + 1.0; };
  for (RootMethod m : {RootMethod::brent, RootMethod::illinois, RootMethod::bisection}) {
    const RootResult r = find_root(positive, -1.0, 1.0, {m, 1e-9, 0.0, 200});
    EXPECT_EQ(r.status, RootStatus::not_bracketed);
    EXPECT_TRUE(std::isnan(r.root));
  }
  const RootResult nan_end = find_root([](double x) { return x < 0.5 ? std::nan("") : 1.0; }, 0.0, 1.0, {});
  EXPECT_EQ(nan_end.status, RootStatus::not_bracketed);
  EXPECT_STREQ(to_string(RootStatus::not_bracketed), "not_bracketed");
}

TEST(RootFinder, RunningOutOfIterationsIsReported) {
  const auto line = [](double x) { return x - 0.3; };
  const RootResult r = find_root(line, 0.0, 1.0, {RootMethod::bisection, 1e-12, 0.0, 3});
  EXPECT_EQ(r.status, RootStatus::no_convergence);
  EXPECT_EQ(r.iterations, 3);
  EXPECT_NEAR(r.b - r.a, 0.125, 1e-15);  // three halvings of [0, 1]
  EXPECT_EQ(find_root(line, 0.0, 1.0, {RootMethod::brent, 1e-15, 0.0, 1}).status, RootStatus::no_convergence);
}

TEST(RootFinder, AnEndThatIsARootIsReturnedAsIt) {
  const RootResult r = find_root([](double x) { return x - 1.0; }, 1.0, 3.0, {RootMethod::brent});
  EXPECT_EQ(r.status, RootStatus::converged);
  EXPECT_EQ(r.root, 1.0);
}

}  // namespace
}  // namespace sisim::numeric
