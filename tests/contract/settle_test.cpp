// Whole-path settlement: the tiered payoff seen by the investor, and money conservation over
// random hand-built inputs (MODEL.md 7-9).
#include "sim/contract/settle.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "fixtures.hpp"
#include "sim/contract/investor_metrics.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::contract {

using config::Budget;
using config::kMetricCount;
using config::Metric;

using model::ArmHistory;

namespace {

using test::person;

// 10 participants enrolled in month 0, k of them employed from month 0 on.
std::vector<ArmHistory> cohort_with_jobs(int k) {
  std::vector<ArmHistory> h;
  for (int i = 0; i < 10; ++i) h.push_back(i < k ? person(0, {{0, 24}}) : person(0, {}));
  return h;
}

// Tiers only, no rate card: measure job starts per participant at month 11 against a baseline
// of 0.15. Nothing below 0.10; tier 1 from 0.10 pays 8000; tier 2 from 0.20 pays 11000 + 20000
// per unit above 0.20. Dates 5 and 11, lag 1: the tier is paid in month 12. The investor draws
// 10000 in month 0; a foundation guarantees 25 % of a loss.
ContractTerms tier_terms(double guarantee) {
  ContractTerms t;
  t.present = true;
  t.window = 12;
  t.interval = 6;
  t.lag = 1;
  t.payer_shares[static_cast<size_t>(Budget::municipality)] = 1.0;
  t.deduction = DeductionKind::baseline;
  t.tiers.enabled = true;
  t.tiers.rule = test::rule(Metric::job_start, 1);
  t.tiers.at_month = 11;
  t.tiers.threshold = 0.10;
  t.tiers.tiers = {{0.10, 8000.0, 0.0}, {0.20, 11000.0, 20000.0}};
  t.tiers.baseline_rate = 0.15;
  t.finance.tranches = {{"investor", 1.0, std::nullopt, guarantee, Budget::foundation}};
  return t;
}

InvestorMetrics tier_case(int jobs, double guarantee, ContractOutcome& out) {
  std::vector<double> draw(24, 0.0);
  draw[0] = 10000.0;
  settle_contract(tier_terms(guarantee), cohort_with_jobs(jobs), nullptr, draw, -1, 24, out);
  return investor_metrics(out, 0.08);
}

TEST(TieredPayoff, InvestorReturnRisesThroughTiers) {
  ContractOutcome out;
  // k = 2: measured 0.2 - 0.15 = 0.05 < 0.10: nothing paid; the guarantee returns 2500 in month
  // 12, the investor loses the unguaranteed 75 % of capital. Annual IRR = 0.25 - 1 = -0.75.
  auto m = tier_case(2, 0.25, out);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 0.0);
  EXPECT_DOUBLE_EQ(out.guarantee_paid, 2500.0);
  EXPECT_EQ(out.guarantee_month, 12);
  EXPECT_NEAR(m.total_received - m.total_drawn, -7500.0, 1e-9);
  EXPECT_NEAR(m.irr_annual, -0.75, 1e-9);
  // Without a guarantee: a total loss.
  EXPECT_EQ(tier_case(2, 0.0, out).status, finance::IrrStatus::total_loss);
  // k = 3: 0.15 -> tier 1, 8000 + guarantee 0.25 * 2000 = 500 in month 12: IRR 0.85 - 1.
  m = tier_case(3, 0.25, out);
  EXPECT_NEAR(out.tier_measured, 0.15, 1e-12);
  EXPECT_NEAR(m.irr_annual, -0.15, 1e-9);
  // k = 4: 0.25 -> 11000 + 20000 * 0.05 = 12000 in month 12: IRR 20 %.
  m = tier_case(4, 0.25, out);
  EXPECT_NEAR(out.gross_payments[12], 12000.0, 1e-6);
  EXPECT_NEAR(m.irr_annual, 0.20, 1e-9);
  // k = 5: 0.35 -> 11000 + 3000 = 14000: IRR 40 %.
  EXPECT_NEAR(tier_case(5, 0.25, out).irr_annual, 0.40, 1e-9);
}

// ---- money conservation over random inputs ----

struct Dice {
  rng::UniformStream u;
  int integer(int lo, int hi) { return lo + static_cast<int>(u.next() * (hi - lo + 1)); }  // [lo, hi]
  double real(double lo, double hi) { return lo + u.next() * (hi - lo); }
  bool coin(double p = 0.5) { return u.next() < p; }
};

std::vector<ArmHistory> random_people(Dice& d, int n, int horizon) {
  std::vector<ArmHistory> h;
  for (int i = 0; i < n; ++i) {
    ArmHistory p;
    p.enrol_month = d.integer(0, 11);
    int m = p.enrol_month + d.integer(0, 6);
    while (m < horizon && d.coin(0.7)) {
      const int end = std::min(horizon, m + d.integer(1, 14));
      p.employment.push_back({m, end});
      m = end + d.integer(1, 6);
    }
    h.push_back(p);
  }
  return h;
}

