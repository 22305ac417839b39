"""sisim.load: a validated scenario, or every configuration error at once as sisim.ConfigError."""
import pytest

from conftest import SCENARIO


def test_errors_carry_every_location_at_once(sisim, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"extends: {SCENARIO}\nsimulation: {{pathz: 10}}\nintervention: {{arm_coupling: 3}}\n")
    with pytest.raises(sisim.ConfigError) as info:
        sisim.load(bad)
    text = str(info.value)
    # Both errors, each as file:line:col; line 2 col 14 is `pathz`, line 3 col 30 the value 3.
    assert f"{bad}:2:14: error: unknown key 'pathz' in simulation (did you mean 'paths'?)" in text
    assert f"{bad}:3:30: error: intervention.arm_coupling: must be in [0, 1], got 3" in text
    assert [(e[1], e[2]) for e in info.value.errors] == [(2, 14), (3, 30)]
    assert isinstance(info.value, ValueError)


def test_missing_file_and_bad_override_are_config_errors(sisim, tmp_path):
    with pytest.raises(sisim.ConfigError, match="no-such.yaml"):
        sisim.load(tmp_path / "no-such.yaml")
    with pytest.raises(sisim.ConfigError, match=r"--set:1:.*arm_coupling"):
        sisim.load(SCENARIO, set={"intervention.arm_coupling": 2.5})


def test_scenario_stress_section_is_validated_like_sisim_validate(sisim, tmp_path):
    bad = tmp_path / "stress.yaml"
    bad.write_text(f"extends: {SCENARIO}\nstress:\n  cases:\n    - {{name: x, shifts: [{{path: intervention.dropout_hazard, sett: 1}}]}}\n")
    with pytest.raises(sisim.ConfigError, match=r"stress.yaml:4:\d+: error: unknown key 'sett'"):
        sisim.load(bad)


def test_overrides_reach_the_resolved_yaml(sisim, tmp_path):
    s = sisim.load(SCENARIO, set={"intervention.effect.employment_gap": 0.12, "simulation.paths": 1234})
    text = s.to_yaml()
    assert "employment_gap: 0.12" in text
    assert "paths: 1234" in text and s.paths == 1234
    assert s.name == "herning-viborg"
    # The resolved text is a scenario itself: loading it gives the same text back.
    again = tmp_path / "resolved.yaml"
    again.write_text(text)
    assert sisim.load(again).to_yaml() == text
