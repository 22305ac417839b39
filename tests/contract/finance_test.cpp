// Finance on hand-worked streams (MODEL.md 8, 12): return cap, provider share, guarantee,
// tranches, and the investor's metrics.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "sim/contract/investor_metrics.hpp"
#include "sim/contract/waterfall.hpp"

namespace sisim::contract {

using config::Budget;
using config::Finance;
using config::kBudgetCount;

namespace {

constexpr size_t kMun = static_cast<size_t>(Budget::municipality);
constexpr size_t kState = static_cast<size_t>(Budget::state);
constexpr size_t kFound = static_cast<size_t>(Budget::foundation);

std::array<double, kBudgetCount> shares_60_40() {
  std::array<double, kBudgetCount> s{};
  s[kMun] = 0.6;
  s[kState] = 0.4;
  return s;
}

FinanceTerms one_investor(std::optional<double> cap, double guarantee = 0.0, double provider = 0.0) {
  FinanceTerms f;
  f.provider_share = provider;
  f.tranches = {{"investor", 1.0, cap, guarantee, Budget::foundation}};
  return f;
}

TEST(Finance, ReturnCapBinds) {
  // 1000 drawn in month 0, 2000 paid in month 12, cap 10 %: K before the receipt is
  // 1000 * (1.1^(1/12))^12 = 1100, so the investor gets 1100 and the payers keep 900, pro rata:
  // municipality pays 0.6 * 1100 = 660, state 440. A second 500 in month 24 finds K = 0.
  std::vector<double> gross(30, 0.0), draw(30, 0.0);
  draw[0] = 1000;
  gross[12] = 2000;
  gross[24] = 500;
  ContractOutcome out;
  run_finance(one_investor(0.10), shares_60_40(), gross, draw, 27, out);
  EXPECT_NEAR(out.investor_receipts[12], 1100.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[12], 900.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kMun][12], 660.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kState][12], 440.0, 1e-9);
  EXPECT_NEAR(out.investor_receipts[24], 0.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[24], 500.0, 1e-9);
  // The investor earns exactly the cap: annual IRR 10 %.
  const auto m = investor_metrics(out, 0.10);
  EXPECT_EQ(m.status, finance::IrrStatus::ok);
  EXPECT_NEAR(m.irr_annual, 0.10, 1e-9);
  EXPECT_NEAR(m.npv, 0.0, 1e-6);  // discounted at the cap rate
  EXPECT_NEAR(m.moic, 1.1, 1e-12);
  EXPECT_EQ(m.payback_month, 12);
  EXPECT_NEAR(m.peak_capital, 1000.0, 1e-12);
}

TEST(Finance, ProviderShareUnaffectedByCap) {
  // As above with provider share 0.2: provider 400; investors' 1600 capped at 1100; payers keep
  // 500 and pay 1500 (900 + 600); provider + investor = 400 + 1100 = 1500.
  std::vector<double> gross(20, 0.0), draw(20, 0.0);
  draw[0] = 1000;
  gross[12] = 2000;
  ContractOutcome out;
  run_finance(one_investor(0.10, 0.0, 0.2), shares_60_40(), gross, draw, 12, out);
  EXPECT_NEAR(out.provider_receipts[12], 400.0, 1e-9);
  EXPECT_NEAR(out.investor_receipts[12], 1100.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[12], 500.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kMun][12], 900.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kState][12], 600.0, 1e-9);
}

