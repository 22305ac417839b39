// Shifts -> the changed scenario: scale/add computed on the base's resolved values, then every
// shift applied to the composed document like a --set override at the shift's own location.
#include <cmath>

#include "config/detail/emitter.hpp"
#include "config/detail/schema.hpp"
#include "config/stress_detail.hpp"

namespace sisim::config {

using rng::DistKind;
using rng::Distribution;

namespace {

namespace cd = detail;

// Applies v*k or v+x to every location and scale parameter of `d` (semantics in stress.hpp).
// Returns an error message, or "" on success.
std::string transform(Distribution& d, ShiftOp op, double a) {
  if (op == ShiftOp::scale && d.kind != DistKind::fixed && !(a > 0))
    return "scale on a distribution needs a factor > 0, got " + cd::num(a);
  auto f = [&](double v) { return op == ShiftOp::scale ? v * a : v + a; };
  if (std::isfinite(d.trunc_min)) d.trunc_min = f(d.trunc_min);
  if (std::isfinite(d.trunc_max)) d.trunc_max = f(d.trunc_max);
  switch (d.kind) {
    case DistKind::fixed:
      d.value = f(d.value);
      break;
    case DistKind::triangular:
    case DistKind::pert:
      d.mode = f(d.mode);
      [[fallthrough]];
    case DistKind::uniform:
    case DistKind::beta:
      d.low = f(d.low);
      d.high = f(d.high);
      break;
    case DistKind::normal:
      d.mean = f(d.mean);
      if (op == ShiftOp::scale) d.sd *= a;
      break;
    case DistKind::lognormal:
      if (op == ShiftOp::add) return "add is not defined for a lognormal (use scale or set)";
      d.mu += std::log(a);  // median * k
      break;
    case DistKind::discrete:
      for (double& v : d.values) v = f(v);
      break;
  }
  return "";
}

// The new value of one scale/add shift as one-line YAML, or nullopt after an error.
std::optional<std::string> shifted_value(const cd::YNode& root, const Shift& s,
                                         std::vector<ConfigError>& errors) {
  auto fail = [&](const std::string& msg) {
    errors.push_back(ConfigError{s.where.file, s.where.line, s.where.column, msg});
    return std::nullopt;
  };
  std::string why;
  const cd::YNode* node = cd::find_path(root, s.path, why);
  if (!node) return fail("unknown parameter path: " + why);
  cd::Reader r;
  if (node->is_scalar()) {
    auto v = r.number(*node, s.path);
    if (!v)
      return fail(s.path + ": cannot " + (s.op == ShiftOp::scale ? "scale" : "shift") + " '" + node->text +
                  "': not a number");
    return cd::num(s.op == ShiftOp::scale ? *v * s.amount : *v + s.amount);
  }
  if (!node->is_map() || !node->find("dist")) return fail(s.path + ": not a number or a distribution");
  std::optional<Distribution> d = cd::read_distribution(r, *node, s.path);
  if (!d) return fail(s.path + ": cannot read the current distribution");
  if (auto msg = transform(*d, s.op, s.amount); !msg.empty()) return fail(s.path + ": " + msg);
  cd::Out o;
  o.distribution(*d);
  return std::string(o.em.c_str());
}

// contract.outcome_prices -> one scale shift per rate-card price and tier payment.
std::vector<Shift> expand_outcome_prices(const cd::YNode& root, const Shift& s,
                                         std::vector<ConfigError>& errors) {
  std::vector<Shift> out;
  auto add = [&](const std::string& path) {
    Shift e = s;
    e.path = path;
    out.push_back(e);
  };
  std::string why;
  if (const cd::YNode* outcomes = cd::find_path(root, "contract.outcomes", why);
      outcomes && outcomes->is_seq())
    for (size_t i = 0; i < outcomes->seq.size(); ++i)
      add("contract.outcomes." + std::to_string(i) + ".price");
  if (const cd::YNode* tiers = cd::find_path(root, "contract.tiers.schedule", why); tiers && tiers->is_seq())
    for (size_t j = 0; j < tiers->seq.size(); ++j) {
      const std::string tier = "contract.tiers.schedule." + std::to_string(j);
      add(tier + ".payment");
      if (tiers->seq[j].find("per_unit")) add(tier + ".per_unit");
    }
  if (s.op != ShiftOp::scale)
    errors.push_back(
        ConfigError{s.where.file, s.where.line, s.where.column,
                    std::string(kOutcomePricesPath) + ": only `scale` is defined (one multiplier)"});
  else if (out.empty())
    errors.push_back(ConfigError{s.where.file, s.where.line, s.where.column,
                                 std::string(kOutcomePricesPath) + ": the scenario has no outcome prices"});
  return out;
}

}  // namespace

std::vector<Shift> resolve_shifts(const Config& base, const std::vector<Shift>& shifts,
                                  std::vector<ConfigError>& errors) {
  std::vector<ConfigError> parse_errors;
  std::optional<cd::YNode> root = cd::parse_yaml(base.resolved_yaml, "resolved", parse_errors);
  std::vector<Shift> out;
  for (const Shift& s : shifts) {
    if (s.op == ShiftOp::set && s.path != kOutcomePricesPath) {
      out.push_back(s);
      continue;
    }
    if (!root) {
      errors.push_back(
          ConfigError{s.where.file, s.where.line, s.where.column, "the base scenario is unreadable"});
      continue;
    }
    std::vector<Shift> parts =
        s.path == kOutcomePricesPath ? expand_outcome_prices(*root, s, errors) : std::vector<Shift>{s};
    if (s.path == kOutcomePricesPath && s.op != ShiftOp::scale) continue;
    for (const Shift& p : parts) {
      auto value = shifted_value(*root, p, errors);
      if (!value) continue;
      Shift set = p;
      set.op = ShiftOp::set;
      set.value_yaml = *value;
      out.push_back(set);
    }
  }
  return out;
}

LoadResult load_config_with_shifts(const std::string& path, const std::vector<std::string>& overrides,
                                   const std::vector<Shift>& resolved) {
  LoadResult result;
  std::vector<std::string> parents;
  std::optional<cd::YNode> doc = cd::composed_scenario(path, overrides, result.errors, &parents);
  if (!doc) return result;
  for (const Shift& s : resolved) {
    const SourceLocation& at = s.where;
    std::vector<ConfigError> errs;
    std::optional<cd::YNode> value =
        cd::parse_yaml(s.value_yaml, at.file, errs, std::max(0, at.line - 1), std::max(0, at.column - 1));
    result.errors.insert(result.errors.end(), errs.begin(), errs.end());
    if (!value) continue;
    if (std::string why = cd::set_path(*doc, s.path, *value, at); !why.empty())
      result.errors.push_back(ConfigError{at.file, at.line, at.column, s.path + ": " + why});
  }
  cd::Reader reader;
  Config config = cd::read_config(reader, *doc);
  result.errors.insert(result.errors.end(), reader.errors.begin(), reader.errors.end());
  if (!result.errors.empty()) return result;
  config.source_file = path;
  config.extended_files = std::move(parents);
  config.resolved_yaml = resolved_yaml(config);
  result.config = std::move(config);
  return result;
}

}  // namespace sisim::config
