// IRR by side-wise root counting and Brent's method (sim/numeric/root_finder.hpp; see irr.hpp for
// the argument).
#include "sim/finance/irr.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

#include "sim/numeric/root_finder.hpp"

namespace sisim::finance {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kMaxRate = 1e6;   // per period; beyond this no IRR is meaningful
constexpr int kGridPerSide = 400;  // grid scan resolution (only for sides with >= 2 possible roots)
constexpr double kTol = 1e-12;

// NPV times a positive factor, finite for every r > -1. For r >= 0 it is sum a_k x^k with
// x = 1/(1+r) <= 1; for r < 0 it is sum a_k y^(n-k) with y = 1+r < 1, i.e. NPV * (1+r)^n. Both
// are NPV(0) at r = 0, so the function is continuous and has exactly the roots of NPV.
double scaled_npv(const std::vector<double>& a, double r) {
  double g = 0.0;
  if (r >= 0.0) {
    const double x = 1.0 / (1.0 + r);
    for (auto it = a.rbegin(); it != a.rend(); ++it) g = g * x + *it;
  } else {
    const double y = 1.0 + r;
    for (double ak : a) g = g * y + ak;
  }
  return g;
}

int sign_of(double v) {
  return v > 0.0 ? 1 : (v < 0.0 ? -1 : 0);
}

// Upper bound on the roots in one side: sign changes of the cumulative sums, if the total is
// nonzero (Norstrom's argument; see irr.hpp). With a zero total we give up bounding (returns 2).
int side_bound(const std::vector<double>& a, bool from_end) {
  // sign_changes of the running sums, counted as they are made (no vector of them).
  double s = 0.0;
  int changes = 0, last = 0;
  for (size_t k = 0; k < a.size(); ++k) {
    s += from_end ? a[a.size() - 1 - k] : a[k];
    const int sign = sign_of(s);
    if (sign == 0) continue;
    if (last != 0 && sign != last) ++changes;
    last = sign;
  }
  if (s == 0.0) return 2;
  return changes;
}

// Probe rates moving away from 0 on one side, ending near the side's far end.
std::vector<double> make_expanding_probes(bool upper) {
  std::vector<double> p;
  if (upper) {
    for (double r = 1e-4; r < kMaxRate; r *= 2.0) p.push_back(r);
    p.push_back(kMaxRate);
  } else {
    for (double r = 1e-4; r < 0.5; r *= 2.0) p.push_back(-r);
    for (double y = 0.5; y > 1e-15; y *= 0.5) p.push_back(y - 1.0);
  }
  return p;
}

// The probes of each side, made once (every IRR of a run reads them).
const std::vector<double>& expanding_probes(bool upper) {
  static const std::vector<double> probes[2] = {make_expanding_probes(false), make_expanding_probes(true)};
  return probes[upper ? 1 : 0];
}

// Uniform grid in u in (0,1) mapped to r = u/(1-u) (upper) or r = -u (lower), plus the probes'
// far ends, sorted away from 0.
std::vector<double> make_grid(bool upper) {
  std::vector<double> p;
  for (int i = 1; i < kGridPerSide; ++i) {
    const double u = static_cast<double>(i) / kGridPerSide;
    p.push_back(upper ? u / (1.0 - u) : -u);
  }
  for (double r : expanding_probes(upper)) {
    if (upper ? r > p.back() : r < p.back()) p.push_back(r);
  }
  return p;
}

const std::vector<double>& grid(bool upper) {
  static const std::vector<double> grids[2] = {make_grid(false), make_grid(true)};
  return grids[upper ? 1 : 0];
}

// Roots between 0 (exclusive) and the side's end along the given probe sequence. Stops after the
// first root when `first_only`. Returns false if Brent failed on a bracket.
bool roots_along(const std::vector<double>& a, const std::vector<double>& probes, bool first_only,
                 std::vector<double>& roots) {
  const auto f = [&a](double r) { return scaled_npv(a, r); };
  double prev_r = 0.0;
  int prev_sign = sign_of(f(0.0));
  for (double r : probes) {
    const int s = sign_of(f(r));
    if (s == 0) {
      roots.push_back(r);
    } else if (prev_sign != 0 && s != prev_sign) {
      const numeric::RootResult root =
          numeric::find_root(f, std::min(prev_r, r), std::max(prev_r, r), {numeric::RootMethod::brent, kTol});
      if (root.status != numeric::RootStatus::converged) return false;
      roots.push_back(root.root);
    }
    if (first_only && !roots.empty()) return true;
    prev_r = r;
    prev_sign = s;
  }
  return true;
}

// Roots strictly on one side of 0 into an empty `roots`. Returns false on a Brent failure.
bool side_roots_into(const std::vector<double>& a, bool upper, std::vector<double>& roots) {
  const int bound = side_bound(a, /*from_end=*/!upper);
  if (bound == 0) return true;
  const double at_zero = a.empty() ? 0.0 : scaled_npv(a, 0.0);
  const double far_end = upper ? a.front() : a.back();  // limits at r -> inf and r -> -1
  if (bound == 1) {
    if (sign_of(at_zero) == sign_of(far_end) || at_zero == 0.0) return true;  // an even count <= 1
    return roots_along(a, expanding_probes(upper), /*first_only=*/true, roots);
  }
  return roots_along(a, grid(upper), /*first_only=*/false, roots);
}

// Roots strictly on one side of 0, appended to `roots`. Returns false on a Brent failure.
// Each side searches into its own list: a root already found on the other side must not end this
// side's first-root search (a stream with roots -5 % and +10 % has one on each side).
bool side_roots(const std::vector<double>& a, bool upper, std::vector<double>& out) {
  std::vector<double> roots;
  const bool ok = side_roots_into(a, upper, roots);
  out.insert(out.end(), roots.begin(), roots.end());
  return ok;
}

}  // namespace

