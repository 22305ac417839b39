#pragma once
// Hand-built histories and terms shared by the contract tests.
#include <vector>

#include "sim/contract/terms.hpp"
#include "sim/model/history.hpp"

namespace sisim::test {

inline model::ArmHistory person(int enrol, std::vector<model::Spell> spells) {
  model::ArmHistory h;
  h.enrol_month = enrol;
  h.employment = std::move(spells);
  return h;
}

// The three treated people most hand calculations use (window 12):
//  A enrols 0, employed [2,4) and [6,11): E months 2,3,6,7,8,9,10
//  B enrols 1, employed [9,20):            E months 9,10,11 inside the window
//  C enrols `c_enrol`, never employed.
inline std::vector<model::ArmHistory> abc(int c_enrol = 2) {
  return {person(0, {{2, 4}, {6, 11}}), person(1, {{9, 20}}), person(c_enrol, {})};
}

inline contract::CountRule rule(config::Metric m, int min_months = 1, int months = 1, int max_per = 0) {
  contract::CountRule r;
  r.metric = m;
  r.min_months = min_months;
  r.months = months;
  r.max_per_participant = max_per;
  return r;
}

// window 12, payments every 6 months, lag 2; job_start (3 months) at 1000, employment month at 100.
inline contract::ContractTerms basic_terms() {
  contract::ContractTerms t;
  t.present = true;
  t.window = 12;
  t.interval = 6;
  t.lag = 2;
  t.payer_shares[static_cast<size_t>(config::Budget::municipality)] = 1.0;
  t.lines.push_back({rule(config::Metric::job_start, 3), 1000.0, 0.0});
  t.lines.push_back({rule(config::Metric::employment_month), 100.0, 0.0});
  return t;
}

}  // namespace sisim::test
