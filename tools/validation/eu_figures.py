#!/usr/bin/env python3
"""EU27 aggregate figures of a `gasbuffer run` output folder, for the comparison
with published 2022 analyses (docs/validation.md, "Published analyses").

Usage: python3 tools/validation/eu_figures.py OUT_DIR [--dates 2023-02-01,2023-03-31]
                                              [--window FROM:TO]...

Reads OUT_DIR/zones_daily.csv (see docs/outputs.md) and data/zones.csv
(`eu_member`), and prints for the EU27 zones taken together:
- the storage fill (sum of levels / sum of working gas, end of day) on each date;
- the minimum fill over the run and its date;
- mean LNG send-out and route imports into EU zones (GWh/d);
- demand, unserved demand and fuel switching (TWh and bcm at 10.55 TWh/bcm,
  the conversion of DESIGN.md) over the whole run and over each --window.
Standard library only.
"""

import csv
import sys
from collections import defaultdict
from pathlib import Path

TWH_PER_BCM = 10.55
SECTORS = ["households_services", "power", "industry", "other"]


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__)
        return 2
    out = Path(argv[0])
    dates, windows = [], []
    i = 1
    while i < len(argv):
        if argv[i] == "--dates":
            dates = [d for d in argv[i + 1].split(",") if d]
            i += 2
        elif argv[i] == "--window":
            start, end = argv[i + 1].split(":")
            windows.append((start, end))
            i += 2
        else:
            print(f"unknown argument {argv[i]!r}", file=sys.stderr)
            return 2
    repo = Path(__file__).resolve().parents[2]
    with open(repo / "data" / "zones.csv", newline="") as f:
        eu = {row["id"] for row in csv.DictReader(f) if row["eu_member"] == "true"}

    level = defaultdict(float)  # date -> TWh
    demand = defaultdict(float)  # date -> GWh
    unserved = defaultdict(float)
    switched = defaultdict(float)
    lng = defaultdict(float)  # date -> GWh/d of LNG send-out into EU zones
    routes = defaultdict(float)  # date -> GWh/d of route imports into EU zones
    with open(out / "zones_daily.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["zone"] not in eu:
                continue
            day = row["date"]
            if row["storage_fill_pct"]:
                level[day] += float(row["storage_level_twh"])
            demand[day] += sum(float(row[f"demand_{s}_gwh_d"]) for s in SECTORS)
            unserved[day] += sum(float(row[f"curtailed_{s}_gwh_d"]) for s in SECTORS)
            switched[day] += float(row["fuel_switched_gwh_d"])
            lng[day] += float(row["lng_sendout_gwh_d"])
            routes[day] += float(row["route_imports_gwh_d"])

    # Working gas per zone is constant in a run: take it from zones_summary.
    with open(out / "zones_summary.csv", newline="") as f:
        working_gas = sum(
            float(row["working_gas_twh"]) for row in csv.DictReader(f) if row["zone"] in eu
        )
    days = sorted(level)
    fill = {d: level[d] / working_gas for d in days}
    print(f"EU27 working gas {working_gas:.1f} TWh; run {days[0]} .. {days[-1]}")
    for d in dates:
        if d in fill:
            print(f"fill {d}: {100 * fill[d]:.1f} % ({level[d]:.0f} TWh)")
        else:
            print(f"fill {d}: outside the run")
    low = min(days, key=lambda d: fill[d])
    print(f"minimum fill: {100 * fill[low]:.1f} % on {low}")

    def totals(label, start, end):
        sel = [d for d in days if start <= d <= end]
        if not sel:
            print(f"{label} {start} .. {end}: outside the run")
            return
        dem = sum(demand[d] for d in sel) / 1000.0
        uns = sum(unserved[d] for d in sel) / 1000.0
        sw = sum(switched[d] for d in sel) / 1000.0
        print(
            f"{label} {start} .. {end}: mean EU LNG send-out {sum(lng[d] for d in sel) / len(sel):.0f} GWh/d, "
            f"mean route imports into the EU {sum(routes[d] for d in sel) / len(sel):.0f} GWh/d"
        )
        print(
            f"{label} {start} .. {end}: demand {dem:.0f} TWh ({dem / TWH_PER_BCM:.1f} bcm), "
            f"unserved {uns:.1f} TWh ({uns / TWH_PER_BCM:.1f} bcm), "
            f"fuel switched {sw:.1f} TWh ({sw / TWH_PER_BCM:.1f} bcm)"
        )

    totals("whole run", days[0], days[-1])
    for start, end in windows:
        totals("window", start, end)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