TEST(Finance, GuaranteeAmountAndMonth) {
  // 100 a month in months 0..9 (1000), 300 paid in month 14, guarantee 50 % of the loss:
  // 0.5 * (1000 - 300) = 350, paid by the foundation in month max(14, 9) = 14.
  std::vector<double> gross(30, 0.0), draw(30, 0.0);
  for (int m = 0; m < 10; ++m) draw[static_cast<size_t>(m)] = 100;
  gross[14] = 300;
  ContractOutcome out;
  run_finance(one_investor(std::nullopt, 0.5), shares_60_40(), gross, draw, 14, out);
  EXPECT_DOUBLE_EQ(out.guarantee_paid, 350.0);
  EXPECT_EQ(out.guarantee_month, 14);
  EXPECT_DOUBLE_EQ(out.guarantee_payments[kFound][14], 350.0);
  EXPECT_DOUBLE_EQ(out.investor_flows[14], 650.0);
  const auto m = investor_metrics(out, 0.0);
  EXPECT_NEAR(m.npv, -1000.0 + 300.0 + 350.0, 1e-9);  // undiscounted
  EXPECT_NEAR(m.moic, 0.65, 1e-12);
  EXPECT_EQ(m.payback_month, -1);
  // Drawdowns running to month 20 (last one after the final payment): paid in month 20.
  draw[20] = 100;  // total 1100: 0.5 * 800 = 400
  run_finance(one_investor(std::nullopt, 0.5), shares_60_40(), gross, draw, 14, out);
  EXPECT_EQ(out.guarantee_month, 20);
  EXPECT_DOUBLE_EQ(out.guarantee_paid, 400.0);
  // 5000 in month 14 with a 0 % cap: the investor receives its capital drawn by then (1000),
  // the month-20 drawdown (100) is never repaid, so the guarantee pays 0.5 * 100 = 50 in month
  // 20 on top of the capped receipts: the cap does not limit the guarantee.
  gross[14] = 5000;
  run_finance(one_investor(0.0, 0.5), shares_60_40(), gross, draw, 14, out);
  EXPECT_DOUBLE_EQ(out.investor_receipts[14], 1000.0);
  EXPECT_DOUBLE_EQ(out.guarantee_paid, 50.0);
  EXPECT_EQ(out.guarantee_month, 20);
  // Uncapped: 5000 > 1100 drawn, no loss, no guarantee.
  run_finance(one_investor(std::nullopt, 0.5), shares_60_40(), gross, draw, 14, out);
  EXPECT_DOUBLE_EQ(out.guarantee_paid, 0.0);
  EXPECT_EQ(out.guarantee_month, -1);
}

FinanceTerms senior_junior(std::optional<double> senior_cap) {
  FinanceTerms f;
  f.tranches = {{"senior", 0.7, senior_cap, 0.0, Budget::foundation},
                {"junior", 0.3, std::nullopt, 0.5, Budget::municipality}};
  return f;
}

TEST(Finance, TranchesSeniorFirstJuniorFirstLoss) {
  // Senior 70 % capped at 0 % (capital back only), junior 30 % uncapped with a 50 % guarantee
  // from the municipality. 1000 drawn in month 0 (700 / 300); 900 paid in month 10.
  // Senior: min(900, 700) = 700. Junior: the remaining 200; loss 100, guarantee 50 in month 10.
  std::vector<double> gross(20, 0.0), draw(20, 0.0);
  draw[0] = 1000;
  gross[10] = 900;
  ContractOutcome out;
  run_finance(senior_junior(0.0), shares_60_40(), gross, draw, 10, out);
  ASSERT_EQ(out.tranches.size(), 2u);
  EXPECT_DOUBLE_EQ(out.tranches[0].drawdowns[0], 700.0);
  EXPECT_DOUBLE_EQ(out.tranches[0].receipts[10], 700.0);
  EXPECT_DOUBLE_EQ(out.tranches[1].receipts[10], 200.0);
  EXPECT_DOUBLE_EQ(out.tranches[1].guarantee_paid, 50.0);
  EXPECT_DOUBLE_EQ(out.guarantee_payments[kMun][10], 50.0);
  EXPECT_DOUBLE_EQ(out.tranches[0].guarantee_paid, 0.0);
  EXPECT_NEAR(investor_metrics(out.tranches[0], 0.0).irr_annual, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(out.investor_flows[10], 950.0);
}

TEST(Finance, TranchesSeniorCappedJuniorTakesUpside) {
  // Senior capped at 6 %: K = 700 * 1.06 = 742 at month 12; junior takes 2000 - 742 = 1258.
  std::vector<double> gross(20, 0.0), draw(20, 0.0);
  draw[0] = 1000;
  gross[12] = 2000;
  ContractOutcome out;
  run_finance(senior_junior(0.06), shares_60_40(), gross, draw, 12, out);
  EXPECT_NEAR(out.tranches[0].receipts[12], 742.0, 1e-9);
  EXPECT_NEAR(out.tranches[1].receipts[12], 1258.0, 1e-9);
  EXPECT_NEAR(investor_metrics(out.tranches[0], 0.0).irr_annual, 0.06, 1e-9);
  EXPECT_NEAR(investor_metrics(out.tranches[1], 0.0).irr_annual, 1258.0 / 300.0 - 1.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[12], 0.0, 1e-12);
}

// cap_total limits what the payers actually pay (issue 14 item 9, docs/MODEL.md 13). 1000 drawn in
// months 0 and 13, return cap 10 %: K = 1000 * 1.1 = 1100 in month 12 and again 1100 in month 25.
// Due: 2000 in month 12, 1500 in month 25.
struct TwoDraws {
  std::vector<double> gross = std::vector<double>(30, 0.0), draw = std::vector<double>(30, 0.0);
  TwoDraws() {
    draw[0] = draw[13] = 1000;
    gross[12] = 2000;
    gross[25] = 1500;
  }
};

TEST(Finance, WithheldAmountsDoNotUseUpCapTotal) {
  // cap_total 2500. Month 12: the investor takes K = 1100, the payers keep 900 and have paid 1100.
  // Month 25: 2500 - 1100 = 1400 of the cap is left, more than K = 1100: the investor takes 1100
  // (the old rule counted the withheld 900 against the cap and paid only 2500 - 2000 = 500).
  const TwoDraws d;
  ContractOutcome out;
  run_finance(one_investor(0.10), shares_60_40(), d.gross, d.draw, 25, out, 2500.0);
  EXPECT_NEAR(out.investor_receipts[12], 1100.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[12], 900.0, 1e-9);
  EXPECT_NEAR(out.investor_receipts[25], 1100.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[25], 400.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kMun][25], 0.6 * 1100.0, 1e-9);
  // Both receipts are exactly the capital account: the investor earns the 10 % cap.
  EXPECT_NEAR(investor_metrics(out, 0.10).irr_annual, 0.10, 1e-9);
}

