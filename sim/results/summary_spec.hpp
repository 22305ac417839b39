#pragma once
// What a run's summary contains, decided from the scenario: the metric rows (returns, tranches,
// capital) and the probability of every loss event, each with the label a reader sees. The
// table, the CSV, the result file's /summary and the report all use these lists, so they name
// the same things the same way. The loss events themselves are per-path flags decided where the
// path result is made (sim/contract/investor_metrics.hpp); here they are only counted.
#include <cstdint>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "sim/engine/columns.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::results {

enum class Unit { percent, multiple, money, months };

// The `units` attribute of a statistic in this unit ("1/year", "1", the currency, "month").
std::string units_of(Unit unit, const std::string& currency);
// Money units with a price basis: "DKK, real 2026 prices" (basis "" = the currency alone).
std::string money_units(const std::string& currency, const std::string& basis);

struct MetricSpec {
  std::string group;   // under /summary, e.g. "investor/irr", "tranches/junior/moic"
  std::string column;  // the /paths column it summarises
  std::string label;   // table label, e.g. "investor IRR (annual)"
  std::string key;     // CSV name, e.g. "investor_irr", "tranche_junior_moic"
  Unit unit = Unit::money;
  std::string section;        // "returns", "tranches", "capital"
  bool never_is_nan = false;  // a month column where -1 means "never": excluded from the statistics
  std::string loss_event;     // key of the event its p_loss is (see EventSpec); "" = value < 0
  std::string money_basis;    // public NPVs: "real 2026 prices" or "nominal" (public.discount); "" = nominal
};

// The units of a metric row: units_of(unit), and for a public NPV its price basis
// ("DKK, real 2026 prices").
std::string units_of(const MetricSpec& spec, const std::string& currency);

struct EventSpec {
  std::string key;          // /summary/events/<key>, CSV metric name
  std::string column;       // the /paths column
  std::string label;        // what the probability is of, e.g. "investor NPV < 0 at 8.00 %"
  bool below_zero = false;  // true: the event is column < 0 (a budget NPV); false: a 0/1 flag column
};

std::vector<MetricSpec> metric_specs(const config::Config& config);
std::vector<EventSpec> event_specs(const config::Config& config);

struct MetricRow {
  MetricSpec spec;
  stats::Summary summary;
};
struct EventRow {
  EventSpec spec;
  double p = 0.0, p_se = 0.0;  // share of all paths with the event; replicate-group SE
  std::int64_t n = 0;
};
struct ResultSummary {
  std::vector<MetricRow> metrics;
  std::vector<EventRow> events;
  const EventRow* event(const std::string& key) const;  // nullptr if the scenario has no such event
};

// The 0/1 flags of an event over all paths (empty if the column is missing).
std::vector<std::uint8_t> event_flags(const engine::ColumnSet& columns, const EventSpec& event);

// The loss flags a metric's p_loss counts: nominal loss for an investor's or tranche's IRR and
// MOIC, NPV < 0 for its NPV; empty for any other column (its p_loss is then the share below 0).
std::vector<std::uint8_t> loss_flags_of_metric(const engine::ColumnSet& columns,
                                               const std::string& metric_column);

// Every metric and event of `config` from a run's columns (columns missing from the run are skipped).
ResultSummary summarize_run(const config::Config& config, const engine::ColumnSet& columns);

}  // namespace sisim::results
