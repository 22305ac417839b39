#pragma once
// A synthetic, plausible ReportInput for the report tests and the sample report: a few thousand
// paths whose investor NPV is driven mainly by the job-finding hazard, with some total losses.
#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "analysis/report/report_input.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::report::testing {

// Standard-normal quantiles at 1, 5, 10, 25, 50, 75, 90, 95, 99 %.
inline constexpr std::array<double, 9> kZ = {-2.3263, -1.6449, -1.2816, -0.6745, 0.0,
                                             0.6745,  1.2816,  1.6449,  2.3263};

// A fan whose median follows `mid(m)` and whose spread is `sd(m)` (normal bands).
template <class Mid, class Sd>
QuantileFan synthetic_fan(const std::string& name, int months, Mid mid, Sd sd) {
  QuantileFan fan{name, {}};
  for (int m = 0; m < months; ++m) {
    std::array<double, 9> q{};
    for (std::size_t i = 0; i < 9; ++i) q[i] = mid(m) + kZ[i] * sd(m);
    fan.months.push_back(q);
  }
  return fan;
}

inline BudgetAccount synthetic_account(const std::string& budget, int years, double scale) {
  BudgetAccount a{budget,
                  {"benefit", "refusion", "municipal_tax", "equalisation", "state_tax", "result_grant",
                   "regional_health_care", "outcome_payments", "guarantee"},
                  {},
                  {},
                  {}};
  const std::vector<double> base = {1.0, -0.3, 0.4, -0.3, 0.0, 0.2, 0.0, -0.8, 0.0};
  for (int y = 0; y < years; ++y) {
    std::vector<double> mean, lo, hi;
    const double shape = std::exp(-0.25 * y) * (y < 2 ? 0.5 + 0.5 * y : 1.0);
    for (std::size_t i = 0; i < base.size(); ++i) {
      const double v = base[i] * scale * shape * (i == 7 && y > 4 ? 0.0 : 1.0);
      mean.push_back(v);
      lo.push_back(v - 0.4 * std::abs(v));
      hi.push_back(v + 0.4 * std::abs(v));
    }
    a.mean.push_back(mean);
    a.p05.push_back(lo);
    a.p95.push_back(hi);
  }
  return a;
}

inline ReportInput synthetic_input(std::size_t paths = 4000) {
  ReportInput in;
  in.scenario_name = "dk-employment-sib-example <test & sample>";
  in.seed = 42;
  in.paths = static_cast<std::int64_t>(paths);
  in.created = "2024-06-11T10:00:00Z";
  in.sisim_version = "0.1.0 (git test)";
  rng::UniformStream u(rng::key_from_seed(in.seed), 0, 0, rng::StreamId::parameters);
  NamedColumn hazard{"cohort.segments.aktivitetsparat_complex.job_finding_hazard", {}};
  NamedColumn multiplier{"labour_market.recession.job_finding_multiplier", {}};
  NamedColumn noise{"cohort.fill_rate", {}};
  NamedColumn muni{"municipality", {}}, state{"state", {}}, pub{"public_total", {}};
  for (std::size_t i = 0; i < paths; ++i) {
    const double h = 0.004 + 0.011 * u.next(), g = 0.5 + 0.3 * u.next(), f = 0.85 + 0.15 * u.next();
    const double z = std::sqrt(-2.0 * std::log(u.next())) * std::cos(2.0 * std::numbers::pi * u.next());
    const double skill = (h - 0.0095) / 0.011 + 0.4 * (g - 0.65) / 0.3 + 0.35 * z;  // roughly N(0, 0.5)
    hazard.values.push_back(h);
    multiplier.values.push_back(g);
    noise.values.push_back(f);
    const double moic = std::max(0.0, 1.15 + 0.45 * skill);
    in.investor_moic.push_back(moic);
    in.investor_irr.push_back(moic == 0.0 ? std::nan("") : 0.06 + 0.16 * skill);
    in.investor_npv.push_back(-0.3e6 + 4.5e6 * skill);
    in.investor_loss.push_back(moic < 1.0 ? 1 : 0);
    muni.values.push_back(2.0e6 + 3.0e6 * skill + 1.5e6 * z);
    state.values.push_back(5.0e6 + 2.0e6 * skill);
    pub.values.push_back(muni.values.back() + state.values.back() + 1.0e6);
  }
  in.parameters = {noise, hazard, multiplier};
  in.budget_npv = {muni, state, pub};
  const int months = 180;
  in.investor_cumulative_cash = synthetic_fan(
      "investor", months,
      [](int m) { return -2.2e6 * std::min(m, 42) / 42.0 + 2.6e6 * std::clamp((m - 9) / 48.0, 0.0, 1.0); },
      [](int m) { return 1.0e6 * std::min(m, 60) / 60.0; });
  const auto net = [](double gain) {
    return [gain](int m) { return -1.0e6 * std::min(m, 51) / 51.0 + gain * std::max(0, m - 12) / 168.0; };
  };
  in.budget_cumulative_net = {
      synthetic_fan("municipality", months, net(5.0e6), [](int m) { return 2.5e4 * std::sqrt(m * 1.0) * 8; }),
      synthetic_fan("public_total", months, net(12.0e6),
                    [](int m) { return 3.0e4 * std::sqrt(m * 1.0) * 8; })};
  in.budget_accounts = {synthetic_account("municipality", 15, 1.2e6)};
  // Society's account and the alternatives: own funding = the municipality's NPV plus a margin the
  // outcome contract pays the investor (so (c) - (b) = -0.5 M on average).
  analysis::ColumnMap society;
  for (std::size_t i = 0; i < paths; ++i) {
    society["/paths/society/npv"].push_back(pub.values[i] + 2.0e6);
    society["/paths/alternatives/outcome_contract"].push_back(muni.values[i]);
    society["/paths/alternatives/own_funding"].push_back(muni.values[i] + 0.5e6 +
                                                         0.3e6 * in.investor_npv[i] / 4.5e6);
  }
  in.society = analysis::summarize_society(society);
  in.society_lines = {"production_value", "programme_costs", "public_services", "distortion"};
  in.society_annual = {{1.0e6, -3.0e6, 0.0, 0.0}, {2.0e6, -1.0e6, 0.0, 0.0}};
  return in;
}

}  // namespace sisim::report::testing
