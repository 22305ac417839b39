#include "exact_propagation.hpp"

#include <algorithm>
#include <array>
#include <cmath>

namespace sisim::test {
namespace {

using Vec = std::array<double, 5>;
using Mat = std::array<std::array<double, 5>, 5>;  // Mat[to][from]
enum { PB, PE, DB, DE, X };

Vec apply(const Mat& m, const Vec& v) {
  Vec out{};
  for (int to = 0; to < 5; ++to) {
    for (int from = 0; from < 5; ++from) out[to] += m[to][from] * v[from];
  }
  return out;
}

// Exit, then the move, for the two B/E pairs with their own hazards.
Mat move_matrix(double hp, double sp, double hd, double sd, double x) {
  Mat m{};
  m[X][X] = 1;
  for (int from : {PB, PE, DB, DE}) m[X][from] = x;
  m[PE][PB] = (1 - x) * hp, m[PB][PB] = (1 - x) * (1 - hp);
  m[PB][PE] = (1 - x) * sp, m[PE][PE] = (1 - x) * (1 - sp);
  m[DE][DB] = (1 - x) * hd, m[DB][DB] = (1 - x) * (1 - hd);
  m[DB][DE] = (1 - x) * sd, m[DE][DE] = (1 - x) * (1 - sd);
  return m;
}

Mat dropout_matrix(double d) {
  Mat m{};
  for (int i = 0; i < 5; ++i) m[i][i] = 1;
  m[PB][PB] = m[PE][PE] = 1 - d;
  m[DB][PB] = m[DE][PE] = d;
  return m;
}

}  // namespace

ExactEmployment exact_employment(const ExactInputs& in, int months) {
  ExactEmployment out;
  Vec treated{1, 0, 0, 0, 0}, cf{0, 0, 1, 0, 0};  // the counterfactual lives in the "dropped" pair
  out.treated.push_back(0.0);
  out.counterfactual.push_back(0.0);
  const double h0 = std::min(1.0, in.h), s0 = std::min(1.0, in.s);
  for (int k = 0; k < months; ++k) {
    double hp = std::min(1.0, in.h * in.hazard_ratio), sp = std::min(1.0, in.s * in.retention);
    if (k >= in.duration) {
      double f = in.hazard_ratio;
      if (!std::isinf(in.half_life)) {
        f = in.half_life > 0 ? 1 + (in.hazard_ratio - 1) * std::pow(0.5, (k - in.duration) / in.half_life)
                             : 1.0;
      }
      hp = std::min(1.0, in.h * f), sp = s0;
    }
    treated = apply(move_matrix(hp, sp, h0, s0, in.x), treated);
    if (k + 1 < in.duration) treated = apply(dropout_matrix(in.dropout), treated);
    cf = apply(move_matrix(0, 0, h0, s0, in.x), cf);
    out.treated.push_back(treated[PE] + treated[DE]);
    out.counterfactual.push_back(cf[DE]);
  }
  return out;
}

}  // namespace sisim::test
