#pragma once
// Building and checking Distribution values: the conversions the config loader applies to the YAML
// spellings (lognormal by mean/sd, beta by mean/sd, PERT as a beta) and the human-readable
// parameter check that turns a bad distribution into a configuration error.
#include <optional>
#include <string>
#include <utility>

#include "sim/rng/distribution.hpp"

namespace sisim::rng {

// Lognormal whose variable X has this mean and standard deviation:
// sigma^2 = log(1 + sd^2 / mean^2), mu = log(mean) - sigma^2 / 2.
// Throws std::invalid_argument unless mean > 0 and sd > 0.
Distribution lognormal_from_mean_sd(double mean, double sd);

// Lognormal with median exp(mu) = median and log-scale sigma. Throws unless median > 0, sigma > 0.
Distribution lognormal_from_median_sigma(double median, double sigma);

// Beta on [low, high] with this mean and sd (method of moments on the unit scale m, v:
// alpha = m k, beta = (1 - m) k, k = m (1 - m) / v - 1). nullopt when impossible: low >= high, mean
// not strictly inside (low, high), sd <= 0, or v >= m (1 - m).
std::optional<Distribution> beta_from_mean_sd(double mean, double sd, double low, double high);

// The beta shape (alpha, beta) of a PERT distribution:
// alpha = 1 + lambda (mode - low) / (high - low), beta = 1 + lambda (high - mode) / (high - low).
std::pair<double, double> pert_shape(const Distribution& d);

// The one home of the distribution rules (MODEL.md section 12): the config loader reports what
// these functions find, so a rule is never checked twice with two spellings.
struct DistributionProblem {
  std::string key;      // the YAML key to point at: "sd", "min", "mode", "probs", ...
  std::string message;  // for example "sd must be > 0, got -1"
};

// The first problem with d's parameters, or nullopt when d can be sampled: finite parameters,
// strictly positive scales (sd, sigma, alpha, beta, lambda), min < max, min <= mode <= max,
// discrete probs in [0, 1] summing to 1, truncation min < max, a truncation window with
// positive probability, and a distribution that inversion in double precision samples correctly
// ("cannot be sampled ...": extreme draws not finite, or draws that pile up on a few values).
std::optional<DistributionProblem> find_distribution_problem(const Distribution& d);

// find_distribution_problem's message, or empty when d is fine.
std::string check_distribution(const Distribution& d);

// Why no beta on [low, high] has this mean and sd (the conditions beta_from_mean_sd needs), as
// {key, message}; nullopt when it exists.
std::optional<DistributionProblem> beta_mean_sd_problem(double mean, double sd, double low, double high);

}  // namespace sisim::rng
