"""Shared fixtures of the Python tests: the project root on sys.path (so `import sisim` finds the
package as it does from the project root), the CLI binary, and small runs reused across tests."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
BUILD = Path(os.environ.get("SISIM_BUILD_DIR", ROOT / "build"))
SCENARIO = str(ROOT / "scenarios" / "herning-viborg.yaml")


def cli(*args, check=True):
    """Runs build/sisim; returns the CompletedProcess."""
    binary = os.environ.get("SISIM_BINARY", str(BUILD / "sisim"))
    return subprocess.run([binary, *map(str, args)], capture_output=True, text=True, check=check)


@pytest.fixture(scope="session")
def sisim():
    import sisim as module
    return module


@pytest.fixture(scope="session")
def base(sisim):
    return sisim.load(SCENARIO)
