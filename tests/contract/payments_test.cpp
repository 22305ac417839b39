// Payment schedule, deductions, cap and termination on hand-worked scenarios (MODEL.md 7, 12).
// People (fixtures.hpp, window 12): A enrols 0, E months 2,3,6,7,8,9,10 (3-month job start in 8);
// B enrols 1, E months 9,10,11 (job start in 11); C never employed.
// Lines: job_start (3 months) 1000, employment_month 100. Dates t_j = 6j - 1: 5 and 11 (the first
// >= window - 1 = 11); lag 2 -> paid in months 7 and 13.
#include "sim/contract/payments.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "fixtures.hpp"
#include "sim/contract/settle.hpp"

namespace sisim::contract {

using config::Budget;
using config::Metric;

using model::ArmHistory;

namespace {

using test::abc;
using test::basic_terms;
using test::person;

constexpr int kHorizon = 24;

ContractOutcome settle(const ContractTerms& t, const std::vector<ArmHistory>& treated,
                       const std::vector<ArmHistory>* control = nullptr, int termination = -1) {
  ContractOutcome out;
  settle_contract(t, treated, control, std::vector<double>(kHorizon, 0.0), termination, kHorizon, out);
  return out;
}

TEST(PaymentDates, EndOfIntervalUpToWindow) {
  auto d = payment_dates(6, 11, -1);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[0].date, 5);
  EXPECT_EQ(d[1].date, 11);
  EXPECT_EQ(d[1].cutoff, 11);
  // Window 13 (last accrual month 12): 5, 11, 17.
  EXPECT_EQ(payment_dates(6, 12, -1).back().date, 17);
  // Terminated in month 7: 5 as usual, then the settlement at 11 counting months <= 7.
  d = payment_dates(6, 11, 7);
  ASSERT_EQ(d.size(), 2u);
  EXPECT_EQ(d[1].cutoff, 7);
  // Terminated in month 3: one settlement date, 5, with cutoff 3.
  d = payment_dates(6, 11, 3);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].date, 5);
  EXPECT_EQ(d[0].cutoff, 3);
  // Terminated after the last date: no effect.
  EXPECT_EQ(payment_dates(6, 11, 30).back().cutoff, 11);
}

TEST(Payments, NoDeductionWithLag) {
  // E(5) = 0 job starts + 2 E months (A's 2, 3) = 200.  E(11) = 2*1000 + 10*100 = 3000.
  // Due 200 in month 7, 3000 - 200 = 2800 in month 13.
  const auto out = settle(basic_terms(), abc());
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 200.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 2800.0);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 3000.0);
  EXPECT_DOUBLE_EQ(out.entitlement_total, 3000.0);
  EXPECT_EQ(out.final_payment_month, 13);
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::municipality)][13], 2800.0);
  EXPECT_EQ(out.gross_outcomes[static_cast<size_t>(Metric::job_start)], 2);
  EXPECT_EQ(out.gross_outcomes[static_cast<size_t>(Metric::employment_month)], 10);
  EXPECT_TRUE(std::isnan(out.measured_effect[0]));
}

TEST(Payments, CapTotal) {
  // cap 1500 on what the payers pay (MODEL.md 13; basic_terms has one uncapped investor, so every
  // krone due is paid): 200 due and paid in month 7; 2800 due in month 13, of which only
  // 1500 - 200 = 1300 is paid; the other 1500 lapses and stays with the payers.
  auto t = basic_terms();
  t.cap_total = 1500.0;
  const auto out = settle(t, abc());
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 200.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 2800.0);
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::municipality)][7], 200.0);
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::municipality)][13], 1300.0);
  EXPECT_DOUBLE_EQ(out.retained_by_payers[13], 1500.0);
  EXPECT_DOUBLE_EQ(out.entitlement_total, 3000.0);
}

TEST(Payments, SplitByPayerShares) {
  auto t = basic_terms();
  t.payer_shares = {};
  t.payer_shares[static_cast<size_t>(Budget::municipality)] = 0.75;
  t.payer_shares[static_cast<size_t>(Budget::foundation)] = 0.25;
  const auto out = settle(t, abc());
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::municipality)][13], 2100.0);
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::foundation)][13], 700.0);
  EXPECT_DOUBLE_EQ(out.payer_payments[static_cast<size_t>(Budget::state)][13], 0.0);
}

