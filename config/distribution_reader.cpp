// Distribution maps: every YAML spelling of MODEL.md section 12 -> the normalised Distribution.
// This file reads the spelling only; the conversions (lognormal and beta by mean/sd) and every
// parameter rule are sim/rng/distribution_params', so the loader and the samplers cannot disagree.
#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "config/detail/reader.hpp"
#include "sim/rng/distribution_params.hpp"

namespace sisim::config::detail {

using rng::DistKind;
using rng::Distribution;

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
  // Optional truncation bounds; their rules (min < max, positive mass) are rng's.
  void truncation(Distribution& d) {
    if (auto lo = opt("min")) d.trunc_min = *lo;
    if (auto hi = opt("max")) d.trunc_max = *hi;
  }
  // Support bounds of uniform, triangular and pert.
  void support_bounds(Distribution& d, bool with_mode) {
    d.low = req("min");
    if (with_mode) d.mode = req("mode");
    d.high = req("max");
  }
  void report(const std::optional<rng::DistributionProblem>& problem) {
    if (problem) fail(problem->key, problem->message);
  }
};

void read_lognormal(DistReading& x, Distribution& d) {
  const bool by_median = x.node.find("median"), by_mean = x.node.find("mean"), by_mu = x.node.find("mu");
  if (by_median + by_mean + by_mu != 1) {
    x.fail("dist", "lognormal takes exactly one of {median, sigma}, {mean, sd} or {mu, sigma}");
    x.m.suppress_unknown();
    return;
  }
  try {
    if (by_mean) {
      const double mean = x.req("mean"), sd = x.req("sd");
      if (x.ok) d = rng::lognormal_from_mean_sd(mean, sd);
    } else if (by_median) {
      const double median = x.req("median"), sigma = x.req("sigma");
      if (x.ok) d = rng::lognormal_from_median_sigma(median, sigma);
    } else {
      d.mu = x.req("mu");
      d.sigma = x.req("sigma");
    }
  } catch (const std::invalid_argument& e) {
    return x.fail(by_mean ? "mean" : "median", e.what());
  }
  x.truncation(d);
}

void read_beta(DistReading& x, Distribution& d) {
  d.low = x.opt("low").value_or(0.0);
  d.high = x.opt("high").value_or(1.0);
  const bool by_mean = x.node.find("mean");
  if (by_mean == static_cast<bool>(x.node.find("alpha"))) {
    x.fail("dist", "beta takes exactly one of {alpha, beta} or {mean, sd}");
    x.m.suppress_unknown();
    return;
  }
  if (by_mean) {
    const double mean = x.req("mean"), sd = x.req("sd");
    if (!x.ok) return;
    if (const auto problem = rng::beta_mean_sd_problem(mean, sd, d.low, d.high)) return x.report(problem);
    d = *rng::beta_from_mean_sd(mean, sd, d.low, d.high);
  } else {
    d.alpha = x.req("alpha");
    d.beta = x.req("beta");
  }
  x.truncation(d);
}

void read_discrete(DistReading& x, Distribution& d) {
  d.values = x.list("values");
  d.probs = x.list("probs");
  x.truncation(d);
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
      break;
    case DistKind::discrete:
      read_discrete(x, d);
      break;
  }
  // Every parameter rule lives in sim/rng/distribution_params (one home, also used by stress shifts).
  if (x.ok) x.report(rng::find_distribution_problem(d));
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

}  // namespace sisim::config::detail
