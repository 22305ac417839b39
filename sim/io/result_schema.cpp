#include "sim/io/result_schema.hpp"

#include <array>
#include <stdexcept>

namespace sisim::io {
namespace {

using enum ColumnGroup;
constexpr ElementType f64 = ElementType::float64, i32 = ElementType::int32, u8 = ElementType::uint8;

// The per-path columns of docs/HDF5.md 2.3, in the order the engine registers them.
constexpr std::array kColumns = {
    ColumnSchema{investor, "npv", f64, Unit::currency,
                 "investor's NPV at finance.investor_discount_rate (month-0 value)"},
    ColumnSchema{
        investor, "irr", f64, Unit::per_year,
        "investor's IRR, annualised from monthly; NaN unless irr_status is 0 or 3; -1 on total loss"},
    ColumnSchema{investor, "irr_status", i32, Unit::enum_code,
                 "0 ok, 1 no_sign_change, 2 total_loss, 3 multiple_roots, 4 no_convergence"},
    ColumnSchema{investor, "moic", f64, Unit::ratio,
                 "multiple on invested capital: (receipts + guarantee) / drawdowns"},
    ColumnSchema{investor, "payback_month", i32, Unit::month,
                 "first month from which cumulative cash stays >= 0; -1 never"},
    ColumnSchema{investor, "peak_capital", f64, Unit::currency,
                 "peak capital at risk: max of minus cumulative cash"},
    ColumnSchema{investor, "total_received", f64, Unit::currency,
                 "outcome receipts after provider share and return cap (nominal)"},
    ColumnSchema{investor, "total_drawn", f64, Unit::currency, "programme costs drawn down (nominal)"},
    ColumnSchema{investor, "guarantee_received", f64, Unit::currency,
                 "guarantee paid to the investor (nominal)"},
    ColumnSchema{loss, "nominal", u8, Unit::flag,
                 "1 if receipts plus guarantee fall short of the capital drawn (MOIC < 1), else 0"},
    ColumnSchema{loss, "npv_negative", u8, Unit::flag,
                 "1 if NPV < 0 at finance.investor_discount_rate, else 0"},
    ColumnSchema{loss, "irr_below_hurdle", u8, Unit::flag,
                 "1 if the IRR is below finance.hurdle_rate (an undefined IRR on a nominal loss counts as "
                 "below), else 0"},
    ColumnSchema{investor, "discounted_payback_month", i32, Unit::month,
                 "first month from which the cumulative cash discounted at finance.investor_discount_rate "
                 "stays >= 0 (repaid with that return); -1 never"},
    ColumnSchema{
        investor, "return_cap_reached", u8, Unit::flag,
        "1 if the return cap withheld outcome money on this path (the investor was paid up to its cap)"},
    ColumnSchema{investor, "commitment_exceeded", u8, Unit::flag,
                 "1 if total drawdowns exceed finance.commitment, else 0"},
    ColumnSchema{tranche, "irr", f64, Unit::per_year, "tranche IRR (annualised)"},
    ColumnSchema{tranche, "irr_status", i32, Unit::enum_code, "as /paths/investor/irr_status"},
    ColumnSchema{tranche, "moic", f64, Unit::ratio, "tranche multiple on invested capital"},
    ColumnSchema{tranche, "npv", f64, Unit::currency, "tranche NPV at the investor's discount rate"},
    ColumnSchema{tranche, "total_received", f64, Unit::currency,
                 "tranche receipts incl. guarantee (nominal)"},
    ColumnSchema{budget, "npv", f64, Unit::public_money,
                 "NPV at public.discount (<basis>) of savings minus outcome and guarantee payments"},
    ColumnSchema{budget, "break_even_month", i32, Unit::month,
                 "first month from which the cumulative net stays >= 0; -1 never"},
    ColumnSchema{outcomes, "enrolled", i32, Unit::people, "participants enrolled"},
    ColumnSchema{outcomes, "job_starts_treated", i32, Unit::starts,
                 "entries into employment, treated arm (true, whole horizon)"},
    ColumnSchema{outcomes, "job_starts_counterfactual", i32, Unit::starts,
                 "entries into employment, counterfactual arm"},
    ColumnSchema{outcomes, "employment_months_treated", f64, Unit::months,
                 "person-months employed, treated arm"},
    ColumnSchema{outcomes, "employment_months_counterfactual", f64, Unit::months,
                 "person-months employed, counterfactual arm"},
    ColumnSchema{outcomes, "paid", f64, Unit::currency,
                 "outcome payments made by all payers (nominal, after caps)"},
    ColumnSchema{outcomes, "measured_effect", f64, Unit::events_per_person,
                 "measured improvement used by tiers or control-group deduction; NaN if none"},
    ColumnSchema{outcomes, "termination_month", i32, Unit::month,
                 "month after which the payer ended the contract; -1 never"},
    ColumnSchema{outcomes, "recession_months", i32, Unit::months, "months in recession on this path"},
    ColumnSchema{outcomes, "hazard_ratio", f64, Unit::ratio,
                 "effective hazard ratio (solved from the employment gap when given)"},
    ColumnSchema{outcomes, "gap_clamped", u8, Unit::flag,
                 "1 if the sampled employment gap was unreachable and HR was clamped"},
    ColumnSchema{params, "", f64, Unit::as_configured, "sampled value of <key> on this path"},
    ColumnSchema{society, "npv", f64, Unit::public_money,
                 "society's account at public.discount: production value of the extra hours - programme "
                 "costs + public services saved + distortion effect"},
    ColumnSchema{society, "production_value", f64, Unit::public_money,
                 "production value of the extra hours: extra gross wages x (1 + society.employer_cost_share) "
                 "(NPV)"},
    ColumnSchema{society, "programme_costs", f64, Unit::public_money, "minus the programme's costs (NPV)"},
    ColumnSchema{society, "public_services", f64, Unit::public_money,
                 "public services saved (public.other_flows, all public budgets) (NPV)"},
    ColumnSchema{society, "distortion", f64, Unit::public_money,
                 "distortion effect: society.distortion_rate x public_total net (a cost when public spending "
                 "rises) (NPV)"},
    ColumnSchema{division, "participants", f64, Unit::public_money,
                 "participants: extra gross wages + benefits - income taxes (NPV at public.discount)"},
    ColumnSchema{division, "investor", f64, Unit::public_money,
                 "investor: receipts + guarantee - programme costs funded (NPV at public.discount)"},
    ColumnSchema{division, "provider", f64, Unit::public_money,
                 "provider: its share of the outcome payments (NPV at public.discount)"},
    ColumnSchema{division, "foundation", f64, Unit::public_money,
                 "foundation: minus the outcome payments and guarantees it pays (NPV at public.discount)"},
    ColumnSchema{division, "grants", f64, Unit::public_money,
                 "grants: minus the programme costs funded by non-repayable tranches (NPV at "
                 "public.discount)"},
    ColumnSchema{division, "employer_costs", f64, Unit::public_money,
                 "employer costs: production value above the gross wage (NPV at public.discount)"},
    ColumnSchema{division, "distortion", f64, Unit::public_money,
                 "distortion effect of net public spending (NPV at public.discount)"},
    ColumnSchema{
        alternatives, "own_funding", f64, Unit::public_money,
        "(b) the municipality funds the programme itself: its savings minus the programme costs (NPV)"},
    ColumnSchema{alternatives, "outcome_contract", f64, Unit::public_money,
                 "(c) today's deal: the municipality's budget NPV (= /paths/budgets/municipality/npv)"},
    ColumnSchema{alternatives, "co_funding", f64, Unit::public_money,
                 "(d) a fund pays part of the costs (grant or conditional grant repaid from savings): the "
                 "municipality's NPV"},
    ColumnSchema{alternatives, "co_funding_fund", f64, Unit::public_money,
                 "(d) the fund's NPV: repayments minus grants"},
    ColumnSchema{alternatives, "programme_costs", f64, Unit::public_money,
                 "programme costs (NPV at public.discount)"},
    ColumnSchema{alternatives, "municipal_savings", f64, Unit::public_money,
                 "the municipality's savings before outcome payments and guarantees (NPV)"},
    ColumnSchema{alternatives, "public_savings", f64, Unit::public_money,
                 "the four public budgets' savings before outcome payments and guarantees (NPV)"},
    ColumnSchema{alternatives, "extra_outcomes", f64, Unit::events,
                 "treated minus counterfactual events of the first rate-card line in the outcome window (the "
                 "outcomes the programme causes); NaN without a rate card"},
    ColumnSchema{
        outcomes, "fiscal_difference", f64, Unit::currency,
        "benefits paid minus income taxes, counterfactual minus treated arm, months < outcome window, "
        "from the budget account (nominal)"},
    ColumnSchema{outcomes, "measured_fiscal_savings", f64, Unit::currency,
                 "the savings the contract measured at the last payment date (control group, else "
                 "counterfactual arm)"},
};

}  // namespace

const char* to_string(ElementType type) {
  switch (type) {
    case ElementType::float64:
      return "float64";
    case ElementType::int32:
      return "int32";
    case ElementType::uint8:
      return "uint8";
  }
  return "?";
}

std::string units_text(Unit unit, const std::string& currency, const std::string& price_basis) {
  switch (unit) {
    case Unit::currency:
      return currency;
    case Unit::public_money:
      return price_basis.empty() ? currency : currency + ", " + price_basis;
    case Unit::per_year:
      return "1/year";
    case Unit::ratio:
      return "1";
    case Unit::month:
      return "month";
    case Unit::months:
      return "months";
    case Unit::people:
      return "people";
    case Unit::starts:
      return "starts";
    case Unit::events:
      return "events";
    case Unit::events_per_person:
      return "events/person";
    case Unit::enum_code:
      return "enum";
    case Unit::flag:
      return "flag";
    case Unit::as_configured:
      return "as configured";
  }
  return "?";
}

std::span<const ColumnSchema> per_path_columns() {
  return kColumns;
}

const ColumnSchema& column_schema(ColumnGroup group, std::string_view name) {
  for (const auto& c : kColumns)
    if (c.group == group && c.name == name) return c;
  throw std::logic_error("result schema: no per-path column '" + std::string(name) + "'");
}

std::string column_description(const ColumnSchema& column, const std::string& instance,
                               const std::string& price_basis) {
  std::string text(column.description);
  if (const auto at = text.find("<key>"); at != std::string::npos) text.replace(at, 5, instance);
  if (const auto at = text.find("<basis>"); at != std::string::npos) text.replace(at, 7, price_basis);
  return text;
}

std::string group_path(ColumnGroup group, const std::string& instance) {
  const std::string root(kPerPathRoot);
  const std::string member = instance.empty() ? "" : "/" + instance;
  switch (group) {
    case investor:
      return root + "/investor";
    case loss:
      return (instance.empty() ? root + "/investor" : root + "/tranches/" + instance) + "/loss";
    case tranche:
      return root + "/tranches" + member;
    case budget:
      return root + "/budgets" + member;
    case outcomes:
      return root + "/outcomes";
    case params:
      return root + "/params";
    case society:
      return root + "/society";
    case division:
      return root + "/society/division";
    case alternatives:
      return root + "/alternatives";
  }
  return "";
}

std::string column_path(const ColumnSchema& column, const std::string& instance) {
  // A sampled parameter's column is named by its configuration key; every other by its table name.
  return group_path(column.group, instance) + "/" +
         (column.group == params ? instance : std::string(column.name));
}

std::string column_path(ColumnGroup group, std::string_view name, const std::string& instance) {
  return column_path(column_schema(group, name), instance);
}

std::string relative_column_name(std::string_view path) {
  const std::string prefix = std::string(kPerPathRoot) + "/";
  if (path.starts_with(prefix)) path.remove_prefix(prefix.size());
  return std::string(path);
}

std::string path_of_relative_name(std::string_view relative_name) {
  return std::string(kPerPathRoot) + "/" + std::string(relative_name);
}

}  // namespace sisim::io
