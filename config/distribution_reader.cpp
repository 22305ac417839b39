// Distribution maps: every YAML spelling of MODEL.md section 12 -> the normalised Distribution.
// The closed-form conversions (lognormal and beta by mean/sd) live here rather than in sim/rng
// because the dependency runs config -> sim, never back.
#include <algorithm>
#include <cmath>

#include "config/detail/reader.hpp"

namespace sisim::config_detail {
namespace {

const std::vector<std::string> kDistNames = {"fixed", "uniform",    "normal", "lognormal",
                                             "beta",  "triangular", "pert",   "discrete"};

struct DistReading {
  Reader& r;
  const YNode& node;
  MapView& m;
  bool ok = true;

  SourceLocation at(const std::string& key) const {
    const YNode* n = node.find(key);
    return n ? n->where : node.where;
  }
  void fail(const std::string& key, const std::string& msg) {
    r.error(at(key), m.path() + ": " + msg);
    ok = false;
  }
  std::optional<double> opt(const std::string& key) {
    const YNode* n = m.get(key);
    if (!n) return std::nullopt;
    std::optional<double> v = r.number(*n, m.child(key));
    if (!v) ok = false;
    return v;
  }
  double req(const std::string& key) {
    if (!m.require(key)) {
      ok = false;
      return 0.0;
    }
    return opt(key).value_or(0.0);
  }
  std::vector<double> list(const std::string& key) {
    const YNode* n = m.require(key);
    std::vector<double> out;
    if (!n) {
      ok = false;
    } else if (!n->is_seq() || n->seq.empty()) {
      fail(key, key + " must be a non-empty list of numbers, got " + describe(*n));
    } else {
      for (const auto& item : n->seq) {
        std::optional<double> v = r.number(item, m.child(key));
        if (!v) ok = false;
        out.push_back(v.value_or(0.0));
      }
    }
    return out;
  }
  void truncation(Distribution& d) {
    if (auto lo = opt("min")) d.trunc_min = *lo;
    if (auto hi = opt("max")) d.trunc_max = *hi;
    if (d.trunc_min >= d.trunc_max)
      fail("min", "truncation min (" + num(d.trunc_min) + ") must be < max (" + num(d.trunc_max) + ")");
  }
  // min < mode < max style support for uniform, triangular and pert.
  void support_bounds(Distribution& d, bool with_mode) {
    d.low = req("min");
    if (with_mode) d.mode = req("mode");
    d.high = req("max");
    if (!ok) return;
    if (d.low >= d.high) {
      fail("min", "min (" + num(d.low) + ") must be < max (" + num(d.high) + ")");
    } else if (with_mode && (d.mode < d.low || d.mode > d.high)) {
      fail("mode", "mode (" + num(d.mode) + ") must be within [min, max] = [" + num(d.low) + ", " +
                       num(d.high) + "]");
    }
  }
};

void read_lognormal(DistReading& x, Distribution& d) {
  const bool by_median = x.node.find("median"), by_mean = x.node.find("mean"), by_mu = x.node.find("mu");
  if (by_median + by_mean + by_mu != 1) {
    x.fail("dist", "lognormal takes exactly one of {median, sigma}, {mean, sd} or {mu, sigma}");
    x.m.suppress_unknown();
    return;
  }
  if (by_mean) {
    const double mean = x.req("mean"), sd = x.req("sd");
    if (!x.ok) return;
    if (mean <= 0) return x.fail("mean", "lognormal mean must be > 0, got " + num(mean));
    if (sd <= 0) return x.fail("sd", "sd must be > 0, got " + num(sd));
    // sigma^2 = ln(1 + sd^2/mean^2), mu = ln(mean) - sigma^2/2.
    const double s2 = std::log1p((sd * sd) / (mean * mean));
    d.sigma = std::sqrt(s2);
    d.mu = std::log(mean) - s2 / 2.0;
  } else {
    if (by_median) {
      const double median = x.req("median");
      if (x.ok && median <= 0) return x.fail("median", "lognormal median must be > 0, got " + num(median));
      d.mu = std::log(median);
    } else {
      d.mu = x.req("mu");
    }
    d.sigma = x.req("sigma");
    if (x.ok && d.sigma <= 0) return x.fail("sigma", "sigma must be > 0, got " + num(d.sigma));
  }
  x.truncation(d);
  if (x.ok && d.trunc_max <= 0) x.fail("max", "truncation max must be > 0 for a lognormal");
}

void read_beta(DistReading& x, Distribution& d) {
  d.low = x.opt("low").value_or(0.0);
  d.high = x.opt("high").value_or(1.0);
  if (x.ok && d.low >= d.high)
    return x.fail("low", "low (" + num(d.low) + ") must be < high (" + num(d.high) + ")");
  const bool by_mean = x.node.find("mean");
  if (by_mean == static_cast<bool>(x.node.find("alpha"))) {
    x.fail("dist", "beta takes exactly one of {alpha, beta} or {mean, sd}");
    x.m.suppress_unknown();
    return;
  }
  if (by_mean) {
    const double mean = x.req("mean"), sd = x.req("sd");
    if (!x.ok) return;
    if (mean <= d.low || mean >= d.high) return x.fail("mean", "beta mean must be inside (low, high)");
    if (sd <= 0) return x.fail("sd", "sd must be > 0, got " + num(sd));
    // Moments on the unit scale: m, v; possible only when v < m(1-m).
    const double w = d.high - d.low, m = (mean - d.low) / w, v = (sd / w) * (sd / w);
    if (v >= m * (1.0 - m))
      return x.fail("sd", "no beta distribution has mean " + num(mean) + " and sd " + num(sd) +
                              " (sd must be < " + num(w * std::sqrt(m * (1.0 - m))) + ")");
    const double k = m * (1.0 - m) / v - 1.0;
    d.alpha = m * k;
    d.beta = (1.0 - m) * k;
  } else {
    d.alpha = x.req("alpha");
    d.beta = x.req("beta");
    if (x.ok && d.alpha <= 0) return x.fail("alpha", "alpha must be > 0, got " + num(d.alpha));
    if (x.ok && d.beta <= 0) return x.fail("beta", "beta must be > 0, got " + num(d.beta));
  }
  x.truncation(d);
  if (x.ok && (d.trunc_max <= d.low || d.trunc_min >= d.high))
    x.fail("min", "truncation [min, max] does not overlap [low, high]");
}

void read_discrete(DistReading& x, Distribution& d) {
  d.values = x.list("values");
  d.probs = x.list("probs");
  x.truncation(d);
  if (!x.ok) return;
  if (d.values.size() != d.probs.size())
    return x.fail("probs", "values and probs must have the same length (" + std::to_string(d.values.size()) +
                               " vs " + std::to_string(d.probs.size()) + ")");
  double sum = 0.0;
  for (double p : d.probs) {
    if (p < 0 || p > 1) return x.fail("probs", "probs must be in [0, 1], got " + num(p));
    sum += p;
  }
  if (std::abs(sum - 1.0) > 1e-9) return x.fail("probs", "probs must sum to 1, got " + num(sum));
  const bool any_inside = std::any_of(d.values.begin(), d.values.end(),
                                      [&](double v) { return v >= d.trunc_min && v <= d.trunc_max; });
  if (!any_inside) x.fail("min", "truncation [min, max] excludes every value");
}

}  // namespace

std::optional<Distribution> read_distribution(Reader& r, const YNode& n, const std::string& path) {
  MapView m(r, &n, path);
  DistReading x{r, n, m};
  const YNode* kind_node = m.require("dist");
  if (!kind_node) {
    m.suppress_unknown();
    return std::nullopt;
  }
  std::optional<std::string> kind = r.string(*kind_node, m.child("dist"));
  auto it = kind ? std::find(kDistNames.begin(), kDistNames.end(), *kind) : kDistNames.end();
  if (it == kDistNames.end()) {
    if (kind) {
      std::string msg = path + ": unknown distribution '" + *kind + "'";
      if (auto s = nearest_key(*kind, kDistNames)) msg += " (did you mean '" + *s + "'?)";
      r.error(kind_node->where, msg);
    }
    m.suppress_unknown();
    return std::nullopt;
  }
  Distribution d;
  d.kind = static_cast<DistKind>(it - kDistNames.begin());
  switch (d.kind) {
    case DistKind::fixed:
      d.value = x.req("value");
      break;
    case DistKind::uniform:
      x.support_bounds(d, false);
      break;
    case DistKind::normal:
      d.mean = x.req("mean");
      d.sd = x.req("sd");
      if (x.ok && d.sd <= 0) x.fail("sd", "sd must be > 0, got " + num(d.sd));
      x.truncation(d);
      break;
    case DistKind::lognormal:
      read_lognormal(x, d);
      break;
    case DistKind::beta:
      read_beta(x, d);
      break;
    case DistKind::triangular:
      x.support_bounds(d, true);
      break;
    case DistKind::pert:
      x.support_bounds(d, true);
      d.lambda = x.opt("lambda").value_or(4.0);
      if (x.ok && d.lambda <= 0) x.fail("lambda", "lambda must be > 0, got " + num(d.lambda));
      break;
    case DistKind::discrete:
      read_discrete(x, d);
      break;
  }
  if (!x.ok) return std::nullopt;
  return d;
}

std::pair<double, double> support(const Distribution& d) {
  const double inf = std::numeric_limits<double>::infinity();
  double lo = -inf, hi = inf;
  switch (d.kind) {
    case DistKind::fixed:
      return {d.value, d.value};
    case DistKind::uniform:
    case DistKind::triangular:
    case DistKind::pert:
      return {d.low, d.high};
    case DistKind::normal:
      break;
    case DistKind::lognormal:
      lo = 0.0;
      break;
    case DistKind::beta:
      lo = d.low;
      hi = d.high;
      break;
    case DistKind::discrete:
      lo = inf;
      hi = -inf;
      for (double v : d.values) {
        if (v < d.trunc_min || v > d.trunc_max) continue;
        lo = std::min(lo, v);
        hi = std::max(hi, v);
      }
      return {lo, hi};
  }
  return {std::max(lo, d.trunc_min), std::min(hi, d.trunc_max)};
}

}  // namespace sisim::config_detail
