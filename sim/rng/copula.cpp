#include "sim/rng/copula.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "sim/rng/samplers.hpp"
#include "sim/rng/special_functions.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::rng {

namespace {

// Parameter indices involved in any correlation, ascending: the matrix layout then does not depend
// on the order in which correlations are listed.
std::vector<int> involved_indices(const std::vector<CorrelationTerm>& correlations) {
  std::set<int> ids;
  for (const auto& [a, b, rho] : correlations) {
    ids.insert(a);
    ids.insert(b);
  }
  return {ids.begin(), ids.end()};
}

Eigen::MatrixXd latent_matrix(const std::vector<int>& ids, const std::vector<CorrelationTerm>& correlations) {
  const auto pos = [&](int id) { return std::lower_bound(ids.begin(), ids.end(), id) - ids.begin(); };
  const Eigen::Index m = static_cast<Eigen::Index>(ids.size());
  Eigen::MatrixXd c = Eigen::MatrixXd::Identity(m, m);
  for (const auto& [a, b, rho] : correlations) {
    c(pos(a), pos(b)) = rho;
    c(pos(b), pos(a)) = rho;
  }
  return c;
}

std::string describe_term(std::size_t k, const CorrelationTerm& t) {
  std::ostringstream out;
  out << "correlation " << k << " (" << std::get<0>(t) << ", " << std::get<1>(t) << ", " << std::get<2>(t)
      << ")";
  return out.str();
}

// Smallest eigenvalue we accept: below it the Cholesky factor is numerically meaningless.
constexpr double kMinEigenvalue = 1e-12;

}  // namespace

std::string ParameterSampler::check_correlations(std::size_t n_params,
                                                 const std::vector<CorrelationTerm>& correlations) {
  std::set<std::pair<int, int>> seen;
  for (std::size_t k = 0; k < correlations.size(); ++k) {
    const auto& [a, b, rho] = correlations[k];
    const int n = static_cast<int>(n_params);
    if (a < 0 || b < 0 || a >= n || b >= n)
      return describe_term(k, correlations[k]) + ": parameter index out of range";
    if (a == b) return describe_term(k, correlations[k]) + ": a parameter cannot be correlated with itself";
    if (!(rho >= -1.0 && rho <= 1.0)) return describe_term(k, correlations[k]) + ": rho must be in [-1, 1]";
    if (!seen.insert({std::min(a, b), std::max(a, b)}).second) {
      return describe_term(k, correlations[k]) + ": this pair is correlated twice";
    }
  }
  if (correlations.empty()) return {};
  const std::vector<int> ids = involved_indices(correlations);
  const Eigen::MatrixXd c = latent_matrix(ids, correlations);
  const Eigen::LLT<Eigen::MatrixXd> llt(c);
  const double min_eigen =
      Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(c, Eigen::EigenvaluesOnly).eigenvalues()(0);
  if (llt.info() != Eigen::Success || !(min_eigen > kMinEigenvalue)) {
    std::ostringstream out;
    out << "correlation matrix is not positive definite (smallest eigenvalue " << min_eigen
        << "); the correlations among parameters";
    for (int id : ids) out << ' ' << id;
    out << " contradict each other";
    return out.str();
  }
  return {};
}

ParameterSampler::ParameterSampler(std::vector<Distribution> dists, std::vector<CorrelationTerm> correlations)
    : dists_(std::move(dists)) {
  const std::string problem = check_correlations(dists_.size(), correlations);
  if (!problem.empty()) throw std::invalid_argument(problem);
  correlated_ = involved_indices(correlations);
  if (!correlated_.empty())
    chol_ = Eigen::LLT<Eigen::MatrixXd>(latent_matrix(correlated_, correlations)).matrixL();
}

std::uint32_t ParameterSampler::address_of(const std::string& name) {
  std::uint32_t h = 2166136261u;  // FNV-1a, 32 bit
  for (unsigned char ch : name) {
    h ^= ch;
    h *= 16777619u;
  }
  return h | 1u;  // never 0: address 0 is the index-based stream of the plain constructor
}

void ParameterSampler::set_names(const std::vector<std::string>& names) {
  if (names.size() != dists_.size()) throw std::invalid_argument("one name per parameter is needed");
  addresses_.clear();
  for (const auto& n : names) {
    std::uint32_t a = address_of(n);
    // A hash collision between two names of one scenario is astronomically rare; probe onwards
    // so that the two parameters still get independent draws.
    while (std::find(addresses_.begin(), addresses_.end(), a) != addresses_.end()) a += 2;
    addresses_.push_back(a);
  }
}

void ParameterSampler::sample_path(const Key& key, std::uint64_t path, std::vector<double>& out) const {
  out.resize(dists_.size());
  if (addresses_.empty()) {
    // Uniform i of the path's parameter stream belongs to parameter i (sequential next() == at(i)).
    UniformStream stream(key, path, kPathLevel, StreamId::parameters);
    for (double& u : out) u = stream.next();
  } else {
    // Addressed by a hash of the parameter's name: a parameter keeps its draw when others are
    // added, removed or made fixed (stress cases, sweeps), which keeps common random numbers.
    for (std::size_t i = 0; i < out.size(); ++i)
      out[i] = UniformStream(key, path, kPathLevel, StreamId::parameters, addresses_[i]).at(0);
  }

  const Eigen::Index m = static_cast<Eigen::Index>(correlated_.size());
  if (m > 0) {
    Eigen::VectorXd z(m);
    for (Eigen::Index k = 0; k < m; ++k)
      z(k) = normal_quantile(out[static_cast<std::size_t>(correlated_[k])]);
    // z' = L z in place, last row first (row k only reads z_0..z_k, still untouched).
    for (Eigen::Index k = m - 1; k >= 0; --k) {
      double acc = 0.0;
      for (Eigen::Index j = 0; j <= k; ++j) acc += chol_(k, j) * z(j);
      z(k) = acc;
    }
    // Keep u' strictly inside (0, 1) so unbounded marginals stay finite even for |z'| > 8.
    constexpr double kLo = 0x1.0p-54, kHi = 1.0 - 0x1.0p-53;
    for (Eigen::Index k = 0; k < m; ++k) {
      out[static_cast<std::size_t>(correlated_[k])] = std::clamp(normal_cdf(z(k)), kLo, kHi);
    }
  }
  for (std::size_t i = 0; i < dists_.size(); ++i) {
    out[i] = dists_[i].kind == DistKind::fixed ? dists_[i].value : sample(dists_[i], out[i]);
  }
}

std::vector<double> ParameterSampler::sample_path(const Key& key, std::uint64_t path) const {
  std::vector<double> out;
  sample_path(key, path, out);
  return out;
}

}  // namespace sisim::rng
