// Names of enums, error formatting and the typo suggester.
#include <algorithm>
#include <tuple>

#include "config/loader.hpp"

namespace sisim::config {

const char* to_string(Budget b) {
  switch (b) {
    case Budget::municipality:
      return "municipality";
    case Budget::state:
      return "state";
    case Budget::region:
      return "region";
    case Budget::other_municipalities:
      return "other_municipalities";
    case Budget::foundation:
      return "foundation";
  }
  return "?";
}

const char* to_string(Metric m) {
  switch (m) {
    case Metric::job_start:
      return "job_start";
    case Metric::sustained_employment:
      return "sustained_employment";
    case Metric::employment_month:
      return "employment_month";
    case Metric::benefit_month:
      return "benefit_month";
  }
  return "?";
}

std::optional<Budget> budget_from_string(const std::string& s) {
  for (int i = 0; i < kBudgetCount; ++i)
    if (s == to_string(static_cast<Budget>(i))) return static_cast<Budget>(i);
  return std::nullopt;
}

std::optional<Metric> metric_from_string(const std::string& s) {
  for (int i = 0; i < kMetricCount; ++i)
    if (s == to_string(static_cast<Metric>(i))) return static_cast<Metric>(i);
  return std::nullopt;
}

std::string format_errors(const std::vector<ConfigError>& errors) {
  std::vector<ConfigError> sorted = errors;
  std::stable_sort(sorted.begin(), sorted.end(), [](const ConfigError& a, const ConfigError& b) {
    return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
  });
  std::string out;
  for (const auto& e : sorted)
    out += printable_text(e.file) + ":" + std::to_string(e.line) + ":" + std::to_string(e.column) +
           ": error: " + printable_text(e.message) + "\n";
  return out;
}

std::string printable_text(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u != 0x7f) {
      out += c;
    } else if (c == '\0') {
      out += "\\0";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else {
      static const char* hex = "0123456789abcdef";
      out += "\\x";
      out += hex[u >> 4];
      out += hex[u & 15];
    }
  }
  return out;
}

namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions ("szie" -> "size"
// costs 1), the most common kind of typo in keys.
size_t osa_distance(const std::string& a, const std::string& b) {
  const size_t n = a.size(), m = b.size();
  std::vector<std::vector<size_t>> d(n + 1, std::vector<size_t>(m + 1, 0));
  for (size_t i = 0; i <= n; ++i) d[i][0] = i;
  for (size_t j = 0; j <= m; ++j) d[0][j] = j;
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[n][m];
}

}  // namespace

std::optional<std::string> nearest_key(const std::string& typo, const std::vector<std::string>& candidates) {
  const size_t limit = std::max<size_t>(2, typo.size() / 3);
  std::optional<std::string> best;
  size_t best_d = limit + 1;
  for (const auto& c : candidates) {
    const size_t d = osa_distance(typo, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  return best;
}

std::string public_price_basis(const Config& c) {
  if (c.public_.discount.basis == PublicDiscount::Basis::nominal) return "nominal";
  const Rules& rules = c.public_.rules;
  if (!rules.present) return "real prices of month 0";
  if (rules.start % 12 == 0) return "real " + std::to_string(rules.start / 12) + " prices";
  return "real " + year_month_text(rules.start) + " prices";
}

}  // namespace sisim::config
