#include "analysis/sensitivity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace sisim::analysis {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const std::size_t n = a.size();
  if (n < 3) return kNaN;
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / static_cast<double>(n);
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / static_cast<double>(n);
  double sab = 0.0, saa = 0.0, sbb = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  if (saa <= 0.0 || sbb <= 0.0) return kNaN;  // a constant column has no ranking to compare
  return std::clamp(sab / std::sqrt(saa * sbb), -1.0, 1.0);
}

// Spearman's rho over the pairs where both values are present; n receives the pair count.
double spearman_pairs(const std::vector<double>& x, const std::vector<double>& y, std::int64_t& n) {
  if (x.size() != y.size()) throw std::invalid_argument("spearman: columns differ in length");
  std::vector<double> xs, ys;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (std::isnan(x[i]) || std::isnan(y[i])) continue;
    xs.push_back(x[i]);
    ys.push_back(y[i]);
  }
  n = static_cast<std::int64_t>(xs.size());
  return pearson(average_ranks(xs), average_ranks(ys));
}

}  // namespace

std::vector<double> average_ranks(const std::vector<double>& x) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < x.size(); ++i)
    if (!std::isnan(x[i])) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> ranks(x.size(), kNaN);
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j + 1 < order.size() && x[order[j + 1]] == x[order[i]]) ++j;
    const double rank = 0.5 * (static_cast<double>(i + 1) + static_cast<double>(j + 1));  // ranks i+1..j+1
    for (std::size_t k = i; k <= j; ++k) ranks[order[k]] = rank;
    i = j + 1;
  }
  return ranks;
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) {
  std::int64_t n = 0;
  return spearman_pairs(x, y, n);
}

std::vector<SensitivityRow> rank_sensitivity(const std::vector<std::string>& names,
                                             const std::vector<std::vector<double>>& columns,
                                             const std::vector<double>& target) {
  if (names.size() != columns.size())
    throw std::invalid_argument("rank_sensitivity: one name per column required");
  std::vector<SensitivityRow> rows;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (columns[c].size() != target.size())
      throw std::invalid_argument("rank_sensitivity: column '" + names[c] +
                                  "' differs in length from the target");
    SensitivityRow row;
    row.name = names[c];
    row.rho = spearman_pairs(columns[c], target, row.n);
    const double n = static_cast<double>(row.n);
    row.se = row.n >= 2 ? 1.0 / std::sqrt(n - 1.0) : kNaN;
    row.ci_low = row.ci_high = kNaN;
    if (row.n >= 4 && !std::isnan(row.rho)) {
      const double z = std::atanh(std::clamp(row.rho, -0.999999999, 0.999999999));
      const double half = 1.96 * std::sqrt(1.06 / (n - 3.0));
      row.ci_low = std::tanh(z - half);
      row.ci_high = std::tanh(z + half);
    }
    rows.push_back(row);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const SensitivityRow& a, const SensitivityRow& b) {
    if (std::isnan(a.rho) || std::isnan(b.rho)) return !std::isnan(a.rho) && std::isnan(b.rho);
    return std::abs(a.rho) > std::abs(b.rho);
  });
  return rows;
}

double linear_r_squared(const std::vector<std::vector<double>>& columns, const std::vector<double>& target) {
  for (const auto& c : columns)
    if (c.size() != target.size()) throw std::invalid_argument("linear_r_squared: column length differs");
  std::vector<size_t> rows;
  for (size_t i = 0; i < target.size(); ++i) {
    bool ok = !std::isnan(target[i]);
    for (const auto& c : columns) ok = ok && !std::isnan(c[i]);
    if (ok) rows.push_back(i);
  }
  const size_t k = columns.size();
  if (rows.size() < k + 2) return std::nan("");
  // Centred columns (the intercept is then implicit); normal equations (X'X) b = X'y solved by
  // Gaussian elimination with partial pivoting; a near-zero pivot (a constant or collinear column)
  // drops that column.
  auto mean_of = [&](const std::vector<double>& x) {
    double s = 0.0;
    for (size_t i : rows) s += x[i];
    return s / static_cast<double>(rows.size());
  };
  std::vector<double> means(k);
  for (size_t j = 0; j < k; ++j) means[j] = mean_of(columns[j]);
  const double ym = mean_of(target);
  std::vector<std::vector<double>> a(k, std::vector<double>(k + 1, 0.0));
  double syy = 0.0;
  for (size_t i : rows) {
    const double y = target[i] - ym;
    syy += y * y;
    for (size_t p = 0; p < k; ++p) {
      const double xp = columns[p][i] - means[p];
      for (size_t q = p; q < k; ++q) a[p][q] += xp * (columns[q][i] - means[q]);
      a[p][k] += xp * y;
    }
  }
  if (syy <= 0.0) return std::nan("");
  for (size_t p = 0; p < k; ++p)
    for (size_t q = 0; q < p; ++q) a[p][q] = a[q][p];
  std::vector<double> scale(k);
  for (size_t p = 0; p < k; ++p) scale[p] = a[p][p];
  std::vector<bool> used(k, false);
  std::vector<std::vector<double>> orig = a;
  for (size_t col = 0; col < k; ++col) {
    size_t pivot = col;
    for (size_t r = col; r < k; ++r)
      if (std::fabs(a[r][col]) > std::fabs(a[pivot][col])) pivot = r;
    if (std::fabs(a[pivot][col]) <= 1e-12 * std::max(scale[col], 1e-300)) continue;
    std::swap(a[pivot], a[col]);
    used[col] = true;
    for (size_t r = 0; r < k; ++r) {
      if (r == col) continue;
      const double f = a[r][col] / a[col][col];
      for (size_t c = col; c <= k; ++c) a[r][c] -= f * a[col][c];
    }
  }
  // Explained sum of squares = b'X'y.
  double explained = 0.0;
  for (size_t p = 0; p < k; ++p)
    if (used[p] && a[p][p] != 0.0) explained += a[p][k] / a[p][p] * orig[p][k];
  return std::clamp(explained / syy, 0.0, 1.0);
}

}  // namespace sisim::analysis
