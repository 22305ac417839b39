#pragma once
// Counting contract outcomes on histories (MODEL.md 7): which months a person earns events in,
// and the cumulative count over a group, restricted to months < the outcome window.
#include <algorithm>
#include <vector>

#include "sim/contract/terms.hpp"
#include "sim/model/history.hpp"

namespace sisim::contract {

// Calls f(lo, hi) for each run of consecutive months [lo, hi) in which `person` earns one event a
// month under `rule`, in months < window, in month order (the runs of a person do not overlap):
//  job_start: the month in which a spell first reaches rule.min_months consecutive months (once);
//  sustained_employment: the month in which cumulative E months reach rule.months (once);
//  employment_month: every E month, the first max_per_participant of them (0 = all);
//  benefit_month: every month from enrolment to exit that is not in a job off benefit.
// The first three count only the spells rule.counts() accepts (every job by default).
template <class F>
void for_each_event_run(const model::ArmHistory& person, const CountRule& rule, int window, F&& f) {
  switch (rule.metric) {
    case config::Metric::job_start:
      for (const model::Spell& s : person.employment) {
        if (rule.counts(s) && s.end - s.start >= rule.min_months) {
          const int month = s.start + rule.min_months - 1;
          if (month < window) f(month, month + 1);
          return;
        }
      }
      return;
    case config::Metric::sustained_employment: {
      int before = 0;  // E months in earlier spells
      for (const model::Spell& s : person.employment) {
        if (!rule.counts(s)) continue;
        const int length = s.end - s.start;
        if (before + length >= rule.months) {
          const int month = s.start + (rule.months - before) - 1;
          if (month < window) f(month, month + 1);
          return;
        }
        before += length;
      }
      return;
    }
    case config::Metric::benefit_month: {
      // Every month from enrolment to exit (or the window) that is not in a job off benefit
      // (months of a part-time job with a benefit top-up are benefit months).
      const int end = person.exit_month >= 0 ? std::min(person.exit_month, window) : window;
      int m = std::max(0, person.enrol_month);
      for (const model::Spell& s : person.employment) {
        if (s.on_benefit) continue;
        const int stop = std::min(s.start, end);
        if (m < stop) {
          f(m, stop);
          m = stop;
        }
        m = std::max(m, s.end);
      }
      if (m < end) f(m, end);
      return;
    }
    case config::Metric::employment_month: {
      int counted = 0;
      for (const model::Spell& s : person.employment) {
        if (!rule.counts(s)) continue;
        int hi = std::min(s.end, window);
        if (s.start >= hi) continue;  // no month of this spell inside the window
        if (rule.max_per_participant > 0) {
          if (counted >= rule.max_per_participant) return;
          hi = std::min(hi, s.start + (rule.max_per_participant - counted));
        }
        f(s.start, hi);
        counted += hi - s.start;
      }
      return;
    }
  }
}

// Calls f(month) once per event of for_each_event_run's runs, in month order.
template <class F>
void for_each_event(const model::ArmHistory& person, const CountRule& rule, int window, F&& f) {
  for_each_event_run(person, rule, window, [&f](int lo, int hi) {
    for (int m = lo; m < hi; ++m) f(m);
  });
}

// Events of a group in months <= t (and < window), for every t.
class EventCurve {
 public:
  EventCurve() = default;
  EventCurve(const std::vector<model::ArmHistory>& people, const CountRule& rule, int window);
  // One curve per rule, the same as EventCurve(people, rule, window) each, in one pass over the
  // group (each person's spells are read once for all the rules).
  static std::vector<EventCurve> of_rules(const std::vector<model::ArmHistory>& people,
                                          const std::vector<const CountRule*>& rules, int window);
  long long upto(int t) const {
    if (t < 0 || cum_.empty()) return 0;
    return cum_[static_cast<size_t>(std::min<int>(t, static_cast<int>(cum_.size()) - 1))];
  }
  long long total() const { return cum_.empty() ? 0 : cum_.back(); }

 private:
  // The difference array of the runs (window + 1 slots, the last a sentinel) into cum_.
  void start(int window);
  void add_run(int lo, int hi) {
    lo = std::max(lo, 0);  // months before 0 are not counted
    if (lo >= hi) return;
    ++cum_[static_cast<size_t>(lo)];
    --cum_[static_cast<size_t>(hi)];
  }
  void finish(int window);

  std::vector<long long> cum_;  // cum_[m] = events in months <= m, m < window
};

// People of a group enrolled in months <= t.
class EnrolmentCurve {
 public:
  EnrolmentCurve() = default;
  explicit EnrolmentCurve(const std::vector<model::ArmHistory>& people);
  int by(int t) const;

 private:
  std::vector<int> months_;  // sorted enrolment months
};

}  // namespace sisim::contract
