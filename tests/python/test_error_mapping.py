"""The library's error kinds as Python exceptions (one mapping, python_error in
python/sisim_module.cpp): configuration -> sisim.ConfigError with located findings, an output that
cannot be written -> OSError, too little memory -> MemoryError."""
import os
import subprocess
import sys

import pytest

from conftest import BUILD, ROOT, SCENARIO


def test_configuration_findings_carry_file_line_and_column(sisim):
    with pytest.raises(sisim.ConfigError) as info:
        sisim.load(SCENARIO, set={"cohort.size": -1})
    assert isinstance(info.value, ValueError)
    file, line, column, message = info.value.errors[0]
    assert (file, line) == ("--set", 1) and column >= 1 and "cohort.size" in message


def test_an_existing_output_is_an_os_error(sisim, tmp_path):
    out = tmp_path / "t.h5"
    out.write_text("mine")
    with pytest.raises(OSError, match="exists"):
        sisim.tornado(SCENARIO, paths=20, output=out)
    assert out.read_text() == "mine"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="address-space limit via setrlimit")
def test_a_run_that_cannot_fit_in_memory_is_a_memory_error():
    # A cohort of 1e8 needs about 13 GB per thread; with 4 GB of address space the run is refused
    # before it starts (the command line's exit 74, FaultValues in tests/cli).
    program = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (4_000_000_000, 4_000_000_000))\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "import sisim\n"
        f"s = sisim.load({SCENARIO!r}, set={{'cohort.size': 100_000_000}})\n"
        "try:\n"
        "    sisim.run(s, paths=10, threads=1)\n"
        "except MemoryError as e:\n"
        "    print('MemoryError:', e)\n"
    )
    env = dict(os.environ, SISIM_BUILD_DIR=str(BUILD))
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "MemoryError: this run needs about" in done.stdout, done.stdout + done.stderr
