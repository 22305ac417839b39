// The floor of one path (issue 16): a loop that draws exactly the random numbers a path of the
// base scenario draws, with the same transforms, and nothing else. BM_PathFloor replays the same
// 2,000 paths as BM_BaseScenarioPathFixed, so "full path / floor" is the share of a path's cost
// that is not drawing random numbers.
//
// What a path draws (sim/model/path_simulation.cpp, sim/engine/path_runner.cpp):
//   path level: the parameter draws (ParameterSampler::sample_path, with its transforms), one
//     uniform per month for the regime chain, one for the payer's termination;
//   per participant: who the person is (stream scheme 2: one Philox block, rng::PersonDraws, with
//     the segment, age, exit and dropout uniforms; the exit and dropout months by GeometricLaw, a
//     log where the answer is not surely the cap), the counterfactual's labour events (one uniform and one
//     log per sojourn, EventExponentials), the treated arm's (CoupledExponentials: two uniforms per sojourn,
//     a log for a fresh variate, or the counterfactual's variate of that index), the part-time kind of each
//     job (one uniform per job index either arm reaches, where the segment has part-time jobs);
//   per control-group person: their block, exit and labour events from their own streams.
// The sojourn counts per person are read off the histories of the real run (set-up, not timed):
// a walk alternates B and E sojourns from enrolment, so n = 2 x spells, plus one when it ends in B.
// Checked once by counting Philox blocks in UniformStream (a temporary counter): the 2,000 paths
// of the real run and of this replay both computed 3,199,030 blocks (1,600 a path; 4,302,581
// under stream scheme 1).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/loader.hpp"
#include "sim/engine/columns.hpp"
#include "sim/engine/path_runner.hpp"
#include "sim/engine/series_collector.hpp"
#include "sim/model/path_scratch.hpp"
#include "sim/model/regime.hpp"
#include "sim/rng/streams.hpp"

