#pragma once
// Per-path parameter draws with a Gaussian copula: correlated parameters share latent normals
// z' = L z (L the Cholesky factor of the latent correlation matrix), then each is inverted through its
// own marginal. The correlation is that of the latent normals (MODEL.md section 12).
//
// Common random numbers: parameter i always starts from uniform number i of the path's parameter
// stream, so adding a parameter does not shift the others, and parameters outside every correlation use
// their uniform directly, so a correlation added elsewhere leaves them bit-identical.
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "sim/rng/distribution.hpp"
#include "sim/rng/philox.hpp"

namespace sisim::rng {

// (parameter index a, parameter index b, latent correlation rho).
using CorrelationTerm = std::tuple<int, int, double>;

class ParameterSampler {
 public:
  // Throws std::invalid_argument with check_correlations' message when the correlations are unusable
  // (index out of range, self-pair, duplicate pair, |rho| > 1, not positive definite).
  ParameterSampler(std::vector<Distribution> dists, std::vector<CorrelationTerm> correlations);

  // out[i] = the draw of parameter i on `path` (resized to size()). Thread-safe: const, no state.
  void sample_path(const Key& key, std::uint64_t path, std::vector<double>& out) const;
  std::vector<double> sample_path(const Key& key, std::uint64_t path) const;

  // Addresses each parameter's uniform by a hash of its name (the config path) instead of its
  // index, so that stress cases and sweeps that add or fix parameters keep every other draw.
  void set_names(const std::vector<std::string>& names);
  static std::uint32_t address_of(const std::string& name);

  std::size_t size() const { return dists_.size(); }
  const std::vector<Distribution>& distributions() const { return dists_; }
  // Parameter indices that take part in a correlation, ascending (the rows of the Cholesky factor).
  const std::vector<int>& correlated() const { return correlated_; }

  // Empty when the correlations are usable for n_params parameters, else a message naming the problem.
  static std::string check_correlations(std::size_t n_params,
                                        const std::vector<CorrelationTerm>& correlations);
  static bool is_positive_definite(std::size_t n_params, const std::vector<CorrelationTerm>& correlations) {
    return check_correlations(n_params, correlations).empty();
  }

 private:
  std::vector<Distribution> dists_;
  std::vector<int> correlated_;
  Eigen::MatrixXd chol_;
  std::vector<std::uint32_t>
      addresses_;  // empty: by index  // lower-triangular factor over correlated_ (in that order)
};

}  // namespace sisim::rng
