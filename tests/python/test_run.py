"""sisim.run in process: columns without copies, a tidy summary that agrees with numpy on the
same columns, and Ctrl-C."""
import os
import signal
import subprocess
import sys
import textwrap
import time
import tracemalloc

import numpy as np
import pytest

from conftest import ROOT, SCENARIO


@pytest.fixture(scope="module")
def result(sisim, base):
    return sisim.run(base, paths=3000, seed=11, threads=2)


def test_run_metadata(result, base):
    assert result.n_paths == 3000 and result.seed == 11
    assert result.threads >= 1
    assert len(result.columns["investor/npv"]) == 3000


def test_default_paths_and_seed_are_the_scenarios(sisim):
    s = sisim.load(SCENARIO, set={"simulation.paths": 200})
    r = sisim.run(s)
    assert r.n_paths == 200 and r.seed == s.seed == 20230809


def test_columns_are_views_of_the_result_not_copies(result):
    a = result.columns["investor/npv"]
    assert not a.flags.owndata and not a.flags.writeable
    assert a.base is result._core                  # kept alive by the array
    again = result._core.column("investor/npv")    # a fresh view of the same memory
    assert np.shares_memory(a, again)


def test_reading_every_column_allocates_no_copy(result):
    n_columns = len(result._core.column_specs())
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    views = [result._core.column(spec["name"]) for spec in result._core.column_specs()]
    grown = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    column_bytes = n_columns * result.n_paths * 8
    # numpy reports its data allocations to tracemalloc: a copy would add >= column_bytes
    # (936 kB here); views cost a few hundred bytes of array headers each.
    assert grown < column_bytes / 10, (grown, column_bytes)
    assert len(views) == n_columns


def test_array_outlives_the_result_object(sisim, base):
    a = sisim.run(base, paths=100, seed=3).columns["budgets/municipality/npv"]
    import gc
    gc.collect()
    assert np.isfinite(a).all() and len(a) == 100  # the base keeps the C++ columns alive


def _stat(summary, metric, statistic):
    row = summary[(summary.metric == metric) & (summary.statistic == statistic)]
    assert len(row) == 1
    return float(row.value.iloc[0]), float(row.se.iloc[0])


def test_summary_agrees_with_numpy_on_the_columns(result):
    s, c = result.summary, result.columns
    assert list(s.columns) == ["metric", "statistic", "value", "se"]
    npv = c["budgets/municipality/npv"]
    mean, se = _stat(s, "budgets/municipality/npv", "mean")
    assert mean == pytest.approx(np.mean(npv), rel=1e-12)
    assert se == pytest.approx(np.std(npv, ddof=1) / np.sqrt(len(npv)), rel=1e-9)
    # type-7 quantiles are numpy's default (linear) method
    assert _stat(s, "budgets/municipality/npv", "p05")[0] == pytest.approx(np.quantile(npv, 0.05), rel=1e-12)
    p_loss, p_loss_se = _stat(s, "budgets/municipality/npv", "p_loss")
    assert p_loss == np.mean(npv < 0)
    assert p_loss_se == pytest.approx(np.sqrt(p_loss * (1 - p_loss) / len(npv)), rel=1e-12)
    # The investor loses money when receipts plus guarantee fall short of the capital drawn.
    lost = (c["investor/total_received"] + c["investor/guarantee_received"]) < c["investor/total_drawn"]
    assert _stat(s, "investor/irr", "p_loss")[0] == pytest.approx(np.mean(lost), abs=0)
    irr = c["investor/irr"]
    assert _stat(s, "investor/irr", "n_nan")[0] == np.isnan(irr).sum()
    assert _stat(s, "investor/irr", "p50")[0] == pytest.approx(np.nanquantile(irr, 0.5), rel=1e-12)


def test_write_refuses_an_existing_file_without_force(result, tmp_path):
    out = tmp_path / "r.h5"
    result.write(out)
    with pytest.raises(OSError, match="exists"):
        result.write(out)
    result.write(out, force=True)


def test_ctrl_c_interrupts_a_run_cleanly():
    """SIGINT during a long run: KeyboardInterrupt within a few seconds, then the next run works."""
    script = textwrap.dedent(f"""
        import os, signal, sys, threading, time
        sys.path.insert(0, {str(ROOT)!r})
        import sisim
        s = sisim.load({SCENARIO!r})
        threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        t0 = time.time()
        try:
            sisim.run(s, paths=2_000_000, seed=1)
            print("finished")
        except KeyboardInterrupt:
            print("interrupted after", round(time.time() - t0, 1))
        r = sisim.run(s, paths=50, seed=1)
        print("then ran", r.n_paths)
    """)
    env = dict(os.environ)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")
    assert lines[0].startswith("interrupted after"), done.stdout
    assert float(lines[0].split()[-1]) < 10  # 2 million paths would take minutes
    assert lines[1] == "then ran 50"


def test_ctrl_c_interrupts_a_sweep_and_writes_nothing(tmp_path):
    out = tmp_path / "sweep.h5"
    script = textwrap.dedent(f"""
        import os, signal, sys, threading
        sys.path.insert(0, {str(ROOT)!r})
        import sisim
        threading.Timer(1.0, lambda: os.kill(os.getpid(), signal.SIGINT)).start()
        try:
            sisim.sweep({SCENARIO!r}, grid={{"intervention.effect.employment_gap": [0.1, 0.2, 0.3]}},
                        paths=1_000_000, output={str(out)!r})
            print("finished")
        except KeyboardInterrupt:
            print("interrupted")
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "interrupted"
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # no file, no temporary left behind
