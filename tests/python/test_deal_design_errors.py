"""Errors of stress, sweep and price from Python: raised before anything runs, all at once, with
the line and column in the (temporary) file the Python data became."""
import pytest

from conftest import SCENARIO

GAP = "intervention.effect.employment_gap"


def test_sweep_with_bad_paths_names_each(sisim):
    with pytest.raises(sisim.ConfigError) as info:
        sisim.sweep(SCENARIO, grid={"intervention.effect.nonsense": [1, 2], "contract.nowhere": [3]}, paths=10)
    text = str(info.value)
    assert "sweep.yaml" in text and "nonsense" in text


def test_sweep_needs_exactly_one_design(sisim):
    with pytest.raises(ValueError, match="exactly one"):
        sisim.sweep(SCENARIO, grid={GAP: [0.1]}, latin_hypercube={"samples": 2, "parameters": {GAP: (0.1, 0.2)}})


def test_stress_case_errors_are_collected(sisim):
    cases = [{"name": "a", "shifts": [{"path": "intervention.nothing_here", "set": 1}]},
             {"name": "b", "shifts": [{"path": GAP, "scale": -5}]}]
    with pytest.raises(sisim.ConfigError) as info:
        sisim.stress(SCENARIO, cases=cases, paths=10)
    assert len(str(info.value).strip().split("\n")) >= 2  # both cases' errors, not just the first


def test_stress_without_cases_is_an_error(sisim, tmp_path):
    plain = tmp_path / "plain.yaml"
    plain.write_text(f"extends: {SCENARIO}\n")
    with pytest.raises(sisim.ConfigError, match="no stress cases"):
        sisim.stress(plain, paths=10)


def test_existing_output_is_refused_without_force(sisim, tmp_path):
    out = tmp_path / "s.h5"
    out.write_text("keep me")
    with pytest.raises(OSError, match="exists"):
        sisim.sweep(SCENARIO, grid={GAP: [0.1]}, paths=10, output=out)
    with pytest.raises(OSError, match="exists"):
        sisim.stress(SCENARIO, cases=[{"name": "x", "shifts": [{"path": GAP, "scale": 0.5}]}], paths=10,
                     output=out)
    with pytest.raises(OSError, match="exists"):
        sisim.price(SCENARIO, paths=10, output=out)
    assert out.read_text() == "keep me"
