#pragma once
// The two rules of the tidy CSV exports (`summarize --csv`, price files): a number with 10
// significant digits, empty where it is not finite; a text field in double quotes, quotes doubled.
#include <cmath>
#include <cstdio>
#include <string>

namespace sisim::api {

inline std::string csv_number(double x) {
  char b[40] = "";
  if (std::isfinite(x)) std::snprintf(b, sizeof b, "%.10g", x);
  return b;
}

inline std::string csv_quoted(const std::string& s) {
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

}  // namespace sisim::api
