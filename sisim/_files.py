"""sisim.read: any sisim result file (run, stress, sweep, price) as pandas and xarray objects.

Pure Python over h5py; the layouts are those of docs/HDF5.md. Tables use the statistic names of
sisim._tidy, the same for run, stress and sweep files.
"""
import math

import h5py
import numpy as np
import pandas as pd

from . import _tidy

BUDGETS = ("municipality", "state", "region", "other_municipalities", "foundation", "public_total")


def _text(value):
    if isinstance(value, bytes):
        return value.decode("utf-8")
    if isinstance(value, np.ndarray):
        return [_text(v) for v in value.tolist()]
    if isinstance(value, list):
        return [_text(v) for v in value]
    if isinstance(value, np.generic):
        return value.item()
    return value


def _attrs(obj):
    return {k: _text(v) for k, v in obj.attrs.items()}


def _string(f, path):
    return _text(f[path][()])


def _xarray():
    try:
        import xarray
    except ImportError as e:  # pragma: no cover - the README's set-up installs python3-xarray
        raise ImportError("xarray is needed for Datasets (Debian: python3-xarray)") from e
    return xarray


class ResultFile:
    """What every sisim file has: ``kind``, ``path``, root ``attrs`` and ``config_yaml``."""

    kind = "?"

    def __init__(self, path, f):
        self.path = str(path)
        self.attrs = _attrs(f)
        self.config_yaml = _string(f, "/meta/config_yaml") if "/meta/config_yaml" in f else None

    def __repr__(self):
        scenario = self.attrs.get("scenario", "?")
        return (f"<sisim {self.kind} file {self.path!r}: {scenario}, {self.attrs.get('paths')} paths, "
                f"seed {self.attrs.get('seed')}>")


def _summary_frame(g):
    """The tidy summary of a group laid out like a run's /summary (docs/HDF5.md 2.4)."""
    rows = []
    metrics = []
    g.visititems(lambda name, obj: metrics.append(name) if isinstance(obj, h5py.Group) and "mean" in obj else None)
    for metric in _tidy.metric_order(metrics):
        stats = {k: v[()] for k, v in g[metric].items()}
        rows.extend(_tidy.summary_rows(metric, stats))
    return pd.DataFrame(rows, columns=["metric", "statistic", "value", "se"])


class _RunData:
    """A run's datasets below ``prefix`` ("" for a run file, /cases/<name> in a stress file).
    Tables are read once, on first use; the file is opened only for that."""

    def __init__(self, path, prefix):
        self.path, self._prefix = str(path), prefix
        self._cache = {}

    def _read(self, key, build):
        if key not in self._cache:
            with h5py.File(self.path, "r") as f:
                self._cache[key] = build(f)
        return self._cache[key]

    @property
    def columns(self):
        """Per-path columns as numpy arrays, keyed like ``investor/npv`` (int32 and uint8 flag columns keep their type)."""
        def build(f):
            out = {}
            g = f[self._prefix + "/paths"]
            g.visititems(lambda name, obj: out.__setitem__(name, obj[:]) if isinstance(obj, h5py.Dataset) else None)
            return out
        return self._read("columns", build)

    @property
    def paths(self):
        """Per-path columns as a DataFrame, one row per path (index ``path``)."""
        df = pd.DataFrame(self.columns)
        df.index.name = "path"
        return df

    @property
    def summary(self):
        """Tidy summary: metric, statistic, value, se (statistic names in sisim._tidy)."""
        return self._read("summary", lambda f: _summary_frame(f[self._prefix + "/summary"]))

    @property
    def timeseries(self):
        """xarray Dataset: ``annual_account`` [budget x year x item x statistic (mean, p05, p95)],
        DKK/year, and the fan charts ``investor_cumulative_cash`` [month x quantile] and
        ``budget_cumulative_net`` [budget x month x quantile], DKK (docs/HDF5.md 2.5)."""
        xr = _xarray()

        def build(f):
            t = f[self._prefix + "/timeseries"]
            acct = t["annual_account"]
            budgets = [b for b in BUDGETS if b in acct]
            items = _text(acct[budgets[0]]["mean"].attrs["columns"])
            stats = ["mean", "p05", "p95"]
            annual = np.stack([np.stack([acct[b][s][:] for s in stats], axis=-1) for b in budgets])
            levels = list(_tidy.QUANTILE_NAMES)
            cash = t["investor/cumulative_cash"][:]
            net = np.stack([t["budgets"][b]["cumulative_net"][:] for b in budgets])
            ds = xr.Dataset(
                {"annual_account": (("budget", "year", "item", "statistic"), annual,
                                    {"units": "DKK/year", "description": "net savings by line item and contract "
                                     "year (positive: the budget gains); mean over all paths, p05/p95 over the "
                                     "fan-chart paths"}),
                 "investor_cumulative_cash": (("month", "quantile"), cash, {"units": "DKK"}),
                 "budget_cumulative_net": (("budget", "month", "quantile"), net, {"units": "DKK"})},
                coords={"budget": budgets, "year": np.arange(annual.shape[1]), "item": items,
                        "statistic": stats, "month": np.arange(cash.shape[0]), "quantile": levels})
            return ds
        return self._read("timeseries", build)

    @property
    def annual_account(self):
        """Tidy annual account: budget, year, item, statistic (mean, p05, p95), value in DKK/year."""
        return self.timeseries["annual_account"].to_dataframe(name="value").reset_index()


