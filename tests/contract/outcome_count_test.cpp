// Outcome counting on hand-built histories (MODEL.md 7). Expected counts are read off the spells.
#include "sim/contract/outcome_count.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "fixtures.hpp"

namespace sisim::contract {

using config::Metric;

using model::ArmHistory;

namespace {

using test::abc;
using test::person;
using test::rule;

std::vector<int> months_of(const ArmHistory& h, const CountRule& r, int window) {
  std::vector<int> out;
  for_each_event(h, r, window, [&out](int m) { out.push_back(m); });
  return out;
}

TEST(OutcomeCount, JobStartMinMonths) {
  const ArmHistory a = person(0, {{2, 4}, {6, 11}});
  // q=1: the first spell reaches 1 month in its first month, 2.
  EXPECT_EQ(months_of(a, rule(Metric::job_start, 1), 12), (std::vector<int>{2}));
  // q=3: the 2-month spell never reaches 3; the second does in month 6+3-1 = 8. Once only.
  EXPECT_EQ(months_of(a, rule(Metric::job_start, 3), 12), (std::vector<int>{8}));
  // q=6: no spell lasts 6 months.
  EXPECT_TRUE(months_of(a, rule(Metric::job_start, 6), 12).empty());
  // Window: B's spell [9,20) reaches 3 months in month 11 (< 12 counts) and 4 months in 12 (not).
  const ArmHistory b = person(1, {{9, 20}});
  EXPECT_EQ(months_of(b, rule(Metric::job_start, 3), 12), (std::vector<int>{11}));
  EXPECT_TRUE(months_of(b, rule(Metric::job_start, 4), 12).empty());
}

TEST(OutcomeCount, SustainedEmploymentIsCumulative) {
  const ArmHistory a = person(0, {{2, 4}, {6, 11}});
  // 2 months in the first spell; the 4th E month is the 2nd of the second spell: 6+2-1 = 7.
  EXPECT_EQ(months_of(a, rule(Metric::sustained_employment, 1, 4), 12), (std::vector<int>{7}));
  // All 7 E months: 6+5-1 = 10. 8 never.
  EXPECT_EQ(months_of(a, rule(Metric::sustained_employment, 1, 7), 12), (std::vector<int>{10}));
  EXPECT_TRUE(months_of(a, rule(Metric::sustained_employment, 1, 8), 12).empty());
  // 2 months are reached inside the first spell, month 3; window 3 cuts it.
  EXPECT_EQ(months_of(a, rule(Metric::sustained_employment, 1, 2), 12), (std::vector<int>{3}));
  EXPECT_TRUE(months_of(a, rule(Metric::sustained_employment, 1, 2), 3).empty());
}

TEST(OutcomeCount, EmploymentMonthsWithMaxAndWindow) {
  const ArmHistory a = person(0, {{2, 4}, {6, 11}});
  EXPECT_EQ(months_of(a, rule(Metric::employment_month), 12), (std::vector<int>{2, 3, 6, 7, 8, 9, 10}));
  EXPECT_EQ(months_of(a, rule(Metric::employment_month, 1, 1, 3), 12), (std::vector<int>{2, 3, 6}));
  EXPECT_EQ(months_of(a, rule(Metric::employment_month), 8), (std::vector<int>{2, 3, 6, 7}));
  const ArmHistory b = person(1, {{9, 20}});
  EXPECT_EQ(months_of(b, rule(Metric::employment_month), 12), (std::vector<int>{9, 10, 11}));
}

TEST(OutcomeCount, CurvesOverAGroup) {
  const auto people = abc();
  // job_start q=3: A in 8, B in 11.
  const EventCurve starts(people, rule(Metric::job_start, 3), 12);
  EXPECT_EQ(starts.upto(7), 0);
  EXPECT_EQ(starts.upto(8), 1);
  EXPECT_EQ(starts.upto(11), 2);
  EXPECT_EQ(starts.upto(100), 2);
  EXPECT_EQ(starts.upto(-1), 0);
  // employment months: A 2,3,6,7,8,9,10 and B 9,10,11: by 5 -> 2, by 9 -> 6 + 1 = 7, all 10.
  const EventCurve months(people, rule(Metric::employment_month), 12);
  EXPECT_EQ(months.upto(5), 2);
  EXPECT_EQ(months.upto(9), 7);
  EXPECT_EQ(months.total(), 10);
  // At most 2 per person: A 2,3 and B 9,10.
  EXPECT_EQ(EventCurve(people, rule(Metric::employment_month, 1, 1, 2), 12).total(), 4);
}

TEST(OutcomeCount, Enrolment) {
  const EnrolmentCurve e(abc(8));  // enrol months 0, 1, 8
  EXPECT_EQ(e.by(-1), 0);
  EXPECT_EQ(e.by(0), 1);
  EXPECT_EQ(e.by(7), 2);
  EXPECT_EQ(e.by(8), 3);
}

// The event months of MODEL.md 7 month by month, as the counting was written before it went by runs
// of months (issue 16): the reference for for_each_event and EventCurve on random histories.
std::vector<int> reference_months(const ArmHistory& person, const CountRule& rule, int window) {
  std::vector<int> out;
  switch (rule.metric) {
    case Metric::job_start:
      for (const model::Spell& s : person.employment)
        if (rule.counts(s) && s.end - s.start >= rule.min_months) {
          if (s.start + rule.min_months - 1 < window) out.push_back(s.start + rule.min_months - 1);
          return out;
        }
      return out;
    case Metric::sustained_employment: {
      int before = 0;
      for (const model::Spell& s : person.employment) {
        if (!rule.counts(s)) continue;
        if (before + (s.end - s.start) >= rule.months) {
          if (s.start + (rule.months - before) - 1 < window)
            out.push_back(s.start + (rule.months - before) - 1);
          return out;
        }
        before += s.end - s.start;
      }
      return out;
    }
    case Metric::benefit_month: {
      const int end = person.exit_month >= 0 ? std::min(person.exit_month, window) : window;
      for (int m = std::max(0, person.enrol_month); m < end; ++m) {
        bool off_benefit_job = false;
        for (const model::Spell& s : person.employment)
          off_benefit_job |= !s.on_benefit && s.start <= m && m < s.end;
        if (!off_benefit_job) out.push_back(m);
      }
      return out;
    }
    case Metric::employment_month:
      for (const model::Spell& s : person.employment) {
        if (!rule.counts(s)) continue;
        for (int m = s.start; m < s.end && m < window; ++m) {
          if (rule.max_per_participant > 0 && static_cast<int>(out.size()) >= rule.max_per_participant)
            return out;
          out.push_back(m);
        }
      }
      return out;
  }
  return out;
}

TEST(OutcomeCount, RunsAndCurvesMatchTheMonthByMonthDefinitionOnRandomHistories) {
  std::uint64_t state = 12345;
  const auto next = [&state](int n) {  // a small LCG: uniform in 0 .. n-1
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  };
  std::vector<ArmHistory> people;
  for (int i = 0; i < 300; ++i) {
    ArmHistory h;
    h.enrol_month = next(12);
    h.exit_month = next(3) == 0 ? h.enrol_month + next(60) : -1;
    int m = h.enrol_month + next(6);
    while (next(4) != 0 && m < 70) {  // non-overlapping, non-adjacent spells
      model::Spell s;
      s.start = m;
      s.end = m + 1 + next(15);
      s.on_benefit = next(3) == 0;
      s.hours_per_week = static_cast<float>(10 + next(28));
      h.employment.push_back(s);
      m = s.end + 1 + next(8);
    }
    people.push_back(h);
  }
  std::vector<CountRule> rules;
  for (const Metric metric :
       {Metric::job_start, Metric::sustained_employment, Metric::benefit_month, Metric::employment_month}) {
    for (const int variant : {0, 1, 2}) {
      CountRule r = rule(metric, 1 + 2 * variant, 1 + 5 * variant, variant == 2 ? 7 : variant);
      r.self_sufficient_only = variant == 1;
      r.min_hours_per_week = variant == 2 ? 20.0 : 0.0;
      rules.push_back(r);
    }
  }
  for (const CountRule& r : rules) {
    for (const int window : {0, 1, 24, 48, 80}) {
      std::vector<long long> per_month(static_cast<size_t>(std::max(window, 0)), 0);
      for (const ArmHistory& h : people) {
        const std::vector<int> expected = reference_months(h, r, window);
        ASSERT_EQ(months_of(h, r, window), expected) << "metric " << static_cast<int>(r.metric);
        for (int m : expected)
          if (m >= 0) ++per_month[static_cast<size_t>(m)];
      }
      const EventCurve curve(people, r, window);
      long long cumulative = 0;
      for (int t = 0; t < window; ++t) {
        cumulative += per_month[static_cast<size_t>(t)];
        ASSERT_EQ(curve.upto(t), cumulative) << "metric " << static_cast<int>(r.metric) << ", month " << t;
      }
      EXPECT_EQ(curve.total(), cumulative);
      EXPECT_EQ(curve.upto(-1), 0);
    }
  }
  // All the rules in one pass over the group: each curve as the rule's own.
  std::vector<const CountRule*> pointers;
  for (const CountRule& r : rules) pointers.push_back(&r);
  for (const int window : {0, 1, 24, 48, 80}) {
    const std::vector<EventCurve> curves = EventCurve::of_rules(people, pointers, window);
    ASSERT_EQ(curves.size(), rules.size());
    for (size_t r = 0; r < rules.size(); ++r) {
      const EventCurve alone(people, rules[r], window);
      for (int t = -1; t <= window; ++t)
        ASSERT_EQ(curves[r].upto(t), alone.upto(t))
            << "rule " << r << ", window " << window << ", month " << t;
    }
  }
}

}  // namespace
}  // namespace sisim::contract

