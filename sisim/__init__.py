"""sisim from Python: load scenarios, run them in process, read any result file.

    import sisim
    s = sisim.load("scenarios/herning-viborg.yaml", set={"intervention.effect.employment_gap": 0.12})
    r = sisim.run(s, paths=10000, seed=1)        # GIL released; Ctrl-C stops it cleanly
    r.columns["investor/npv"]                     # numpy array over the engine's memory (no copy)
    r.summary                                     # pandas: metric, statistic, value, se
    r.write("out.h5")                             # the file `sisim run` writes
    sisim.read("out.h5")                          # run, stress, sweep or price file

The compiled engine (_sisim) is built by the project's CMake into <build>/python (build/ unless
SISIM_BUILD_DIR names another build folder); see python/README.md.
"""
import importlib.machinery
import importlib.util
import json
import os
import shlex
import tempfile
import weakref
from pathlib import Path

import pandas as pd

from . import _tidy
from . import _files
from ._files import PriceFile, ResultFile, RunFile, StressFile, SweepFile

__all__ = ["load", "run", "stress", "sweep", "price", "read", "reseal", "report", "ConfigError", "Scenario",
           "RunResult", "RunFile", "StressFile", "SweepFile", "PriceFile", "ResultFile"]

_ROOT = Path(__file__).resolve().parent.parent


def _load_extension():
    build = Path(os.environ.get("SISIM_BUILD_DIR", "build"))
    folder = (build if build.is_absolute() else _ROOT / build) / "python"
    for suffix in importlib.machinery.EXTENSION_SUFFIXES:
        candidate = folder / ("_sisim" + suffix)
        if candidate.exists():
            spec = importlib.util.spec_from_file_location(__name__ + "._sisim", candidate)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise ImportError(
        f"sisim: the compiled engine _sisim{importlib.machinery.EXTENSION_SUFFIXES[0]} is not in {folder}. "
        "Build it with `bash scripts/setup.sh` (it needs python3-dev and pybind11-dev, and the python3 "
        "that runs this: CMake builds for the interpreter it finds, Python3_EXECUTABLE), or set "
        "SISIM_BUILD_DIR to the build folder that has it.")


_core = _load_extension()
ConfigError = _core.ConfigError
ConfigError.__doc__ = ("A scenario, cases, sweep or pricing error. str(e) holds every error as "
                       "`file:line:col: error: message`, one per line; e.errors the same as (file, line, "
                       "column, message) tuples (absent when the problem has no location).")
__version__ = _core.version


def read(path):
    """Opens a sisim result file of any kind and returns a RunFile, StressFile, SweepFile or
    PriceFile. The file is checked as `sisim summarize` checks it before h5py reads a byte: its seal
    (length and checksum of what sisim wrote, docs/HDF5.md), then the HDF5 structure and the schema
    version. Raises OSError for a missing, non-HDF5, truncated or damaged file and ValueError for an
    HDF5 file that is not a sisim result."""
    try:
        _core.check_result_file(os.fspath(path))
    except OSError as e:
        if "not a sisim result file" in str(e):
            raise ValueError(str(e)) from None
        raise
    return _files.read(path)


def report(result_file, output, force=False):
    """`sisim report`: the self-contained HTML report of a run, tornado, stress, sweep or price
    file, written to ``output`` (an existing file is replaced only with ``force``); the same page,
    byte for byte, as the command writes. Returns ``output``. Raises OSError for a damaged or
    foreign result file and for a refused or failed write."""
    _core.report(os.fspath(result_file), os.fspath(output), bool(force))
    return output


def reseal(path):
    """Renews the seal of a result file you edited on purpose (h5py in "r+" mode), so sisim and
    sisim.read accept it again. Only files sisim wrote can be resealed."""
    _core.reseal(os.fspath(path))


def _override_text(key, value):
    """--set key=value: a value is YAML; Python numbers, booleans, lists and dicts are written as
    JSON (which YAML reads), strings as they are (so "0.12" and 0.12 mean the same)."""
    if isinstance(value, str):
        return f"{key}={value}"
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    return f"{key}={json.dumps(value)}"


class Scenario:
    """A loaded, validated scenario (sisim.load). ``to_yaml()`` is the resolved text that
    `sisim validate` prints: every default written out, extends and overrides applied."""

    def __init__(self, core):
        self._core = core

    name = property(lambda self: self._core.name)
    path = property(lambda self: self._core.path)
    overrides = property(lambda self: list(self._core.overrides))
    paths = property(lambda self: self._core.paths, doc="simulation.paths: the default number of paths")
    seed = property(lambda self: self._core.seed, doc="simulation.seed: the default seed")

    def to_yaml(self):
        return self._core.to_yaml()

    def __repr__(self):
        return f"<sisim.Scenario {self.name!r} from {self.path!r}, {len(self.overrides)} overrides>"


