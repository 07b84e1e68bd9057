#!/usr/bin/env python3
"""Per-layer energy breakdown of an `hwaware eval` run as stacked bars by level class.

Reads the run's breakdown.csv (layer, component, ..., energy_pj or energy_mace) and stats.json
(its `energy_unit` says the unit: pJ, or MACe, one MAC's energy, for the normalized Eyeriss
table; its `area.components` list gives each component's class: DRAM, global buffer, NoC, register
files, MAC) and draws one bar per layer, stacked by class, as the energy figures of Sze et al.,
"Efficient Processing of Deep Neural Networks" (2020) do. Needs only Debian's python3-matplotlib.

Exit status: 0 drawn, 2 bad arguments or unreadable inputs, 3 matplotlib missing (the CLI turns
this into an install hint).
"""

import argparse
import csv
import json
import sys

CLASSES = ["DRAM", "global buffer", "NoC", "register files", "MAC", "other"]
COLORS = {
    "DRAM": "#4c72b0",
    "global buffer": "#55a868",
    "NoC": "#8172b2",
    "register files": "#dd8452",
    "MAC": "#c44e52",
    "other": "#937860",
}


def component_classes(stats):
    """Component name -> class, from stats.json (written by hwaware's report)."""
    classes = {}
    for c in stats.get("area", {}).get("components", []):
        classes[c["name"]] = c.get("class", "other")
    return classes


def energy_unit(stats):
    """The run's energy unit symbol and the breakdown.csv column holding energies in it."""
    symbol = stats.get("energy_unit", {}).get("symbol", "pJ")
    return symbol, "energy_" + symbol.lower()


def energy_by_class(rows, classes, column):
    """Layer order and, per layer, energy per class (in the run's unit)."""
    layers, energy = [], {}
    for r in rows:
        layer = r["layer"]
        if layer not in energy:
            layers.append(layer)
            energy[layer] = {c: 0.0 for c in CLASSES}
        cls = classes.get(r["component"], "other")
        energy[layer][cls if cls in CLASSES else "other"] += float(r[column] or 0)
    return layers, energy


def scale_of(largest, symbol):
    """Factor and unit that keep the largest bar between 1 and 1000: J to pJ, or k/M/G of another unit."""
    if symbol == "pJ":
        steps = ((1e12, "J"), (1e9, "mJ"), (1e6, "uJ"), (1e3, "nJ"))
    else:
        steps = ((1e9, "G" + symbol), (1e6, "M" + symbol), (1e3, "k" + symbol))
    for factor, unit in steps:
        if largest >= factor:
            return factor, unit
    return 1.0, symbol


def draw(layers, energy, symbol, title, out):
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError as e:
        print(f"plot_breakdown.py: matplotlib is not available ({e}); install python3-matplotlib", file=sys.stderr)
        sys.exit(3)
    used = [c for c in CLASSES if any(energy[l][c] > 0 for l in layers)]
    totals = [sum(energy[l].values()) for l in layers]
    factor, unit = scale_of(max(totals) if totals else 0, symbol)
    fig, ax = plt.subplots(figsize=(max(6.5, 0.45 * len(layers) + 3.5), 4.5))
    bottom = [0.0] * len(layers)
    x = list(range(len(layers)))
    for c in used:
        heights = [energy[l][c] / factor for l in layers]
        ax.bar(x, heights, bottom=bottom, color=COLORS[c], label=c, width=0.7)
        bottom = [b + h for b, h in zip(bottom, heights)]
    ax.set_xticks(x)
    extra = max(0.0, (4 - len(layers)) / 2)  # a lone bar stays bar-sized, centred
    ax.set_xlim(-0.6 - extra, len(layers) - 0.4 + extra)
    ax.set_xticklabels(layers, rotation=45 if len(layers) > 4 else 0, ha="right" if len(layers) > 4 else "center")
    ax.set_ylabel(f"energy ({unit})")
    ax.set_title(title, fontsize=10)
    handles, labels = ax.get_legend_handles_labels()  # top of the stack first, as drawn
    ax.legend(handles[::-1], labels[::-1], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    fig.tight_layout()
    fig.savefig(out, dpi=120)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--breakdown", required=True, help="breakdown.csv of an hwaware eval run")
    p.add_argument("--stats", required=True, help="stats.json of the same run")
    p.add_argument("--out", required=True, help="PNG file to write")
    a = p.parse_args()
    try:
        with open(a.breakdown, newline="") as f:
            rows = list(csv.DictReader(f))
        with open(a.stats) as f:
            stats = json.load(f)
    except (OSError, ValueError) as e:
        print(f"plot_breakdown.py: cannot read the run's outputs: {e}", file=sys.stderr)
        sys.exit(2)
    symbol, column = energy_unit(stats)
    if rows and column not in rows[0]:
        print(f"plot_breakdown.py: breakdown.csv has no {column} column (stats.json says energies are in {symbol})", file=sys.stderr)
        sys.exit(2)
    layers, energy = energy_by_class(rows, component_classes(stats), column)
    if not layers:
        print("plot_breakdown.py: breakdown.csv has no rows", file=sys.stderr)
        sys.exit(2)
    name = stats.get("network") or "workload"
    arch = stats.get("accelerator", {}).get("name") or "accelerator"
    draw(layers, energy, symbol, f"{name} on {arch}: energy by level", a.out)


if __name__ == "__main__":
    main()
