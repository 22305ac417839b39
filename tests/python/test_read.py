"""sisim.read on every kind of file, and one statistic vocabulary across run, stress and sweep."""
import h5py
import numpy as np
import pytest

from conftest import SCENARIO

GAP = "intervention.effect.employment_gap"


@pytest.fixture(scope="module")
def files(sisim, tmp_path_factory):
    d = tmp_path_factory.mktemp("read")
    s = sisim.load(SCENARIO)
    run = sisim.run(s, paths=400, seed=9)
    run.write(d / "run.h5")
    stress = sisim.stress(s, cases=[{"name": "half", "description": "gap halved",
                                     "shifts": [{"path": GAP, "scale": 0.5}]}],
                          paths=400, seed=9, output=d / "stress.h5")
    sweep = sisim.sweep(s, grid={GAP: [0.1, 0.2]}, paths=400, seed=9, output=d / "sweep.h5")
    lhs = sisim.sweep(s, latin_hypercube={"samples": 3, "seed": 4, "parameters": {GAP: (0.05, 0.25)}},
                      paths=100, seed=9)
    price = sisim.price(s, paths=100, seed=9, output=d / "price.h5")
    return {"run": run, "run_file": sisim.read(d / "run.h5"), "stress": stress, "sweep": sweep, "lhs": lhs,
            "price": price, "dir": d}


def test_each_kind_is_recognised(files, sisim):
    assert isinstance(files["run_file"], sisim.RunFile) and files["run_file"].kind == "run"
    assert isinstance(files["stress"], sisim.StressFile)
    assert isinstance(files["sweep"], sisim.SweepFile) and isinstance(files["lhs"], sisim.SweepFile)
    assert isinstance(files["price"], sisim.PriceFile)


def test_run_file_reads_back_what_was_run(files):
    run, f = files["run"], files["run_file"]
    assert f.attrs["paths"] == 400 and f.attrs["seed"] == 9
    assert f.summary.equals(run.summary)
    np.testing.assert_array_equal(f.columns["investor/npv"], run.columns["investor/npv"])
    assert f.columns["investor/irr_status"].dtype == np.int32  # the file's int32 columns stay integer
    assert f.attrs["schema_version"] == 3
    assert f.columns["investor/loss/nominal"].dtype == np.uint8  # flags: one byte in the file (schema 3)
    np.testing.assert_array_equal(f.columns["investor/loss/nominal"], run.columns["investor/loss/nominal"])
    assert f.paths.shape == (400, len(run.columns))
    ds = f.timeseries
    assert ds["annual_account"].dims == ("budget", "year", "item", "statistic")
    with h5py.File(f.path) as h:
        np.testing.assert_array_equal(ds["annual_account"].sel(budget="state", statistic="p95").values,
                                      h["/timeseries/annual_account/state/p95"][:])
    acct = f.annual_account
    assert set(acct.columns) == {"budget", "year", "item", "statistic", "value"}
    assert len(acct) == ds["annual_account"].size


def test_stress_file(files):
    st = files["stress"]
    assert st.case_names == ["base", "half"]
    base = st.comparison[st.comparison.case == "base"]
    assert (base.change == 0).all() and (base.change_se == 0).all()
    half = st.comparison.set_index(["case", "metric", "statistic"]).loc[("half", "investor/irr", "p50")]
    # value of the case = value of the base + change, and it is the case's own summary's median
    b = st.comparison.set_index(["case", "metric", "statistic"]).loc[("base", "investor/irr", "p50")]
    assert half.value == pytest.approx(b.value + half.change, abs=1e-15)
    case_p50 = st.case("half").summary.query("metric == 'investor/irr' and statistic == 'p50'").value.iloc[0]
    assert half.value == case_p50
    assert st.cases.set_index("case").loc["half", "applied"].startswith(f"{GAP}: set")
    assert set(st.summary.case) == {"base", "half"}
    assert st.to_xarray()["change"].dims == ("case", "quantity")
    with pytest.raises(KeyError):
        st.case("nope")