namespace {

using sisim::model::ArmHistory;
using sisim::rng::StreamId;
using sisim::rng::UniformStream;

struct PersonDraws {
  int segment = 0;
  bool exit = false, dropout = false;
  std::uint32_t counterfactual_sojourns = 0, treated_sojourns = 0;
  std::uint32_t jobs = 0;  // part-time draws: one per job index reached in either arm (MODEL.md 8a)
};

struct PathDraws {
  std::uint64_t path = 0;
  int horizon = 0;
  bool coupled = false;  // arm_coupling < 1: the treated arm has its own stream
  double coupling = 1.0;
  std::vector<PersonDraws> people, control;
  std::vector<sisim::model::detail::GeometricLaw> exit;  // by segment
  sisim::model::detail::GeometricLaw dropout;
};

// Sojourns of a walk from enrolment to its limit (exit month or horizon), B first.
std::uint32_t sojourns(const ArmHistory& h, int horizon) {
  if (h.enrol_month >= horizon) return 0;
  const int limit = h.exit_month >= 0 ? h.exit_month : horizon;
  const auto spells = static_cast<std::uint32_t>(h.employment.size());
  if (spells == 0) return 1;
  return 2 * spells + (h.employment.back().end >= limit ? 0U : 1U);
}

PersonDraws person_draws(const sisim::model::PathParameters& pp, const ArmHistory& cf,
                         const ArmHistory* treated, int horizon) {
  PersonDraws d;
  const auto& seg = pp.segments[static_cast<size_t>(cf.segment)];
  d.segment = cf.segment;
  d.exit = sisim::model::detail::monthly_cumulative_hazard(seg.exit_hazard) > 0.0;
  d.counterfactual_sojourns = sojourns(cf, horizon);
  if (seg.part_time_share > 0.0) d.jobs = static_cast<std::uint32_t>(cf.employment.size());
  if (treated != nullptr && cf.enrol_month < horizon) {
    d.dropout = pp.dropout_hazard > 0.0 && pp.duration_months > 1;
    d.treated_sojourns = sojourns(*treated, horizon);
    if (seg.part_time_share > 0.0)
      d.jobs = std::max(d.jobs, static_cast<std::uint32_t>(treated->employment.size()));
  }
  return d;
}

// The draws of one person with the model's streams and transforms; returns a sum of what was drawn.
double replay_person(const sisim::rng::Key& key, std::uint64_t path, std::uint64_t i, const PersonDraws& d,
                     const PathDraws& p, bool control, sisim::model::detail::EventExponentials& events,
                     sisim::model::detail::CoupledExponentials& treated) {
  const StreamId person = control ? StreamId::control_person : StreamId::person;
  const StreamId labour = control ? StreamId::control_labour : StreamId::labour_events;
  const StreamId part_time = control ? StreamId::control_part_time : StreamId::part_time;
  const sisim::rng::PersonDraws who(key, path, i, person);
  double sum = who.segment + who.age;
  if (d.exit) sum += p.exit[static_cast<size_t>(d.segment)].transitions(who.exit);
  events.reset(key, path, i, labour);
  for (std::uint32_t j = 0; j < d.counterfactual_sojourns; ++j) sum += events[j];
  if (d.dropout) sum += p.dropout.transitions(who.dropout);
  if (d.jobs > 0) {
    UniformStream jobs(key, path, i, part_time);
    for (std::uint32_t k = 0; k < d.jobs; ++k) sum += jobs.next();
  }
  if (p.coupled) {
    treated.reset(events, p.coupling, key, path, i);
    for (std::uint32_t j = 0; j < d.treated_sojourns; ++j) sum += treated[j];
  } else {
    for (std::uint32_t j = 0; j < d.treated_sojourns; ++j) sum += events[j];
  }
  return sum;
}

std::string scenario_path() {
  if (const char* env = std::getenv("SISIM_BENCH_SCENARIO")) return env;
  return std::string(SISIM_SOURCE_DIR) + "/scenarios/herning-viborg.yaml";
}

void BM_PathFloor(benchmark::State& state) {
  static const sisim::config::LoadResult loaded = sisim::config::load_config(scenario_path());
  if (!loaded.ok()) {
    state.SkipWithError(("cannot load " + scenario_path()).c_str());
    return;
  }
  const sisim::config::Config& config = *loaded.config;
  const std::int64_t paths = state.range(0);
  sisim::engine::PathRunner runner(config, config.simulation.seed);
  sisim::engine::ColumnSet columns;
  runner.define_columns(columns);
  columns.allocate(paths);
  sisim::engine::SeriesCollector series(paths, 0, runner.months(), runner.line_items(),
                                        paths / config.simulation.block_size + 1);
  auto scratch = runner.make_scratch();

  // Set-up: run every path once and note what it drew.
  std::vector<PathDraws> plan(static_cast<size_t>(paths));
  std::vector<sisim::model::PathParameters> parameters(static_cast<size_t>(paths));
  for (std::int64_t path = 0; path < paths; ++path) {
    runner.run_path(path, path / config.simulation.block_size, *scratch, columns, series);
    const sisim::model::PathParameters pp = runner.last_parameters(*scratch);
    const sisim::model::PathSimulation& sim = runner.last_simulation(*scratch);
    PathDraws& p = plan[static_cast<size_t>(path)];
    p.path = static_cast<std::uint64_t>(path);
    p.horizon = pp.horizon_months;
    p.coupled = pp.arm_coupling < 1.0;
    p.coupling = pp.arm_coupling;
    for (const sisim::model::SegmentParameters& seg : pp.segments)
      p.exit.emplace_back(sisim::model::detail::monthly_cumulative_hazard(seg.exit_hazard),
                          pp.horizon_months + 1);
    p.dropout = sisim::model::detail::GeometricLaw(
        sisim::model::detail::monthly_cumulative_hazard(pp.dropout_hazard), std::max(0, pp.duration_months));
    for (size_t i = 0; i < sim.counterfactual.people.size(); ++i)
      p.people.push_back(person_draws(pp, sim.counterfactual.people[i], &sim.treated.people[i], p.horizon));
    for (const ArmHistory& h : runner.last_control_group(*scratch))
      p.control.push_back(person_draws(pp, h, nullptr, p.horizon));
    parameters[static_cast<size_t>(path)] = pp;
  }

  sisim::model::detail::EventExponentials events;
  sisim::model::detail::CoupledExponentials treated;
  std::vector<double> draws;
  std::vector<std::uint8_t> regime;
  double uniforms = 0.0;
  for (const PathDraws& p : plan) {
    uniforms += static_cast<double>(p.horizon);
    for (const auto* group : {&p.people, &p.control})
      for (const PersonDraws& d : *group)
        uniforms += 4.0 + d.counterfactual_sojourns + d.jobs + (p.coupled ? 2.0 * d.treated_sojourns : 0.0);
  }
  size_t next = 0;
  for (auto _ : state) {
    const PathDraws& p = plan[next];
    const sisim::rng::Key& key = runner.key();
    runner.sampler().sample_path(key, p.path, draws);
    sisim::model::simulate_regime(parameters[next], p.horizon, key, p.path, regime);
    double sum = UniformStream(key, p.path, sisim::rng::kPathLevel, StreamId::termination).at(0);
    for (size_t i = 0; i < p.people.size(); ++i)
      sum += replay_person(key, p.path, i, p.people[i], p, false, events, treated);
    for (size_t j = 0; j < p.control.size(); ++j)
      sum += replay_person(key, p.path, j, p.control[j], p, true, events, treated);
    benchmark::DoNotOptimize(sum);
    benchmark::DoNotOptimize(draws.data());
    next = (next + 1) % plan.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["uniforms_per_path"] = uniforms / static_cast<double>(plan.size());
}
// The same 2,000 paths, each once, as BM_BaseScenarioPathFixed.
BENCHMARK(BM_PathFloor)->Arg(2000)->Iterations(2000)->Unit(benchmark::kMicrosecond);

}  // namespace
