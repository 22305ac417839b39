#!/usr/bin/env python3
"""Plot a sisim result file: the investor's IRR histogram and a fan chart of cumulative cash.

Usage:  python3 plot_results.py RESULT.h5 OUTPUT_FOLDER
Needs:  h5py and matplotlib (Debian: apt-get install python3-h5py python3-matplotlib).

Schema used (see docs/HDF5.md):
  /paths/investor/irr                   one value per path, annual, NaN where undefined
  /paths/budgets/<budget>/npv           one value per path
  /timeseries/investor/cumulative_cash  [months x 9] quantiles at 1,5,10,25,50,75,90,95,99 %
"""
import os
import sys

import h5py
import matplotlib
matplotlib.use("Agg")  # write files, no display needed
import matplotlib.pyplot as plt
import numpy as np


def main(result_file, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    with h5py.File(result_file, "r") as f:
        irr = f["/paths/investor/irr"][...]
        fan = f["/timeseries/investor/cumulative_cash"][...]
        budgets = list(f["/paths/budgets"]) if "/paths/budgets" in f else []
        npv = {b: f[f"/paths/budgets/{b}/npv"][...] for b in budgets}

    # IRR histogram. NaN marks paths without a defined IRR (e.g. total loss): count them, drop them.
    ok = irr[np.isfinite(irr)]
    print(f"{irr.size} paths, {irr.size - ok.size} without a defined IRR")
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.hist(100 * ok, bins=40, color="#0072B2")
    ax.axvline(0, color="#D55E00", linestyle="--", label="0 % (loss below)")
    ax.set_xlabel("Investor IRR (% per year)")
    ax.set_ylabel("Number of paths")
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(out_dir, "irr_histogram.png"), dpi=120)

    # Fan chart: columns 1, 3, 4, 5, 7 are the 5, 25, 50, 75 and 95 % quantiles per month.
    years = np.arange(fan.shape[0]) / 12.0
    fig, ax = plt.subplots(figsize=(8, 4))
    ax.fill_between(years, fan[:, 1] / 1e6, fan[:, 7] / 1e6, alpha=0.2, color="#0072B2", label="P5-P95")
    ax.fill_between(years, fan[:, 3] / 1e6, fan[:, 5] / 1e6, alpha=0.4, color="#0072B2", label="P25-P75")
    ax.plot(years, fan[:, 4] / 1e6, color="#003f66", label="median")
    ax.axhline(0, color="black", linewidth=0.8)
    ax.set_xlabel("Years from contract start")
    ax.set_ylabel("Investor cumulative cash (DKK million)")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(os.path.join(out_dir, "investor_fan.png"), dpi=120)

    # Budget NPVs: a one-line summary each (median and the middle 90 %).
    for b, v in npv.items():
        q5, q50, q95 = np.nanpercentile(v, [5, 50, 95])  # numpy's default = sisim's quantile definition
        print(f"NPV {b}: median {q50:,.0f}, 90 % between {q5:,.0f} and {q95:,.0f}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
