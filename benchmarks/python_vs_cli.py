#!/usr/bin/env python3
"""Python module against the command line: wall time of the same run, and memory of the columns.

    python3 benchmarks/python_vs_cli.py [PATHS] [REPEATS]     (from the project root; 100000, 3)

Times `build/sisim run SCENARIO -o OUT --paths N --seed 1 --quiet` and, in this process,
`sisim.run(load(SCENARIO), paths=N, seed=1)` followed by `.write(OUT)` (the same work: load, run,
summary, file), alternating, REPEATS times each; prints the medians and their ratio. Memory: the
process's resident set size (RSS, /proc/self/statm) before and after taking every per-path column
as numpy arrays, against the size of the columns (paths x columns x 8 bytes): a copy would add the
latter.
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
import numpy as np  # noqa: E402

import sisim  # noqa: E402

SCENARIO = str(ROOT / "scenarios" / "herning-viborg.yaml")
BINARY = os.environ.get("SISIM_BINARY", str(ROOT / os.environ.get("SISIM_BUILD_DIR", "build") / "sisim"))


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def main():
    paths = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    tmp = tempfile.mkdtemp(prefix="sisim-bench-")
    cli_times, py_times, py_run_times = [], [], []
    for i in range(repeats):
        out = os.path.join(tmp, f"cli{i}.h5")
        t0 = time.perf_counter()
        subprocess.run([BINARY, "run", SCENARIO, "-o", out, "--paths", str(paths), "--seed", "1", "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        cli_times.append(time.perf_counter() - t0)
        os.remove(out)
        out = os.path.join(tmp, f"py{i}.h5")
        t0 = time.perf_counter()
        r = sisim.run(sisim.load(SCENARIO), paths=paths, seed=1)
        t1 = time.perf_counter()
        r.write(out)
        py_times.append(time.perf_counter() - t0)
        py_run_times.append(t1 - t0)
        os.remove(out)
        del r
    cli, py = statistics.median(cli_times), statistics.median(py_times)
    print(f"{paths} paths, seed 1, {repeats} runs each, threads = all cores ({os.cpu_count()})")
    print(f"CLI  sisim run (load, run, summary, write)      median {cli:7.2f} s   {[round(t, 2) for t in cli_times]}")
    print(f"Python sisim.run + write (the same work)        median {py:7.2f} s   {[round(t, 2) for t in py_times]}")
    print(f"Python sisim.run alone (no file)                median {statistics.median(py_run_times):7.2f} s")
    print(f"Python / CLI = {py / cli:.3f} (issue 17 asks for <= 1.10)")

    r = sisim.run(sisim.load(SCENARIO), paths=paths, seed=1)
    specs = r._core.column_specs()
    column_bytes = len(specs) * paths * 8
    before = rss_bytes()
    columns = r.columns
    total = sum(float(np.nansum(a)) for a in columns.values())  # read every array
    after = rss_bytes()
    print(f"columns: {len(specs)} x {paths} x 8 bytes = {column_bytes / 1e6:.1f} MB; RSS before taking them "
          f"{before / 1e6:.1f} MB, after {after / 1e6:.1f} MB: +{(after - before) / 1e6:.2f} MB "
          f"({(after - before) / column_bytes:.1%} of one copy); checksum {total:.6g}")
    print(f"copy owned by numpy: {any(a.flags.owndata for a in columns.values())}")


if __name__ == "__main__":
    main()
