#include "sim/model/path_simulation.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "sim/model/person_walk.hpp"
#include "sim/model/regime.hpp"

namespace sisim::model {

using config::Budget;

namespace {

using detail::ArmCounts;
using detail::HazardCurve;
using detail::kStateB;
using detail::kStateE;

struct CohortStreams {
  rng::StreamId person, labour, part_time;
};
constexpr CohortStreams kCohortStreams{rng::StreamId::person, rng::StreamId::labour_events,
                                       rng::StreamId::part_time};
constexpr CohortStreams kControlStreams{rng::StreamId::control_person, rng::StreamId::control_labour,
                                        rng::StreamId::control_part_time};

bool stopped(const std::atomic<bool>* stop) {
  return stop != nullptr && stop->load(std::memory_order_relaxed);
}

// Who a person is: enrolment, segment (categorical by inversion on the cumulative shares), age
// and exit month (geometric in the exit hazard, shared by both arms), from the person's one block
// of draws (rng::PersonDraws), which also holds the treated arm's dropout uniform.
struct Person {
  int enrol = 0, segment = 0, exit_transitions = 0, limit = 0, age = -1;
  double dropout_uniform = 0.5;
};

Person draw_person(const PathParameters& pp, const detail::HazardTables& tables, int i, int n,
                   const rng::Key& key, std::uint64_t path, const CohortStreams& streams) {
  Person p;
  p.enrol = enrolment_month(i, n, pp.enrolment_months);
  const rng::PersonDraws u(key, path, static_cast<std::uint64_t>(i), streams.person);
  const int last_segment = static_cast<int>(pp.segments.size()) - 1;
  double cumulative = 0.0;
  while (p.segment < last_segment) {
    cumulative += pp.segments[static_cast<size_t>(p.segment)].share;
    if (u.segment < cumulative) break;
    ++p.segment;
  }
  const double lambda_x = tables.exit_lambda(p.segment);
  const int cap = pp.horizon_months + 1;
  p.exit_transitions = lambda_x > 0.0 ? tables.exit_law(p.segment).transitions(u.exit) : cap;
  p.limit = std::min(pp.horizon_months, p.enrol + std::min(p.exit_transitions, cap));
  const SegmentParameters& seg = pp.segments[static_cast<size_t>(p.segment)];
  if (seg.age_min >= 0) {
    const int span = seg.age_max - seg.age_min + 1;
    p.age = seg.age_min + std::min(span - 1, static_cast<int>(u.age * span));
  }
  p.dropout_uniform = u.dropout;
  return p;
}

void start_history(ArmHistory& h, const Person& p, int horizon) {
  h.enrol_month = p.enrol;
  h.segment = p.segment;
  h.age_at_start = p.age;
  h.exit_month = p.enrol + p.exit_transitions < horizon ? p.enrol + p.exit_transitions : -1;
  h.employment.clear();
}

// The person's part-time draws when their segment has part-time jobs (MODEL.md 8a), else null.
detail::PartTimeDraws* part_time_draws(detail::PathScratch& sc, const PathParameters& pp, const Person& p,
                                       int i, const rng::Key& key, std::uint64_t path,
                                       const CohortStreams& streams) {
  const double share = pp.segments[static_cast<size_t>(p.segment)].part_time_share;
  if (share <= 0.0) return nullptr;
  sc.jobs.reset(key, path, static_cast<std::uint64_t>(i), streams.part_time, share);
  return &sc.jobs;
}

detail::PersonSchedule counterfactual_schedule(const detail::HazardTables& t, const Person& p,
                                               detail::PartTimeDraws* jobs) {
  detail::PersonSchedule sch;
  sch.jobs = jobs;
  sch.enrol = p.enrol;
  sch.limit = p.limit;
  sch.phase_end = p.enrol;
  sch.runs = t.runs();
  for (int st = 0; st < 2; ++st) sch.first[st] = sch.second[st] = &t.counterfactual(p.segment, st);
  return sch;
}

void prepare_arm(ArmResult& arm, int people, int months, int items) {
  arm.people.resize(static_cast<size_t>(people));
  if (arm.flows.months() != months || arm.flows.items() != items) {
    arm.flows = FlowTable(months, items);
  } else {
    arm.flows.clear();
  }
  arm.employment_months = 0.0;
  arm.job_starts = arm.result_grants = 0;
  arm.employed_count.assign(static_cast<size_t>(months), 0.0);
  arm.benefit_count.assign(static_cast<size_t>(months), 0.0);
  arm.earnings.assign(static_cast<size_t>(months), 0.0);
}

void add_totals(ArmResult& arm, const detail::ArmTotals& t) {
  arm.employment_months += t.employment_months;
  arm.job_starts += t.job_starts;
  arm.result_grants += t.result_grants;
}

// In place: difference array -> counts per month.
void prefix_sum(double* row, int months) {
  for (int m = 1; m < months; ++m) row[m] += row[m - 1];
}

// prefix_sum of several rows at once. A prefix sum is one chain of dependent additions, so rows
// summed one after another left the adder waiting on the previous month's sum (the largest cost of
// finishing an arm; issue 16): summing two or four rows side by side overlaps their chains. Each
// row adds the same numbers in the same order as prefix_sum: the same counts, bit for bit.
void prefix_sum_rows(std::span<double* const> rows, int months) {
  std::size_t r = 0;
  for (; r + 4 <= rows.size(); r += 4) {
    double *a = rows[r], *b = rows[r + 1], *c = rows[r + 2], *d = rows[r + 3];
    double sa = a[0], sb = b[0], sc = c[0], sd = d[0];
    for (int m = 1; m < months; ++m) {
      sa += a[m], sb += b[m], sc += c[m], sd += d[m];
      a[m] = sa, b[m] = sb, c[m] = sc, d[m] = sd;
    }
  }
  for (; r + 2 <= rows.size(); r += 2) {
    double *a = rows[r], *b = rows[r + 1];
    double sa = a[0], sb = b[0];
    for (int m = 1; m < months; ++m) {
      sa += a[m], sb += b[m];
      a[m] = sa, b[m] = sb;
    }
  }
  if (r < rows.size()) prefix_sum(rows[r], months);
}

void book_series(FlowTable& flows, Budget b, int item, double amount, const double* count, int months) {
  if (amount == 0.0) return;
  double* out = flows.line(b, item);
  for (int m = 0; m < months; ++m) out[m] += amount * count[m];
}

// Dated rules: a different amount per month (scale: a sign or a refusion rate).
void book_monthly(FlowTable& flows, Budget b, int item, double scale, const std::vector<double>& amount,
                  const double* count, int months) {
  if (scale == 0.0) return;
  double* out = flows.line(b, item);
  for (int m = 0; m < months; ++m) out[m] += scale * amount[static_cast<size_t>(m)] * count[m];
}

// Dated rules: the benefit and the taxes of every month from that month's numbers (MODEL.md 8),
// for `nb` people on benefit and `ne` employed.
void book_dated_taxes(FlowTable& flows, const PathParameters& pp, const SegmentParameters& seg,
                      const double* nb, const double* ne, int months) {
  double* benefit = flows.line(Budget::municipality, static_cast<int>(LineItem::benefit));
  double* mun_tax = flows.line(Budget::municipality, static_cast<int>(LineItem::municipal_tax));
  double* mun_eq = flows.line(Budget::municipality, static_cast<int>(LineItem::equalisation));
  double* other_eq = flows.line(Budget::other_municipalities, static_cast<int>(LineItem::equalisation));
  double* state_tax = flows.line(Budget::state, static_cast<int>(LineItem::state_tax));
  const double y = seg.wage_monthly * seg.hours_fraction;
  for (int m = 0; m < months; ++m) {
    const size_t i = static_cast<size_t>(m);
    const double b = seg.benefit_by_month[i];
    const PersonMonthTax x =
        person_month_tax(pp.municipal_rate, pp.municipal_retention, pp.month_tax[i], b, y);
    benefit[m] += b * nb[m];
    mun_tax[m] -= x.municipal_b * nb[m] + x.municipal_e * ne[m];
    mun_eq[m] += x.moved_b * nb[m] + x.moved_e * ne[m];
    other_eq[m] -= x.moved_b * nb[m] + x.moved_e * ne[m];
    state_tax[m] -= x.state_b * nb[m] + (x.contribution + x.state_e) * ne[m];
  }
}

// Part-time jobs with a benefit top-up (MODEL.md 8a), one segment: per month, the top-up the
// earnings rule leaves (refusion on it by ladder class), the taxes on top-up and earnings together
// (both per person-month from SegmentParameters::part_time_months), public.other_flows at their
// `employed` amounts, and the people and earnings series (they are both employed and on benefit).
void book_partial(ArmResult& arm, const PathParameters& pp, ArmCounts& counts, int s) {
  const int months = counts.months;
  const SegmentParameters& seg = pp.segments[static_cast<size_t>(s)];
  const double* np = counts.partial_row(s, 0);        // people in part-time jobs (summed by book_segment)
  const double* rate_sum = counts.partial_row(s, 1);  // the sum of their refusion rates
  const SegmentParameters::PartTimeMonths& pt = seg.part_time_months;
  const double* top_up = pt.top_up.data();
  const auto line = [&](Budget b, LineItem item) { return arm.flows.line(b, static_cast<int>(item)); };
  double* benefit = line(Budget::municipality, LineItem::benefit);
  double* mun_ref = line(Budget::municipality, LineItem::refusion);
  double* state_ref = line(Budget::state, LineItem::refusion);
  double* mun_tax = line(Budget::municipality, LineItem::municipal_tax);
  double* mun_eq = line(Budget::municipality, LineItem::equalisation);
  double* other_eq = line(Budget::other_municipalities, LineItem::equalisation);
  double* state_tax = line(Budget::state, LineItem::state_tax);
  const double y = seg.part_time_earnings;
  for (int m = 0; m < months; ++m) {
    const size_t i = static_cast<size_t>(m);
    benefit[m] += top_up[i] * np[m];
    mun_ref[m] -= top_up[i] * rate_sum[m];
    state_ref[m] += top_up[i] * rate_sum[m];
    mun_tax[m] -= pt.municipal_tax[i] * np[m];
    mun_eq[m] += pt.moved[i] * np[m];
    other_eq[m] -= pt.moved[i] * np[m];
    state_tax[m] -= pt.state_tax[i] * np[m];
    arm.benefit_count[i] += np[m];
    arm.employed_count[i] += np[m];
    arm.earnings[i] += y * np[m];
  }
  for (const FlowEntry& f : seg.employed_flows)
    if (f.item >= kFixedLineItems) book_series(arm.flows, f.budget, f.item, f.amount, np, months);
}

// Counts -> per-month flows of one segment (MODEL.md section 6).
void book_segment(ArmResult& arm, const PathParameters& pp, ArmCounts& counts, int s, std::vector<double>& nb,
                  std::vector<double*>& rows) {
  const int months = counts.months;
  const SegmentParameters& seg = pp.segments[static_cast<size_t>(s)];
  // Every difference array of the segment to counts at once (prefix_sum_rows).
  rows.clear();
  for (int c = 0; c < counts.classes; ++c)
    if (counts.benefit_row_booked(s, c)) rows.push_back(counts.benefit_row(s, c));
  rows.push_back(counts.employed_row(s));
  if (seg.part_time_share > 0.0) {
    rows.push_back(counts.partial_row(s, 0));
    rows.push_back(counts.partial_row(s, 1));
  }
  prefix_sum_rows(rows, months);
  nb.assign(static_cast<size_t>(months), 0.0);
  for (int c = 0; c < counts.classes; ++c) {
    if (!counts.benefit_row_booked(s, c)) continue;  // all zero: adds nothing (ArmCounts)
    const double* row = counts.benefit_row(s, c);
    for (int m = 0; m < months; ++m) nb[static_cast<size_t>(m)] += row[m];
    const double rate = pp.refusion_rates[static_cast<size_t>(c)];
    const int item = static_cast<int>(LineItem::refusion);
    if (seg.benefit_by_month.empty()) {
      book_series(arm.flows, Budget::municipality, item, -rate * seg.benefit_monthly, row, months);
      book_series(arm.flows, Budget::state, item, rate * seg.benefit_monthly, row, months);
    } else {
      book_monthly(arm.flows, Budget::municipality, item, -rate, seg.benefit_by_month, row, months);
      book_monthly(arm.flows, Budget::state, item, rate, seg.benefit_by_month, row, months);
    }
  }
  const double* employed = counts.employed_row(s);
  // With dated rules the fixed lines are booked month by month; public.other_flows are constant.
  const bool dated = !seg.benefit_by_month.empty();
  if (dated) book_dated_taxes(arm.flows, pp, seg, nb.data(), employed, months);
  for (const FlowEntry& f : seg.benefit_flows)
    if (!dated || f.item >= kFixedLineItems)
      book_series(arm.flows, f.budget, f.item, f.amount, nb.data(), months);
  for (const FlowEntry& f : seg.employed_flows)
    if (!dated || f.item >= kFixedLineItems)
      book_series(arm.flows, f.budget, f.item, f.amount, employed, months);
  const int grant_item = static_cast<int>(LineItem::result_grant);
  for (int tier = 0; tier < 2; ++tier) {
    const double* grants = counts.grant_row(s, tier);
    const std::vector<double>& dated = pp.result_grant_by_month[tier];
    if (dated.empty()) {
      book_series(arm.flows, Budget::state, grant_item, pp.result_grant_amount[tier], grants, months);
      book_series(arm.flows, Budget::municipality, grant_item, -pp.result_grant_amount[tier], grants, months);
    } else {
      book_monthly(arm.flows, Budget::state, grant_item, 1.0, dated, grants, months);
      book_monthly(arm.flows, Budget::municipality, grant_item, -1.0, dated, grants, months);
    }
  }
  const double wage = seg.wage_monthly * seg.hours_fraction;
  for (int m = 0; m < months; ++m) {
    arm.benefit_count[static_cast<size_t>(m)] += nb[static_cast<size_t>(m)];
    arm.employed_count[static_cast<size_t>(m)] += employed[m];
    arm.earnings[static_cast<size_t>(m)] += wage * employed[m];
  }
  if (seg.part_time_share > 0.0) book_partial(arm, pp, counts, s);  // its part-time rows are zero otherwise
}

// public.equalisation, after the segments are booked (MODEL.md 8). The budget lag moves the municipal
// tax and the tax-base equalisation `lag` months later (what arises after horizon - lag is not
// booked). The socio-economic part pays the municipality value x criterion(m) a month, from the
// other municipalities, with criterion(m) = max(c(m), c(m - L) + enrolled(m) - enrolled(m - L)):
// c = people on benefit, L = the lookback, and people enrolled by m but not yet at m - L counted as
// on benefit then (they were on benefit before enrolment); c and enrolled are 0 before month 0.
void book_equalisation(ArmResult& arm, const PathParameters& pp) {
  const int months = arm.flows.months();
  if (const int lag = std::min(pp.budget_lag_months, months); lag > 0) {
    const int tax = static_cast<int>(LineItem::municipal_tax), eq = static_cast<int>(LineItem::equalisation);
    for (const auto& [b, item] : {std::pair{Budget::municipality, tax}, std::pair{Budget::municipality, eq},
                                  std::pair{Budget::other_municipalities, eq}}) {
      double* row = arm.flows.line(b, item);
      std::copy_backward(row, row + months - lag, row + months);
      std::fill(row, row + lag, 0.0);
    }
  }
  const double value = pp.socioeconomic_value_monthly;
  if (value == 0.0) return;
  const int lookback = pp.socioeconomic_lookback_months;
  std::vector<double> enrolled(static_cast<size_t>(months), 0.0);  // participants enrolled by month m
  for (int i = 0; i < pp.enrolled; ++i) {
    const int e = enrolment_month(i, pp.enrolled, pp.enrolment_months);
    if (e < months) enrolled[static_cast<size_t>(e)] += 1.0;
  }
  for (int m = 1; m < months; ++m) enrolled[static_cast<size_t>(m)] += enrolled[static_cast<size_t>(m - 1)];
  double* mun = arm.flows.line(Budget::municipality, static_cast<int>(LineItem::equalisation));
  double* others = arm.flows.line(Budget::other_municipalities, static_cast<int>(LineItem::equalisation));
  for (int m = 0; m < months; ++m) {
    const size_t i = static_cast<size_t>(m);
    double earlier = enrolled[i];
    if (m >= lookback) {
      const size_t j = static_cast<size_t>(m - lookback);
      earlier += arm.benefit_count[j] - enrolled[j];
    }
    const double criterion = std::max(arm.benefit_count[i], earlier);
    mun[m] -= value * criterion;
    others[m] += value * criterion;
  }
}

void finish_arm(ArmResult& arm, const PathParameters& pp, ArmCounts& counts, std::vector<double>& buffer,
                std::vector<double*>& rows) {
  for (int s = 0; s < counts.segments; ++s) book_segment(arm, pp, counts, s, buffer, rows);
  if (pp.budget_lag_months > 0 || pp.socioeconomic_value_monthly != 0.0) book_equalisation(arm, pp);
}

// Programme months of the treated arm: the programme runs for P = min(D, dropout, months left before
// termination) months from enrolment; P == D marks a completer (decaying effect afterwards).
int programme_length(const PathParameters& pp, const detail::HazardTables& tables, const Person& p,
                     int termination_month) {
  const int d = std::max(0, pp.duration_months);
  int length = d;
  if (pp.dropout_hazard > 0.0 && d > 1)
    length = std::min(length, tables.dropout_law().transitions(p.dropout_uniform));  // capped at d
  if (termination_month >= 0) length = std::min(length, std::max(0, termination_month + 1 - p.enrol));
  return length;
}

void book_investor_costs(PathSimulation& out, const PathParameters& pp, int termination_month) {
  const int months = pp.horizon_months;
  out.investor_costs.assign(static_cast<size_t>(months), 0.0);
  if (months <= 0) return;
  std::vector<double>& in_programme = out.scratch.programme_diff;
  prefix_sum(in_programme.data(), months);
  int last_service =
      (pp.enrolled > 0 ? enrolment_month(pp.enrolled - 1, pp.enrolled, pp.enrolment_months) : 0) +
      pp.duration_months - 1;
  if (termination_month >= 0) last_service = std::min(last_service, termination_month);
  last_service = std::min(last_service, months - 1);
  for (int m = 0; m < months; ++m) {
    double cost = pp.cost_per_participant_monthly * in_programme[static_cast<size_t>(m)];
    if (m <= last_service) cost += pp.cost_fixed_monthly;
    if (m == 0) cost += pp.cost_setup;
    out.investor_costs[static_cast<size_t>(m)] = cost;
  }
}

}  // namespace

void simulate_path(const Model& model, const PathParameters& pp, const std::vector<std::uint8_t>& regime,
                   int termination_month, const rng::Key& key, std::uint64_t path, PathSimulation& out) {
  const int months = pp.horizon_months, n = pp.enrolled;
  const int segments = static_cast<int>(pp.segments.size()),
            classes = static_cast<int>(pp.refusion_rates.size());
  detail::PathScratch& sc = out.scratch;
  sc.tables.build(pp, regime);
  sc.treated.reset(months, segments, classes, pp.part_time);
  sc.counterfactual.reset(months, segments, classes, pp.part_time);
  sc.programme_diff.assign(static_cast<size_t>(months) + 1, 0.0);
  prepare_arm(out.treated, n, months, model.line_items());
  prepare_arm(out.counterfactual, n, months, model.line_items());
  out.enrolled = n;
  out.programme_starts = out.completers = 0;
  out.programme_months = 0.0;
  if (&regime != &out.regime) out.regime = regime;
  out.recession_months = static_cast<int>(std::count(regime.begin(), regime.end(), kRecession));
  out.termination_month = termination_month;

  detail::ArmTotals cf_totals, tr_totals;
  for (int i = 0; i < n; ++i) {
    if ((i & 1023) == 1023 && stopped(out.stop)) break;
    const Person p = draw_person(pp, sc.tables, i, n, key, path, kCohortStreams);
    ArmHistory& cf_history = out.counterfactual.people[static_cast<size_t>(i)];
    ArmHistory& tr_history = out.treated.people[static_cast<size_t>(i)];
    start_history(cf_history, p, months);
    start_history(tr_history, p, months);
    if (p.enrol >= months) continue;

    // Counterfactual: its draws (segment, exit, labour events) never depend on the treatment.
    const detail::PersonSchedule cf =
        counterfactual_schedule(sc.tables, p, part_time_draws(sc, pp, p, i, key, path, kCohortStreams));
    sc.events.reset(key, path, static_cast<std::uint64_t>(i), rng::StreamId::labour_events);
    detail::walk_person(cf, pp, p.segment, sc.events, sc.counterfactual, cf_history, cf_totals);

    // Treated: the same exit month; per sojourn index the counterfactual's variate or, with
    // probability 1 - arm_coupling, a fresh one (MODEL.md 5.1); programme hazards for the first P
    // months, then the counterfactual's (dropouts) or the decaying effect (completers).
    const int length = programme_length(pp, sc.tables, p, termination_month);
    const bool completer = length == pp.duration_months;
    detail::PersonSchedule tr;
    tr.jobs = cf.jobs;  // the same draws: job k is of the same kind in both arms
    tr.enrol = p.enrol;
    tr.limit = p.limit;
    tr.phase_end = p.enrol + length;
    tr.runs = sc.tables.runs();
    tr.first[kStateB] = &sc.tables.in_programme(p.segment, kStateB);
    tr.first[kStateE] = &sc.tables.in_programme(p.segment, kStateE);
    const HazardCurve completer_curve =
        completer ? sc.tables.completer_job_finding(p.segment, p.enrol) : HazardCurve{};
    tr.second[kStateB] = completer ? &completer_curve : &sc.tables.counterfactual(p.segment, kStateB);
    tr.second[kStateE] = &sc.tables.counterfactual(p.segment, kStateE);
    if (pp.arm_coupling >= 1.0) {
      detail::walk_person(tr, pp, p.segment, sc.events, sc.treated, tr_history, tr_totals);
    } else {
      sc.treated_events.reset(sc.events, pp.arm_coupling, key, path, static_cast<std::uint64_t>(i));
      detail::walk_person(tr, pp, p.segment, sc.treated_events, sc.treated, tr_history, tr_totals);
    }

    const int served_end = std::min(p.enrol + length, p.limit);
    if (length > 0) ++out.programme_starts;
    if (completer && p.exit_transitions >= length && p.enrol + length <= months) ++out.completers;
    if (served_end > p.enrol) {
      sc.programme_diff[static_cast<size_t>(p.enrol)] += 1.0;
      sc.programme_diff[static_cast<size_t>(served_end)] -= 1.0;
      out.programme_months += served_end - p.enrol;
    }
  }
  add_totals(out.counterfactual, cf_totals);
  add_totals(out.treated, tr_totals);
  finish_arm(out.counterfactual, pp, sc.counterfactual, sc.month_buffer, sc.row_buffer);
  finish_arm(out.treated, pp, sc.treated, sc.month_buffer, sc.row_buffer);
  book_investor_costs(out, pp, termination_month);
}

void simulate_control_group(const Model& /*model*/, const PathParameters& pp,
                            const std::vector<std::uint8_t>& regime, int n_c, const rng::Key& key,
                            std::uint64_t path, detail::PathScratch& scratch, std::vector<ArmHistory>& out,
                            const std::atomic<bool>* stop) {
  const int months = pp.horizon_months;
  n_c = std::max(0, n_c);
  out.resize(static_cast<size_t>(n_c));
  scratch.tables.build(pp, regime);
  // The control group's flows are not needed: book into a throw-away counter set.
  scratch.counterfactual.reset(months, static_cast<int>(pp.segments.size()),
                               static_cast<int>(pp.refusion_rates.size()), pp.part_time);
  detail::ArmTotals totals;
  for (int j = 0; j < n_c; ++j) {
    if ((j & 1023) == 1023 && stopped(stop)) break;
    const Person p = draw_person(pp, scratch.tables, j, n_c, key, path, kControlStreams);
    ArmHistory& h = out[static_cast<size_t>(j)];
    start_history(h, p, months);
    if (p.enrol >= months) continue;
    scratch.events.reset(key, path, static_cast<std::uint64_t>(j), kControlStreams.labour);
    detail::walk_person(
        counterfactual_schedule(scratch.tables, p,
                                part_time_draws(scratch, pp, p, j, key, path, kControlStreams)),
        pp, p.segment, scratch.events, scratch.counterfactual, h, totals);
  }
}

std::vector<ArmHistory> simulate_control_group(const Model& model, const PathParameters& pp,
                                               const std::vector<std::uint8_t>& regime, int n_c,
                                               const rng::Key& key, std::uint64_t path) {
  detail::PathScratch scratch;
  std::vector<ArmHistory> out;
  simulate_control_group(model, pp, regime, n_c, key, path, scratch, out);
  return out;
}

}  // namespace sisim::model
