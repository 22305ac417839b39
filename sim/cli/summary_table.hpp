#pragma once
// The headline table printed at the end of `sisim run` and by `sisim summarize`: the same rows
// from the same /summary data, so the terminal and the file can never disagree.
#include <string>
#include <vector>

#include "sim/stats/statistics.hpp"

namespace sisim::cli {

enum class Unit { percent, multiple, money };

struct HeadlineRow {
  std::string label;
  Unit unit = Unit::money;
  analysis::Summary summary;
  std::string loss_label;       // e.g. "investor loses money": prints P(loss) in the risk lines; empty: none
  bool show_shortfall = false;  // print the mean of the worst 5 % in the risk lines
};

// Rows are metrics (P5, P50, P95, mean, each with its standard error) followed by the risk lines
// (P(loss), expected shortfall).
std::string format_summary_table(const std::vector<HeadlineRow>& rows, const std::string& title);
std::string format_summary_csv(const std::vector<HeadlineRow>& rows);

}  // namespace sisim::cli
