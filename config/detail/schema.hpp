#pragma once
// Internal to config/: the scenario schema, one reader per top-level section. Sections are read
// in this fixed order, which is also the order of Config::uncertain (so ids do not depend on how
// the keys happen to be ordered in a file).
#include <string>
#include <vector>

#include "config/detail/reader.hpp"

namespace sisim::config::detail {

// A name used in one place that must be defined in another (segment other_flows -> public).
struct NameRef {
  std::string path;  // where it is used, e.g. cohort.segments.a.other_flows.dental
  std::string name;
  SourceLocation where;
};

// The list item's path component: its `name` when it has one, else its index.
std::string item_key(const YNode& item, size_t index);
// Errors for list items whose names repeat; returns the names in order.
void check_unique_names(Reader& r, const YNode& list, const std::string& path);
// Error when `shares` (with their locations) do not sum to 1 within 1e-9.
void check_sum_to_one(Reader& r, double sum, const SourceLocation& where, const std::string& what);

void read_simulation(Reader& r, const YNode* n, Simulation& out);
void read_cohort(Reader& r, const YNode* n, Cohort& out, std::vector<NameRef>& flow_refs);
void read_intervention(Reader& r, const YNode* n, Intervention& out);
void read_labour_market(Reader& r, const YNode* n, LabourMarket& out);
void read_public(Reader& r, const YNode* n, Public& out);
// public.rules and the rule files it names (config/rules_reader.cpp).
struct RuleKey {
  const char* name;  // as in a rule file and under public: "tax.personal_allowance_annual"
  bool amount;       // DKK (indexed after the last rule set) rather than a rate
};
const std::vector<RuleKey>& rule_keys();
void read_rules(Reader& r, const YNode* n, Rules& out);
// Every number the scenario needs from the rules is given by a rule set in force at the start.
void check_rules(Reader& r, const YNode& root, const Config& c);
void read_contract(Reader& r, const YNode* n, Contract& out);
void read_finance(Reader& r, const YNode* n, Finance& out);
void read_society(Reader& r, const YNode* n, Society& out);
void read_alternatives(Reader& r, const YNode* n, Alternatives& out);
void read_correlations(Reader& r, const YNode* n, std::vector<Correlation>& out);

// The whole document; checks that span sections (horizon vs payments, other_flows names, ...).
Config read_config(Reader& r, const YNode& root);

}  // namespace sisim::config::detail