TEST(Finance, CapTotalBindsOnActualPayments) {
  // cap_total 1800: after 1100 paid in month 12, 700 is left in month 25: the investor gets 700
  // (below its K of 1100), the payers keep 1500 - 700 = 800, and they have paid exactly 1800.
  const TwoDraws d;
  ContractOutcome out;
  run_finance(one_investor(0.10), shares_60_40(), d.gross, d.draw, 25, out, 1800.0);
  EXPECT_NEAR(out.investor_receipts[25], 700.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[25], 800.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kMun][25] + out.payer_payments[kState][25], 700.0, 1e-9);
  // With provider share 0.2: month 12 pays 400 (provider) + 1100 (K) = 1500; 300 is left in month
  // 25, less than 1500's split, so x = 300 of the 1500 is settled: provider 60, investor 240.
  run_finance(one_investor(0.10, 0.0, 0.2), shares_60_40(), d.gross, d.draw, 25, out, 1800.0);
  EXPECT_NEAR(out.provider_receipts[12] + out.investor_receipts[12], 1500.0, 1e-9);
  EXPECT_NEAR(out.provider_receipts[25], 60.0, 1e-9);
  EXPECT_NEAR(out.investor_receipts[25], 240.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[25], 1500.0 - 300.0, 1e-9);  // the payers paid 60 + 240
}

TEST(Finance, CapTotalWithProviderShareAboveTheCapitalAccount) {
  // 100 drawn in month 0, return cap 0 % (K = 100), provider share 0.5, 1000 due in month 1,
  // cap_total 300. Settling x pays 0.5 x + min(0.5 x, 100): 300 at x = (300 - 100) / 0.5 = 400:
  // provider 200, investor 100 (its K), withheld 100 of the 200 offered; 600 lapses under the cap.
  std::vector<double> gross(4, 0.0), draw(4, 0.0);
  draw[0] = 100;
  gross[1] = 1000;
  ContractOutcome out;
  run_finance(one_investor(0.0, 0.0, 0.5), shares_60_40(), gross, draw, 1, out, 300.0);
  EXPECT_NEAR(out.provider_receipts[1], 200.0, 1e-9);
  EXPECT_NEAR(out.investor_receipts[1], 100.0, 1e-9);
  EXPECT_NEAR(out.retained_by_payers[1], 700.0, 1e-9);
  EXPECT_NEAR(out.payer_payments[kMun][1] + out.payer_payments[kState][1], 300.0, 1e-9);
}

}  // namespace
}  // namespace sisim::contract
