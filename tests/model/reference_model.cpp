#include "reference_model.hpp"

#include <algorithm>
#include <cmath>

namespace sisim::test {

using config::Budget;
using config::Config;

using model::FlowTable;
using model::kFixedLineItems;
using model::LineItem;
using model::MonthEarnings;
using model::PathParameters;
using model::SegmentParameters;

namespace {

enum class State { B, E, X };

constexpr std::uint64_t kRefSegment = 900, kRefCounterfactual = 901, kRefTreated = 902;

// Four uniforms for one (person, arm, month): exit, move, dropout, the kind of a job starting.
std::array<double, 4> month_uniforms(const rng::Key& key, std::uint64_t path, int person,
                                     std::uint64_t stream, int month) {
  const rng::Counter out = rng::philox4x64(
      {path, static_cast<std::uint64_t>(person), stream, static_cast<std::uint64_t>(month)}, key);
  return {rng::to_open_unit(out[0]), rng::to_open_unit(out[1]), rng::to_open_unit(out[2]),
          rng::to_open_unit(out[3])};
}

double ladder_rate(const PathParameters& pp, double weeks) {
  double rate = 0.0;  // the rate of the last step with from_week <= weeks
  for (size_t k = 0; k < pp.refusion_rates.size(); ++k) {
    if (pp.refusion_from_week[k] <= weeks) rate = pp.refusion_rates[k];
  }
  return rate;
}

// deduction: what the municipal base has less than the state's (the employment deduction).
void book_tax(FlowTable& f, const PathParameters& pp, int m, double taxable, double deduction = 0.0) {
  const double municipal = pp.municipal_rate * std::max(0.0, taxable - deduction);
  f.add(Budget::municipality, LineItem::municipal_tax, m, -municipal);
  f.add(Budget::municipality, LineItem::equalisation, m, (1.0 - pp.municipal_retention) * municipal);
  f.add(Budget::other_municipalities, LineItem::equalisation, m, -(1.0 - pp.municipal_retention) * municipal);
  f.add(Budget::state, LineItem::state_tax, m, -pp.state_bottom_rate * std::max(0.0, taxable));
}

struct Person {
  int enrol = 0, segment = 0;
};

// Step 1 of MODEL.md section 4 for one person-month (everything except the result grant); `part`:
// a part-time job with a benefit top-up (MODEL.md 8a).
void book_month(ReferenceArm& arm, const Config& c, const PathParameters& pp, const SegmentParameters& seg,
                State state, bool part, double weeks, int m) {
  FlowTable& f = arm.flows;
  const auto& flows = c.public_.other_flows;
  if (state == State::E && part) {
    // 8a: earnings y at the part-time hours; the benefit less reduction_rate x the earnings above
    // the disregard, earnings plus top-up at most the ceiling; one income, one allowance.
    const MonthEarnings& e = pp.earnings;
    const int tier = seg.earnings_tier;
    const double y =
        seg.wage_monthly * seg.part_time_hours_per_week / c.public_.result_grant.full_time_hours_per_week;
    double top_up = seg.benefit_monthly - e.reduction_rate * std::max(0.0, y - e.disregard[tier]);
    if (e.ceiling[tier] > 0.0) top_up = std::min(top_up, e.ceiling[tier] - y);
    top_up = std::max(0.0, top_up);
    const double rho = ladder_rate(pp, weeks), contribution = pp.labour_market_contribution * y;
    f.add(Budget::municipality, LineItem::benefit, m, top_up);
    f.add(Budget::municipality, LineItem::refusion, m, -rho * top_up);
    f.add(Budget::state, LineItem::refusion, m, rho * top_up);
    f.add(Budget::state, LineItem::state_tax, m, -contribution);
    book_tax(f, pp, m, top_up + y - contribution - pp.allowance_monthly,
             std::min(pp.employment_deduction_rate * y, pp.employment_deduction_cap_monthly));
    for (size_t k = 0; k < flows.size(); ++k)
      f.at(flows[k].budget, kFixedLineItems + int(k), m) += seg.other_employed[k];
    arm.employed_count[size_t(m)] += 1.0;
    arm.employment_months += 1.0;
    return;
  }
  if (state == State::B) {
    const double b = seg.benefit_monthly, rho = ladder_rate(pp, weeks);
    f.add(Budget::municipality, LineItem::benefit, m, b);
    f.add(Budget::municipality, LineItem::refusion, m, -rho * b);
    f.add(Budget::state, LineItem::refusion, m, rho * b);
    book_tax(f, pp, m, b - pp.allowance_monthly);
    for (size_t k = 0; k < flows.size(); ++k)
      f.at(flows[k].budget, kFixedLineItems + int(k), m) += seg.other_on_benefit[k];
  } else {
    const double y = seg.wage_monthly * seg.hours_fraction, contribution = pp.labour_market_contribution * y;
    f.add(Budget::state, LineItem::state_tax, m, -contribution);
    book_tax(f, pp, m, y - contribution - pp.allowance_monthly,
             std::min(pp.employment_deduction_rate * y, pp.employment_deduction_cap_monthly));
    for (size_t k = 0; k < flows.size(); ++k)
      f.at(flows[k].budget, kFixedLineItems + int(k), m) += seg.other_employed[k];
    arm.employed_count[size_t(m)] += 1.0;
    arm.employment_months += 1.0;
  }
}

double effect_multiplier(const PathParameters& pp, int k) {
  if (std::isinf(pp.decay_half_life)) return pp.hazard_ratio;
  if (pp.decay_half_life <= 0.0) return 1.0;
  return 1.0 + (pp.hazard_ratio - 1.0) * std::pow(2.0, -(k - pp.duration_months) / pp.decay_half_life);
}

void simulate_person(ReferenceArm& arm, std::vector<double>* costs, const Config& c, const PathParameters& pp,
                     const std::vector<std::uint8_t>& regime, int term, const Person& p, const rng::Key& key,
                     std::uint64_t path, int i) {
  const bool treated = costs != nullptr;
  const SegmentParameters& seg = pp.segments[size_t(p.segment)];
  State state = State::B;
  double base_weeks = seg.prior_benefit_weeks;
  int benefit_months = 0, run = 0, off_run = 0;  // months in the current job; consecutive months off benefit
  bool granted = false, part = false;            // part: the current job is part-time with a top-up
  // The accumulated reset rule: months off benefit since the count began (it begins in a benefit
  // month: before enrolment, then at the first benefit month after each reset).
  std::vector<int> off_months;
  bool counting = true;
  bool started = treated && (term < 0 || p.enrol <= term), dropped = false, completed = false;
  for (int m = p.enrol; m < pp.horizon_months && state != State::X; ++m) {
    const int k = m - p.enrol;
    const bool in_programme = started && !dropped && k < pp.duration_months && (term < 0 || m <= term);
    // 1. flows of month m
    book_month(arm, c, pp, seg, state, part, base_weeks + (52.0 * benefit_months) / 12.0, m);
    if (in_programme) (*costs)[size_t(m)] += pp.cost_per_participant_monthly;
    // 2. benefit weeks, consecutive months off benefit, result grant
    if (state == State::B || part) {  // a top-up month is a benefit month (8a)
      ++benefit_months;
      off_run = 0;
      counting = true;
    }
    if (state == State::B) {
      run = 0;
    } else {
      ++run;
      if (run == 1) ++arm.job_starts;
      if (!part) ++off_run;
      const int need = pp.reset_after_months_off, window = pp.reset_window_months;
      if (need > 0 && window == 0 && off_run >= need) base_weeks = 0.0, benefit_months = 0;
      if (need > 0 && window > 0 && counting && !part) {
        off_months.push_back(m);
        const auto within =
            std::count_if(off_months.begin(), off_months.end(), [&](int t) { return t > m - window; });
        if (within >= need) base_weeks = 0.0, benefit_months = 0, off_months.clear(), counting = false;
      }
      const int job_month = seg.integration_months_at_enrolment + (m - run + 1 - p.enrol);
      const bool in_time =
          pp.result_grant_eligible_months == 0 || job_month < pp.result_grant_eligible_months;
      const bool eligible = part ? seg.result_grant_part_time : seg.result_grant_eligible;
      if (eligible && !granted && in_time && run == pp.result_grant_after_months) {
        const bool late = pp.result_grant_early_months > 0 && job_month >= pp.result_grant_early_months;
        const double amount = pp.result_grant_amount[late ? 1 : 0];
        arm.flows.add(Budget::state, LineItem::result_grant, m, amount);
        arm.flows.add(Budget::municipality, LineItem::result_grant, m, -amount);
        granted = true;
      }
    }
    // 3. transition
    double hr = 1.0, ret = 1.0;
    if (in_programme) {
      hr = pp.hazard_ratio, ret = pp.retention_multiplier;
    } else if (completed) {
      hr = effect_multiplier(pp, k);
    }
    const bool recession = regime[size_t(m)] != 0;
    const double h =
        std::min(1.0, seg.job_finding_hazard * (recession ? pp.recession_job_finding_multiplier : 1.0) * hr);
    const double s =
        std::min(1.0, seg.separation_hazard * (recession ? pp.recession_separation_multiplier : 1.0) * ret);
    const auto u = month_uniforms(key, path, i, treated ? kRefTreated : kRefCounterfactual, m);
    if (u[0] < seg.exit_hazard) {
      state = State::X;
    } else if (state == State::B && u[1] < h) {
      state = State::E;
      part = u[3] < seg.part_time_share;
    } else if (state == State::E && u[1] < s) {
      state = State::B;
    }
    // 4. dropout (none at k + 1 = D); termination makes people in the programme dropouts
    if (in_programme && state != State::X) {
      if (k + 1 == pp.duration_months) {
        completed = true;
      } else if (u[2] < pp.dropout_hazard || (term >= 0 && m == term)) {
        dropped = true;
      }
    }
  }
}

void prepare(ReferenceArm& arm, const PathParameters& pp) {
  arm.flows = FlowTable(pp.horizon_months, pp.line_items);
  arm.employed_count.assign(size_t(pp.horizon_months), 0.0);
}

}  // namespace

ReferencePath reference_simulate_path(const Config& config, const PathParameters& pp,
                                      const std::vector<std::uint8_t>& regime, int term, const rng::Key& key,
                                      std::uint64_t path) {
  ReferencePath out;
  prepare(out.treated, pp);
  prepare(out.counterfactual, pp);
  out.investor_costs.assign(size_t(pp.horizon_months), 0.0);
  const int n = pp.enrolled;
  for (int i = 0; i < n; ++i) {
    Person p;
    p.enrol = int((long long)i * pp.enrolment_months / n);
    const double u = rng::to_open_unit(rng::philox4x64({path, std::uint64_t(i), kRefSegment, 0}, key)[0]);
    double cumulative = 0.0;
    for (p.segment = 0; p.segment + 1 < int(pp.segments.size()); ++p.segment) {
      cumulative += pp.segments[size_t(p.segment)].share;
      if (u < cumulative) break;
    }
    simulate_person(out.counterfactual, nullptr, config, pp, regime, term, p, key, path, i);
    simulate_person(out.treated, &out.investor_costs, config, pp, regime, term, p, key, path, i);
  }
  // Programme-level costs: setup in month 0, fixed over the service period up to termination.
  const int last_enrol = n > 0 ? int((long long)(n - 1) * pp.enrolment_months / n) : 0;
  for (int m = 0; m < pp.horizon_months; ++m) {
    if (m <= last_enrol + pp.duration_months - 1 && (term < 0 || m <= term))
      out.investor_costs[size_t(m)] += pp.cost_fixed_monthly;
  }
  if (pp.horizon_months > 0) out.investor_costs[0] += pp.cost_setup;
  return out;
}

}  // namespace sisim::test
