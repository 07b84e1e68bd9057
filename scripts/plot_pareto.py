#!/usr/bin/env python3
"""The points of an `hwaware explore` and their Pareto front over (accuracy, energy, latency, area).

Reads points.csv and pareto.csv and draws energy against latency (marker size: area) and, when the
points have accuracies, test accuracy against energy; points on the front are filled and labelled
with their parameters. Energies are in the unit points.csv names (energy_pj: pJ, drawn in uJ;
energy_mace: MACe, one MAC's energy for the normalized Eyeriss table, drawn in millions). Needs
only Debian's python3-matplotlib.

Exit status: 0 drawn, 2 bad arguments or unreadable inputs, 3 matplotlib missing (the CLI turns
this into an install hint).
"""

import argparse
import csv
import sys

FIXED = ["network", "method", "test_accuracy", "energy_pj", "energy_mace", "latency_s", "area_um2", "macs", "weights", "network_file"]


def read(path):
    with open(path, newline="") as f:
        reader = csv.DictReader(f)
        return reader.fieldnames, list(reader)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("points")
    ap.add_argument("pareto")
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    try:
        fields, points = read(args.points)
        _, front = read(args.pareto)
    except (OSError, csv.Error) as e:
        print(f"plot_pareto.py: {e}", file=sys.stderr)
        return 2
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return 3
    params = [f for f in fields if f not in FIXED and f != "point"]
    energy, energy_label = ("energy_pj", "energy (uJ)") if "energy_pj" in fields else ("energy_mace", "energy (million MACe)")
    on_front = {r["point"] for r in front}
    with_accuracy = any(r["test_accuracy"] for r in points)
    fig, axes = plt.subplots(1, 2 if with_accuracy else 1, figsize=(12 if with_accuracy else 6.5, 4.8), squeeze=False)
    areas = [float(r["area_um2"]) for r in points] or [1.0]
    scale = max(areas) or 1.0

    def label(r):
        return " ".join(f"{p.split('.')[-1]}={r[p]}" for p in params) + f" {r['network']}"

    for r in points:
        front_point = r["point"] in on_front
        size = 20 + 200 * float(r["area_um2"]) / scale
        style = dict(s=size, alpha=0.9 if front_point else 0.35, edgecolors="k" if front_point else "none")
        axes[0][0].scatter(float(r["latency_s"]) * 1e6, float(r[energy]) * 1e-6, **style)
        if front_point:
            axes[0][0].annotate(label(r), (float(r["latency_s"]) * 1e6, float(r[energy]) * 1e-6), fontsize=6)
        if with_accuracy and r["test_accuracy"]:
            axes[0][1].scatter(float(r[energy]) * 1e-6, 100 * float(r["test_accuracy"]), **style)
            if front_point:
                axes[0][1].annotate(label(r), (float(r[energy]) * 1e-6, 100 * float(r["test_accuracy"])), fontsize=6)
    axes[0][0].set_xlabel("latency (us)")
    axes[0][0].set_ylabel(energy_label)
    axes[0][0].set_title("every point (size: area); Pareto front outlined")
    if with_accuracy:
        axes[0][1].set_xlabel(energy_label)
        axes[0][1].set_ylabel("test accuracy (%)")
        axes[0][1].set_title("accuracy against energy")
    for ax in axes[0]:
        ax.grid(alpha=0.3)
    fig.tight_layout()
    fig.savefig(args.out, dpi=110)
    return 0


if __name__ == "__main__":
    sys.exit(main())
