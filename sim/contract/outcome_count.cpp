#include "sim/contract/outcome_count.hpp"

namespace sisim::contract {

using model::ArmHistory;

EventCurve::EventCurve(const std::vector<ArmHistory>& people, const CountRule& rule, int window)
    : cum_(static_cast<size_t>(std::max(0, window)), 0) {
  for (const ArmHistory& person : people) {
    for_each_event(person, rule, window, [this](int month) {
      if (month >= 0) ++cum_[static_cast<size_t>(month)];
    });
  }
  for (size_t m = 1; m < cum_.size(); ++m) cum_[m] += cum_[m - 1];
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
