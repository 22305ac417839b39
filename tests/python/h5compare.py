"""Dataset-by-dataset comparison of two HDF5 files, ignoring the root attributes that record the
run itself (created, command_line, threads): the Python test of "same seed => same bits"."""
import h5py
import numpy as np

RUN_RECORD = {"created", "command_line", "threads"}


def _attrs(obj):
    return {k: (v.tolist() if isinstance(v, np.ndarray) else v) for k, v in obj.attrs.items()}


def differences(a_path, b_path):
    """A list of what differs (empty: identical datasets, attributes and root attributes other
    than RUN_RECORD). Arrays are compared byte for byte (NaN payloads included)."""
    out = []
    with h5py.File(a_path, "r") as a, h5py.File(b_path, "r") as b:
        ra = {k: v for k, v in _attrs(a).items() if k not in RUN_RECORD}
        rb = {k: v for k, v in _attrs(b).items() if k not in RUN_RECORD}
        if ra != rb:
            out.append(f"root attributes: {ra} != {rb}")
        names_a, names_b = [], []
        a.visit(names_a.append)
        b.visit(names_b.append)
        if sorted(names_a) != sorted(names_b):
            out.append(f"objects differ: {sorted(set(names_a) ^ set(names_b))[:10]}")
        for name in sorted(set(names_a) & set(names_b)):
            x, y = a[name], b[name]
            if _attrs(x) != _attrs(y):
                out.append(f"{name}: attributes differ")
            if isinstance(x, h5py.Dataset):
                if x.dtype != y.dtype or x.shape != y.shape:
                    out.append(f"{name}: {x.dtype}{x.shape} != {y.dtype}{y.shape}")
                elif x.shape == () and x.dtype.kind == "O":
                    if x[()] != y[()]:
                        out.append(f"{name}: strings differ")
                elif np.asarray(x[()]).tobytes() != np.asarray(y[()]).tobytes():
                    out.append(f"{name}: values differ")
    return out
