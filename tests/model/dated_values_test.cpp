// public.rules' monthly values made once per run (issue 16) against the per-path computation: a
// scenario whose indexation is a fixed 2 % a year, and the same scenario with the indexation an
// uncertain parameter drawn at 2 % on the path, resolve to the same numbers to the bit; and each
// month's part-time person-month (whose results repeat while the rules do) against the plain
// per-month formulas of path_parameters.hpp.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>

#include "config/loader.hpp"
#include "sim/model/model.hpp"

namespace sisim::model {
namespace {

using config::Config;
using config::format_errors;
using config::load_config_from_string;
using config::LoadResult;

Config indexed_scenario() {
  const std::string yaml = R"(name: dated
simulation: {horizon_months: 120}
cohort:
  size: 10
  segments:
    - name: a
      share: 1
      benefit: {rate: mindstesats, children: true}
      prior_benefit_weeks: 156
      wage_monthly: 22400
      hours_fraction: 0.7
      job_finding_hazard: 0.01
      separation_hazard: 0.03
      exit_hazard: 0.002
      part_time: {share: 0.3, hours_per_week: 20}
intervention: {duration_months: 12, effect: {hazard_ratio: 1.5}}
public:
  rules: {family: dk, start: 2026-01, indexation_annual: 0.02, dir: )" +
                           std::string(SISIM_SOURCE_DIR) + R"(/rules}
  tax: {municipal_rate: 0.252}
  result_grant: {full_time_hours_per_week: 37}
)";
  const LoadResult loaded = load_config_from_string(yaml, "dated.yaml");
  EXPECT_TRUE(loaded.ok()) << format_errors(loaded.errors);
  return *loaded.config;
}

template <class T>
bool same_bits(const T& a, const T& b) {
  return std::memcmp(&a, &b, sizeof(T)) == 0;
}

TEST(DatedValues, MadeOnceEqualsMadePerPath) {
  const Config fixed = indexed_scenario();
  ASSERT_TRUE(fixed.public_.rules.indexation_annual.is_fixed());
  Config drawn = fixed;
  drawn.public_.rules.indexation_annual.id = 0;  // the path's draw 0: 2 % on this path
  const std::vector<double> draws = {0.02};
  const PathParameters once = Model(fixed).resolve(draws);
  const PathParameters per_path = Model(drawn).resolve(draws);

  ASSERT_EQ(once.month_tax.size(), 120u);
  ASSERT_EQ(per_path.month_tax.size(), 120u);
  for (size_t m = 0; m < 120; ++m) {
    EXPECT_TRUE(same_bits(once.month_tax[m], per_path.month_tax[m])) << m;
    EXPECT_TRUE(same_bits(once.month_earnings[m], per_path.month_earnings[m])) << m;
    for (int tier = 0; tier < 2; ++tier)
      EXPECT_EQ(once.result_grant_by_month[tier][m], per_path.result_grant_by_month[tier][m]) << m;
  }
  EXPECT_TRUE(same_bits(once.earnings, per_path.earnings));
  EXPECT_EQ(once.allowance_monthly, per_path.allowance_monthly);
  EXPECT_EQ(once.result_grant_amount[0], per_path.result_grant_amount[0]);
  const SegmentParameters& a = once.segments[0];
  const SegmentParameters& b = per_path.segments[0];
  EXPECT_EQ(a.benefit_by_month, b.benefit_by_month);
  EXPECT_EQ(a.part_time_months.top_up, b.part_time_months.top_up);
  EXPECT_EQ(a.part_time_months.municipal_tax, b.part_time_months.municipal_tax);
  EXPECT_EQ(a.part_time_months.moved, b.part_time_months.moved);
  EXPECT_EQ(a.part_time_months.state_tax, b.part_time_months.state_tax);

  // Not vacuous: the indexation moved the amounts. The allowance of a month 4+ years after the
  // last rule set is the last set's times 1.02^years (an amount), the bottom-tax rate is not (a rate).
  const size_t last = 119;  // December 2035
  EXPECT_GT(once.month_tax[last].allowance_monthly, once.month_tax[0].allowance_monthly);
  EXPECT_EQ(once.month_tax[last].state_bottom_rate, once.month_tax[60].state_bottom_rate);
}

TEST(DatedValues, PartTimeMonthsAreThePlainFormulasEveryMonth) {
  const Config c = indexed_scenario();
  const PathParameters pp = Model(c).resolve({});
  const SegmentParameters& seg = pp.segments[0];
  ASSERT_EQ(seg.part_time_months.top_up.size(), 120u);
  int changes = 0;
  for (size_t m = 0; m < 120; ++m) {
    const double top_up = benefit_top_up(pp.month_earnings[m], seg.earnings_tier, seg.benefit_by_month[m],
                                         seg.part_time_earnings);
    const PartialMonthTax x = partial_month_tax(pp.municipal_rate, pp.municipal_retention, pp.month_tax[m],
                                                top_up, seg.part_time_earnings);
    EXPECT_EQ(seg.part_time_months.top_up[m], top_up) << m;
    EXPECT_EQ(seg.part_time_months.municipal_tax[m], x.municipal) << m;
    EXPECT_EQ(seg.part_time_months.moved[m], x.moved) << m;
    EXPECT_EQ(seg.part_time_months.state_tax[m], x.contribution + x.state) << m;
    if (m > 0 && top_up != seg.part_time_months.top_up[m - 1]) ++changes;
  }
  EXPECT_GE(changes, 9);  // indexed every January (and the rule sets): the months do differ
}

}  // namespace
}  // namespace sisim::model
