#pragma once
// The summary printed at the end of `sisim run` and by `sisim summarize`: the same rows from the
// same /summary data, so the terminal and the file can never disagree. It opens with the deal's
// terms, then the metric rows (returns, tranches, capital), the probability of every event
// (each labelled with what it is) and notes where a term shapes the result.
#include <string>
#include <vector>

#include "sim/results/deal_terms.hpp"
#include "sim/results/summary_spec.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::api {

using Unit = results::Unit;

struct SummaryDocument {
  std::string title;
  std::string currency = "DKK";
  std::vector<results::Term> terms;
  results::ResultSummary summary;
  std::vector<std::string> notes;
};

std::string format_summary_table(const SummaryDocument& doc);
// Tidy long format, one statistic per line: metric,statistic,value,se,units,label.
std::string format_summary_csv(const SummaryDocument& doc);

// "62.1 % of paths reach the 15.00 % return cap ..." and similar: where a term shapes a result.
// drawn_fan: /timeseries/investor/cumulative_drawn ([months x 9] quantiles), for the undrawn
// commitment over time when the scenario states a commitment (nullptr: not stated).
std::vector<std::string> result_notes(const config::Config& config, const results::ResultSummary& summary,
                                      const std::vector<double>* drawn_fan = nullptr);

}  // namespace sisim::api
