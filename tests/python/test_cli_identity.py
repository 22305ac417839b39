"""The same seed gives the same bits from Python and from the command line, for every kind of
file: every dataset and attribute equal byte for byte, root attributes apart from created,
command_line and threads (which record the run itself). Python runs on 1 thread, the CLI on 2:
the engine's results do not depend on the thread count."""
from conftest import ROOT, SCENARIO, cli
from h5compare import differences

CASES = str(ROOT / "scenarios" / "stress" / "standard.yaml")
SWEEP = str(ROOT / "scenarios" / "sweeps" / "effect-by-price.yaml")


def test_run_matches_the_cli(sisim, tmp_path):
    cli("run", SCENARIO, "-o", tmp_path / "cli.h5", "--paths", 1500, "--seed", 7, "--threads", 2, "--quiet",
        "--set", "intervention.arm_coupling=0.3")
    s = sisim.load(SCENARIO, set={"intervention.arm_coupling": 0.3})
    sisim.run(s, paths=1500, seed=7, threads=1).write(tmp_path / "py.h5")
    assert differences(tmp_path / "cli.h5", tmp_path / "py.h5") == []


def test_differences_sees_a_changed_seed(sisim, tmp_path):
    """The comparison itself can fail: another seed differs."""
    cli("run", SCENARIO, "-o", tmp_path / "cli.h5", "--paths", 200, "--seed", 7, "--quiet")
    sisim.run(sisim.load(SCENARIO), paths=200, seed=8).write(tmp_path / "py.h5")
    diffs = differences(tmp_path / "cli.h5", tmp_path / "py.h5")
    assert any("root attributes" in d for d in diffs) and any("paths/investor/npv: values differ" in d for d in diffs)


def test_stress_matches_the_cli(sisim, tmp_path):
    cli("stress", SCENARIO, "--cases", CASES, "-o", tmp_path / "cli.h5", "--paths", 300, "--seed", 5, "--quiet")
    sisim.stress(SCENARIO, cases=CASES, paths=300, seed=5, threads=1, output=tmp_path / "py.h5")
    assert differences(tmp_path / "cli.h5", tmp_path / "py.h5") == []


def test_sweep_matches_the_cli(sisim, tmp_path):
    cli("sweep", SWEEP, "-o", tmp_path / "cli.h5", "--paths", 60, "--seed", 5, "--quiet")
    sisim.sweep(SWEEP, paths=60, seed=5, threads=1, output=tmp_path / "py.h5")
    assert differences(tmp_path / "cli.h5", tmp_path / "py.h5") == []


def test_sweep_from_python_data_matches_the_sweep_file(sisim, tmp_path):
    """The grid given as Python data is the shipped sweep file's grid: the same points and values."""
    cli("sweep", SWEEP, "-o", tmp_path / "cli.h5", "--paths", 60, "--seed", 5, "--quiet")
    grid = {"intervention.effect.employment_gap": [0.06, 0.11, 0.16, 0.21, 0.26],
            "contract.outcome_prices": {"scale": [0.6, 0.8, 1.0, 1.2, 1.4]}}
    py = sisim.sweep(SCENARIO, grid=grid, paths=60, seed=5)
    diffs = differences(tmp_path / "cli.h5", py.path)
    assert diffs == ["meta/sweep_yaml: strings differ"]  # the sweep text itself, and nothing else


def test_price_matches_the_cli(sisim, tmp_path):
    cli("price", SCENARIO, "-o", tmp_path / "cli.h5", "--paths", 150, "--seed", 5, "--quiet")
    sisim.price(SCENARIO, paths=150, seed=5, threads=1, output=tmp_path / "py.h5")
    assert differences(tmp_path / "cli.h5", tmp_path / "py.h5") == []
