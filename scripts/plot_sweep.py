#!/usr/bin/env python3
"""Energy per MAC, latency and utilization of an `hwaware sweep` against its first swept key.

Reads sweep.csv (one row per point and layer, and a `total` row per point) and draws three
panels over the first key's values: energy per MAC stacked by kind (cli/sweep_points.h
kEnergyKinds: ADC, cells, accumulation -- shift-adds and partial sums --, periphery -- row
drivers, switch matrices, multiplexers --, MAC, activation movement, weight movement, leakage),
latency in seconds and utilization. Each point's figures are summed from its layer rows
(utilization weighted by cycles), so they do not rest on the total row. Energies are in the unit sweep.csv's columns name (energy_adc_pj: pJ; energy_adc_mace:
MACe, one MAC's energy, for the normalized Eyeriss table). Several keys swept together (KEY1+KEY2) share the first key's axis; other swept keys
must be fixed (one value) for the plot. Needs only Debian's python3-matplotlib.

Exit status: 0 drawn, 2 bad arguments or unreadable inputs, 3 matplotlib missing (the CLI turns
this into an install hint).
"""

import argparse
import csv
import sys

KINDS = ["adc", "cells", "accumulation", "periphery", "mac", "activation_movement", "weight_movement", "leakage"]
LABELS = {"adc": "ADC", "cells": "cells", "accumulation": "accumulation", "periphery": "periphery", "mac": "MAC",
          "activation_movement": "activation movement", "weight_movement": "weight movement", "leakage": "leakage"}


def unit_of(fields):
    """The energy unit the columns are in: pj or mace (energy_<kind>_<unit>)."""
    for unit in ("pj", "mace"):
        if "energy_adc_" + unit in fields:
            return unit
    raise KeyError("energy_adc_pj or energy_adc_mace")


def totals(path):
    """The first key's name, the energy unit and, per point, (x, energy per MAC by kind, latency in s,
    utilization) summed from the point's layer rows, in file order."""
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        key = reader.fieldnames[0]
        unit = unit_of(reader.fieldnames)
        # A point is the values of every column before `layer` (the swept keys).
        keys = reader.fieldnames[:reader.fieldnames.index("layer")]
        sums = {}
        for row in reader:
            if row["layer"] == "total":
                continue
            point = tuple(row[k] for k in keys)
            s = sums.setdefault(point, {"x": row[key], "macs": 0.0, "latency": 0.0, "busy": 0.0,
                                        "energy": dict.fromkeys(KINDS, 0.0)})
            latency = float(row["latency_s"])
            s["macs"] += float(row["macs"])
            s["latency"] += latency
            s["busy"] += latency * float(row["utilization"])
            for k in KINDS:
                s["energy"][k] += float(row["energy_%s_%s" % (k, unit)])
    points = []
    for s in sums.values():
        macs = s["macs"] or 1.0
        points.append((s["x"], {k: e / macs for k, e in s["energy"].items()}, s["latency"],
                       s["busy"] / s["latency"] if s["latency"] else 0.0))
    return key, unit, points


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sweep", required=True, help="sweep.csv written by hwaware sweep")
    parser.add_argument("--out", required=True, help="PNG to write")
    args = parser.parse_args()
    try:
        key, unit, points = totals(args.sweep)
    except (OSError, KeyError, ValueError) as e:
        print("plot_sweep.py: cannot read %s: %s" % (args.sweep, e), file=sys.stderr)
        return 2
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return 3
    xs = [p[0] for p in points]
    fig, (ax_e, ax_l, ax_u) = plt.subplots(1, 3, figsize=(15, 4.5))
    bottom = [0.0] * len(points)
    for k in KINDS:
        values = [p[1][k] for p in points]
        if any(values):
            ax_e.bar(xs, values, bottom=bottom, label=LABELS[k])
            bottom = [b + v for b, v in zip(bottom, values)]
    ax_e.set_ylabel("energy per MAC (%s)" % ("pJ" if unit == "pj" else "MACe"))
    ax_e.legend(fontsize=8)
    ax_l.plot(xs, [p[2] for p in points], marker="o")
    ax_l.set_ylabel("latency (s)")
    ax_u.plot(xs, [p[3] for p in points], marker="o")
    ax_u.set_ylabel("utilization")
    ax_u.set_ylim(0, 1)
    for ax in (ax_e, ax_l, ax_u):
        ax.set_xlabel(key)
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main())
