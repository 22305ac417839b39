#pragma once
// Paired statistics of two runs on the same seed and paths (common random numbers): path i of
// both runs saw the same draws wherever their parameters agree, so a change is estimated from
// per-path differences, whose spread is far smaller than either run's (docs/HDF5.md 4.1).
#include <vector>

namespace sisim::results {

struct PairedValue {
  double value = 0.0;      // the statistic in `other`
  double change = 0.0;     // other minus base
  double change_se = 0.0;  // standard error of the change, from the paired paths
};

// Means (and probabilities: the mean of a 0/1 flag): change = mean of the per-path differences,
// SE = their sd / sqrt(n), over the paths where both values are defined.
PairedValue paired_mean(const std::vector<double>& base, const std::vector<double>& other);

// Medians: change = median(other) - median(base); SE from 32 replicate groups of consecutive
// paths (in each group the median of other minus the median of base; sd over groups / sqrt(32)).
PairedValue paired_median(const std::vector<double>& base, const std::vector<double>& other);

}  // namespace sisim::results
