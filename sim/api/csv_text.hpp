#pragma once
// The two rules of the tidy CSV exports (`summarize --csv`, price files): a number with 10
// significant digits, empty where it is not finite; a text field in double quotes, quotes doubled.
#include <string>

namespace sisim::api {

std::string csv_number(double x);

std::string csv_quoted(const std::string& s);

}  // namespace sisim::api
