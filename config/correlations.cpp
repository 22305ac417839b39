// Schema: correlations: [[param_path, param_path, rho], ...] between uncertain parameters, checked
// for a positive-definite Gaussian-copula matrix. The matrix is small (a handful of parameters),
// so a plain Cholesky here keeps config free of Eigen.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "config/detail/schema.hpp"

namespace sisim::config::detail {
namespace {

// True when the symmetric matrix `a` (n x n, row-major) is positive definite.
bool is_positive_definite(std::vector<double> a, size_t n) {
  for (size_t j = 0; j < n; ++j) {
    double d = a[j * n + j];
    for (size_t k = 0; k < j; ++k) d -= a[j * n + k] * a[j * n + k];
    if (!(d > 1e-12)) return false;
    const double l = std::sqrt(d);
    a[j * n + j] = l;
    for (size_t i = j + 1; i < n; ++i) {
      double s = a[i * n + j];
      for (size_t k = 0; k < j; ++k) s -= a[i * n + k] * a[j * n + k];
      a[i * n + j] = s / l;
    }
  }
  return true;
}

std::optional<int> uncertain_id(Reader& r, const YNode& n, const std::string& path) {
  std::optional<std::string> name = r.string(n, path);
  if (!name) return std::nullopt;
  auto it = r.params.find(*name);
  if (it == r.params.end()) {
    std::vector<std::string> known;
    for (const auto& [p, id] : r.params) known.push_back(p);
    std::string msg = path + ": unknown parameter '" + *name + "'";
    if (auto s = nearest_key(*name, known)) msg += " (did you mean '" + *s + "'?)";
    r.error(n.where, msg);
    return std::nullopt;
  }
  if (it->second < 0) {
    r.error(n.where,
            path + ": parameter '" + *name + "' is fixed; only uncertain parameters can be correlated");
    return std::nullopt;
  }
  return it->second;
}

std::optional<Correlation> read_one(Reader& r, const YNode& item, const std::string& path) {
  if (!item.is_seq() || item.seq.size() != 3) {
    r.error(item.where, path + ": expected [param_path, param_path, rho], got " + describe(item));
    return std::nullopt;
  }
  Correlation c;
  c.where = item.where;
  std::optional<int> a = uncertain_id(r, item.seq[0], path);
  std::optional<int> b = uncertain_id(r, item.seq[1], path);
  std::optional<double> rho = r.number(item.seq[2], path);
  if (rho && std::abs(*rho) > 1.0) {
    r.error(item.seq[2].where, path + ": rho must be in [-1, 1], got " + num(*rho));
    rho.reset();
  }
  if (a && b && *a == *b) {
    r.error(item.seq[1].where, path + ": a parameter cannot be correlated with itself");
    return std::nullopt;
  }
  if (!a || !b || !rho) return std::nullopt;
  c.a = item.seq[0].text;
  c.b = item.seq[1].text;
  c.id_a = *a;
  c.id_b = *b;
  c.rho = *rho;
  return c;
}

}  // namespace

void read_correlations(Reader& r, const YNode* n, std::vector<Correlation>& out) {
  if (!n || n->is_null()) return;
  if (!n->is_seq()) {
    r.error(n->where, "correlations: expected a list of [param_path, param_path, rho], got " + describe(*n));
    return;
  }
  bool all_ok = true;
  std::set<std::pair<int, int>> pairs;
  for (size_t i = 0; i < n->seq.size(); ++i) {
    std::optional<Correlation> c = read_one(r, n->seq[i], "correlations." + std::to_string(i));
    if (!c) {
      all_ok = false;
      continue;
    }
    if (!pairs.insert({std::min(c->id_a, c->id_b), std::max(c->id_a, c->id_b)}).second) {
      r.error(c->where,
              "correlations." + std::to_string(i) + ": the pair " + c->a + ", " + c->b + " is given twice");
      all_ok = false;
      continue;
    }
    out.push_back(*c);
  }
  if (!all_ok || out.empty()) return;
  // The copula matrix over the parameters involved (identity elsewhere).
  std::map<int, size_t> index;
  for (const auto& c : out) {
    index.emplace(c.id_a, 0);
    index.emplace(c.id_b, 0);
  }
  size_t k = 0;
  for (auto& [id, idx] : index) idx = k++;
  std::vector<double> a(k * k, 0.0);
  for (size_t i = 0; i < k; ++i) a[i * k + i] = 1.0;
  for (const auto& c : out) {
    const size_t i = index[c.id_a], j = index[c.id_b];
    a[i * k + j] = a[j * k + i] = c.rho;
  }
  if (!is_positive_definite(a, k))
    r.error(n->key_where, "correlations: the correlation matrix is not positive definite");
}

}  // namespace sisim::config::detail
