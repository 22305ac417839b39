// Schema: public.rules and the dated rule files it names (rules/<family>/<YYYY[-MM]>.yaml), read as
// strictly as a scenario: file:line:col errors, unknown keys, ranges, dates that match the file
// names, and a rule set in force at the contract's start for every number the scenario needs.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

#include "config/detail/compose.hpp"
#include "config/detail/schema.hpp"

namespace sisim::config::detail {
namespace {

namespace fs = std::filesystem;

// "2025-07" or "2025" (January) -> year * 12 + month - 1.
std::optional<int> parse_year_month(const std::string& s) {
  if (s.size() != 4 && s.size() != 7) return std::nullopt;
  for (size_t i = 0; i < s.size(); ++i)
    if (i == 4 ? s[i] != '-' : !std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  const int year = std::stoi(s.substr(0, 4));
  const int month = s.size() == 7 ? std::stoi(s.substr(5, 2)) : 1;
  if (year < 1900 || month < 1 || month > 12) return std::nullopt;
  return year * 12 + month - 1;
}

std::optional<int> read_year_month(Reader& r, const YNode& n, const std::string& path) {
  std::optional<std::string> text = r.string(n, path);
  if (!text) return std::nullopt;
  std::optional<int> v = parse_year_month(*text);
  if (!v) r.error(n.where, path + ": expected a month as YYYY-MM (or a year YYYY), got '" + *text + "'");
  return v;
}

void read_values(Reader& r, MapView& file, const std::string& section, RuleSet& out) {
  MapView m(r, file.get(section), section);
  for (const RuleKey& k : rule_keys()) {
    const std::string name(k.name);
    if (name.compare(0, section.size() + 1, section + ".") != 0) continue;
    const std::string key = name.substr(section.size() + 1);
    if (const YNode* n = m.get(key))
      if (auto v = r.bounded(*n, name, k.amount ? kMoney : kUnit)) out.values[name] = *v;
  }
}

// benefit: {rates: {<rate>: amount}, supplements: {<name>: {monthly, rates: [<rate>, ...]}}}: the
// base amounts and the supplements with the rates each applies to (docs/CONFIG.md, "rules").
void read_benefits(Reader& r, MapView& file, RuleSet& out) {
  const YNode* n = file.get("benefit");
  MapView m(r, n, "benefit");
  if (!m.present()) return;
  if (const YNode* rates = m.get("rates")) {
    MapView rm(r, rates, "benefit.rates");
    if (rm.present())
      for (const MapEntry& e : rates->map) {
        rm.get(e.key);  // every rate name is a known key
        if (auto v = r.bounded(e.value, "benefit.rates." + e.key, kMoney))
          out.values["benefit.rates." + e.key] = *v;
      }
  }
  const YNode* sups = m.get("supplements");
  MapView sm(r, sups, "benefit.supplements");
  if (!sm.present()) return;
  for (const char* name : kBenefitSupplements) {
    const YNode* s = sm.get(name);
    if (!s) continue;
    const std::string path = sm.child(name);
    MapView one(r, s, path);
    if (!one.present()) continue;
    if (const YNode* v = one.require("monthly"))
      if (auto x = r.bounded(*v, path + ".monthly", kMoney))
        out.values["benefit.supplements." + std::string(name)] = *x;
    const YNode* list = one.require("rates");
    if (!list) continue;
    if (!list->is_seq() || list->seq.empty()) {
      r.error(list->where,
              path + ".rates: expected a non-empty list of the rates it applies to, got " + describe(*list));
      continue;
    }
    std::vector<std::string>& applies = out.supplement_rates[name];
    for (size_t i = 0; i < list->seq.size(); ++i)
      if (auto rate = r.string(list->seq[i], path + ".rates." + std::to_string(i))) applies.push_back(*rate);
  }
}

void read_sources(Reader& r, MapView& file) {
  const YNode* n = file.require("sources");
  if (!n) return;
  if (!n->is_seq() || n->seq.empty()) {
    r.error(n->where,
            "sources: expected a non-empty list of the sources the numbers cite, got " + describe(*n));
    return;
  }
  for (size_t i = 0; i < n->seq.size(); ++i) r.string(n->seq[i], "sources." + std::to_string(i));
}

std::optional<RuleSet> read_rule_file(Reader& r, const fs::path& path) {
  // The scenario's own reader: regular files only, bounded in size, never blocking on a FIFO.
  std::optional<std::string> text = read_config_file(path.string(), r.errors);
  if (!text) return std::nullopt;
  std::optional<YNode> doc = parse_yaml(*text, path.string(), r.errors);
  if (!doc) return std::nullopt;
  if (!doc->is_map()) {
    r.error(doc->where, "a rule file must be a map, got " + describe(*doc));
    return std::nullopt;
  }
  RuleSet set;
  set.file = path.string();
  MapView m(r, &*doc, "");
  const std::optional<int> named = parse_year_month(path.stem().string());
  if (!named) r.error(doc->where, "a rule file is named by its date, YYYY-MM.yaml or YYYY.yaml");
  if (const YNode* d = m.require("in_force_from")) {
    if (auto v = read_year_month(r, *d, "in_force_from")) {
      set.in_force_from = *v;
      if (named && *named != *v)
        r.error(d->where, "in_force_from " + year_month_text(*v) + " does not match the file name " +
                              path.filename().string());
    }
  }
  read_sources(r, m);
  read_values(r, m, "tax", set);
  read_values(r, m, "result_grant", set);
  read_values(r, m, "earnings", set);
  read_benefits(r, m, set);
  return set;
}

}  // namespace

const std::vector<RuleKey>& rule_keys() {
  static const std::vector<RuleKey> keys = {
      {"tax.labour_market_contribution", false},
      {"tax.state_bottom_rate", false},
      {"tax.personal_allowance_annual", true},
      {"tax.employment_deduction_rate", false},
      {"tax.employment_deduction_cap_annual", true},
      {"result_grant.amount", true},
      {"result_grant.amount_late", true},
      // Earnings while on benefit (docs/MODEL.md 8a); needed only by segments with part_time.
      {"earnings.reduction_rate", false},
      {"earnings.disregard_lower_monthly", true},
      {"earnings.disregard_higher_monthly", true},
      {"earnings.ceiling_share_lower", false},
      {"earnings.ceiling_share_higher", false},
      {"earnings.max_dagpenge_monthly", true},
  };
  return keys;
}

namespace {

bool rule_key_is_amount(const std::string& key) {
  if (key.compare(0, 8, "benefit.") == 0) return true;
  for (const RuleKey& k : rule_keys())
    if (key == k.name) return k.amount;
  return false;
}

}  // namespace

void read_rules(Reader& r, const YNode* n, Rules& out) {
  MapView m(r, n, "public.rules");
  if (!m.present()) return;
  out.present = true;
  if (m.require("family")) m.read("family", out.family);
  if (const YNode* s = m.require("start"))
    if (auto v = read_year_month(r, *s, "public.rules.start")) out.start = *v;
  m.read("indexation_annual", out.indexation_annual, kRate);
  // The folder holding <family>/: relative to the file that wrote public.rules (default ../rules,
  // the repository's rules/ seen from scenarios/).
  std::string dir = "../rules";
  m.read("dir", dir);
  const fs::path written_in = fs::path(n->where.file).parent_path();
  fs::path folder = fs::path(dir).is_absolute() ? fs::path(dir) : written_in / dir;
  std::error_code ec;
  folder = fs::absolute(folder, ec).lexically_normal();
  out.dir = folder.string();
  if (out.family.empty()) return;
  const fs::path family = folder / out.family;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(family, ec))
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  if (files.empty()) {
    r.error(m.where(), "public.rules: no rule files (*.yaml) in " + family.string() +
                           " (public.rules.dir is relative to the file that sets public.rules)");
    return;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files)
    if (std::optional<RuleSet> set = read_rule_file(r, f)) out.sets.push_back(std::move(*set));
  std::stable_sort(out.sets.begin(), out.sets.end(),
                   [](const RuleSet& a, const RuleSet& b) { return a.in_force_from < b.in_force_from; });
  for (size_t i = 1; i < out.sets.size(); ++i)
    if (out.sets[i].in_force_from == out.sets[i - 1].in_force_from)
      r.errors.push_back(ConfigError{out.sets[i].file, 1, 1,
                                     "two rule files in force from " +
                                         year_month_text(out.sets[i].in_force_from) + ": " +
                                         out.sets[i - 1].file + " and this one"});
  if (!out.sets.empty() && out.sets.front().in_force_from > out.start)
    r.error(m.where(), "public.rules: no rule set in force at the start " + year_month_text(out.start) +
                           " (the first, " + out.sets.front().file + ", is from " +
                           year_month_text(out.sets.front().in_force_from) + ")");
}

bool rule_defined_at(const Rules& rules, const std::string& key, int month) {
  for (const RuleSet& s : rules.sets)
    if (s.in_force_from <= month && s.values.count(key)) return true;
  return false;
}

namespace {

// The rule set that last gave `key` by `month` (nullptr: none).
const RuleSet* set_giving(const Rules& rules, const std::string& key, int month) {
  const RuleSet* found = nullptr;
  for (const RuleSet& s : rules.sets)
    if (s.in_force_from <= month && s.values.count(key)) found = &s;
  return found;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

// A segment's benefit must be one the rules know in every month of the horizon: its rate, and each
// supplement it draws (share > 0) applying to that rate under the rule set in force. Checked at the
// start and at each rule set taking effect inside the horizon; each problem is reported once.
void check_segment_benefit(Reader& r, const Rules& rules, int horizon_months, const Segment& s) {
  const SegmentBenefit& b = *s.benefit;
  const std::string path = "cohort.segments." + s.name + ".benefit";
  if (!rules.present) {
    r.error(b.rate_where,
            path + ": needs public.rules (the rule sets that give benefit.rates." + b.rate + ")");
    return;
  }
  if (rules.sets.empty() || b.rate.empty()) return;
  std::vector<int> months = {rules.start};
  for (const RuleSet& set : rules.sets)
    if (set.in_force_from > rules.start && set.in_force_from < rules.start + horizon_months)
      months.push_back(set.in_force_from);
  const double shares[] = {b.children, b.single_parent, b.single};
  const SourceLocation* where[] = {&b.children_where, &b.single_parent_where, &b.single_where};
  bool rate_reported = false, reported[3] = {false, false, false};
  for (int month : months) {
    const std::string when = year_month_text(month);
    if (!rate_reported && !rule_defined_at(rules, "benefit.rates." + b.rate, month)) {
      rate_reported = true;
      std::vector<std::string> known;
      for (const RuleSet& set : rules.sets)
        if (set.in_force_from <= month)
          for (const auto& [key, value] : set.values)
            if (key.compare(0, 14, "benefit.rates.") == 0 &&
                std::find(known.begin(), known.end(), key.substr(14)) == known.end())
              known.push_back(key.substr(14));
      std::string msg = path + ".rate: no rule set in force at " + when + " gives benefit.rates." + b.rate +
                        " (rates then: " + (known.empty() ? "none" : joined(known)) + ")";
      if (auto near = nearest_key(b.rate, known)) msg += " (did you mean '" + *near + "'?)";
      r.error(b.rate_where, msg);
    }
    // A supplement can only apply to a rate the rules know (the rate's own error says enough).
    if (!rule_defined_at(rules, "benefit.rates." + b.rate, month)) continue;
    for (int k = 0; k < 3; ++k) {
      if (shares[k] <= 0.0 || reported[k]) continue;
      const std::string key = std::string("benefit.supplements.") + kBenefitSupplements[k];
      const std::string at = path + "." + kBenefitSupplements[k];
      const RuleSet* set = set_giving(rules, key, month);
      if (!set) {
        reported[k] = true;
        r.error(*where[k], at + ": no rule set in force at " + when + " gives " + key);
        continue;
      }
      const auto it = set->supplement_rates.find(kBenefitSupplements[k]);
      const std::vector<std::string> applies =
          it == set->supplement_rates.end() ? std::vector<std::string>{} : it->second;
      if (std::find(applies.begin(), applies.end(), b.rate) == applies.end()) {
        reported[k] = true;
        r.error(*where[k], at + ": the supplement does not apply to rate " + b.rate +
                               " under the rules in force at " + when + " (" + set->file + ": only on " +
                               joined(applies) + ")");
      }
    }
  }
}

}  // namespace

void check_rules(Reader& r, const YNode& root, const Config& c) {
  const Rules& rules = c.public_.rules;
  const YNode* pub = root.find("public");
  const YNode* rn = pub && pub->is_map() ? pub->find("rules") : nullptr;
  for (const Segment& s : c.cohort.segments)
    if (s.benefit) check_segment_benefit(r, rules, c.simulation.horizon_months, s);
  bool part_time = false;
  for (const Segment& s : c.cohort.segments) part_time = part_time || s.part_time;
  if (rules.present)
    for (const Segment& s : c.cohort.segments)
      if (s.part_time && s.part_time_rate_type.empty())
        r.error(s.part_time_where,
                "cohort.segments." + s.name +
                    ".part_time: needs rate_type (mindstesats, grundsats or forhoejet: which earnings "
                    "disregard of public.rules applies), since the segment's benefit does not name one");
  if (!rules.present || rules.sets.empty() || rules.sets.front().in_force_from > rules.start) return;
  for (const RuleKey& k : rule_keys()) {
    if (!part_time && std::string(k.name).compare(0, 9, "earnings.") == 0) continue;
    if (c.public_.given.count(k.name) || rule_defined_at(rules, k.name, rules.start)) continue;
    r.error(rn ? rn->key_where : root.where, "public.rules: no rule set in force at " +
                                                 year_month_text(rules.start) + " gives " + k.name +
                                                 " (give it in a rule file or in public." + k.name + ")");
  }
}

}  // namespace sisim::config::detail

namespace sisim::config {

std::string year_month_text(int month) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", month / 12, month % 12 + 1);
  return buf;
}

double rule_value(const Rules& rules, const std::string& key, int month, double indexation) {
  double value = std::numeric_limits<double>::quiet_NaN();
  for (const RuleSet& s : rules.sets) {
    if (s.in_force_from > month) break;
    if (auto it = s.values.find(key); it != s.values.end()) value = it->second;
  }
  if (rules.sets.empty() || !detail::rule_key_is_amount(key)) return value;
  const int years_after = month / 12 - rules.sets.back().in_force_from / 12;
  return years_after > 0 ? value * std::pow(1.0 + indexation, years_after) : value;
}

}  // namespace sisim::config
