#pragma once
// What one person did, month by month, in one arm: the interface between the participant model
// (which produces it) and the contract (which counts outcomes on it). Months are absolute
// (0 = contract start), half-open intervals.
#include <vector>

namespace sisim::model {

// A job: months [start, end) in E. A part-time job leaves the person on a benefit top-up
// (on_benefit, MODEL.md 8a); every other job takes them off benefit (self-sufficient).
struct Spell {
  int start = 0;  // first month in E
  int end = 0;    // first month no longer in E (exclusive); horizon if still employed
  float hours_per_week = 0.0f;
  bool on_benefit = false;
};

struct ArmHistory {
  int enrol_month = 0;
  int segment = 0;
  int exit_month = -1;            // first month in X; -1 if never within the horizon
  int age_at_start = -1;          // whole years at enrolment; -1 if the segment states no age
  std::vector<Spell> employment;  // chronological, non-overlapping, non-adjacent
};

}  // namespace sisim::model
