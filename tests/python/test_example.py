"""analysis/examples/sweep_regression.py runs from a clean process and finds what the contract
implies: investor NPV rises with the employment gap and with the job-start price (both raise
outcome payments to the investor)."""
import subprocess
import sys

from conftest import ROOT


def test_sweep_regression_example(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "analysis" / "examples" / "sweep_regression.py"),
                           str(tmp_path / "plot.png")], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    coef = {}
    for line in done.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] in ("intervention.effect.employment_gap", "contract.outcomes.0.price"):
            coef[parts[0]] = (float(parts[1]), float(parts[2]))
    for name, (b, se) in coef.items():
        assert b > 3 * se, (name, b, se)  # positive, more than 3 SE from 0
    assert len(coef) == 2
    assert "R^2" in done.stdout
    assert (tmp_path / "plot.png").exists() or "no plot" in done.stdout
