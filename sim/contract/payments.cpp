#include "sim/contract/payments.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace sisim::contract {

using config::fewer_is_better;
using config::Tier;

using model::ArmHistory;

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

std::vector<PaymentDate> payment_dates(int interval, int last_accrual_month, int termination_month) {
  if (interval <= 0) throw std::invalid_argument("payment interval must be > 0");
  std::vector<PaymentDate> dates;
  for (int j = 1;; ++j) {
    const int t = j * interval - 1;
    if (termination_month >= 0 && termination_month <= t) {
      dates.push_back({t, termination_month});  // settlement: accruals of months <= m only
      break;
    }
    dates.push_back({t, t});
    if (t >= last_accrual_month) break;
  }
  return dates;
}

namespace {
int last_accrual_month(const ContractTerms& terms) {
  return terms.last_accrual_month();  // window, tiers and cohort triggers (terms.cpp)
}
}  // namespace

int contract_last_date(const ContractTerms& terms) {
  return payment_dates(terms.interval, last_accrual_month(terms), -1).back().date;
}

double tier_payment(const TierTerms& tiers, double measured) {
  // A measured rate is a ratio of counts computed in floating point: 1 - 0.9 is
  // 0.09999999999999998, not 0.1. A boundary counts as reached within kTierBoundaryTolerance
  // (1e-9 events per participant: a cohort would need a billion people to move the rate by it).
  const auto reaches = [&](double boundary) { return measured >= boundary - kTierBoundaryTolerance; };
  if (!tiers.enabled || std::isnan(measured) || !reaches(tiers.threshold)) return 0.0;
  const Tier* reached = nullptr;
  for (const Tier& tier : tiers.tiers) {
    if (reaches(tier.from)) reached = &tier;  // ascending: the last one reached is the highest
  }
  return reached ? reached->payment + reached->per_unit * std::max(0.0, measured - reached->from) : 0.0;
}

Entitlement::Entitlement(const ContractTerms& terms, const std::vector<ArmHistory>& treated,
                         const std::vector<ArmHistory>* control)
    : terms_(&terms), treated_enrol_(treated), tier_measured_(kNaN) {
  const bool use_control = terms.deduction == DeductionKind::control_group;
  if (use_control && control == nullptr) {
    throw std::invalid_argument("contract: control-group deduction needs control histories");
  }
  if (control != nullptr) control_enrol_ = EnrolmentCurve(*control);
  std::vector<const CountRule*> rules;
  for (const RateLine& line : terms.lines) rules.push_back(&line.rule);
  treated_ = EventCurve::of_rules(treated, rules, terms.window);
  if (control != nullptr) control_ = EventCurve::of_rules(*control, rules, terms.window);
  if (terms.tiers.enabled) {
    // The tier measures events in months <= at_month; the outcome window does not apply to it.
    const int at = terms.tiers.at_month;
    tier_treated_ = EventCurve(treated, terms.tiers.rule, at + 1);
    if (control != nullptr) tier_control_ = EventCurve(*control, terms.tiers.rule, at + 1);
    const double treated_rate = rate(tier_treated_, treated_enrol_, at);
    const double comparison = deduction_rate(&terms.tiers, 0, at);
    tier_measured_ = treated_rate - comparison;
    if (terms.tiers.relative) {
      const double gain = fewer_is_better(terms.tiers.rule.metric) ? -tier_measured_ : tier_measured_;
      tier_measured_ =
          comparison > 0.0 ? gain / comparison : kNaN;  // NaN: nothing to compare with, no payment
    }
    tier_amount_ = tier_payment(terms.tiers, tier_measured_);
  }
  cohorts_ = evaluate_cohort_triggers(terms.cohort_triggers, terms.cohorts, terms.deduction, treated, control,
                                      terms.baseline_drift_annual);
  cap_per_participant(treated);
}