TEST(Payments, TerminationSettlesAccruedOnly) {
  // Terminated in month 7: date 5 as usual (200, paid in 7); settlement at 11 counts months <= 7:
  // no job start yet, E months 2,3,6,7 -> 400, so 200 more in month 13. Nothing after.
  auto out = settle(basic_terms(), abc(), nullptr, 7);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 200.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 200.0);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 400.0);
  EXPECT_EQ(out.termination_month, 7);
  // Terminated in month 3: one settlement at date 5 with months <= 3: 200, paid in month 7.
  out = settle(basic_terms(), abc(), nullptr, 3);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 200.0);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 200.0);
  EXPECT_EQ(out.final_payment_month, 7);
  // Terminated in month 30, after the last date: as if never terminated.
  EXPECT_DOUBLE_EQ(settle(basic_terms(), abc(), nullptr, 30).payments_due_total, 3000.0);
}

TEST(Payments, BaselineDeductionPerEnrolled) {
  // C enrols in month 8: enrolled by 5 = 2, by 11 = 3. Baseline 0.25 job starts, 0.5 E months.
  // t=5:  job max(0, 0 - 0.25*2) = 0; E months 2 - 0.5*2 = 1 -> 100.
  // t=11: job 2 - 0.25*3 = 1.25 -> 1250; E months 10 - 0.5*3 = 8.5 -> 850; E(11) = 2100.
  auto t = basic_terms();
  t.deduction = DeductionKind::baseline;
  t.lines[0].baseline_rate = 0.25;
  t.lines[1].baseline_rate = 0.5;
  const auto out = settle(t, abc(8));
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 100.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 2000.0);
  EXPECT_DOUBLE_EQ(out.paid_outcomes[static_cast<size_t>(Metric::job_start)], 1.25);
  EXPECT_DOUBLE_EQ(out.paid_outcomes[static_cast<size_t>(Metric::employment_month)], 8.5);
}

TEST(Payments, DueNeverNegative) {
  // Only E months priced (100), baseline 0.5 per enrolled person. People A, B (enrol 0, 1), C
  // (enrol 8) plus D (enrol 9, never employed): enrolled by 5 = 2, by 11 = 4.
  // E(5) = 2 - 0.5*2 = 1 -> 100; E(11) = 10 - 0.5*4 = 8 -> 800; due 700.
  auto t = basic_terms();
  t.lines.erase(t.lines.begin());
  t.deduction = DeductionKind::baseline;
  t.lines[0].baseline_rate = 0.5;
  auto h = abc(8);
  h.push_back(person(9, {}));
  auto out = settle(t, h);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 100.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 700.0);
  // 20 more people enrol in month 9: E(11) = max(0, 10 - 0.5*24) = 0 < E(5) = 100. The 100
  // already due is not clawed back and nothing more is due.
  for (int i = 0; i < 20; ++i) h.push_back(person(9, {}));
  out = settle(t, h);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 100.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 0.0);
  EXPECT_DOUBLE_EQ(out.entitlement_total, 0.0);
  EXPECT_DOUBLE_EQ(out.payments_due_total, 100.0);
}

TEST(Payments, ControlGroupDeduction) {
  // Control: P1 enrols 0, E [1,5): E months 1..4, 3-month job start in 3; P2 enrols 0, never;
  // P3 enrols 6, E [7,30): E months 7..11 in the window, job start in 9; P4 enrols 9, never.
  // t=5:  control enrolled 2, rates: jobs 1/2, E months 4/2 = 2. Treated enrolled 2 (C enrols 8):
  //       jobs max(0, 0 - 1) = 0; E months max(0, 2 - 4) = 0 -> E(5) = 0.
  // t=11: control enrolled 4: jobs 2/4, E months 9/4 = 2.25. Treated enrolled 3:
  //       jobs 2 - 1.5 = 0.5 -> 500; E months 10 - 6.75 = 3.25 -> 325; E(11) = 825.
  const std::vector<ArmHistory> control = {person(0, {{1, 5}}), person(0, {}), person(6, {{7, 30}}),
                                           person(9, {})};
  auto t = basic_terms();
  t.deduction = DeductionKind::control_group;
  t.control_group_size = 4;
  const auto out = settle(t, abc(8), &control);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 0.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 825.0);
  // Measured effects at t=11: jobs 2/3 - 1/2, E months 10/3 - 9/4.
  EXPECT_NEAR(out.measured_effect[static_cast<size_t>(Metric::job_start)], 2.0 / 3 - 0.5, 1e-12);
  EXPECT_NEAR(out.measured_effect[static_cast<size_t>(Metric::employment_month)], 10.0 / 3 - 2.25, 1e-12);
  EXPECT_TRUE(std::isnan(out.measured_effect[static_cast<size_t>(Metric::sustained_employment)]));
  EXPECT_THROW(settle(t, abc(8), nullptr), std::invalid_argument);
}