def test_sweep_point_equals_a_run_with_its_value(files, sisim):
    sw = files["sweep"]
    assert list(sw.points[GAP]) == [0.1, 0.2]
    run = sisim.run(sisim.load(SCENARIO, set={GAP: 0.2}), paths=400, seed=9)
    got = sw.summary.query("point == 1")
    for stat in ("mean", "sd", "p05", "p50", "p95", "p_loss"):
        want = run.summary.query(f"metric == 'investor/npv' and statistic == '{stat}'")
        row = got.query(f"metric == 'investor/npv' and statistic == '{stat}'")
        assert row.value.iloc[0] == want.value.iloc[0], stat  # bit-identical (docs/HDF5.md 5)
        if stat in ("mean", "p_loss"):
            assert row.se.iloc[0] == want.se.iloc[0]
    ds = sw.dataset
    assert ds["value"].dims == ("point", "metric", "statistic")
    assert ds["value"].sel(point=1, metric="investor/npv", statistic="mean") == \
        got.query("metric == 'investor/npv' and statistic == 'mean'").value.iloc[0]
    assert sw.grid()["value"].sel({GAP: 0.2, "metric": "investor/irr", "statistic": "p50"}) == \
        ds["value"].sel(point=1, metric="investor/irr", statistic="p50")
    assert "investor/irr:p50" in sw.table.columns


def test_latin_hypercube_strata(files):
    """3 samples over [0.05, 0.25]: one point in each third of the range."""
    v = np.sort(files["lhs"].points[GAP].to_numpy())
    edges = 0.05 + 0.2 * np.arange(4) / 3
    assert all(edges[i] <= v[i] < edges[i + 1] for i in range(3))
    with pytest.raises(ValueError, match="grid"):
        files["lhs"].grid()


def test_price_file(files):
    p = files["price"]
    assert list(p.solutions.side) == ["investor", "municipality", "public_total"]
    assert set(p.solutions.status) <= {"solved", "met_at_lower_bound", "met_at_upper_bound", "not_reachable"}
    inv = p.solutions.set_index("side").loc["investor"]
    # each side's prices are the base prices times its multiplier
    np.testing.assert_allclose(p.prices["investor"], p.prices["base_price"] * inv.multiplier, rtol=1e-12)
    assert p.evaluations.multiplier.is_monotonic_increasing
    assert "band" in p.verdict or "no band" in p.verdict


def test_statistic_names_are_shared(files):
    run_names = set(files["run"].summary.statistic)
    assert set(files["sweep"].summary.statistic) <= run_names
    assert set(files["stress"].comparison.statistic) <= run_names
    assert set(files["stress"].summary.statistic) == run_names
    run_metrics = set(files["run"].summary.metric)
    assert set(files["sweep"].summary.metric) <= run_metrics
    assert set(files["stress"].comparison.metric) <= run_metrics


def test_foreign_files_are_refused(sisim, tmp_path):
    with h5py.File(tmp_path / "foreign.h5", "w") as f:
        f["x"] = [1, 2]
    with pytest.raises(ValueError, match="not a sisim result file"):
        sisim.read(tmp_path / "foreign.h5")
    (tmp_path / "text.h5").write_text("hello")
    with pytest.raises(OSError):
        sisim.read(tmp_path / "text.h5")


def test_damaged_files_are_refused_and_edited_ones_can_be_resealed(sisim, files, tmp_path):
    good = open(files["run_file"].path, "rb").read()
    damaged = bytearray(good)
    damaged[len(good) // 2] ^= 0x04  # one flipped bit in the middle of the data
    (tmp_path / "damaged.h5").write_bytes(bytes(damaged))
    with pytest.raises(OSError, match="checksum does not match"):
        sisim.read(tmp_path / "damaged.h5")
    (tmp_path / "edited.h5").write_bytes(good)
    with h5py.File(tmp_path / "edited.h5", "r+") as f:  # an edit on purpose: a note of the analyst's
        f.attrs["analyst_note"] = "checked against the ministry's example"
    with pytest.raises(OSError, match="truncated or corrupt result file"):
        sisim.read(tmp_path / "edited.h5")
    sisim.reseal(tmp_path / "edited.h5")
    assert sisim.read(tmp_path / "edited.h5").attrs["analyst_note"] == "checked against the ministry's example"


def test_temporary_results_are_removed_with_the_object(sisim):
    import gc
    import os
    sw = sisim.sweep(SCENARIO, grid={GAP: [0.1]}, paths=50, seed=1)
    path = sw.path
    assert os.path.exists(path)
    del sw
    gc.collect()
    assert not os.path.exists(path)
