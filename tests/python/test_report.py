"""sisim.report writes the page `sisim report` writes, byte for byte, for a run and a stress file,
and refuses what the command refuses (an existing output without force, a file that is not a
sisim result)."""
import pytest

from conftest import ROOT, SCENARIO, cli

CASES = str(ROOT / "scenarios" / "stress" / "standard.yaml")


@pytest.mark.parametrize("kind", ["run", "stress"])
def test_report_is_the_commands_page(sisim, tmp_path, kind):
    result = tmp_path / f"{kind}.h5"
    if kind == "run":
        cli("run", SCENARIO, "-o", result, "--paths", 300, "--seed", 3, "--quiet")
    else:
        cli("stress", SCENARIO, "--cases", CASES, "-o", result, "--paths", 100, "--seed", 3, "--quiet")
    cli("report", result, "-o", tmp_path / "cli.html")
    assert sisim.report(result, tmp_path / "py.html") == tmp_path / "py.html"
    page = (tmp_path / "py.html").read_bytes()
    assert page == (tmp_path / "cli.html").read_bytes()
    assert b"<html" in page[:200].lower()


def test_report_refuses_what_the_command_refuses(sisim, tmp_path):
    result = tmp_path / "r.h5"
    cli("run", SCENARIO, "-o", result, "--paths", 100, "--seed", 3, "--quiet")
    out = tmp_path / "r.html"
    out.write_text("keep me")
    with pytest.raises(OSError):
        sisim.report(result, out)
    assert out.read_text() == "keep me"
    sisim.report(result, out, force=True)
    assert out.read_text() != "keep me"
    foreign = tmp_path / "not.h5"
    foreign.write_bytes(b"plain text, not HDF5")
    with pytest.raises(OSError):
        sisim.report(foreign, tmp_path / "f.html")
    assert not (tmp_path / "f.html").exists()