TEST(Payments, HorizonTooShortIsAnError) {
  // Last payment in month 11 + 2 = 13 needs a horizon of at least 14.
  ContractOutcome out;
  EXPECT_THROW(settle_contract(basic_terms(), abc(), nullptr, std::vector<double>(13, 0.0), -1, 13, out),
               std::invalid_argument);
  EXPECT_NO_THROW(settle_contract(basic_terms(), abc(), nullptr, std::vector<double>(14, 0.0), -1, 14, out));
}

TEST(Tiers, PeterboroughLikeSchedule) {
  // Published shape (Peterborough prison SIB): nothing below a threshold improvement (7.5 %),
  // then payments rising with the measured improvement. Tiers here: from 0.075 pay 500,000 +
  // 10,000,000 per unit; from 0.10 pay 900,000 + 12,000,000 per unit.
  TierTerms tiers;
  tiers.enabled = true;
  tiers.threshold = 0.075;
  tiers.tiers = {{0.075, 500000.0, 10000000.0}, {0.10, 900000.0, 12000000.0}};
  EXPECT_EQ(tier_payment(tiers, 0.05), 0.0);
  EXPECT_EQ(tier_payment(tiers, 0.0749), 0.0);
  EXPECT_NEAR(tier_payment(tiers, 0.075), 500000.0, 1e-6);
  EXPECT_NEAR(tier_payment(tiers, 0.09), 500000.0 + 10000000.0 * 0.015, 1e-6);  // 650,000
  EXPECT_NEAR(tier_payment(tiers, 0.12), 900000.0 + 12000000.0 * 0.02, 1e-6);   // 1,140,000
  EXPECT_EQ(tier_payment(tiers, std::nan("")), 0.0);
  tiers.threshold = 0.09;  // a threshold above the first tier's start: nothing below it
  EXPECT_EQ(tier_payment(tiers, 0.08), 0.0);
  EXPECT_NEAR(tier_payment(tiers, 0.09), 650000.0, 1e-6);
}

TEST(Tiers, BoundaryReachedDespiteRounding) {
  // 1 - 0.9 = 0.09999999999999998 in double precision; a rate that is 0.10 in exact arithmetic
  // must reach the tier that starts at 0.10 (and the threshold 0.10), paying exactly 900,000.
  TierTerms tiers;
  tiers.enabled = true;
  tiers.threshold = 0.10;
  tiers.tiers = {{0.075, 500000.0, 10000000.0}, {0.10, 900000.0, 12000000.0}};
  const double measured = 1.0 - 0.9;
  ASSERT_LT(measured, 0.10);  // the premise: the rounded rate is below the boundary
  EXPECT_EQ(tier_payment(tiers, measured), 900000.0);
  // A real shortfall is still a shortfall: 1e-6 below the threshold pays nothing.
  EXPECT_EQ(tier_payment(tiers, 0.10 - 1e-6), 0.0);
}

TEST(Tiers, AddedToRateCardAtFirstDateAfterMeasurement) {
  // Tier on E months per participant at month 5, baseline 0.5 per person: treated enrolled by 5
  // = 3 (A, B, C enrol 0, 1, 2), E months by 5 = 2 -> rate 2/3; measured 2/3 - 0.5 = 1/6.
  // Tier from 0.1 pays 5000: entitled from date 5, paid in month 7 on top of the rate card.
  auto t = basic_terms();
  t.tiers.enabled = true;
  t.tiers.rule = test::rule(Metric::employment_month);
  t.tiers.at_month = 5;
  t.tiers.threshold = 0.1;
  t.tiers.tiers = {{0.1, 5000.0, 0.0}};
  t.tiers.baseline_rate = 0.5;
  t.deduction = DeductionKind::baseline;  // the rate card lines keep baseline 0
  const auto out = settle(t, abc());
  EXPECT_NEAR(out.tier_measured, 1.0 / 6.0, 1e-12);
  EXPECT_DOUBLE_EQ(out.tier_payment, 5000.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[7], 5200.0);
  EXPECT_DOUBLE_EQ(out.gross_payments[13], 2800.0);
  // Terminated in month 4, before the measurement: no tier payment (and 200 for E months 2, 3).
  EXPECT_DOUBLE_EQ(settle(t, abc(), nullptr, 4).payments_due_total, 200.0);
}

}  // namespace
}  // namespace sisim::contract