ContractTerms random_terms(Dice& d) {
  ContractTerms t;
  t.present = true;
  t.window = d.integer(6, 30);
  t.interval = d.integer(1, 6);
  t.lag = d.integer(0, 4);
  const double mun = d.real(0.0, 1.0);
  t.payer_shares[static_cast<size_t>(Budget::municipality)] = mun;
  t.payer_shares[static_cast<size_t>(Budget::state)] = 1.0 - mun;
  const int kind = d.integer(0, 2);
  t.deduction = static_cast<DeductionKind>(kind);
  for (int metric = 0; metric < kMetricCount; ++metric) {
    if (d.coin(0.3)) continue;
    t.lines.push_back(
        {test::rule(static_cast<Metric>(metric), d.integer(1, 4), d.integer(1, 8), d.integer(0, 5)),
         d.real(100, 5000), d.real(0.0, 1.5)});
  }
  if (d.coin()) t.cap_total = d.real(1000, 50000);
  if (d.coin(0.3)) {
    t.tiers.enabled = true;
    t.tiers.rule = test::rule(Metric::employment_month);
    t.tiers.at_month = d.integer(0, 30);
    t.tiers.threshold = d.real(0, 2);
    t.tiers.tiers = {{0.0, d.real(0, 5000), d.real(0, 3000)}, {1.0, d.real(5000, 9000), 0.0}};
  }
  t.finance.provider_share = d.real(0.0, 0.3);
  t.finance.tranches.clear();
  const int tranches = d.integer(1, 3);
  for (int i = 0; i < tranches; ++i) {
    std::optional<double> cap;
    if (d.coin(0.7)) cap = d.real(0.0, 0.3);
    t.finance.tranches.push_back(
        {"t", 1.0 / tranches, cap, d.real(0.0, 1.0), d.coin() ? Budget::foundation : Budget::region});
  }
  return t;
}

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(Conservation, EveryKroneIsAccountedFor) {
  const rng::Key key = rng::key_from_seed(777);
  constexpr int kHorizon = 80;
  for (std::uint64_t c = 0; c < 300; ++c) {
    Dice d{rng::UniformStream(key, c, 0, rng::StreamId::parameters)};
    const ContractTerms t = random_terms(d);
    const auto treated = random_people(d, d.integer(1, 40), kHorizon);
    const auto control = random_people(d, d.integer(1, 40), kHorizon);
    std::vector<double> draw(kHorizon, 0.0);
    for (int m = 0; m < 36; ++m) draw[static_cast<size_t>(m)] = d.coin(0.6) ? d.real(0, 3000) : 0.0;
    const int termination = d.coin(0.3) ? d.integer(0, 40) : -1;
    ContractOutcome out;
    settle_contract(t, treated, &control, draw, termination, kHorizon, out);

    const double tol = 1e-9 * (1.0 + sum(out.gross_payments) + sum(draw));
    EXPECT_NEAR(sum(out.gross_payments), out.payments_due_total, tol) << c;
    // cap_total bounds what the payers actually pay (provider share included), not what falls due.
    double paid_total = 0.0;
    for (const auto& p : out.payer_payments) paid_total += sum(p);
    EXPECT_LE(paid_total, t.cap_total + tol) << c;
    double guarantees = 0.0;
    for (const auto& g : out.guarantee_payments) guarantees += sum(g);
    EXPECT_NEAR(guarantees, out.guarantee_paid, tol) << c;
    for (size_t m = 0; m < kHorizon; ++m) {
      double paid = 0.0, tranche_in = 0.0, tranche_draw = 0.0, tranche_flow = 0.0;
      for (const auto& p : out.payer_payments) paid += p[m];
      for (const auto& tr : out.tranches) {
        tranche_in += tr.receipts[m];
        tranche_draw += tr.drawdowns[m];
        tranche_flow += tr.flows[m];
      }
      double guarantee_m = 0.0;
      for (const auto& g : out.guarantee_payments) guarantee_m += g[m];
      // Paid by payers = received by provider + investors; the rest of what was due stays.
      EXPECT_NEAR(paid, out.provider_receipts[m] + out.investor_receipts[m], tol) << c << " " << m;
      EXPECT_NEAR(paid + out.retained_by_payers[m], out.gross_payments[m], tol) << c << " " << m;
      EXPECT_GE(out.retained_by_payers[m], -tol);
      EXPECT_NEAR(tranche_in, out.investor_receipts[m], tol);
      EXPECT_NEAR(tranche_draw, draw[m], tol);
      EXPECT_NEAR(out.investor_flows[m], -draw[m] + out.investor_receipts[m] + guarantee_m, tol);
      EXPECT_NEAR(tranche_flow, out.investor_flows[m], tol);
    }
    if (termination >= 0) {
      EXPECT_LE(out.final_date - termination, t.interval - 1) << c;  // settled at the next date
    }
  }
}

}  // namespace
}  // namespace sisim::contract
