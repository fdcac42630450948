#!/usr/bin/env python3
"""gasbuffer vs linopy + HiGHS on the identical dispatch LP.

Runs the `lp_dump` example of gas-model (synthetic Europe instance, perfect
foresight, fill curves ignored: one LP), which times gasbuffer's build + solve
with its network simplex and dumps the LP (a node-arc network: each column an
arc from row `col_from` to row `col_to`, -1 meaning the ground). This script then
builds the same LP in linopy (variables with bounds, one balance constraint per
row: inflow - outflow in [row_lower, row_upper], costs as objective), solves it
with HiGHS, and reports both times, their ratio and both objectives.

    pip install linopy highspy
    python3 tools/bench/linopy_compare.py [--days 456] [--gasbuffer-bin PATH]
"""
import argparse
import json
import os
import subprocess
import sys
import time

import numpy as np


def run_gasbuffer(days, out, binary=None):
    if binary:
        cmd = [binary, "--days", str(days), "--out", out]
    else:
        cmd = ["cargo", "run", "--quiet", "--release", "-p", "gas-model", "--example", "lp_dump",
               "--", "--days", str(days), "--out", out]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    values = dict(line.split("=", 1) for line in text.split() if "=" in line)
    return float(values["gasbuffer_seconds"]), float(values["gasbuffer_objective"])


def as_array(values, fill):
    return np.array([fill if v is None else v for v in values], dtype=float)


def build_and_solve(dump):
    import linopy
    import xarray as xr

    t0 = time.perf_counter()
    lower = as_array(dump["col_lower"], -np.inf)
    upper = as_array(dump["col_upper"], np.inf)
    cost = as_array(dump["col_cost"], 0.0)
    src = np.array(dump["col_from"], dtype=np.int64)
    dst = np.array(dump["col_to"], dtype=np.int64)
    rlo = as_array(dump["row_lower"], -np.inf)
    rup = as_array(dump["row_upper"], np.inf)
    n_cols, n_rows = len(cost), len(rlo)

    m = linopy.Model()
    cols = xr.DataArray(np.arange(n_cols), dims="arc")
    x = m.add_variables(lower=xr.DataArray(lower, coords=[cols.values], dims="arc"),
                        upper=xr.DataArray(upper, coords=[cols.values], dims="arc"), name="x")
    # Each row's terms: +1 for arcs entering it, -1 for arcs leaving it, padded with -1 vars.
    entries_row = np.concatenate([dst[dst >= 0], src[src >= 0]])
    entries_col = np.concatenate([np.nonzero(dst >= 0)[0], np.nonzero(src >= 0)[0]])
    entries_coef = np.concatenate([np.ones((dst >= 0).sum()), -np.ones((src >= 0).sum())])
    order = np.lexsort((entries_col, entries_row))
    entries_row, entries_col, entries_coef = entries_row[order], entries_col[order], entries_coef[order]
    counts = np.bincount(entries_row, minlength=n_rows)
    width = int(counts.max()) if n_rows else 0
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]])
    slot = np.arange(len(entries_row)) - starts[entries_row]
    vars_ = -np.ones((n_rows, width), dtype=np.int64)
    coeffs = np.zeros((n_rows, width))
    labels = x.labels.values
    vars_[entries_row, slot] = labels[entries_col]
    coeffs[entries_row, slot] = entries_coef
    ds = xr.Dataset({"coeffs": (("row", "_term"), coeffs), "vars": (("row", "_term"), vars_)},
                    coords={"row": np.arange(n_rows)})
    lhs = linopy.LinearExpression(ds, m)
    eq = rlo == rup
    rows = xr.DataArray(np.arange(n_rows), dims="row")
    if eq.any():
        m.add_constraints(lhs.sel(row=np.nonzero(eq)[0]) == xr.DataArray(rlo[eq], coords=[rows.values[eq]], dims="row"), name="balance")
    ge = (~eq) & np.isfinite(rlo)
    if ge.any():
        m.add_constraints(lhs.sel(row=np.nonzero(ge)[0]) >= xr.DataArray(rlo[ge], coords=[rows.values[ge]], dims="row"), name="lower")
    le = (~eq) & np.isfinite(rup)
    if le.any():
        m.add_constraints(lhs.sel(row=np.nonzero(le)[0]) <= xr.DataArray(rup[le], coords=[rows.values[le]], dims="row"), name="upper")
    m.add_objective((xr.DataArray(cost, coords=[cols.values], dims="arc") * x).sum())
    t_build = time.perf_counter() - t0
    status = m.solve(solver_name="highs", output_flag=False)
    t_total = time.perf_counter() - t0
    return t_build, t_total, m.objective.value + dump["offset"], status


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=456)
    ap.add_argument("--out", default=os.path.join("target", "lp_dump.json"))
    ap.add_argument("--gasbuffer-bin", help="a built lp_dump example binary (instead of cargo run)")
    args = ap.parse_args()
    os.makedirs(os.path.dirname(args.out) or ".", exist_ok=True)
    g_seconds, g_objective = run_gasbuffer(args.days, args.out, args.gasbuffer_bin)
    with open(args.out) as f:
        dump = json.load(f)
    t_build, t_total, objective, status = build_and_solve(dump)
    print(f"instance: synthetic Europe, {args.days} days, {dump['cols']} columns, {dump['rows']} rows")
    print(f"gasbuffer (network simplex) build+solve: {g_seconds:.3f} s, objective {g_objective:.3f} kEUR")
    print(f"linopy + HiGHS build: {t_build:.3f} s, build+solve: {t_total:.3f} s, objective {objective:.3f} kEUR ({status})")
    print(f"ratio linopy+HiGHS / gasbuffer: {t_total / g_seconds:.2f}x")
    rel = abs(objective - g_objective) / max(1.0, abs(g_objective))
    print(f"objective relative difference: {rel:.2e}")
    return 0 if rel < 1e-6 else 1


if __name__ == "__main__":
    sys.exit(main())
