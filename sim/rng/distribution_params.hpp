#pragma once
// Building and checking Distribution values: the conversions the config loader applies to the YAML
// spellings (lognormal by mean/sd, beta by mean/sd, PERT as a beta) and the human-readable
// parameter check that turns a bad distribution into a configuration error.
#include <optional>
#include <string>
#include <utility>

#include "config/distribution.hpp"

namespace sisim::rng {

// Lognormal whose variable X has this mean and standard deviation:
// sigma^2 = log(1 + sd^2 / mean^2), mu = log(mean) - sigma^2 / 2.
// Throws std::invalid_argument unless mean > 0 and sd >= 0.
Distribution lognormal_from_mean_sd(double mean, double sd);

// Lognormal with median exp(mu) = median and log-scale sigma. Throws unless median > 0, sigma >= 0.
Distribution lognormal_from_median_sigma(double median, double sigma);

// Beta on [low, high] with this mean and sd (method of moments on the unit scale m, v:
// alpha = m k, beta = (1 - m) k, k = m (1 - m) / v - 1). nullopt when impossible: low >= high, mean
// not strictly inside (low, high), sd <= 0, or v >= m (1 - m).
std::optional<Distribution> beta_from_mean_sd(double mean, double sd, double low, double high);

// The beta shape (alpha, beta) of a PERT distribution:
// alpha = 1 + lambda (mode - low) / (high - low), beta = 1 + lambda (high - mode) / (high - low).
std::pair<double, double> pert_shape(const Distribution& d);

// Empty when d's parameters make sense; otherwise one human-readable message, for example
// "sd must be >= 0 (got -1)", "min (3) > max (2)", "triangular needs min <= mode <= max (got ...)",
// "discrete probs must sum to 1 (got 0.9)", "truncation [5, 6] has zero probability", and
// distributions that inversion in double precision cannot sample ("cannot be sampled ...": draws
// that are not finite, or that collapse onto one value).
std::string check_distribution(const Distribution& d);

}  // namespace sisim::rng