namespace sisim::contract {
namespace {

// Partial employment (MODEL.md 8a): a person with a part-time job on a benefit top-up (months 2..5,
// 15 hours a week) and then a job off benefit (months 8..13, 30 hours). Which jobs count is the
// rate-card line's choice: every job, only jobs off benefit, or jobs of at least some hours.
TEST(OutcomeCount, AnyEmploymentSelfSufficiencyAndHours) {
  ArmHistory h;
  h.enrol_month = 0;
  h.employment = {{2, 6, 15.0f, true}, {8, 14, 30.0f, false}};
  const auto months = [&h](CountRule r, int window) {
    std::vector<int> out;
    for_each_event(h, r, window, [&out](int m) { out.push_back(m); });
    return out;
  };
  CountRule any;
  any.metric = Metric::job_start;
  any.min_months = 3;
  CountRule self = any;
  self.self_sufficient_only = true;
  CountRule hours20 = any;
  hours20.min_hours_per_week = 20.0;
  // Any employment: the part-time job reaches 3 months in month 4; self-sufficiency (and >= 20 h)
  // only the second job, in month 10.
  EXPECT_EQ(months(any, 24), (std::vector<int>{4}));
  EXPECT_EQ(months(self, 24), (std::vector<int>{10}));
  EXPECT_EQ(months(hours20, 24), (std::vector<int>{10}));
  // Employment months: 4 + 6 = 10 for any job, 6 off benefit.
  any.metric = self.metric = Metric::employment_month;
  EXPECT_EQ(months(any, 24).size(), 10u);
  EXPECT_EQ(months(self, 24), (std::vector<int>{8, 9, 10, 11, 12, 13}));
  // Sustained employment of 5 months: any job reaches it in month 8 (4 + 1), self-sufficiency in 12.
  any.metric = self.metric = Metric::sustained_employment;
  any.months = self.months = 5;
  EXPECT_EQ(months(any, 24), (std::vector<int>{8}));
  EXPECT_EQ(months(self, 24), (std::vector<int>{12}));
  // Benefit months: every month not in a job off benefit, the top-up months included: 0..7, 14..19.
  CountRule benefit;
  benefit.metric = Metric::benefit_month;
  EXPECT_EQ(months(benefit, 20), (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 14, 15, 16, 17, 18, 19}));
}

}  // namespace
}  // namespace sisim::contract
