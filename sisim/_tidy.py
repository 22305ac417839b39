"""Statistic names shared by every table sisim.read and sisim.run return.

One vocabulary for run, stress and sweep results, so a filter such as
``df.query("metric == 'investor/irr' and statistic == 'p50'")`` works on all of them:

- ``metric``: the /paths column a statistic summarises, without the ``/paths/`` prefix:
  ``investor/irr``, ``investor/moic``, ``investor/npv``, ``budgets/<budget>/npv``.
- ``statistic``: ``mean``, ``sd``, ``p01`` ... ``p99`` (type-7 quantiles), ``p_loss``, ``var_05``,
  ``es_05``, ``var_01``, ``es_01``, ``n``, ``n_nan`` (docs/HDF5.md 2.4).
- ``se``: the Monte Carlo standard error of ``value`` where the file stores one (``mean``: ``se``;
  a quantile: ``quantile_se``; ``p_loss``: ``p_loss_se``; ``var_*``/``es_*``: ``*_se``), else NaN.
"""
import math

QUANTILE_LEVELS = (0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99)
QUANTILE_NAMES = ("p01", "p05", "p10", "p25", "p50", "p75", "p90", "p95", "p99")

# (statistic, the dataset holding its standard error or None), after mean/sd and the quantiles.
_TAIL = (("p_loss", "p_loss_se"), ("var_05", "var_05_se"), ("es_05", "es_05_se"),
         ("var_01", "var_01_se"), ("es_01", "es_01_se"), ("n", None), ("n_nan", None))

# The comparison metrics of a stress file (docs/HDF5.md 4) in the shared vocabulary. The investor
# P(loss) is the same number under every investor metric; it is filed under investor/npv.
STRESS_METRICS = {
    "investor_irr_p50": ("investor/irr", "p50"),
    "investor_p_loss": ("investor/npv", "p_loss"),
    "investor_npv_mean": ("investor/npv", "mean"),
    "municipality_npv_mean": ("budgets/municipality/npv", "mean"),
    "municipality_p_loss": ("budgets/municipality/npv", "p_loss"),
    "public_total_npv_mean": ("budgets/public_total/npv", "mean"),
    "public_total_p_loss": ("budgets/public_total/npv", "p_loss"),
}

# The statistics a sweep file stores per point (docs/HDF5.md 5), paired with their SE datasets.
SWEEP_STATS = (("mean", "se"), ("sd", None), ("p05", None), ("p50", None), ("p95", None),
               ("p_loss", "p_loss_se"))


def summary_rows(metric, stats):
    """Tidy rows (metric, statistic, value, se) from one /summary/<metric> group given as a dict
    of its datasets (scalars, and arrays for quantiles/quantile_se). A group with other statistics
    (e.g. /summary/alternatives/risk_transfer: mean, p_contract_better) gives each scalar as a row,
    its SE from the dataset of the same name + "_se" where there is one."""
    nan = math.nan
    rows, used = [], {"quantile_levels"}

    def row(name, se_name):
        if name in stats:
            se = float(stats[se_name]) if se_name and se_name in stats else nan
            rows.append((metric, name, float(stats[name]), se))
            used.update({name, se_name})

    row("mean", "se")
    row("sd", None)
    if "quantiles" in stats:
        levels = [round(float(x), 6) for x in stats.get("quantile_levels", QUANTILE_LEVELS)]
        if levels != list(QUANTILE_LEVELS):
            raise ValueError(f"unexpected quantile levels {levels} for {metric}")
        for name, q, qse in zip(QUANTILE_NAMES, stats["quantiles"], stats["quantile_se"]):
            rows.append((metric, name, float(q), float(qse)))
        used.update({"quantiles", "quantile_se"})
    for name, se_name in _TAIL:
        row(name, se_name)
    emitted = {r[1] for r in rows}  # p05/p50/p95 are also stored as scalars (the sweep's names)
    for name in sorted(stats):
        if name not in used | emitted and not name.endswith("_se") and getattr(stats[name], "ndim", 0) == 0:
            row(name, name + "_se")
    return rows


_METRIC_ORDER = ["investor/irr", "investor/moic", "investor/npv"] + [
    f"budgets/{b}/npv" for b in ("municipality", "state", "region", "other_municipalities", "foundation",
                                 "public_total")]


def metric_order(metrics):
    """Metrics in reading order: the investor's, then the budgets as in docs/HDF5.md 2.3."""
    return sorted(metrics, key=lambda m: (_METRIC_ORDER.index(m) if m in _METRIC_ORDER else len(_METRIC_ORDER), m))