def load(path, set=None):  # noqa: A002 - `set` mirrors the command line's --set
    """Loads and validates a scenario as `sisim validate` does; ``set`` maps dotted keys to values
    (``{"intervention.effect.employment_gap": 0.12}``), applied in order like --set. Raises
    sisim.ConfigError with every error at once."""
    overrides = [_override_text(k, v) for k, v in (set or {}).items()]
    return Scenario(_core.load(os.fspath(path), overrides))


def _scenario(scenario):
    return scenario if isinstance(scenario, Scenario) else load(scenario)


def _call_text(name, scenario, **kwargs):
    """The 'command line' recorded in files written from Python."""
    parts = [repr(scenario.path)] + [f"{k}={v!r}" for k, v in kwargs.items() if v is not None]
    if scenario.overrides:
        parts.append("set=" + repr(scenario.overrides))
    return f"python: sisim.{name}({', '.join(parts)})"


class RunResult:
    """The result of sisim.run, in memory.

    - ``columns``: dict of per-path numpy arrays keyed like ``investor/npv`` (docs/HDF5.md 2.3),
      read-only views of the engine's own memory: no copy; each array keeps the result alive.
      Integer columns (counts, months, status codes; flags) are float64 here (int32; flags uint8 in the file).
    - ``paths``: the same as a pandas DataFrame (this one is a copy).
    - ``summary``: tidy DataFrame (metric, statistic, value, se), the numbers of the file's /summary.
    - ``write(path, force=False)``: the file `sisim run` writes for the same seed and paths.
    """

    def __init__(self, core, scenario, call):
        self._core, self.scenario, self._call = core, scenario, call
        self._columns = None
        self._summary = None

    n_paths = property(lambda self: self._core.paths, doc="number of paths")
    seed = property(lambda self: self._core.seed)
    threads = property(lambda self: self._core.threads)
    seconds = property(lambda self: self._core.seconds, doc="wall time of the simulation, seconds")
    gap_clamped_paths = property(lambda self: self._core.gap_clamped_paths)

    @property
    def columns(self):
        if self._columns is None:
            self._columns = {spec["name"]: self._core.column(spec["name"]) for spec in self._core.column_specs()}
        return self._columns

    @property
    def units(self):
        """Units of each column (DKK, 1/year, months, ...)."""
        return {spec["name"]: spec["units"] for spec in self._core.column_specs()}

    @property
    def paths(self):
        df = pd.DataFrame(self.columns)
        df.index.name = "path"
        return df

    @property
    def summary(self):
        if self._summary is None:
            rows = []
            groups = dict(self._core.summaries())
            for metric in _tidy.metric_order(groups):
                rows.extend(_tidy.summary_rows(metric, groups[metric]))
            self._summary = pd.DataFrame(rows, columns=["metric", "statistic", "value", "se"])
        return self._summary

    def write(self, path, force=False):
        """Writes the result file (atomically; an existing file only with force=True)."""
        self._core.write(os.fspath(path), force, self._call)
        return os.fspath(path)

    def __repr__(self):
        return (f"<sisim.RunResult {self.scenario.name!r}: {self.n_paths} paths, seed {self.seed}, "
                f"{self.threads} threads, {self.seconds:.1f} s>")


def run(scenario, paths=None, seed=None, threads=0):
    """Runs a scenario (a sisim.Scenario or a path) in process, as `sisim run` with --paths,
    --seed and --threads (0 = all cores; None = the scenario's paths and seed). The GIL is released
    while it runs; Ctrl-C (KeyboardInterrupt) stops it within about one path."""
    scenario = _scenario(scenario)
    core = _core.run(scenario._core, paths, seed, int(threads))
    return RunResult(core, scenario, _call_text("run", scenario, paths=paths, seed=seed))


def _output(output, keep):
    """The file to write, and a temporary folder to delete with the result when none was given."""
    if output is not None:
        return os.fspath(output), None
    folder = tempfile.mkdtemp(prefix="sisim-")
    return os.path.join(folder, "result.h5"), folder


def _with_cleanup(result, folder):
    if folder is not None:
        import shutil
        weakref.finalize(result, shutil.rmtree, folder, True)
    return result


def _yaml_file(folder, name, document):
    """JSON is YAML: Python data becomes an input file the loaders check (errors name it)."""
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(document, f, indent=1)
    return path


