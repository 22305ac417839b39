#pragma once
// Finance (MODEL.md 8, 12): who funds the programme and where the outcome money goes.
//
// Every tranche funds `share` of every drawdown. Each month, the investors' part of the payments,
// gross x (1 - provider_share), runs down a waterfall, most senior tranche first. A capped tranche
// keeps a capital account K_m = K_(m-1) (1+c)^(1/12) + drawdown_m - receipt_m and receives at most
// K before the receipt, so a senior tranche is repaid its capital plus its capped return before
// the next tranche sees a krone; an uncapped tranche takes everything that reaches it. What is
// left after the last tranche is not paid by the payers (pro rata to their shares); the provider's
// share is never reduced. Hence the junior (last) tranche takes the first loss. One investor is
// simply one tranche with share 1.
//
// Guarantee, per tranche: guarantee_share x max(0, drawn - received), nominal, paid by the
// tranche's guarantor in month max(final payment month, last drawdown month); an investor inflow
// outside the cap.
#include <array>
#include <limits>
#include <vector>

#include "sim/contract/outcome.hpp"
#include "sim/contract/terms.hpp"

namespace sisim::contract {

// cap_total (contract.cap_total) limits what the payers actually pay over the contract: provider
// receipts plus tranche receipts. Amounts withheld under a return cap stay with the payers and do
// not use it up. In the month the cap is reached only the part of the gross amount that brings the
// payments up to the cap is settled (split as usual between provider and tranches); the rest, and
// everything due later, lapses (retained_by_payers).
//
// Fills out.payer_payments, guarantee_payments, provider_receipts, retained_by_payers,
// investor_*, tranches, guarantee_paid and guarantee_month. `gross` and `drawdowns` have
// `horizon` entries; final_payment_month is -1 when nothing is scheduled.
void run_finance(const FinanceTerms& finance, const std::array<double, config::kBudgetCount>& payer_shares,
                 const std::vector<double>& gross, const std::vector<double>& drawdowns,
                 int final_payment_month, ContractOutcome& out,
                 double cap_total = std::numeric_limits<double>::infinity());

}  // namespace sisim::contract
