#pragma once
// Internal to config/: typed, error-collecting reads from the YNode tree. Every read reports a
// problem as a ConfigError at the offending node and carries on, so one pass finds all errors.
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "config/detail/tree.hpp"

namespace sisim::config::detail {

// Allowed range of a value. lo_open: the lower bound itself is excluded (rates > -1).
struct Bounds {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  // Set for limits that come from the arithmetic rather than from meaning (money amounts): a
  // distribution may then have an unbounded tail, and what it can actually draw (its extreme
  // quantiles) is checked against [lo, hi] where the samplers live (sim/api/load_scenario.cpp).
  // `why` is added to the error message.
  const char* why = nullptr;
  bool percent_hint = false;  // a value in (hi, 100] gets "write 0.15 for 15 %" (rates only)
};
inline constexpr Bounds kAnyReal{};
inline constexpr Bounds kUnit{0.0, 1.0};                                             // probabilities, shares
inline constexpr Bounds kNonNegative{0.0, std::numeric_limits<double>::infinity()};  // amounts, multipliers
inline constexpr Bounds kRate{-1.0, std::numeric_limits<double>::infinity(), true};  // annual rates
// An annual rate that is a fraction (a discount rate, a return cap, a hurdle): above 1 (100 % a
// year) it is almost surely a percentage written where a fraction is meant.
inline constexpr Bounds kFractionRate{-1.0, 1.0, true, nullptr, true};
inline constexpr Bounds kGap{-1.0, 1.0};
// Money amounts (DKK per month, per payment, per outcome). 1e12 is far above any real amount (the
// Danish state budget is about 1.3e12 DKK a year) and keeps every total over a cohort of 1e8 people,
// 12,000 months and all paths finite; 1e300 overflowed to inf and NaN NPVs.
inline constexpr double kMaxMoney = 1e12;
inline constexpr const char* kMoneyWhy =
    "money amounts are limited to 1e12 so that totals over the cohort, the horizon and the paths stay finite";
inline constexpr Bounds kMoney{0.0, kMaxMoney, false, kMoneyWhy};
inline constexpr Bounds kMoneySigned{-kMaxMoney, kMaxMoney, false, kMoneyWhy};

// Shortest decimal text that reads back to exactly `v` ("0.1", "1e+06", "inf").
std::string num(double v);
std::string bounds_text(const Bounds& b);
// "path: must be in (-1, 1], got 15 (... write 0.15 for 15 %)": with percent_hint, the hint when a
// rate looks like a percentage (a value in (1, 100]).
std::string out_of_bounds(const std::string& path, const Bounds& b, double v);
bool in_bounds(double v, const Bounds& b);

class Reader {
 public:
  std::vector<ConfigError> errors;
  std::vector<UncertainParam> uncertain;
  std::map<std::string, int> params;  // every Param read: path -> id (-1 when fixed)

  void error(const SourceLocation& where, std::string message);
  std::optional<double> number(const YNode& n, const std::string& path);
  // A structural integer: a plain integer in [lo, hi], never a distribution.
  std::optional<std::int64_t> integer(const YNode& n, const std::string& path, std::int64_t lo,
                                      std::int64_t hi);
  std::optional<bool> boolean(const YNode& n, const std::string& path);
  // Non-empty text without control characters (line breaks and tabs allowed).
  std::optional<std::string> string(const YNode& n, const std::string& path);
  // A name that becomes part of a result-file path: a string without '/', line breaks or tabs,
  // and not "." or "..".
  std::optional<std::string> name(const YNode& n, const std::string& path);
  // A number, or a distribution map (config/distribution_reader.cpp); registered in `params`.
  Param param(const YNode& n, const std::string& path, const Bounds& b);
  // A fixed number in bounds.
  std::optional<double> bounded(const YNode& n, const std::string& path, const Bounds& b);
};

// One map of the document. Every key asked for (get/require/read) becomes a known key; on
// destruction the keys never asked for are reported as unknown, with the nearest known key.
class MapView {
 public:
  // `node` may be null (section absent: everything defaults). A non-map node is a type error.
  MapView(Reader& r, const YNode* node, std::string path);
  ~MapView();
  MapView(const MapView&) = delete;
  MapView& operator=(const MapView&) = delete;

  bool present() const { return node_ != nullptr; }
  const std::string& path() const { return path_; }
  std::string child(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  // Where to report a problem with the whole map: its key (or the map itself).
  SourceLocation where() const;
  const YNode* get(const std::string& key);
  const YNode* require(const std::string& key);
  // Unknown keys are not reported (e.g. after an unknown `dist:` name, to avoid noise).
  void suppress_unknown() { suppress_ = true; }

  void read(const std::string& key, Param& p, const Bounds& b);
  void read(const std::string& key, double& v, const Bounds& b);
  void read(const std::string& key, int& v, std::int64_t lo, std::int64_t hi);
  void read(const std::string& key, bool& v);
  void read(const std::string& key, std::string& v);
  void read_name(const std::string& key, std::string& v);  // Reader::name

 private:
  Reader& r_;
  const YNode* node_;
  std::string path_;
  std::vector<std::string> known_;
  bool suppress_ = false;
};

// Parses a distribution map (MODEL.md section 10/12 spellings) into the normalised form.
std::optional<rng::Distribution> read_distribution(Reader& r, const YNode& n, const std::string& path);
// The set of values the distribution can take, as [lo, hi] (truncation applied).
std::pair<double, double> support(const rng::Distribution& d);

}  // namespace sisim::config::detail