def stress(scenario, cases=None, paths=None, seed=None, threads=0, output=None, force=False):
    """`sisim stress`: the scenario and each stress case on the same seed and paths. ``cases``:
    None (the scenario's own `stress:` section), a cases file, or a list of dicts as in a cases
    file (``[{"name": "half", "shifts": [{"path": "intervention.effect.employment_gap",
    "scale": 0.5}]}]``). Writes ``output`` (a temporary file when None) and returns it read
    (sisim.StressFile)."""
    scenario = _scenario(scenario)
    out, folder = _output(output, False)
    work = tempfile.mkdtemp(prefix="sisim-cases-")
    try:
        if cases is None:
            cases_file = ""
        elif isinstance(cases, (str, os.PathLike)):
            cases_file = os.fspath(cases)
        else:
            cases_file = _yaml_file(work, "cases.yaml", {"cases": list(cases)})
        call = _call_text("stress", scenario, cases=cases if cases_file != "" and not isinstance(cases, list)
                          else None, paths=paths, seed=seed)
        _core.stress(scenario._core, cases_file, out, force, paths, seed, int(threads), call)
    finally:
        import shutil
        shutil.rmtree(work, True)
    return _with_cleanup(read(out), folder)


def _grid_dimensions(grid):
    if isinstance(grid, dict):
        dims = []
        for path, spec in grid.items():
            if isinstance(spec, dict):  # {"scale": [...]} or {"add": [...]} or {"values": [...]}
                dims.append({"path": path, **{k: [float(x) for x in v] for k, v in spec.items()}})
            else:
                dims.append({"path": path, "values": [float(x) for x in spec]})
        return dims
    return list(grid)


def _latin(lhs):
    lhs = dict(lhs)
    params = lhs.get("parameters", [])
    if isinstance(params, dict):  # {path: (min, max)}
        lhs["parameters"] = [{"path": p, "min": float(lo), "max": float(hi)} for p, (lo, hi) in params.items()]
    return lhs


def sweep(scenario, grid=None, latin_hypercube=None, paths=None, seed=None, threads=0, output=None, force=False):
    """`sisim sweep`: the scenario at each point of a grid or a Latin hypercube, every point on the
    same seed and paths (common random numbers). Either ``scenario`` is a sweep file (as for the
    command), or a scenario (path or sisim.Scenario, whose ``set`` overrides apply to every point)
    with exactly one of:

    - ``grid={"intervention.effect.employment_gap": [0.1, 0.2], "contract.outcome_prices":
      {"scale": [0.8, 1.2]}}`` (or a list of sweep-file dimensions), first dimension slowest;
    - ``latin_hypercube={"samples": 20, "seed": 1, "parameters": {"intervention.effect.employment_gap":
      (0.05, 0.25)}}``.

    Writes ``output`` (a temporary file when None) and returns it read (sisim.SweepFile)."""
    out, folder = _output(output, False)
    work = tempfile.mkdtemp(prefix="sisim-sweep-")
    try:
        if grid is None and latin_hypercube is None:
            sweep_file, overrides = os.fspath(scenario), []
            call = f"python: sisim.sweep({sweep_file!r}, paths={paths!r}, seed={seed!r})"
        else:
            if (grid is None) == (latin_hypercube is None):
                raise ValueError("sisim.sweep: give exactly one of grid= and latin_hypercube=")
            scen = _scenario(scenario)
            doc = {"scenario": os.path.abspath(scen.path)}
            if grid is not None:
                doc["grid"] = _grid_dimensions(grid)
            else:
                doc["latin_hypercube"] = _latin(latin_hypercube)
            sweep_file, overrides = _yaml_file(work, "sweep.yaml", doc), scen.overrides
            call = _call_text("sweep", scen, paths=paths, seed=seed) + " " + shlex.quote(json.dumps(doc))
        _core.sweep(sweep_file, overrides, out, force, paths, seed, int(threads), call)
    finally:
        import shutil
        shutil.rmtree(work, True)
    return _with_cleanup(read(out), folder)


def tornado(scenario, paths=None, seed=None, threads=0, output=None, force=False):
    """`sisim tornado`: every uncertain input fixed at its P10 and then its P90 (and the recession
    and termination switches), on common random numbers, 2,000 paths per run unless ``paths``.
    Writes ``output`` (a temporary file when None) and returns it read (sisim.RunFile whose
    ``tornado`` is a tidy DataFrame: input, metric, low, high, swing, swing_se, rank)."""
    scenario = _scenario(scenario)
    out, folder = _output(output, False)
    _core.tornado(scenario._core, out, force, paths, seed, int(threads),
                  _call_text("tornado", scenario, paths=paths, seed=seed))
    return _with_cleanup(read(out), folder)


def price(scenario, paths=None, seed=None, threads=0, output=None, force=False):
    """`sisim price`: the outcome-price multiplier band, targets from the scenario's `pricing:`
    section (set them with sisim.load(..., set={"pricing.investor": {"p_loss_max": 0.1}})).
    Writes ``output`` (a temporary file when None) and returns it read (sisim.PriceFile)."""
    scenario = _scenario(scenario)
    out, folder = _output(output, False)
    _core.price(scenario._core, out, force, paths, seed, int(threads),
                _call_text("price", scenario, paths=paths, seed=seed))
    return _with_cleanup(read(out), folder)
