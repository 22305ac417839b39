// The public discount curve (public.discount, docs/MODEL.md 8) against closed forms: the real and the
// nominal basis agree on an indexed flow, a constant nominal amount is deflated, the Finance
// Ministry's step from 3.5 % to 2.5 % after year 35 [19], and the plain-rate NPV bit for bit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "sim/finance/npv.hpp"

namespace sisim::finance {
namespace {

// sum_{m=0}^{n-1} q^m = (1 - q^n) / (1 - q): the NPV of 1 a month at monthly discount factor q.
double geometric(double q, int n) {
  return (1.0 - std::pow(q, n)) / (1.0 - q);
}

TEST(PublicDiscount, IndexedRealFlowAtTheNominalRateEqualsTheRealBasis) {
  // 1,000 a month in real terms for 180 months, indexed at i = 2 % a year: month m pays
  // 1,000 x 1.02^(m/12) nominal. At the nominal rate (1.035)(1.02) - 1 = 5.57 % it is worth the
  // constant real flow at 3.5 %: 1,000 x sum_m 1.035^(-m/12).
  const double r = 0.035, i = 0.02, nominal = (1.0 + r) * (1.0 + i) - 1.0;
  EXPECT_NEAR(nominal, 0.0557, 1e-15);
  std::vector<double> indexed(180);
  for (int m = 0; m < 180; ++m) indexed[static_cast<size_t>(m)] = 1000.0 * std::pow(1.0 + i, m / 12.0);
  const double closed = 1000.0 * geometric(std::pow(1.0 + r, -1.0 / 12.0), 180);
  const double at_nominal = npv(indexed, DiscountCurve{nominal, 0.0});
  const double on_real_basis = npv(indexed, DiscountCurve{r, i});
  EXPECT_NEAR(at_nominal, closed, 1e-9 * closed);
  EXPECT_NEAR(on_real_basis, closed, 1e-9 * closed);
}

TEST(PublicDiscount, ConstantNominalAmountIsDeflatedOnARealBasis) {
  // 1,000 nominal in month 24, real basis 3.5 % with 2 % inflation: 1,000 / (1.035^2 x 1.02^2) =
  // 1,000 / (1.071225 x 1.0404) = 897.26... in month-0 prices; on a nominal basis at 3.5 % it would
  // be 1,000 / 1.071225 = 933.51...
  std::vector<double> f(25, 0.0);
  f[24] = 1000.0;
  EXPECT_NEAR(npv(f, DiscountCurve{0.035, 0.02}), 1000.0 / (1.071225 * 1.0404), 1e-9);
  EXPECT_NEAR(npv(f, DiscountCurve{0.035, 0.0}), 1000.0 / 1.071225, 1e-9);
  // 100 nominal a month for 120 months: 100 x sum_m ((1.035)(1.02))^(-m/12).
  const std::vector<double> flat(120, 100.0);
  EXPECT_NEAR(npv(flat, DiscountCurve{0.035, 0.02}),
              100.0 * geometric(std::pow(1.035 * 1.02, -1.0 / 12.0), 120), 1e-8);
}

TEST(PublicDiscount, FinanceMinistryStepAfterYear35) {
  // 3.5 % real for years 0-35, 2.5 % after [19]: 1 in month 480 (year 40) is worth
  // 1.035^(-35) x 1.025^(-5); 1 in month 420 only 1.035^(-35).
  const DiscountCurve fm{0.035, 0.0, 0.025, 420};
  std::vector<double> f(481, 0.0);
  f[480] = 1.0;
  EXPECT_NEAR(npv(f, fm), std::pow(1.035, -35.0) * std::pow(1.025, -5.0), 1e-12);
  std::vector<double> g(421, 0.0);
  g[420] = 1.0;
  EXPECT_NEAR(npv(g, fm), std::pow(1.035, -35.0), 1e-12);
  // Inside 35 years the step changes nothing.
  const std::vector<double> flat(180, 1.0);
  EXPECT_EQ(npv(flat, fm), npv(flat, 0.035));
}

TEST(PublicDiscount, RealBasisWithoutInflationIsThePlainRateBitForBit) {
  // Results of scenarios written before public.discount existed do not move.
  std::vector<double> f(180);
  for (int m = 0; m < 180; ++m) f[static_cast<size_t>(m)] = std::sin(m) * 1e4 - 300.0;
  EXPECT_EQ(npv(f, DiscountCurve{0.035, 0.0}), npv(f, 0.035));
  EXPECT_EQ(npv(f, DiscountCurve{0.08, 0.0}), npv(f, 0.08));
}

TEST(PublicDiscount, FactorTableIsTheCurveMonthByMonth) {
  // 3.5 % real, 2 % inflation, 2.5 % from month 24: month m's factor is
  // 1.02^(-m/12) x 1.035^(-min(m, 24)/12) x 1.025^(-max(0, m - 24)/12), to rounding.
  const DiscountCurve curve{0.035, 0.02, 0.025, 24};
  const DiscountFactors table(curve, 60);
  ASSERT_EQ(table.factors().size(), 60u);
  for (int m = 0; m < 60; ++m) {
    const double closed = std::pow(1.02, -m / 12.0) * std::pow(1.035, -std::min(m, 24) / 12.0) *
                          std::pow(1.025, -std::max(0, m - 24) / 12.0);
    EXPECT_NEAR(table.factors()[static_cast<size_t>(m)], closed, 1e-14) << "month " << m;
  }
}

TEST(PublicDiscount, FactorTableNpvIsTheCurvesNpvBitForBit) {
  // A path takes two dozen NPVs on its public curve from one table (issue 16); each must be the
  // curve's own npv to the last bit, for streams shorter than, as long as and longer than the table
  // (beyond it the table carries on the recurrence), with the long-term step inside and outside.
  std::vector<double> f(200);
  for (int m = 0; m < 200; ++m) f[static_cast<size_t>(m)] = std::sin(m) * 1e4 - 300.0;
  for (int m = 0; m < 30; ++m)
    f[static_cast<size_t>(m)] = m % 2 == 0 ? 0.0 : -0.0;  // leading zeros, both signs
  for (const DiscountCurve curve : {DiscountCurve{0.035, 0.0}, DiscountCurve{0.035, 0.02, 0.025, 24},
                                    DiscountCurve{0.04, 0.015, 0.02, 150}}) {
    for (const int months : {0, 1, 24, 25, 120, 180, 200}) {
      const DiscountFactors table(curve, months);
      for (const size_t length : {size_t{0}, size_t{1}, size_t{25}, size_t{180}, size_t{200}}) {
        const std::vector<double> stream(f.begin(), f.begin() + static_cast<std::ptrdiff_t>(length));
        EXPECT_EQ(table.npv(stream), npv(stream, curve)) << "table " << months << " months, stream " << length
                                                         << ", long step at " << curve.long_from_month;
      }
    }
  }
  // Zero throughout: +0.0, as the sum from the first month gives.
  const std::vector<double> zeros = {0.0, -0.0, 0.0, -0.0};
  EXPECT_TRUE(std::signbit(npv(zeros, DiscountCurve{0.035, 0.0})) == false);
  EXPECT_EQ(DiscountFactors(DiscountCurve{0.035, 0.0}, 4).npv(zeros), 0.0);
  EXPECT_FALSE(std::signbit(DiscountFactors(DiscountCurve{0.035, 0.0}, 4).npv(zeros)));
}

TEST(PublicDiscount, NpvsSideBySideAreEachNpvBitForBit) {
  // npv_each sums the streams as long as the table four at a time; every result must be that
  // stream's own npv, whatever the count (a group of four, a remainder) and with streams of other
  // lengths among them (priced one by one).
  const DiscountFactors table(DiscountCurve{0.035, 0.02, 0.025, 60}, 120);
  std::vector<std::vector<double>> data;
  for (int s = 0; s < 11; ++s) {
    const size_t length = s == 3 ? 90 : s == 8 ? 150 : 120;
    std::vector<double> v(length);
    for (size_t m = 0; m < length; ++m)
      v[m] = std::sin(static_cast<double>(m) * (0.3 + 0.1 * s)) * 1e5 - 50.0 * s;
    data.push_back(std::move(v));
  }
  for (size_t count = 0; count <= data.size(); ++count) {
    std::vector<const std::vector<double>*> streams;
    for (size_t s = 0; s < count; ++s) streams.push_back(&data[s]);
    std::vector<double> out(count, -1.0);
    table.npv_each(streams, out);
    for (size_t s = 0; s < count; ++s)
      EXPECT_EQ(out[s], table.npv(data[s])) << count << " streams, stream " << s;
  }
}

}  // namespace
}  // namespace sisim::finance
