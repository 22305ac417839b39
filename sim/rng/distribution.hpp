#pragma once
// A scalar parameter's uncertainty, in the normalised form the samplers use.
// The loader converts every YAML spelling (lognormal by median or by mean/sd, beta by alpha/beta or
// by mean/sd, ...) into exactly one of these shapes, so the samplers never see the aliases.
#include <limits>
#include <vector>

namespace sisim::rng {

enum class DistKind { fixed, uniform, normal, lognormal, beta, triangular, pert, discrete };

struct Distribution {
  DistKind kind = DistKind::fixed;
  // fixed: value. uniform: low, high. normal: mean, sd. lognormal: mu, sigma of log(X).
  // beta: alpha, beta on [low, high]. triangular: low, mode, high. pert: low, mode, high, lambda.
  // discrete: values, probs (probs sum to 1).
  double value = 0.0;
  double low = 0.0, high = 1.0;
  double mean = 0.0, sd = 0.0;
  double mu = 0.0, sigma = 0.0;
  double alpha = 1.0, beta = 1.0;
  double mode = 0.0;
  double lambda = 4.0;
  std::vector<double> values, probs;
  // Optional truncation to [trunc_min, trunc_max] (renormalised: sampled by inverting the CDF on
  // the truncated range). Infinite when absent.
  double trunc_min = -std::numeric_limits<double>::infinity();
  double trunc_max = std::numeric_limits<double>::infinity();
};

}  // namespace sisim::rng
