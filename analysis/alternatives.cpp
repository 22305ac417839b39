#include "analysis/alternatives.hpp"

#include <limits>

#include "sim/io/result_schema.hpp"

namespace sisim::analysis {
namespace {

using io::ColumnGroup;

const char* const kBudgets[] = {"municipality", "region", "state", "other_municipalities"};
const char* const kParties[] = {"participants", "investor",       "provider",  "foundation",
                                "grants",       "employer_costs", "distortion"};
const std::pair<const char*, const char*> kAlternatives[] = {
    {"own_funding", "(b) the municipality funds it itself"},
    {"outcome_contract", "(c) outcome contract through the investor"},
    {"co_funding", "(d) a fund pays part of the costs"},
    {"co_funding_fund", "    the fund in (d): repayments - grants"}};

const std::vector<double>* find(const ColumnMap& c, const std::string& path) {
  const auto it = c.find(path);
  return it == c.end() ? nullptr : &it->second;
}

PartyMean mean_of(const std::string& name, const std::vector<double>& x) {
  stats::MeanAccumulator acc;
  for (double v : x) acc.add(v);
  return {name, acc.mean(), acc.count() >= 2 ? acc.se_mean() : 0.0};
}

}  // namespace

std::vector<std::string> society_column_paths() {
  std::vector<std::string> out = {io::column_path(ColumnGroup::society, "npv")};
  for (const char* b : kBudgets) out.push_back(io::column_path(ColumnGroup::budget, "npv", b));
  for (const char* p : kParties) out.push_back(io::column_path(ColumnGroup::division, p));
  for (const auto& [name, label] : kAlternatives)
    out.push_back(io::column_path(ColumnGroup::alternatives, name));
  for (const char* n : {"programme_costs", "municipal_savings", "public_savings", "extra_outcomes"})
    out.push_back(io::column_path(ColumnGroup::alternatives, n));
  return out;
}

std::optional<SocietySummary> summarize_society(const ColumnMap& c) {
  const auto* society = find(c, io::column_path(ColumnGroup::society, "npv"));
  const auto* own = find(c, io::column_path(ColumnGroup::alternatives, "own_funding"));
  const auto* contract = find(c, io::column_path(ColumnGroup::alternatives, "outcome_contract"));
  if (society == nullptr || own == nullptr || contract == nullptr) return std::nullopt;
  SocietySummary s;
  s.society = stats::summarize(*society);
  for (const auto& [name, label] : kAlternatives)
    if (const auto* x = find(c, io::column_path(ColumnGroup::alternatives, name)))
      s.alternatives.push_back({name, label, stats::summarize(*x)});
  for (const char* b : kBudgets)
    if (const auto* x = find(c, io::column_path(ColumnGroup::budget, "npv", b)))
      s.division.push_back(mean_of(b, *x));
  for (const char* p : kParties)
    if (const auto* x = find(c, io::column_path(ColumnGroup::division, p)))
      s.division.push_back(mean_of(p, *x));
  s.risk_transfer = paired_difference(*contract, *own);
  const auto* costs = find(c, io::column_path(ColumnGroup::alternatives, "programme_costs"));
  const auto* extra = find(c, io::column_path(ColumnGroup::alternatives, "extra_outcomes"));
  const auto* municipal = find(c, io::column_path(ColumnGroup::alternatives, "municipal_savings"));
  const auto* pub = find(c, io::column_path(ColumnGroup::alternatives, "public_savings"));
  if (costs && extra && municipal && pub) {
    s.cost_per_outcome = ratio_of_means(*costs, *extra);
    s.value_per_outcome_municipality = ratio_of_means(*municipal, *extra);
    s.value_per_outcome_public = ratio_of_means(*pub, *extra);
  } else {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    s.cost_per_outcome = s.value_per_outcome_municipality = s.value_per_outcome_public = {nan, nan, 0};
  }
  return s;
}

}  // namespace sisim::analysis
