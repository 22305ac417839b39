#include "sim/contract/outcome_count.hpp"

namespace sisim::contract {

using model::ArmHistory;

// A run of event months [lo, hi) adds +1 at lo and -1 at hi (a sentinel slot at `window`); a running
// sum then gives the events of each month and a second one the cumulative count: the cost is per
// run, not per event month (issue 16). Months before 0 are not counted.
void EventCurve::start(int window) {
  cum_.assign(static_cast<size_t>(window) + 1, 0);
}

void EventCurve::finish(int window) {
  long long in_month = 0, total = 0;
  for (size_t m = 0; m < static_cast<size_t>(window); ++m) {
    in_month += cum_[m];
    total += in_month;
    cum_[m] = total;
  }
  cum_.pop_back();
}

EventCurve::EventCurve(const std::vector<ArmHistory>& people, const CountRule& rule, int window) {
  if (window <= 0) return;
  start(window);
  for (size_t k = 0; k < people.size(); ++k) {
    // Each person's spells are a heap block of their own: ask for a later person's early, so
    // that the walk over the group does not wait for each in turn.
    if (k + 4 < people.size()) __builtin_prefetch(people[k + 4].employment.data());
    for_each_event_run(people[k], rule, window, [this](int lo, int hi) { add_run(lo, hi); });
  }
  finish(window);
}

std::vector<EventCurve> EventCurve::of_rules(const std::vector<ArmHistory>& people,
                                             const std::vector<const CountRule*>& rules, int window) {
  std::vector<EventCurve> curves(rules.size());
  if (window <= 0) return curves;
  for (EventCurve& curve : curves) curve.start(window);
  for (size_t k = 0; k < people.size(); ++k) {
    if (k + 4 < people.size()) __builtin_prefetch(people[k + 4].employment.data());
    for (size_t r = 0; r < rules.size(); ++r) {
      EventCurve& curve = curves[r];
      for_each_event_run(people[k], *rules[r], window, [&curve](int lo, int hi) { curve.add_run(lo, hi); });
    }
  }
  for (EventCurve& curve : curves) curve.finish(window);
  return curves;
}

EnrolmentCurve::EnrolmentCurve(const std::vector<ArmHistory>& people) {
  months_.reserve(people.size());
  for (const ArmHistory& p : people) months_.push_back(p.enrol_month);
  // People are made in enrolment order, so the months usually come sorted (issue 16: the sort
  // was a fifth of the entitlement's cost).
  if (!std::is_sorted(months_.begin(), months_.end())) std::sort(months_.begin(), months_.end());
}

int EnrolmentCurve::by(int t) const {
  return static_cast<int>(std::upper_bound(months_.begin(), months_.end(), t) - months_.begin());
}

}  // namespace sisim::contract