const char* to_string(IrrStatus s) {
  switch (s) {
    case IrrStatus::ok:
      return "ok";
    case IrrStatus::no_sign_change:
      return "no_sign_change";
    case IrrStatus::total_loss:
      return "total_loss";
    case IrrStatus::multiple_roots:
      return "multiple_roots";
    case IrrStatus::no_convergence:
      return "no_convergence";
  }
  return "?";
}

int sign_changes(const std::vector<double>& values) {
  int changes = 0, last = 0;
  for (double v : values) {
    const int s = sign_of(v);
    if (s == 0) continue;
    if (last != 0 && s != last) ++changes;
    last = s;
  }
  return changes;
}

bool norstrom_unique_positive(const std::vector<double>& flows) {
  std::vector<double> cum(flows.size());
  double s = 0.0;
  for (size_t k = 0; k < flows.size(); ++k) cum[k] = (s += flows[k]);
  return s != 0.0 && sign_changes(cum) == 1;
}

IrrResult irr(const std::vector<double>& flows) {
  const bool any_in = std::any_of(flows.begin(), flows.end(), [](double v) { return v > 0.0; });
  const bool any_out = std::any_of(flows.begin(), flows.end(), [](double v) { return v < 0.0; });
  if (any_out && !any_in) return {-1.0, IrrStatus::total_loss};
  if (!any_out) return {kNaN, IrrStatus::no_sign_change};

  // Leading and trailing zero periods only multiply NPV by a power of (1+r): drop them.
  const auto first = std::find_if(flows.begin(), flows.end(), [](double v) { return v != 0.0; });
  const auto last = std::find_if(flows.rbegin(), flows.rend(), [](double v) { return v != 0.0; }).base();
  const std::vector<double> a(first, last);

  std::vector<double> roots;
  if (scaled_npv(a, 0.0) == 0.0) roots.push_back(0.0);
  if (!side_roots(a, /*upper=*/true, roots) || !side_roots(a, /*upper=*/false, roots)) {
    return {kNaN, IrrStatus::no_convergence};
  }
  if (roots.empty()) return {kNaN, IrrStatus::no_convergence};
  if (roots.size() == 1) return {roots.front(), IrrStatus::ok};
  const auto nearest = std::min_element(roots.begin(), roots.end(),
                                        [](double x, double y) { return std::fabs(x) < std::fabs(y); });
  return {*nearest, IrrStatus::multiple_roots};
}

double annualise_monthly(double monthly_rate) {
  if (std::isnan(monthly_rate)) return monthly_rate;
  if (monthly_rate <= -1.0) return -1.0;
  return std::pow(1.0 + monthly_rate, 12.0) - 1.0;
}

}  // namespace sisim::finance
