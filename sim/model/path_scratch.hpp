#pragma once
// Work space of one path simulation: cumulative-hazard tables for event-time inversion and the
// difference arrays the arms book into. Internal to sim/model; lives in PathSimulation so that the
// engine reuses it from path to path without allocating.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/model/path_parameters.hpp"
#include "sim/rng/streams.hpp"

namespace sisim::model::detail {

// Cumulative hazard -log(1 - q) of one month, capped: the largest exponential variate the uniforms
// can produce is -log(2^-54) = 37.4, so 64 already means "certain" and keeps sums finite.
inline constexpr double kCertainHazard = 64.0;
inline double monthly_cumulative_hazard(double q) {
  if (q >= 1.0) return kCertainHazard;
  if (q <= 0.0) return 0.0;
  return std::min(kCertainHazard, -std::log1p(-q));
}

// c: prefix sums of monthly cumulative hazards by absolute month (c[i] = sum of months < i).
// Returns the first i in (from, last] with c[i] - c[from] >= need (the event happens in the
// transition out of month i - 1, so month i is the first month in the new state), or -1 after
// subtracting the hazard accumulated over (from, last] from need.
inline int find_event(const double* c, int from, int last, double& need) {
  if (last <= from) return -1;
  const double target = c[from] + need;
  if (c[last] < target) {
    need -= c[last] - c[from];
    return -1;
  }
  // Branch-free lower bound over c[from+1 .. last] (the answer exists since c[last] >= target):
  // event months are unpredictable, so a branchy search mispredicts at every level.
  const double* base = c + from + 1;
  std::size_t n = static_cast<std::size_t>(last - from);
  while (n > 1) {
    const std::size_t half = n / 2;
    base += static_cast<std::size_t>(base[half - 1] < target) * half;
    n -= half;
  }
  return static_cast<int>(base - c);
}

// The path's labour-market regime as runs of equal months.
struct RegimeRuns {
  const std::uint8_t* regime = nullptr;  // regime of month m (0 normal, 1 recession)
  const int* run_end = nullptr;          // first month after m in the other regime, or the horizon
};

// find_event for a hazard that is constant within each regime run (lambda[regime] a month), in
// closed form: k months of hazard L accumulate need when k >= need / L, so the event month of a
// run [m, b) is m + ceil(need / L). A path has a few regime runs, so this visits a few runs where
// the prefix-table search made eight dependent loads (issue 16).
inline int find_event_by_regime(const double lambda[2], const RegimeRuns& runs, int from, int last,
                                double& need) {
  for (int m = from; m < last;) {
    const int b = std::min(runs.run_end[m], last);
    const double rate = lambda[runs.regime[m]];
    const double accumulated = rate * static_cast<double>(b - m);
    if (need <= accumulated) {
      const double k = std::min(std::ceil(need / rate), static_cast<double>(b - m));
      return m + std::max(1, static_cast<int>(k));
    }
    need -= accumulated;
    m = b;
  }
  return -1;
}

// A hazard over absolute months for event-time inversion: constant within each regime (the
// counterfactual and in-programme hazards change only when the regime does) or, where it changes
// every month (the decaying effect after the programme), a prefix table.
struct HazardCurve {
  const double* prefix = nullptr;  // the prefix table, or nullptr: lambda by regime
  double lambda[2] = {0.0, 0.0};   // monthly cumulative hazard in a normal / a recession month

  static HazardCurve by_regime(double normal, double recession) {
    HazardCurve h;
    h.lambda[0] = normal;
    h.lambda[1] = recession;
    return h;
  }
};

inline int find_event(const HazardCurve& h, const RegimeRuns& runs, int from, int last, double& need) {
  return h.prefix != nullptr ? find_event(h.prefix, from, last, need)
                             : find_event_by_regime(h.lambda, runs, from, last, need);
}

// The exponential variates -log(u_j) of one person's labour events, j = sojourn index, computed
// once and read by both arms (the coupling: the same variate for the same sojourn index).
class EventExponentials {
 public:
  void reset(const rng::Key& key, std::uint64_t path, std::uint64_t participant, rng::StreamId stream) {
    stream_.restart(key, path, participant, stream);
    values_.clear();
  }
  double operator[](std::size_t j) {
    while (values_.size() <= j) values_.push_back(-std::log(stream_.next()));
    return values_[j];
  }

