#include "sim/model/person_walk.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

namespace sisim::detail {
namespace {

// First month of the next state for a sojourn starting at `start` in `state`, or schedule.limit.
int sojourn_end(const PersonSchedule& sch, int state, int start, double need) {
  const int last = sch.limit - 1;  // the next state's first month must still be simulated
  int from = start;
  if (from < sch.phase_end) {
    const int stop = std::min(sch.phase_end, last);
    const int i = find_event(sch.first[state], from, stop, need);
    if (i >= 0) return i;
    from = stop;
  }
  const int i = find_event(sch.second[state], from, last, need);
  return i >= 0 ? i : sch.limit;
}

// Benefit months [a, b): split by refusion class. The class of the n-th benefit month (n counted
// since enrolment or the last reset) is the last class whose start count is <= n.
void book_benefit(ArmCounts& counts, int s, const std::vector<int>& starts, int n0, int a, int b) {
  const int n1 = n0 + (b - a);
  const int classes = static_cast<int>(starts.size());
  for (int c = 0; c < classes; ++c) {
    const int lo = std::max(n0, starts[static_cast<size_t>(c)]);
    const int hi = std::min(n1, c + 1 < classes ? starts[static_cast<size_t>(c + 1)] : INT_MAX);
    if (lo >= hi) continue;
    double* row = counts.benefit_row(s, c);
    row[a + (lo - n0)] += 1.0;
    row[a + (hi - n0)] -= 1.0;
  }
}

}  // namespace

template <class Events>
void walk_person(const PersonSchedule& sch, const PathParameters& pp, int s, Events& events,
                 ArmCounts& counts, ArmHistory& history, ArmTotals& totals) {
  const SegmentParameters& seg = pp.segments[static_cast<size_t>(s)];
  int state = kStateB;
  int start = sch.enrol;
  int benefit_months = 0;  // n: benefit months since enrolment or the last reset
  bool after_reset = false;
  bool granted = !seg.result_grant_eligible;
  std::size_t sojourn = 0;
  while (start < sch.limit) {
    const int end = sojourn_end(sch, state, start, events[sojourn++]);
    if (state == kStateB) {
      book_benefit(counts, s, after_reset ? seg.refusion_start_reset : seg.refusion_start_prior,
                   benefit_months, start, end);
      benefit_months += end - start;
    } else {
      const int length = end - start;
      double* row = counts.employed_row(s);
      row[start] += 1.0;
      row[end] -= 1.0;
      history.employment.push_back({start, end});
      totals.employment_months += length;
      ++totals.job_starts;
      if (!granted && length >= pp.result_grant_after_months) {
        counts.grant_row(s)[start + pp.result_grant_after_months - 1] += 1.0;
        ++totals.result_grants;
        granted = true;
      }
      if (pp.reset_after_months_off > 0 && length >= pp.reset_after_months_off) {
        after_reset = true;
        benefit_months = 0;
      }
    }
    state ^= 1;
    start = end;
  }
}

template void walk_person<EventExponentials>(const PersonSchedule&, const PathParameters&, int,
                                             EventExponentials&, ArmCounts&, ArmHistory&, ArmTotals&);
template void walk_person<CoupledExponentials>(const PersonSchedule&, const PathParameters&, int,
                                               CoupledExponentials&, ArmCounts&, ArmHistory&, ArmTotals&);

}  // namespace sisim::detail
