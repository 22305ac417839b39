#pragma once
// One person in one arm: the B/E sojourns by inversion of the discrete cumulative hazard, one
// uniform per sojourn (event index j = 0, 1, ...), booked into the arm's difference arrays.
// Internal to sim/model.
#include "sim/model/history.hpp"
#include "sim/model/path_parameters.hpp"
#include "sim/model/path_scratch.hpp"

namespace sisim::model::detail {

// Which hazard governs the transition out of each month: `first` for months [enrol, phase_end),
// `second` from phase_end on; index 0 = from B (job finding), 1 = from E.
struct PersonSchedule {
  int enrol = 0;
  int limit = 0;  // first month not simulated: min(horizon, exit month)
  int phase_end = 0;
  RegimeRuns runs;
  // Pointers into the path's HazardTables (or a curve the caller keeps alive for the walk): the
  // curves were copied into every person's two schedules before (issue 16).
  const HazardCurve* first[2] = {nullptr, nullptr};
  const HazardCurve* second[2] = {nullptr, nullptr};
  PartTimeDraws* jobs = nullptr;  // which jobs are part-time (MODEL.md 8a); null: none are
};

struct ArmTotals {
  double employment_months = 0.0;
  int job_starts = 0;
  int result_grants = 0;
};

// Walks the person from enrolment (in B) to `limit`, appending spells to history.employment.
// `events[j]` is the exponential variate of sojourn j: EventExponentials (shared by both arms) or
// CoupledExponentials (the treated arm under arm_coupling < 1); instantiated for both.
template <class Events>
void walk_person(const PersonSchedule& schedule, const PathParameters& pp, int segment, Events& events,
                 ArmCounts& counts, ArmHistory& history, ArmTotals& totals);

}  // namespace sisim::model::detail