 private:
  rng::UniformStream stream_{rng::Key{}, 0, 0, rng::StreamId::labour_events};
  std::vector<double> values_;
};

// The treated arm's exponential variates under arm coupling c (MODEL.md 5.1): sojourn j reuses
// the counterfactual's variate with probability c, else takes a fresh, independent one. Per
// sojourn the arms' uniforms then have the copula c * M + (1 - c) * Pi (M: comonotone, Pi:
// independent), whose Spearman rank correlation is exactly c. Sojourn j always reads uniforms
// 2j (shared or fresh?) and 2j + 1 (the fresh variate) of stream treated_labour, whatever c, so
// runs that differ only in c keep common random numbers.
class CoupledExponentials {
 public:
  void reset(EventExponentials& shared, double coupling, const rng::Key& key, std::uint64_t path,
             std::uint64_t participant) {
    shared_ = &shared;
    coupling_ = coupling;
    stream_.restart(key, path, participant, rng::StreamId::treated_labour);
    values_.clear();
  }
  double operator[](std::size_t j) {
    while (values_.size() <= j) {
      const double share = stream_.next(), fresh = stream_.next();
      values_.push_back(share < coupling_ ? (*shared_)[values_.size()] : -std::log(fresh));
    }
    return values_[j];
  }

 private:
  EventExponentials* shared_ = nullptr;
  double coupling_ = 1.0;
  rng::UniformStream stream_{rng::Key{}, 0, 0, rng::StreamId::treated_labour};
  std::vector<double> values_;
};

// Which of a person's jobs are part-time with a benefit top-up (MODEL.md 8a): job k (0, 1, ... in
// order from enrolment) is part-time if uniform k of the person's part-time stream is below the
// segment's share. Read by both arms, so job k is of the same kind in both worlds.
class PartTimeDraws {
 public:
  void reset(const rng::Key& key, std::uint64_t path, std::uint64_t participant, rng::StreamId stream,
             double share) {
    stream_.restart(key, path, participant, stream);
    share_ = share;
    values_.clear();
  }
  bool part_time(std::size_t job) {
    while (values_.size() <= job) values_.push_back(stream_.next());
    return values_[job] < share_;
  }

 private:
  rng::UniformStream stream_{rng::Key{}, 0, 0, rng::StreamId::part_time};
  double share_ = 0.0;
  std::vector<double> values_;
};

// Number of monthly transitions until an event of constant monthly cumulative hazard `lambda`
// happens, by inversion of the geometric law: ceil(-log(u) / lambda) >= 1; `cap` if beyond it.
inline int geometric_transitions(double u, double lambda, int cap) {
  if (lambda <= 0.0) return cap;
  const double k = std::ceil(-std::log(u) / lambda);
  return k >= static_cast<double>(cap) ? cap : static_cast<int>(k);
}

// geometric_transitions for one (lambda, cap), with the log skipped where the answer is surely
// `cap` (issue 16: most people never exit, most participants never drop out, and the log was a
// tenth of a path's cycles). ceil(-log(u) / lambda) >= cap exactly when -log(u) / lambda > cap - 1,
// i.e. u < exp(-lambda (cap - 1)). Below that threshold less a relative 1e-9 the answer is cap for
// certain: the margin is 1e-9 / lambda in -log(u) / lambda, against rounding errors of log, exp and
// the division below 1e-15 of it. Within the margin, and above, the formula decides as before, so
// every result is bit for bit that of geometric_transitions.
class GeometricLaw {
 public:
  GeometricLaw() = default;
  GeometricLaw(double lambda, int cap) : lambda_(lambda), cap_(cap) {
    if (lambda <= 0.0) {
      surely_cap_below_ = 2.0;  // every uniform: geometric_transitions returns cap
    } else if (cap >= 1) {
      surely_cap_below_ = std::exp(-lambda * static_cast<double>(cap - 1)) * (1.0 - 1e-9);
    }
  }
  int transitions(double u) const {
    return u < surely_cap_below_ ? cap_ : geometric_transitions(u, lambda_, cap_);
  }
  double lambda() const { return lambda_; }

 private:
  double lambda_ = 0.0;
  int cap_ = 0;
  double surely_cap_below_ = 0.0;  // 0: always the formula
};

enum : int { kStateB = 0, kStateE = 1 };

class HazardTables {
 public:
  // Per path: the counterfactual and in-programme hazards of each segment and state by regime, the
  // regime runs, and the constant exit and dropout hazards (once per path, not per person).
  void build(const PathParameters& pp, const std::vector<std::uint8_t>& regime);
  const HazardCurve& counterfactual(int s, int state) const { return cf_[curve(s, state)]; }
  const HazardCurve& in_programme(int s, int state) const { return programme_[curve(s, state)]; }
  // Job finding of a completer enrolled in month e after the programme's end (valid from e + D).
  HazardCurve completer_job_finding(int s, int e);
  RegimeRuns runs() const { return {regime_->data(), run_end_.data()}; }
  double exit_lambda(int s) const { return exit_[static_cast<size_t>(s)].lambda(); }
  // Transitions to exit (capped at the horizon + 1) and to programme dropout (capped at the
  // programme's duration), as geometric_transitions gives them.
  const GeometricLaw& exit_law(int s) const { return exit_[static_cast<size_t>(s)]; }
  const GeometricLaw& dropout_law() const { return dropout_; }

