#include "sim/api/price_metrics.hpp"

#include <string>

#include "sim/api/run_checks.hpp"
#include "sim/io/result_schema.hpp"
#include "sim/stats/statistics.hpp"

namespace sisim::api {

using engine::RunOutput;

using config::PricingSpec;
using config::PricingTarget;

namespace {
constexpr int kP50 = 4;  // index of the median in stats::kQuantileLevels
}  // namespace

PriceMetrics price_metrics_of(const RunOutput& run, const PricingSpec& spec) {
  PriceMetrics m;
  const auto loss = investor_loss(run);
  using K = PricingTarget::Kind;
  const K ik = spec.investor.kind;
  const auto inv = stats::summarize(
      column_of(run, io::column_path(io::ColumnGroup::investor, ik == K::irr_p50 ? "irr" : "npv")), &loss);
  m.investor = ik == K::irr_p50 ? inv.quantiles[kP50] : ik == K::p_loss_max ? inv.p_loss : inv.mean;
  m.investor_se = ik == K::irr_p50      ? inv.quantile_se[kP50]
                  : ik == K::p_loss_max ? inv.p_loss_se
                                        : inv.se_mean;
  for (int b = 0; b < kPriceBudgets; ++b) {
    const auto s = stats::summarize(
        column_of(run, io::column_path(io::ColumnGroup::budget, "npv", price_budget_name(b))));
    const bool p_loss = spec.payer.kind == K::p_loss_max;
    m.budget[b] = p_loss ? s.p_loss : s.mean;
    m.budget_se[b] = p_loss ? s.p_loss_se : s.se_mean;
  }
  return m;
}

}  // namespace sisim::api
