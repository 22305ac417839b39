#!/usr/bin/env python3
"""Heat map of one statistic over a two-dimensional sisim sweep grid.

Usage:  python3 sweep_heatmap.py SWEEP.h5 [OUTPUT.png] [METRIC]
        e.g. sisim sweep scenarios/sweeps/effect-by-price.yaml -o effect-by-price.h5
             python3 analysis/examples/sweep_heatmap.py effect-by-price.h5 heatmap.png
Needs:  h5py and matplotlib (Debian: apt-get install python3-h5py python3-matplotlib).

METRIC is <metric>/<stat> under /sweep/summary (default investor/irr/p_loss, the investor's
probability of a nominal loss: getting back less than it put in; try investor/irr/p50 or
budgets/municipality/npv/mean). An unknown METRIC is an error that lists the known ones.

Schema used (see docs/HDF5.md, section 5):
  /sweep/grid_shape            values per grid dimension, first dimension slowest
  /sweep attribute "columns"   the swept column names, in dimension order
  /sweep/points/<column>       the swept value at each point
  /sweep/summary/<metric>      one value per point, in point order (attribute "units")
"""
import sys

import h5py
import matplotlib
matplotlib.use("Agg")  # write files, no display needed
import matplotlib.pyplot as plt


def known_metrics(f):
    names = []
    f["/sweep/summary"].visit(lambda name: names.append(name)
                              if isinstance(f["/sweep/summary"][name], h5py.Dataset) else None)
    return sorted(names)


def describe(metric, units):
    """Title text and how to show one value: probabilities and rates in %, money in millions."""
    stat = metric.rsplit("/", 1)[-1]
    what = metric.rsplit("/", 1)[0].replace("/", " ")
    if stat.startswith("p_loss"):
        parts = metric.split("/")
        who = "investor" if parts[0] == "investor" else parts[1]
        event = "nominal loss" if parts[:2] in (["investor", "irr"], ["investor", "moic"]) else "NPV < 0"
        return f"P({who} {event}), %", 100.0, "{:.0f} %"
    if units == "1/year":
        return f"{what} {stat}, % a year", 100.0, "{:.1f} %"
    if units in ("", "1"):
        return f"{what} {stat} (x)", 1.0, "{:.2f}"
    return f"{what} {stat}, M {units}", 1e-6, "{:.1f} M"


def main(result_file, out_file="sweep_heatmap.png", metric="investor/irr/p_loss"):
    with h5py.File(result_file, "r") as f:
        if "/sweep/summary" not in f:
            sys.exit(f"{result_file}: not a sisim sweep file (no /sweep/summary)")
        if metric not in f["/sweep/summary"] or not isinstance(f["/sweep/summary"][metric], h5py.Dataset):
            sys.exit(f"unknown metric '{metric}'; the file has:\n  " + "\n  ".join(known_metrics(f)))
        shape = tuple(int(n) for n in f["/sweep/grid_shape"][...])
        columns = [c.decode() if isinstance(c, bytes) else c for c in f["/sweep"].attrs["columns"]]
        index = f["/sweep/points/index"][...]
        kind = f["/sweep"].attrs["kind"]
        kind = kind.decode() if isinstance(kind, bytes) else kind
        if len(shape) != 2 or kind != "grid" or index.size != shape[0] * shape[1]:
            sys.exit("a heat map needs a complete two-dimensional grid sweep (merge the slices first)")
        dataset = f[f"/sweep/summary/{metric}"]
        units = dataset.attrs.get("units", b"")
        units = units.decode() if isinstance(units, bytes) else str(units)
        # Points are in C order (first dimension slowest): reshape gives [dim0, dim1].
        values = dataset[...].reshape(shape)
        x = f[f"/sweep/points/{columns[1]}"][...].reshape(shape)[0, :]
        y = f[f"/sweep/points/{columns[0]}"][...].reshape(shape)[:, 0]
        paths = int(f.attrs["paths"])

    label, scale, cell = describe(metric, units)
    shown = scale * values
    fig, ax = plt.subplots(figsize=(7.5, 5.5))
    # cividis: perceptually uniform and readable with red-green colour blindness.
    image = ax.imshow(shown, origin="lower", aspect="auto", cmap="cividis")
    ax.set_xticks(range(len(x)), [f"{v:g}" for v in x])
    ax.set_yticks(range(len(y)), [f"{v:g}" for v in y])
    ax.set_xlabel(columns[1])
    ax.set_ylabel(columns[0])
    middle = (shown.min() + shown.max()) / 2
    for i in range(shape[0]):
        for j in range(shape[1]):
            ax.text(j, i, cell.format(shown[i, j]), ha="center", va="center", fontsize=8,
                    color="black" if shown[i, j] > middle else "white")
    fig.colorbar(image, label=label)
    ax.set_title(f"{label}\n({paths} paths per point, common random numbers)")
    fig.tight_layout()
    fig.savefig(out_file, dpi=120)
    print(f"written: {out_file}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(*sys.argv[1:4])