class RunFile(ResultFile, _RunData):
    """A ``sisim run`` file (or a result written by sisim.RunResult.write)."""

    kind = "run"

    def __init__(self, path, f):
        ResultFile.__init__(self, path, f)
        _RunData.__init__(self, path, "")
        self.tornado = _tornado_frame(f["/tornado"]) if "/tornado" in f else None


def _tornado_frame(t):
    """/tornado (docs/HDF5.md) as a tidy table: one row per (metric, input), ranked by |swing|."""
    inputs = [x.decode() if isinstance(x, bytes) else str(x) for x in t.attrs["inputs"]]
    rows = []
    for metric, g in t.items():
        if metric == "inputs" or not isinstance(g, h5py.Group):
            continue
        rank = {int(i): r + 1 for r, i in enumerate(g["order"][:])}
        for i, name in enumerate(inputs):
            rows.append({"metric": metric, "input": name, "low": g["low"][i], "high": g["high"][i],
                         "swing": g["swing"][i], "swing_se": g["swing_se"][i], "rank": rank[i]})
    return pd.DataFrame(rows).sort_values(["metric", "rank"]).reset_index(drop=True)


class StressFile(ResultFile):
    """A ``sisim stress`` file: ``comparison`` (case, metric, statistic, value, change, change_se),
    ``summary`` (every case's tidy summary with a ``case`` column), ``cases`` (what each case
    changed) and ``case(name)``: that case's run (columns, paths, summary, timeseries)."""

    kind = "stress"

    def __init__(self, path, f):
        super().__init__(path, f)
        comp = f["/stress/comparison"]
        self.case_names = _text(comp.attrs["cases"])
        rows = []
        for name in sorted(comp):
            metric, statistic = _tidy.STRESS_METRICS.get(name, (name, "value"))
            v, c, s = comp[name]["value"][:], comp[name]["change"][:], comp[name]["change_se"][:]
            for i, case in enumerate(self.case_names):
                rows.append((case, metric, statistic, v[i], c[i], s[i]))
        self.comparison = pd.DataFrame(rows, columns=["case", "metric", "statistic", "value", "change", "change_se"])
        info = []
        for case in self.case_names:
            g = f["/stress/cases"][case]
            info.append((case, _string(f, g.name + "/description"), _string(f, g.name + "/shifts"),
                         _string(f, g.name + "/applied")))
        self.cases = pd.DataFrame(info, columns=["case", "description", "shifts", "applied"])
        frames = []
        for case in self.case_names:
            df = _summary_frame(f["/cases"][case]["summary"])
            df.insert(0, "case", case)
            frames.append(df)
        self.summary = pd.concat(frames, ignore_index=True)

    def case(self, name):
        if name not in self.case_names:
            raise KeyError(f"no case {name!r} (cases: {', '.join(self.case_names)})")
        return _RunData(self.path, "/cases/" + name)

    def to_xarray(self):
        """xarray Dataset of the comparison: value, change, change_se [case x metric_statistic]."""
        df = self.comparison.assign(quantity=self.comparison.metric + ":" + self.comparison.statistic)
        return df.set_index(["case", "quantity"])[["value", "change", "change_se"]].to_xarray()


