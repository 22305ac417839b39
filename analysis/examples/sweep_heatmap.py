#!/usr/bin/env python3
"""Heat map of P(investor loss) over a two-dimensional sisim sweep grid.

Usage:  python3 sweep_heatmap.py SWEEP.h5 [OUTPUT.png] [METRIC]
        e.g. sisim sweep scenarios/sweeps/effect-by-price.yaml -o effect-by-price.h5
             python3 analysis/examples/sweep_heatmap.py effect-by-price.h5 heatmap.png
Needs:  h5py and matplotlib (Debian: apt-get install python3-h5py python3-matplotlib).

METRIC is any per-point vector under /sweep/summary (default investor/irr/p_loss, the investor's
probability of getting back less than it put in; try budgets/municipality/npv/mean).

Schema used (see docs/HDF5.md, section 5):
  /sweep/grid_shape            values per grid dimension, first dimension slowest
  /sweep attribute "columns"   the swept column names, in dimension order
  /sweep/points/<column>       the swept value at each point
  /sweep/summary/<metric>      one value per point, in point order
"""
import sys

import h5py
import matplotlib
matplotlib.use("Agg")  # write files, no display needed
import matplotlib.pyplot as plt
import numpy as np


def main(result_file, out_file="sweep_heatmap.png", metric="investor/irr/p_loss"):
    with h5py.File(result_file, "r") as f:
        shape = tuple(int(n) for n in f["/sweep/grid_shape"][...])
        columns = [c.decode() if isinstance(c, bytes) else c for c in f["/sweep"].attrs["columns"]]
        index = f["/sweep/points/index"][...]
        if len(shape) != 2 or f["/sweep"].attrs["kind"] != "grid" or index.size != shape[0] * shape[1]:
            sys.exit("a heat map needs a complete two-dimensional grid sweep (merge the slices first)")
        # Points are in C order (first dimension slowest): reshape gives [dim0, dim1].
        values = f[f"/sweep/summary/{metric}"][...].reshape(shape)
        x = f[f"/sweep/points/{columns[1]}"][...].reshape(shape)[0, :]
        y = f[f"/sweep/points/{columns[0]}"][...].reshape(shape)[:, 0]
        paths = int(f.attrs["paths"])

    is_probability = metric.endswith("p_loss")
    shown = 100 * values if is_probability else values
    fig, ax = plt.subplots(figsize=(7, 5))
    image = ax.imshow(shown, origin="lower", aspect="auto", cmap="RdYlGn_r" if is_probability else "viridis")
    ax.set_xticks(range(len(x)), [f"{v:g}" for v in x])
    ax.set_yticks(range(len(y)), [f"{v:g}" for v in y])
    ax.set_xlabel(columns[1])
    ax.set_ylabel(columns[0])
    for i in range(shape[0]):
        for j in range(shape[1]):
            text = f"{shown[i, j]:.0f} %" if is_probability else f"{shown[i, j]:.3g}"
            ax.text(j, i, text, ha="center", va="center", fontsize=8)
    fig.colorbar(image, label=("P(investor loss), %" if metric == "investor/irr/p_loss" else metric))
    ax.set_title(f"{metric} ({paths} paths per point, common random numbers)")
    fig.tight_layout()
    fig.savefig(out_file, dpi=120)
    print(f"written: {out_file}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
