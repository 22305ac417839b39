"""ctest's entry to pytest (tests/CMakeLists.txt): runs the given test files; exit code 77, which
ctest reports as "skipped", when pytest is not installed or collects no tests (pytest's exit code
5), so a missing suite shows up as skipped rather than passing."""
import sys

try:
    import pytest
except ImportError:
    print("pytest is not installed (Debian: python3-pytest; scripts/install-deps.sh installs it)")
    sys.exit(77)

code = pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[1:]])
sys.exit(77 if code == pytest.ExitCode.NO_TESTS_COLLECTED else int(code))