class SweepFile(ResultFile):
    """A ``sisim sweep`` file: ``points`` (index and swept values), ``summary`` (tidy, one block
    per point: point, metric, statistic, value, se), ``table`` (one row per point, a column per
    metric:statistic) and ``dataset`` (xarray: value and se [point x metric x statistic], the swept
    values as coordinates along ``point``; for a grid also ``grid()``, indexed by the swept values)."""

    kind = "sweep"

    def __init__(self, path, f):
        super().__init__(path, f)
        sw = f["/sweep"]
        self.sweep_attrs = _attrs(sw)
        self.sweep_kind = self.sweep_attrs["kind"]
        self.swept = list(self.sweep_attrs["columns"])
        self.grid_shape = [int(x) for x in sw["grid_shape"][:]]
        self.sweep_yaml = _string(f, "/meta/sweep_yaml") if "/meta/sweep_yaml" in f else None
        index = sw["points/index"][:]
        self.points = pd.DataFrame({"point": index, **{c: sw["points"][c][:] for c in self.swept}})
        self.points["gap_clamped_paths"] = sw["gap_clamped_paths"][:]
        metrics = []
        sw["summary"].visititems(
            lambda name, obj: metrics.append(name) if isinstance(obj, h5py.Group) and "mean" in obj else None)
        metrics = _tidy.metric_order(metrics)
        stats = [s for s, _ in _tidy.SWEEP_STATS]
        value = np.full((len(index), len(metrics), len(stats)), math.nan)
        se = np.full_like(value, math.nan)
        for m, metric in enumerate(metrics):
            g = sw["summary"][metric]
            for s, (stat, se_name) in enumerate(_tidy.SWEEP_STATS):
                value[:, m, s] = g[stat][:]
                if se_name:
                    se[:, m, s] = g[se_name][:]
        self._value, self._se, self._metrics, self._stats, self._index = value, se, metrics, stats, index
        p, m, s = np.meshgrid(np.arange(len(index)), np.arange(len(metrics)), np.arange(len(stats)), indexing="ij")
        self.summary = pd.DataFrame({"point": index[p.ravel()], "metric": np.asarray(metrics)[m.ravel()],
                                     "statistic": np.asarray(stats)[s.ravel()], "value": value.ravel(),
                                     "se": se.ravel()})
        wide = self.summary.assign(quantity=self.summary.metric + ":" + self.summary.statistic)
        wide = wide.pivot(index="point", columns="quantity", values="value")
        self.table = self.points.set_index("point").join(wide).reset_index()

    @property
    def dataset(self):
        xr = _xarray()
        coords = {"point": self._index, "metric": self._metrics, "statistic": self._stats}
        coords.update({c: ("point", self.points[c].to_numpy()) for c in self.swept})
        return xr.Dataset({"value": (("point", "metric", "statistic"), self._value),
                           "se": (("point", "metric", "statistic"), self._se)}, coords=coords,
                          attrs={"kind": self.sweep_kind, "paths_per_point": self.attrs.get("paths")})

    def grid(self):
        """For a complete grid sweep: the dataset indexed by the swept values (one dimension per
        swept column) instead of by point."""
        if self.sweep_kind != "grid":
            raise ValueError("grid() needs a grid sweep; this one is a " + self.sweep_kind)
        ds = self.dataset
        if len(self.swept) == 1:  # one dimension: no MultiIndex to unstack
            return ds.swap_dims({"point": self.swept[0]}).drop_vars("point")
        return ds.set_index(point=self.swept).unstack("point")


class PriceFile(ResultFile):
    """A ``sisim price`` file: ``solutions`` (one row per side: investor, payer municipality,
    payer public_total), ``prices`` (each price line at k = 1 and at each side's k, with SEs),
    ``evaluations`` (every k evaluated and the target metrics there) and ``verdict`` (text)."""

    kind = "price"

    def __init__(self, path, f):
        super().__init__(path, f)
        pr = f["/price"]
        self.price_attrs = _attrs(pr)
        self.verdict = _string(f, "/price/verdict")
        sides = [("investor", "/price/investor"), ("municipality", "/price/payer/municipality"),
                 ("public_total", "/price/payer/public_total")]
        rows = []
        labels = _text(pr["lines"].attrs["labels"])
        prices = {"line": labels, "base_price": pr["lines/base_price"][:]}
        for side, g in sides:
            a = _attrs(f[g])
            rows.append({"side": side, "status": a["status"], "target_kind": a["target_kind"],
                         **{k: float(f[g][k][()]) for k in
                            ("multiplier", "multiplier_se", "metric", "metric_se", "slope", "target")}})
            prices[side] = f[g]["prices"][:]
            prices[side + "_se"] = f[g]["price_se"][:]
        self.solutions = pd.DataFrame(rows)
        self.prices = pd.DataFrame(prices)
        self.evaluations = pd.DataFrame({k: v[:] for k, v in pr["evaluations"].items()})
        self.evaluations = self.evaluations[["multiplier"] + [c for c in self.evaluations if c != "multiplier"]]


def read(path):
    """Opens a sisim result file of any kind and returns a RunFile, StressFile, SweepFile or
    PriceFile. Raises OSError for a missing or non-HDF5 file and ValueError for an HDF5 file that
    is not a sisim result."""
    with h5py.File(path, "r") as f:
        if "schema_version" not in f.attrs:
            raise ValueError(f"{path}: not a sisim result file (no schema_version attribute)")
        if "/price" in f:
            return PriceFile(path, f)
        if "/sweep" in f:
            return SweepFile(path, f)
        if "/stress" in f:
            return StressFile(path, f)
        if "/summary" in f:
            return RunFile(path, f)
        raise ValueError(f"{path}: a sisim file of no known kind (docs/HDF5.md)")
