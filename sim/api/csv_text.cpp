#include "sim/api/csv_text.hpp"

#include <fmt/format.h>

#include <cmath>

namespace sisim::api {

std::string csv_number(double x) {
  return std::isfinite(x) ? fmt::format("{:.10g}", x) : std::string();
}

std::string csv_quoted(const std::string& s) {
  std::string q = "\"";
  for (char ch : s) q += ch == '"' ? std::string("\"\"") : std::string(1, ch);
  return q + "\"";
}

}  // namespace sisim::api