void Entitlement::cap_per_participant(const std::vector<ArmHistory>& treated) {
  const ContractTerms& t = *terms_;
  if (!std::isfinite(t.cap_per_participant) || t.window <= 0) return;
  // Each person's events of every line, in month order; the running total is capped, and only
  // the capped increments are added to the group's curve.
  capped_lines_.assign(static_cast<size_t>(t.window), 0.0);
  std::vector<std::pair<int, double>> events;
  for (const ArmHistory& p : treated) {
    events.clear();
    for (const RateLine& line : t.lines)
      for_each_event(p, line.rule, t.window, [&](int m) { events.emplace_back(m, line.price); });
    std::stable_sort(events.begin(), events.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    double earned = 0.0;
    for (const auto& [month, price] : events) {
      const double next = std::min(t.cap_per_participant, earned + price);
      capped_lines_[static_cast<size_t>(month)] += next - earned;
      earned = next;
    }
  }
  for (size_t m = 1; m < capped_lines_.size(); ++m) capped_lines_[m] += capped_lines_[m - 1];
}

double Entitlement::savings_share_at(int cutoff) const {
  const SavingsShareTerms& s = terms_->savings_share;
  if (!s.enabled || s.measured.empty() || cutoff < 0) return 0.0;
  const size_t m = std::min(static_cast<size_t>(cutoff), s.measured.size() - 1);
  return s.share * std::max(0.0, s.measured[m]);
}

double Entitlement::rate(const EventCurve& events, const EnrolmentCurve& enrolled, int cutoff) {
  const int n = enrolled.by(cutoff);
  return n > 0 ? static_cast<double>(events.upto(cutoff)) / n : 0.0;
}

// Deduction rate per enrolled participant of one rate-card line (tier == nullptr) or the tier.
double Entitlement::deduction_rate(const TierTerms* tier, size_t line, int cutoff) const {
  switch (terms_->deduction) {
    case DeductionKind::none:
      return 0.0;
    case DeductionKind::baseline:
      return (tier ? tier->baseline_rate : terms_->lines[line].baseline_rate) *
             terms_->baseline_factor(cutoff);
    case DeductionKind::control_group:
      return rate(tier ? tier_control_ : control_[line], control_enrol_, cutoff);
  }
  return 0.0;
}

double Entitlement::deducted(size_t line, int cutoff) const {
  return deduction_rate(nullptr, line, cutoff) * treated_enrol_.by(cutoff);
}

double Entitlement::net(size_t line, int cutoff) const {
  const double counted_events = static_cast<double>(counted(line, cutoff));
  // Benefit months are paid when avoided: the comparison's months minus the treated months.
  if (fewer_is_better(terms_->lines[line].rule.metric))
    return std::max(0.0, deducted(line, cutoff) - counted_events);
  return std::max(0.0, counted_events - deducted(line, cutoff));
}

double Entitlement::measured_effect(size_t line, int cutoff) const {
  if (control_.empty() || treated_enrol_.by(cutoff) == 0) return kNaN;
  return rate(treated_[line], treated_enrol_, cutoff) - rate(control_[line], control_enrol_, cutoff);
}

double Entitlement::at(int cutoff) const {
  double total = 0.0;
  if (!capped_lines_.empty()) {
    if (cutoff >= 0) total += capped_lines_[std::min(static_cast<size_t>(cutoff), capped_lines_.size() - 1)];
  } else {
    for (size_t i = 0; i < terms_->lines.size(); ++i) total += terms_->lines[i].price * net(i, cutoff);
  }
  if (terms_->tiers.enabled && cutoff >= terms_->tiers.at_month) total += tier_amount_;
  total += cohorts_.at(cutoff);
  total += savings_share_at(cutoff);
  return total;
}

ScheduleResult schedule_payments(const ContractTerms& terms, const Entitlement& entitlement,
                                 int termination_month, int horizon, std::vector<double>& gross) {
  gross.assign(static_cast<size_t>(std::max(0, horizon)), 0.0);
  ScheduleResult result;
  if (!terms.present) return result;
  const int last_accrual = last_accrual_month(terms);
  double paid = 0.0;  // the sum of earlier `due` (falling due, not necessarily paid)
  for (const PaymentDate& d : payment_dates(terms.interval, last_accrual, termination_month)) {
    const int month = d.date + terms.lag;
    if (month >= horizon) {
      throw std::invalid_argument("contract: payment date " + std::to_string(d.date) + " + lag " +
                                  std::to_string(terms.lag) + " is beyond the horizon");
    }
    const double owed = entitlement.at(d.cutoff);
    // cap_total is not applied here: it limits what the payers actually pay (run_finance), so an
    // amount withheld under the return cap does not use it up.
    const double due = std::max(0.0, owed - paid);
    gross[static_cast<size_t>(month)] += due;
    paid += due;
    result.entitlement_final = owed;
    result.final_date = d.date;
    result.final_cutoff = d.cutoff;
    result.final_payment_month = month;
  }
  result.due_total = paid;
  return result;
}

}  // namespace sisim::contract
