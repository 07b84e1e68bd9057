"""The PIM crossbar-size study's plots: energy per MAC, latency and utilization against the crossbar
size, and energy per MAC stacked by kind (docs/studies/pim-array-size/*.png).
"""

import os

from pim_study_runs import NETS, ROOT, SETTINGS, SIZES
from plot_sweep import KINDS, LABELS

FIGS = os.path.join(ROOT, "docs", "studies", "pim-array-size")


def plots(D):
    """energy-latency-utilization.png (one row per chip setting) and breakdown.png (energy per MAC by kind)."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    os.makedirs(FIGS, exist_ok=True)
    plot_lines(D, plt)
    plot_breakdown(D, plt)


def plot_lines(D, plt):
    """Energy per MAC, latency and utilization against the crossbar size, digital as dashed lines."""
    xs = [str(s) for s in SIZES]
    fig, axes = plt.subplots(len(SETTINGS), 3, figsize=(15, 4.2 * len(SETTINGS)))
    for row, (setting, label) in zip(axes, SETTINGS):
        for net, name in NETS:
            pts = [D["pim"][setting][net][s] for s in SIZES]
            gone = [k for k, s in enumerate(SIZES) if not D["info"][setting][net][s]["resident"]]
            line = row[0].plot(xs, [p["energy"] / p["macs"] for p in pts], marker="o", label=name + " PIM")[0]
            row[0].axhline(D["digital"][net]["energy"] / D["digital"][net]["macs"], linestyle="--", color=line.get_color(),
                           label=name + " digital")
            row[1].plot(xs, [p["latency"] * 1e3 for p in pts], marker="o", color=line.get_color(), label=name + " PIM")
            row[1].axhline(D["digital"][net]["latency"] * 1e3, linestyle="--", color=line.get_color(), label=name + " digital")
            row[2].plot(xs, [p["utilization"] for p in pts], marker="o", color=line.get_color(), label=name)
            for ax, f in [(row[0], lambda p: p["energy"] / p["macs"]), (row[1], lambda p: p["latency"] * 1e3)]:
                if gone:
                    ax.plot([xs[k] for k in gone], [f(pts[k]) for k in gone], linestyle="none", marker="x", markersize=12,
                            color="black", label="weights reprogrammed" if net == NETS[0][0] else None)
        for ax, ylabel in zip(row, ["energy per MAC (pJ)", "latency (ms)", "crossbar utilization"]):
            ax.set_xlabel("crossbar rows = cols")
            ax.set_ylabel(ylabel)
            ax.set_title(label + (" (%d mm^2)" % D["area_mm2"] if setting == "area" else ""))
            ax.legend(fontsize=7)
        for ax in row[:2]:  # log where the values span more than a factor 5
            lo, hi = ax.dataLim.y0, ax.dataLim.y1
            if lo > 0 and hi / lo > 5:
                ax.set_yscale("log")
        row[2].set_ylim(0, 1)
    fig.tight_layout()
    fig.savefig(os.path.join(FIGS, "energy-latency-utilization.png"), dpi=90)
    plt.close(fig)


def plot_breakdown(D, plt):
    """Energy per MAC stacked by kind; bars of reprogrammed weights are cut, their total written on them."""
    import matplotlib.patches
    xs = [str(s) for s in SIZES]
    fig, axes = plt.subplots(len(SETTINGS), len(NETS), figsize=(13, 4.2 * len(SETTINGS)))
    for row, (setting, label) in zip(axes, SETTINGS):
        for ax, (net, name) in zip(row, NETS):
            pts = [D["digital"][net]] + [D["pim"][setting][net][s] for s in SIZES]
            kept = [D["digital"][net]] + [D["pim"][setting][net][s] for s in SIZES if D["info"][setting][net][s]["resident"]]
            top = 1.2 * max(p["energy"] / p["macs"] for p in kept)
            bottom = [0.0] * len(pts)
            for k in KINDS:
                v = [p["kinds"][k] / p["macs"] for p in pts]
                if any(v):
                    ax.bar(["digital"] + xs, v, bottom=bottom, label=LABELS[k], color="C%d" % KINDS.index(k))
                    bottom = [b + x for b, x in zip(bottom, v)]
            for k, b in enumerate(bottom):
                if b > top:
                    ax.text(k, 0.97 * top, "%.1f" % b, ha="center", va="top", fontsize=8)
            ax.set_ylim(0, top)
            cut = any(b > top for b in bottom)
            ax.set_title("%s, %s%s" % (name, label, " (bars cut: weights reprogrammed)" if cut else ""))
            ax.set_xlabel("crossbar rows = cols")
            ax.set_ylabel("energy per MAC (pJ)")
    handles = [matplotlib.patches.Patch(color="C%d" % i, label=LABELS[k]) for i, k in enumerate(KINDS)]
    fig.legend(handles=handles, loc="center right", fontsize=8)
    fig.tight_layout(rect=[0, 0, 0.86, 1])
    fig.savefig(os.path.join(FIGS, "breakdown.png"), dpi=90)
    plt.close(fig)
