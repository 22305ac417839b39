#include "sim/model/person_walk.hpp"

#include <algorithm>
#include <climits>
#include <cmath>

namespace sisim::model::detail {
namespace {

// First month of the next state for a sojourn starting at `start` in `state`, or schedule.limit.
int sojourn_end(const PersonSchedule& sch, int state, int start, double need) {
  const int last = sch.limit - 1;  // the next state's first month must still be simulated
  int from = start;
  if (from < sch.phase_end) {
    const int stop = std::min(sch.phase_end, last);
    const int i = find_event(*sch.first[state], sch.runs, from, stop, need);
    if (i >= 0) return i;
    from = stop;
  }
  const int i = find_event(*sch.second[state], sch.runs, from, last, need);
  return i >= 0 ? i : sch.limit;
}

// The refusion class of the n0-th benefit month: the last class whose start count is <= n0 (0 if
// none). Start counts never decrease with the class, so that is the number of classes after the
// first that start by n0: counted without a data-dependent branch, because which class a
// benefit spell begins in is as unpredictable as the spell (the loop that stopped at the first
// later class mispredicted on most spells; issue 16).
int ladder_class(const std::vector<int>& starts, int n0) {
  int first = 0;
  for (std::size_t c = 1; c < starts.size(); ++c) first += starts[c] <= n0 ? 1 : 0;
  return first;
}

// Benefit months [a, b): split by refusion class. The class of the n-th benefit month (n counted
// since enrolment or the last reset) is the last class whose start count is <= n.
void book_benefit(ArmCounts& counts, int s, const std::vector<int>& starts, int n0, int a, int b) {
  const int n1 = n0 + (b - a);
  const int classes = static_cast<int>(starts.size());
  // Start counts increase with the class: skip the classes that end by n0, stop at the first that
  // starts at or after n1 (usually one or two classes are visited, not all of them).
  const int first = ladder_class(starts, n0);
  for (int c = first; c < classes && starts[static_cast<size_t>(c)] < n1; ++c) {
    const int lo = std::max(n0, starts[static_cast<size_t>(c)]);
    const int hi = std::min(n1, c + 1 < classes ? starts[static_cast<size_t>(c + 1)] : INT_MAX);
    if (lo >= hi) continue;
    double* row = counts.book_benefit_row(s, c);
    row[a + (lo - n0)] += 1.0;
    row[a + (hi - n0)] -= 1.0;
  }
}

// Months [a, b) of a part-time job with a benefit top-up (MODEL.md 8a): benefit months on the
// ladder as in book_benefit, booked as the people in such jobs and the sum of their refusion rates.
void book_part_time(ArmCounts& counts, int s, const std::vector<int>& starts,
                    const std::vector<double>& rates, int n0, int a, int b) {
  double* people = counts.partial_row(s, 0);
  double* rate_sum = counts.partial_row(s, 1);
  people[a] += 1.0;
  people[b] -= 1.0;
  const int n1 = n0 + (b - a);
  const int classes = static_cast<int>(starts.size());
  const int first = ladder_class(starts, n0);  // as in book_benefit: only the overlapping classes
  for (int c = first; c < classes && starts[static_cast<size_t>(c)] < n1; ++c) {
    const int lo = std::max(n0, starts[static_cast<size_t>(c)]);
    const int hi = std::min(n1, c + 1 < classes ? starts[static_cast<size_t>(c + 1)] : INT_MAX);
    if (lo >= hi) continue;
    rate_sum[a + (lo - n0)] += rates[static_cast<size_t>(c)];
    rate_sum[a + (hi - n0)] -= rates[static_cast<size_t>(c)];
  }
}

// Months of spell [a, b) inside [lo, hi].
int overlap(const Spell& sp, int lo, int hi) {
  return std::max(0, std::min(sp.end, hi + 1) - std::max(sp.start, lo));
}

// The Danish reset rule (lov om kommunernes finansiering ... § 6): the refusion count restarts once
// the person, after the count began, has had `need` months off benefit accumulated within the last
// `window` months. spells[first .. last] are the E spells since the count began, the last one the
// spell just ended. True if the count reaches `need` in a month of that last spell. Since the last
// spell alone adds one month per month, only its first `need` months can be the first to reach it.
bool accumulated_reset(const std::vector<Spell>& spells, std::size_t first, int need, int window) {
  const Spell& cur = spells.back();
  const int length = cur.end - cur.start;
  if (first + 1 == spells.size()) return length >= need;  // no earlier spells in this count
  // Earlier spells lie before cur.start, so in month t of this spell they add their months in
  // [t - window + 1, cur.start - 1], at most `before` (t = cur.start): a cheap test first.
  const auto earlier_from = [&](int lo) {
    int months = 0;
    for (std::size_t k = spells.size() - 1; k-- > first;) {
      if (spells[k].end <= lo) break;  // chronological: all before it end earlier still
      if (!spells[k].on_benefit) months += overlap(spells[k], lo, cur.start - 1);  // part-time: on benefit
    }
    return months;
  };
  const int before = earlier_from(cur.start - window + 1);
  if (std::min(length, need) + before < need) return false;
  const int stop = std::min(cur.end, cur.start + need);
  for (int t = cur.start; t < stop; ++t)
    if (t - cur.start + 1 + earlier_from(t - window + 1) >= need) return true;
  return false;
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
  bool granted = !seg.result_grant_eligible && !seg.result_grant_part_time;
  std::size_t job = 0;
  std::size_t count_began = 0;  // the first E spell of the current refusion count (history index)
  std::size_t sojourn = 0;
  while (start < sch.limit) {
    const int end = sojourn_end(sch, state, start, events[sojourn++]);
    if (state == kStateB) {
      book_benefit(counts, s, after_reset ? seg.refusion_start_reset : seg.refusion_start_prior,
                   benefit_months, start, end);
      benefit_months += end - start;
    } else {
      const int length = end - start;
      // A part-time job keeps the person on a benefit top-up: its months are booked and counted on
      // the refusion ladder as benefit months, and are no self-support for the reset (MODEL.md 8a).
      const bool part_time = sch.jobs != nullptr && sch.jobs->part_time(job++);
      if (part_time) {
        book_part_time(counts, s, after_reset ? seg.refusion_start_reset : seg.refusion_start_prior,
                       pp.refusion_rates, benefit_months, start, end);
        benefit_months += length;
      } else {
        double* row = counts.employed_row(s);
        row[start] += 1.0;
        row[end] -= 1.0;
      }
      history.employment.push_back(
          {start, end, static_cast<float>(part_time ? seg.part_time_hours_per_week : seg.full_hours_per_week),
           part_time});
      totals.employment_months += length;
      ++totals.job_starts;
      if (!granted) {
        // Tier by the month of the integration programme in which the job starts (BEK 1591/2017
        // § 11): a job starting after the last eligible month earns nothing, nor can any later one.
        const int month = seg.integration_months_at_enrolment + (start - sch.enrol);
        if (pp.result_grant_eligible_months > 0 && month >= pp.result_grant_eligible_months) {
          granted = true;
        } else if (length >= pp.result_grant_after_months &&
                   (part_time ? seg.result_grant_part_time : seg.result_grant_eligible)) {
          const int tier = pp.result_grant_early_months > 0 && month >= pp.result_grant_early_months ? 1 : 0;
          counts.grant_row(s, tier)[start + pp.result_grant_after_months - 1] += 1.0;
          ++totals.result_grants;
          granted = true;
        }
      }
      const int need = pp.reset_after_months_off;
      if (need > 0 && !part_time &&
          (pp.reset_window_months > 0
               ? accumulated_reset(history.employment, count_began, need, pp.reset_window_months)
               : length >= need)) {
        after_reset = true;
        benefit_months = 0;
        count_began = history.employment.size();  // the new count begins with the next benefit month
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

}  // namespace sisim::model::detail
