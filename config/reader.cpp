// Typed reads from the YNode tree, collecting errors.
#include "config/detail/reader.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace sisim::config::detail {

using rng::DistKind;
using rng::Distribution;

namespace {

// YAML 1.2 core-schema numbers; no .inf/.nan (a scenario value must be finite).
std::optional<double> parse_double(const std::string& s) {
  std::string_view v(s);
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  if (v.empty() ||
      !(std::isdigit(static_cast<unsigned char>(v.front())) || v.front() == '-' || v.front() == '.'))
    return std::nullopt;
  double out = 0.0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out, std::chars_format::general);
  if (ec != std::errc() || end != v.data() + v.size() || !std::isfinite(out)) return std::nullopt;
  return out;
}

// YAML's infinities and NaN (.inf, -.Inf, .nan) and decimal numbers too large for a double (1e999).
bool names_non_finite(const std::string& s) {
  std::string v = s;
  for (char& c : v) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (!v.empty() && (v.front() == '+' || v.front() == '-')) v.erase(0, 1);
  if (v == ".inf" || v == ".nan" || v == "inf" || v == "nan" || v == "infinity") return true;
  double out = 0.0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out, std::chars_format::general);
  return ec == std::errc::result_out_of_range && end == v.data() + v.size() && std::abs(out) > 1.0;
}

std::optional<std::int64_t> parse_int(const std::string& s) {
  std::string_view v(s);
  if (!v.empty() && v.front() == '+') v.remove_prefix(1);
  std::int64_t out = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || end != v.data() + v.size() || v.empty()) return std::nullopt;
  return out;
}

std::string got(const YNode& n) {
  if (n.is_scalar()) return "a string (" + describe(n) + ")";
  return describe(n);
}

}  // namespace

std::string num(double v) {
  char buf[64];
  // Plain decimals where they are readable (400000, not 4e+05); both forms are the shortest text
  // that reads back to exactly v.
  const double a = std::abs(v);
  const auto format =
      a == 0.0 || (a >= 1e-5 && a < 1e16) ? std::chars_format::fixed : std::chars_format::general;
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, format);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

std::string bounds_text(const Bounds& b) {
  const std::string why = b.why ? std::string(" (") + b.why + ")" : std::string();
  if (std::isinf(b.hi)) return std::string(b.lo_open ? "> " : ">= ") + num(b.lo) + why;
  return "in [" + num(b.lo) + ", " + num(b.hi) + "]" + why;
}

std::string out_of_bounds(const std::string& path, const Bounds& b, double v) {
  std::string msg = path + ": must be " + bounds_text(b) + ", got " + num(v);
  if (b.percent_hint && v > b.hi && v <= 100.0)
    msg += " (a fraction is meant: write " + num(v / 100.0) + " for " + num(v) + " %)";
  return msg;
}

bool in_bounds(double v, const Bounds& b) {
  return (b.lo_open ? v > b.lo : v >= b.lo) && v <= b.hi;
}

void Reader::error(const SourceLocation& where, std::string message) {
  errors.push_back(make_error(where, std::move(message)));
}

std::optional<double> Reader::number(const YNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted) {
    if (auto v = parse_double(n.text)) return v;
    if (names_non_finite(n.text)) {
      error(n.where, path + ": must be a finite number, got " + n.text +
                         " (values are finite doubles, at most about 1.8e308 in size)");
      return std::nullopt;
    }
  }
  error(n.where, path + ": expected a number, got " + got(n));
  return std::nullopt;
}

std::optional<std::int64_t> Reader::integer(const YNode& n, const std::string& path, std::int64_t lo,
                                            std::int64_t hi) {
  if (n.is_map()) {
    error(n.where, path + ": must be a fixed integer (structural parameters cannot be uncertain)");
    return std::nullopt;
  }
  std::optional<std::int64_t> v = n.is_scalar() && !n.quoted ? parse_int(n.text) : std::nullopt;
  if (!v && n.is_scalar() && !n.quoted) {
    // 1e6 or 100.0 name an integer too; 2^53 keeps the conversion exact.
    std::optional<double> d = parse_double(n.text);
    if (d && *d == std::floor(*d) && std::abs(*d) <= 9007199254740992.0) v = static_cast<std::int64_t>(*d);
  }
  if (!v) {
    const bool numeric = n.is_scalar() && !n.quoted && parse_double(n.text);
    error(n.where, path + ": expected an integer, got " + (numeric ? n.text : got(n)));
    return std::nullopt;
  }
  if (*v < lo || *v > hi) {
    const std::string range = *v < lo ? ">= " + std::to_string(lo) : "<= " + std::to_string(hi);
    error(n.where, path + ": must be " + range + ", got " + std::to_string(*v));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Reader::boolean(const YNode& n, const std::string& path) {
  if (n.is_scalar() && !n.quoted) {
    if (n.text == "true" || n.text == "True" || n.text == "TRUE") return true;
    if (n.text == "false" || n.text == "False" || n.text == "FALSE") return false;
  }
  error(n.where, path + ": expected true or false, got " + describe(n));
  return std::nullopt;
}

std::optional<std::string> Reader::string(const YNode& n, const std::string& path) {
  if (n.is_scalar() && !n.text.empty()) {
    // Text reaches terminals and result files: a NUL would cut it, an escape sequence (ESC) would
    // drive the terminal. Line breaks and tabs are text.
    for (char c : n.text) {
      const auto u = static_cast<unsigned char>(c);
      if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) {
        error(n.where, path + ": contains a control character (" + printable_text(std::string(1, c)) +
                           "); text must be printable");
        return std::nullopt;
      }
    }
    return n.text;
  }
  error(n.where, path + ": expected a non-empty string, got " + describe(n));
  return std::nullopt;
}

std::optional<std::string> Reader::name(const YNode& n, const std::string& path) {
  std::optional<std::string> s = string(n, path);
  if (!s) return s;
  const bool control =
      std::any_of(s->begin(), s->end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; });
  if (*s == "." || *s == ".." || s->find('/') != std::string::npos || control) {
    error(n.where, path + ": '" + printable_text(*s) +
                       "' cannot be used as a name: names become parts of result-file paths "
                       "(/paths/tranches/<name>, /paths/params/...), so they may not contain '/', a line "
                       "break or a tab, nor be '.' or '..'");
    return std::nullopt;
  }
  return s;
}

