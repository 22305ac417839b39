#include "sim/stats/order_statistics.hpp"

#include <algorithm>
#include <bit>
#include <stdexcept>

namespace sisim::stats {
namespace {

// A cluster of ranks is taken in one go (its lowest rank by selection, the values up to its
// highest from what lies above it, sorted) when sorting the cluster's window costs no more than
// one more partition of the range (w log2 w <= length), rather than split further: the ranks a
// quantile and its SE interval read sit within a few hundred places at 20,000 paths. That keeps
// the whole at O(n log m) comparisons.
bool take_as_cluster(std::size_t window, std::size_t length) {
  return window <= 2 || window * static_cast<std::size_t>(std::bit_width(window)) <= length;
}

// Places the order statistics `ranks` (ascending, unique, all in [offset, offset + (last - first)))
// of the range [first, last), whose values all lie between the order statistics offset - 1 and
// offset + (last - first) of the whole sample, so a rank within the range is a rank of the whole.
void select_ranks(double* first, double* last, std::size_t offset, std::span<const std::size_t> ranks) {
  while (!ranks.empty()) {
    const auto length = static_cast<std::size_t>(last - first);
    const std::size_t lowest = ranks.front() - offset, highest = ranks.back() - offset;
    const std::size_t window = highest - lowest + 1;
    if (take_as_cluster(window, length)) {
      std::nth_element(first, first + lowest, last);
      if (window == 2) {  // the next order statistic is the smallest value above it
        std::iter_swap(first + highest, std::min_element(first + highest, last));
      } else if (window > 2) {
        std::nth_element(first + lowest + 1, first + highest, last);
        std::sort(first + lowest + 1, first + highest);
      }
      return;
    }
    // Split at the middle rank: each half of the ranks then works on its own side only, so each
    // level of this recursion partitions at most n values and there are about log2 m levels.
    const std::size_t middle = ranks.size() / 2;
    double* const nth = first + (ranks[middle] - offset);
    std::nth_element(first, nth, last);
    select_ranks(first, nth, offset, ranks.first(middle));
    offset = ranks[middle] + 1;
    first = nth + 1;
    ranks = ranks.subspan(middle + 1);
  }
}

}  // namespace

void select_order_statistics(std::span<double> values, std::vector<std::size_t> ranks,
                             std::size_t sorted_prefix) {
  const std::size_t n = values.size();
  if (sorted_prefix > n)
    throw std::invalid_argument("select_order_statistics: sorted prefix beyond the values");
  for (std::size_t r : ranks)
    if (r >= n) throw std::invalid_argument("select_order_statistics: rank beyond the values");
  double* const first = values.data();
  // The prefix first: the sorted k smallest also place every rank below k.
  if (sorted_prefix == n) {
    std::sort(first, first + n);
  } else if (sorted_prefix > 0) {
    std::nth_element(first, first + (sorted_prefix - 1), first + n);
    std::sort(first, first + (sorted_prefix - 1));
  }
  std::erase_if(ranks, [sorted_prefix](std::size_t r) { return r < sorted_prefix; });
  std::sort(ranks.begin(), ranks.end());
  ranks.erase(std::unique(ranks.begin(), ranks.end()), ranks.end());
  select_ranks(first + sorted_prefix, first + n, sorted_prefix, ranks);
}

}  // namespace sisim::stats
