#include "fixture.hpp"

#include <limits>

#include "sim/model/regime.hpp"

namespace sisim::test {

using rng::DistKind;
using rng::Distribution;

using config::Budget;
using config::Config;
using config::Effect;
using config::Intervention;
using config::OtherFlow;
using config::Param;
using config::Public;
using config::Recession;
using config::Segment;
using config::SourceLocation;

using model::Model;
using model::PathParameters;
using model::PathSimulation;
using model::simulate_path;
using model::simulate_regime;

void make_uncertain(Config& c, Param& p, const char* path, const Distribution& dist) {
  p.dist = dist;
  p.path = path;
  p.id = static_cast<int>(c.uncertain.size());
  c.uncertain.push_back({path, dist, SourceLocation{}, -std::numeric_limits<double>::infinity(),
                         std::numeric_limits<double>::infinity()});
}

Config example_config() {
  Config c;
  c.name = "dk-employment-sib-example";
  c.simulation.horizon_months = 180;
  c.cohort.size = 300;
  c.cohort.fill_rate = Param::constant(1.0);
  c.cohort.enrolment_months = 24;

  Segment a;
  a.name = "kontanthjaelp_30plus";
  a.share = 0.6;
  a.benefit_monthly = Param::constant(12326);
  a.prior_benefit_weeks = Param::constant(104);
  a.wage_monthly = Param::constant(22400);
  a.hours_fraction = Param::constant(0.7);
  a.job_finding_hazard = Param::constant(0.02);
  a.separation_hazard = Param::constant(0.03);
  a.exit_hazard = Param::constant(0.003);
  a.result_grant_eligible = true;

  Segment b;
  b.name = "aktivitetsparat_complex";
  b.share = 0.4;
  b.benefit_monthly = Param::constant(12326);
  b.prior_benefit_weeks = Param::constant(260);
  b.wage_monthly = Param::constant(20500);
  b.hours_fraction = Param::constant(0.5);
  Distribution tri;
  tri.kind = DistKind::triangular;
  tri.low = 0.004, tri.mode = 0.008, tri.high = 0.015;
  make_uncertain(c, b.job_finding_hazard, "cohort.segments.aktivitetsparat_complex.job_finding_hazard", tri);
  b.separation_hazard = Param::constant(0.05);
  b.exit_hazard = Param::constant(0.005);
  b.result_grant_eligible = false;
  b.other_flows["regional_health_care"] = {Param::constant(2600), Param::constant(1700)};
  c.cohort.segments = {a, b};

  Intervention& iv = c.intervention;
  iv.duration_months = 18;
  iv.dropout_hazard = Param::constant(0.02);
  iv.effect.kind = Effect::Kind::hazard_ratio;
  iv.effect.hazard_ratio = Param::constant(2.0);
  iv.retention_multiplier = Param::constant(0.8);
  iv.decay_half_life_months = Param::constant(24);
  iv.cost.setup = Param::constant(400000);
  iv.cost.fixed_monthly = Param::constant(60000);
  iv.cost.per_participant_monthly = Param::constant(4000);

  Recession& r = c.labour_market.recession;
  r.start_probability_monthly = Param::constant(0.01);
  r.end_probability_monthly = Param::constant(0.06);
  Distribution uni;
  uni.kind = DistKind::uniform;
  uni.low = 0.5, uni.high = 0.8;
  make_uncertain(c, r.job_finding_multiplier, "labour_market.recession.job_finding_multiplier", uni);
  r.separation_multiplier = Param::constant(1.5);

  Public& p = c.public_;
  p.discount.rate = Param::constant(0.035);
  p.refusion.ladder = {{0, 0.80}, {4, 0.40}, {26, 0.30}, {52, 0.20}};
  p.refusion.reset_after_months_off = 12;
  p.tax.labour_market_contribution = Param::constant(0.08);
  p.tax.municipal_rate = Param::constant(0.25);
  p.tax.state_bottom_rate = Param::constant(0.1201);
  p.tax.personal_allowance_annual = Param::constant(49700);
  p.tax.municipal_retention = Param::constant(0.25);
  p.result_grant.amount = Param::constant(88817);
  p.result_grant.after_months_in_job = 6;
  OtherFlow health;
  health.name = "regional_health_care";
  health.budget = Budget::region;
  health.on_benefit = Param::constant(1800);
  health.employed = Param::constant(1100);
  p.other_flows = {health};
  return c;
}

std::vector<double> example_draws() {
  return {0.008, 0.65};
}

Config single_segment_config() {
  Config c;
  c.name = "single";
  c.simulation.horizon_months = 60;
  c.cohort.size = 10;
  c.cohort.enrolment_months = 1;
  Segment s;
  s.name = "only";
  s.share = 1.0;
  s.benefit_monthly = Param::constant(12326);
  s.prior_benefit_weeks = Param::constant(0);
  s.wage_monthly = Param::constant(22400);
  s.hours_fraction = Param::constant(0.7);
  s.job_finding_hazard = Param::constant(0.0);
  s.separation_hazard = Param::constant(0.0);
  s.exit_hazard = Param::constant(0.0);
  s.result_grant_eligible = true;
  c.cohort.segments = {s};
  c.intervention.duration_months = 12;
  c.intervention.effect.hazard_ratio = Param::constant(1.0);
  c.labour_market.recession.start_probability_monthly = Param::constant(0.0);
  c.public_.refusion.reset_after_months_off = 12;
  c.public_.result_grant.amount = Param::constant(88817);
  c.public_.result_grant.after_months_in_job = 6;
  return c;
}

Config alternating_person_config() {
  Config c = single_segment_config();
  c.simulation.horizon_months = 40;
  c.cohort.size = 1;
  Segment& s = c.cohort.segments[0];
  s.job_finding_hazard = Param::constant(1.0);
  s.separation_hazard = Param::constant(1.0);
  c.intervention.duration_months = 13;
  c.intervention.retention_multiplier = Param::constant(0.0);
  return c;
}

double ladder_rate_at_benefit_month(int n) {
  return n == 0 ? 0.80 : n <= 5 ? 0.40 : n <= 11 ? 0.30 : 0.20;
}

PathSimulation run_path(const Config& c, const std::vector<double>& draws, std::uint64_t path,
                        int termination_month, std::uint64_t seed) {
  const Model model(c);
  const PathParameters pp = model.resolve(draws);
  const rng::Key key = rng::key_from_seed(seed);
  PathSimulation out;
  simulate_path(model, pp, simulate_regime(pp, pp.horizon_months, key, path), termination_month, key, path,
                out);
  return out;
}

double total_savings(const PathSimulation& p, Budget b) {
  double s = 0.0;
  for (int m = 0; m < p.treated.flows.months(); ++m) {
    s += p.counterfactual.flows.budget_month(b, m) - p.treated.flows.budget_month(b, m);
  }
  return s;
}

}  // namespace sisim::test
