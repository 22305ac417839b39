#pragma once
// Order statistics by selection: a quantile reads two values of the sorted sample, an SE a few
// more, an expected shortfall the worst few per cent in order; none needs the whole sample sorted.
// select_order_statistics puts exactly those values where a full sort would put them, with
// std::nth_element over shrinking ranges, at O(n log m) for m ranks instead of O(n log n) (and,
// on this hardware, about half the time of std::sort for the summaries and fan charts: a sort of
// random doubles is bound by branch mispredictions, and selection makes fewer comparisons).
#include <cstddef>
#include <span>
#include <vector>

namespace sisim::stats {

// Reorders the NaN-free `values` so that, for every r in `ranks` (any order, duplicates allowed,
// each < values.size(), else std::invalid_argument), values[r] is the value std::sort would put at
// r, and values[0, sorted_prefix) is sorted ascending (sorted_prefix <= values.size()). The other
// positions hold the remaining values in no particular order. "The value" is exact: values equal
// under < are the same double, except -0.0 and +0.0, which may swap places (a full sort does not
// order them either).
void select_order_statistics(std::span<double> values, std::vector<std::size_t> ranks,
                             std::size_t sorted_prefix = 0);

}  // namespace sisim::stats
