#pragma once
// The deal's terms as the scenario states them, as short "term: value" lines: what the table and
// the report open with, so that a result is never read without the terms that shaped it (a
// median IRR equal to the return cap, money in the scenario's currency).
#include <string>
#include <vector>

#include "config/config.hpp"

namespace sisim::results {

struct Term {
  std::string name;   // e.g. "return cap"
  std::string value;  // e.g. "15.00 % a year on the investor's capital account"
};

std::vector<Term> deal_terms(const config::Config& config);

// The tranche names, most senior first (empty: one investor).
std::vector<std::string> tranche_names_in_order(const config::Config& config);

// "12.50 M DKK", "40,000 DKK": money with its currency, as the terms and notes print it.
std::string money_with_currency(double v, const std::string& currency);

// A parameter as written: its value, or "uncertain (uniform 0.5 to 0.8)".
std::string param_text(const config::Param& p, bool percent);

}  // namespace sisim::results