 private:
  static size_t curve(int s, int state) { return static_cast<size_t>(s * 2 + state); }
  void build_decay_rows(int e);
  const std::vector<double>& decay_factors(double half_life, int span);

  enum class Post { counterfactual, programme, decaying };
  const PathParameters* pp_ = nullptr;
  const std::vector<std::uint8_t>* regime_ = nullptr;
  int months_ = 0;
  size_t stride_ = 1;
  Post post_ = Post::counterfactual;
  std::vector<HazardCurve> cf_, programme_;  // [s * 2 + state]
  std::vector<int> run_end_;
  std::vector<GeometricLaw> exit_;
  GeometricLaw dropout_;
  std::vector<double> decay_lambda_;   // [(s*2 + regime) * stride + j], j = months after the end
  std::vector<int> recession_before_;  // recession months before month m
  std::vector<double> halvings_;       // 2^(-j / half-life) (decay_factors)
  double halvings_half_life_ = std::numeric_limits<double>::quiet_NaN();  // NaN: none made yet
  std::vector<double> decay_;  // [(s*E + e) * stride + m], built on first use
  std::vector<std::uint8_t> decay_ready_;
};

// Difference arrays of one arm: people in B by (segment, refusion class), in E by segment, and
// result grants by (segment, tier), over months (stride months + 1). With part-time jobs, per
// segment also the people in a part-time job with a benefit top-up (kind 0) and the sum of their
// refusion rates (kind 1): all the booking needs of them (empty without part-time jobs).
//
// Most (segment, class) benefit rows of a path stay empty (people enter the ladder at the class of
// their prior weeks and reach the lower classes only after a reset), so each row notes whether it
// was booked: an empty row is neither summed nor booked (it would add +0.0 to flows that are never
// -0.0, which changes no bit) and need not be cleared for the next path (issue 16).
struct ArmCounts {
  int months = 0, segments = 0, classes = 0;
  std::vector<double> benefit, employed, grants, partial;
  std::vector<std::uint8_t> benefit_booked;  // per (s, c): the row holds a booking (else all zero)
  void reset(int m, int s, int c, bool part_time = false) {
    const size_t stride = static_cast<size_t>(m) + 1, rows = static_cast<size_t>(s * c);
    if (m == months && benefit.size() == rows * stride && benefit_booked.size() == rows) {
      for (size_t r = 0; r < rows; ++r)
        if (benefit_booked[r]) std::fill_n(&benefit[r * stride], stride, 0.0);
    } else {
      benefit.assign(rows * stride, 0.0);
    }
    benefit_booked.assign(rows, 0);
    months = m, segments = s, classes = c;
    employed.assign(static_cast<size_t>(s) * stride, 0.0);
    grants.assign(static_cast<size_t>(s) * 2 * stride, 0.0);
    partial.assign(part_time ? static_cast<size_t>(s) * 2 * stride : 0, 0.0);
  }
  // The row to book people in B of segment s and class c into (marks it booked).
  double* book_benefit_row(int s, int c) {
    benefit_booked[static_cast<size_t>(s * classes + c)] = 1;
    return benefit_row(s, c);
  }
  bool benefit_row_booked(int s, int c) const {
    return benefit_booked[static_cast<size_t>(s * classes + c)] != 0;
  }
  double* benefit_row(int s, int c) { return &benefit[static_cast<size_t>(s * classes + c) * (months + 1)]; }
  double* partial_row(int s, int kind) { return &partial[static_cast<size_t>(s * 2 + kind) * (months + 1)]; }
  double* employed_row(int s) { return &employed[static_cast<size_t>(s) * (months + 1)]; }
  double* grant_row(int s, int tier) { return &grants[static_cast<size_t>(s * 2 + tier) * (months + 1)]; }
};

struct PathScratch {
  HazardTables tables;
  ArmCounts treated, counterfactual;
  std::vector<double> programme_diff;  // participants in the programme (difference array)
  std::vector<double> month_buffer;    // one month series
  std::vector<double*> row_buffer;     // rows of one segment to sum (finish_arm)
  EventExponentials events;
  CoupledExponentials treated_events;  // used when arm_coupling < 1
  PartTimeDraws jobs;                  // used when the person's segment has part-time jobs
};

}  // namespace sisim::model::detail