std::optional<double> Reader::bounded(const YNode& n, const std::string& path, const Bounds& b) {
  if (n.is_map()) {
    error(n.where, path + ": must be a fixed number (this value cannot be uncertain)");
    return std::nullopt;
  }
  std::optional<double> v = number(n, path);
  if (v && !in_bounds(*v, b)) {
    error(n.where, out_of_bounds(path, b, *v));
    return std::nullopt;
  }
  return v;
}

Param Reader::param(const YNode& n, const std::string& path, const Bounds& b) {
  Param p;
  p.path = path;
  p.where = n.where;
  if (!n.is_map()) {
    if (n.is_seq() || n.is_null()) {
      error(n.where, path + ": expected a number or a distribution map, got " + describe(n));
    } else if (auto v = bounded(n, path, b)) {
      p.dist.value = *v;
    }
    params[path] = -1;
    return p;
  }
  std::optional<Distribution> d = read_distribution(*this, n, path);
  if (d && d->kind == DistKind::fixed) {
    if (!in_bounds(d->value, b)) error(n.where, out_of_bounds(path, b, d->value));
    p.dist = *d;
  } else if (d) {
    auto [lo, hi] = support(*d);
    // An unbounded tail is fine where the limit is arithmetic (b.why): its draws are checked then.
    const bool tails_checked_later = b.why != nullptr;
    if ((!in_bounds(lo, b) && !(tails_checked_later && std::isinf(lo))) ||
        (!in_bounds(hi, b) && !(tails_checked_later && std::isinf(hi)))) {
      std::string msg = path + ": must be " + bounds_text(b) + ", but the distribution's support is [" +
                        num(lo) + ", " + num(hi) + "]; narrow it or truncate it with min/max";
      if (b.percent_hint && hi > b.hi && hi <= 100.0) msg += " (a fraction is meant: 0.15 for 15 %)";
      error(n.where, msg);
    }
    p.dist = *d;
    p.id = static_cast<int>(uncertain.size());
    uncertain.push_back(UncertainParam{path, *d, n.where, b.lo, b.hi});
  }
  params[path] = p.id;
  return p;
}

MapView::MapView(Reader& r, const YNode* node, std::string path)
    : r_(r), node_(node), path_(std::move(path)) {
  if (node_ && node_->is_null()) node_ = nullptr;  // `section:` with nothing under it = absent
  if (node_ && !node_->is_map()) {
    r_.error(node_->where,
             (path_.empty() ? std::string("document") : path_) + ": expected a map, got " + describe(*node_));
    node_ = nullptr;
  }
}

MapView::~MapView() {
  if (!node_ || suppress_) return;
  for (const auto& e : node_->map) {
    if (std::find(known_.begin(), known_.end(), e.key) != known_.end()) continue;
    std::string msg = "unknown key '" + e.key + "'" + (path_.empty() ? "" : " in " + path_);
    if (auto s = nearest_key(e.key, known_)) msg += " (did you mean '" + *s + "'?)";
    r_.error(e.value.key_where, msg);
  }
}

SourceLocation MapView::where() const {
  if (node_) return node_->key_where;
  return SourceLocation{};
}

const YNode* MapView::get(const std::string& key) {
  known_.push_back(key);
  return node_ ? node_->find(key) : nullptr;
}

const YNode* MapView::require(const std::string& key) {
  const YNode* n = get(key);
  if (!n && node_) r_.error(node_->key_where, "missing required key '" + child(key) + "'");
  // `effect:` with nothing under it (or `~`) is not "no effect": a required key must say something.
  if (n && n->is_null()) {
    r_.error(n->key_where, "required key '" + child(key) + "' is empty (null); give its value");
    return nullptr;
  }
  return n;
}

void MapView::read(const std::string& key, Param& p, const Bounds& b) {
  if (const YNode* n = get(key))
    p = r_.param(*n, child(key), b);
  else {
    p.path = child(key);
    r_.params[p.path] = -1;  // a defaulted parameter is still a (fixed) parameter
  }
}

void MapView::read(const std::string& key, double& v, const Bounds& b) {
  if (const YNode* n = get(key))
    if (auto x = r_.bounded(*n, child(key), b)) v = *x;
}

void MapView::read(const std::string& key, int& v, std::int64_t lo, std::int64_t hi) {
  if (const YNode* n = get(key))
    if (auto x = r_.integer(*n, child(key), lo, hi)) v = static_cast<int>(*x);
}

void MapView::read(const std::string& key, bool& v) {
  if (const YNode* n = get(key))
    if (auto x = r_.boolean(*n, child(key))) v = *x;
}

void MapView::read(const std::string& key, std::string& v) {
  if (const YNode* n = get(key))
    if (auto x = r_.string(*n, child(key))) v = *x;
}

void MapView::read_name(const std::string& key, std::string& v) {
  if (const YNode* n = get(key))
    if (auto x = r_.name(*n, child(key))) v = *x;
}

}  // namespace sisim::config::detail
