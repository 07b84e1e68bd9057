#!/usr/bin/env python3
"""Co-exploration of PIM crossbar size and network shape with `hwaware explore`.

Three spaces over the rram_128x128 preset's crossbar size (rows = cols = 128 .. 4096):
  1. the three Fashion-MNIST CNNs as given, evaluated at every size (which shape costs least where);
  2. and 3. NetAdapt run against every size with an energy budget of 70% and of 50% of the VGG-style
     CNN's energy there (trained once by `hwaware train`, 3,000 steps): which widths each size asks for;
  4. every shape of 1. to 3. evaluated at every size, with its weights' test accuracy: which shape wins
     where, and whether a shape found for one crossbar is still the best on another.
Writes docs/studies/coexplore.md and docs/studies/coexplore.png. `hwaware explore` journals every
finished point, so the script can be stopped and run again.
"""

import csv
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.environ.get("HWAWARE", os.path.join(ROOT, "build", "cli", "hwaware"))  # a copy may run while build/ changes
WORK = os.path.join(ROOT, "build", "study-coexplore")
DOC = os.path.join(ROOT, "docs", "studies", "coexplore.md")
FIG = os.path.join(ROOT, "docs", "studies", "coexplore.png")
NETS = ["fmnist_vgg", "fmnist_mobilenet", "fmnist_resnet"]
SIZES = [128, 256, 512, 1024, 2048, 4096]
BUDGETS = ["energy=70%", "energy=50%"]
SEARCH = "step: 0.15, short_steps: 20, long_steps: 300"


def net_file(name):
    return os.path.join(ROOT, "workloads", "networks", name + ".yaml")


def write_space(name, networks, search):
    path = os.path.join(WORK, name + ".yaml")
    lines = ["space:", f"  accelerator: {os.path.join(ROOT, 'arch', 'presets', 'rram_128x128.yaml')}", "  parameters:",
             f"    pim.crossbar.rows+pim.crossbar.cols: [{', '.join(map(str, SIZES))}]", "  networks:"]
    lines += [f"    - {{{n}}}" for n in networks]
    lines += [f"  search: {{{search}}}", ""]
    with open(path, "w") as f:
        f.write("\n".join(lines))
    return path


def explore(name, networks, search):
    out = os.path.join(WORK, name)
    space = write_space(name, networks, search)
    with open(out + ".log", "a") as log:
        rc = subprocess.run([HW, "explore", "--space", space, "--out", out, "--plot", os.path.join(out, "pareto.png")],
                            stdout=log, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        return None
    with open(os.path.join(out, "points.csv")) as f:
        rows = list(csv.DictReader(f))
    with open(os.path.join(out, "pareto.csv")) as f:
        front = {r["point"] for r in csv.DictReader(f)}
    for r in rows:
        r["front"] = r["point"] in front
        r["size"] = int(r["pim.crossbar.rows"])
    return rows


def widths(workload):
    """Output widths of the conv and fc layers of a workload file, in order."""
    out = []
    for line in open(workload):
        m = re.search(r"name: (\w+), type: (conv2d|fc),.*?(out_channels|out_features): (\d+)", line)
        if m:
            out.append(f"{m.group(1)}={m.group(4)}")
    return out


def weights():
    path = os.path.join(WORK, "vgg.weights")
    if not os.path.exists(path):
        other = os.path.join(ROOT, "build", "study-netadapt", "vgg.weights")
        if os.path.exists(other):
            shutil.copy(other, path)
        elif subprocess.run([HW, "train", "--workload", net_file("fmnist_vgg"), "--out", path, "--steps", "3000"]).returncode != 0:
            sys.exit("training failed")
    return path


def plot(given, adapted):
    import matplotlib  # Debian's python3-matplotlib: run with /usr/bin/python3 (scripts/study-coexplore does)
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    for net in NETS:
        rows = sorted([r for r in given if r["network"] == net], key=lambda r: r["size"])
        axes[0].plot([r["size"] for r in rows], [float(r["energy_pj"]) * 1e-6 for r in rows], "o-", label=net + " (as given)")
        axes[1].plot([r["size"] for r in rows], [float(r["latency_s"]) * 1e6 for r in rows], "o-", label=net + " (as given)")
    for budget, rows in adapted.items():
        rows = sorted(rows, key=lambda r: r["size"])
        axes[0].plot([r["size"] for r in rows], [float(r["energy_pj"]) * 1e-6 for r in rows], "s--", label=f"VGG, NetAdapt {budget}")
        axes[1].plot([r["size"] for r in rows], [float(r["latency_s"]) * 1e6 for r in rows], "s--", label=f"VGG, NetAdapt {budget}")
    for ax, what in zip(axes, ["energy per image (uJ)", "latency per image (us)"]):
        ax.set_xscale("log", base=2)
        ax.set_xlabel("crossbar rows = columns")
        ax.set_ylabel(what)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(FIG, dpi=110)


def cross_candidates(adapted):
    """Every shape: the VGG-style CNN as trained, the other CNNs as given (no weights: energy only), and each
    shape NetAdapt found, with the weights it fine-tuned (one entry for sizes that found the same widths)."""
    out = [{"label": "fmnist_vgg as trained", "workload": net_file("fmnist_vgg"), "weights": weights(), "found": ()}]
    out += [{"label": n + " as given", "workload": net_file(n), "weights": None, "found": ()} for n in NETS if n != "fmnist_vgg"]
    for budget, rows in adapted.items():
        work = os.path.join(WORK, "adapt-" + budget.replace("=", "").replace("%", ""))
        shapes = {}
        for r in sorted(rows, key=lambda r: r["size"]):
            final = os.path.join(work, r["network_file"])
            shapes.setdefault(tuple(widths(final)), []).append((r["size"], final))
        for found in shapes.values():
            sizes, final = [s for s, _ in found], found[0][1]
            out.append({"label": f"NetAdapt {budget} for " + ", ".join(f"{s}x{s}" for s in sizes), "workload": final,
                        "weights": final[:-len(".yaml")] + ".weights", "found": tuple((budget, s) for s in sizes)})
    return out


def cross(candidates):
    """Every candidate at every size. Points are numbered size-major, networks in space order."""
    rows = explore("cross", [f"workload: {c['workload']}" + (f", weights: {c['weights']}" if c["weights"] else "") for c in candidates],
                   "method: evaluate")
    if rows is None:
        return None
    for r in rows:
        r["label"] = candidates[int(r["point"]) % len(candidates)]["label"]
    return rows


def cross_section(candidates, rows, budgets):
    """Energy of every shape at every size; per size, the least energy among shapes whose accuracy is known
    and within 1 point of the trained VGG-style CNN's, and the accuracy-energy front."""
    labels = [c["label"] for c in candidates]
    at = {(r["label"], r["size"]): r for r in rows}
    base = float(at[(labels[0], SIZES[0])]["test_accuracy"])
    def ok(r):
        return r["test_accuracy"] != "" and float(r["test_accuracy"]) >= base - 0.01
    best = {s: min((at[(l, s)] for l in labels if ok(at[(l, s)])), key=lambda r: float(r["energy_pj"]))["label"] for s in SIZES}
    lines = ["## Every shape at every size", "",
             "Each network above, evaluated at every crossbar size (`build/study-coexplore/cross`). Energy per image in uJ; "
             f"**bold**: the least energy at that size among shapes within 1 point of the trained VGG-style CNN's test "
             f"accuracy ({100 * base:.2f}%). Accuracy is blank for the networks evaluated without weights.", "",
             "| shape | test accuracy (%) | " + " | ".join(f"{s}x{s}" for s in SIZES) + " |", "|---|---|" + "---|" * len(SIZES)]
    for l in labels:
        a = at[(l, SIZES[0])]["test_accuracy"]
        cells = [f"{float(at[(l, s)]['energy_pj']) * 1e-6:.3f}" for s in SIZES]
        cells = [f"**{c}**" if best[s] == l else c for c, s in zip(cells, SIZES)]
        lines.append(f"| {l} | {'' if a == '' else f'{100 * float(a):.2f}'} | " + " | ".join(cells) + " |")
    lines += ["", "Per size: the winner above, its energy over that of the shape NetAdapt found for that size at each budget, "
              "and the accuracy-energy Pareto front among the shapes with weights (no other shape is both more accurate and "
              "cheaper there), cheapest first.", "",
              "| crossbar | least energy within 1 point | its energy over that of the shape found for this size | accuracy-energy front |",
              "|---|---|---|---|"]
    for s in SIZES:
        own = [(b, c["label"]) for b in budgets for c in candidates if (b, s) in c["found"]]
        ratios = ", ".join(f"{b}: {float(at[(best[s], s)]['energy_pj']) / float(at[(l, s)]['energy_pj']):.3f}x" for b, l in own)
        known = [at[(l, s)] for l in labels if at[(l, s)]["test_accuracy"] != ""]
        front = [r for r in known if not any(dominates(o, r) for o in known)]
        front = "; ".join(f"{r['label']} ({100 * float(r['test_accuracy']):.2f}%, {float(r['energy_pj']) * 1e-6:.3f} uJ)"
                          for r in sorted(front, key=lambda r: float(r["energy_pj"])))
        lines.append(f"| {s}x{s} | {best[s]} | {ratios} | {front} |")
    return lines + [""]


def dominates(a, b):
    """a is at least as accurate and as cheap as b, and better in one."""
    aa, ab, ea, eb = float(a["test_accuracy"]), float(b["test_accuracy"]), float(a["energy_pj"]), float(b["energy_pj"])
    return aa >= ab and ea <= eb and (aa > ab or ea < eb)


def write_doc(given, adapted, cross_rows=None, candidates=None):
    lines = ["# Co-exploration: PIM crossbar size and network shape", "",
             "Generated by `scripts/study-coexplore` (do not edit by hand) with `hwaware explore` over the `rram_128x128`",
             "preset's crossbar size (rows = columns, 128 to 4096; the chip keeps its 16 tiles of 16 crossbars). Energy and",
             "latency per image come from the analytical PIM model at each size; spaces are in `build/study-coexplore/`.", "",
             "![energy and latency against crossbar size](coexplore.png)", "",
             "## The Fashion-MNIST CNNs as given", "",
             "| crossbar | " + " | ".join(f"{n} energy (uJ) / latency (us)" for n in NETS) + " | least energy |",
             "|---|" + "---|" * (len(NETS) + 1)]
    for size in SIZES:
        at = {r["network"]: r for r in given if r["size"] == size}
        if len(at) < len(NETS):
            continue
        best = min(at.values(), key=lambda r: float(r["energy_pj"]))
        lines.append(f"| {size}x{size} | " + " | ".join(f"{float(at[n]['energy_pj']) * 1e-6:.3f} / {float(at[n]['latency_s']) * 1e6:.2f}"
                                                    for n in NETS) + f" | {best['network']} |")
    lines.append("")
    for budget, rows in adapted.items():
        lines += [f"## NetAdapt against each size, budget {budget} (VGG-style CNN, `{SEARCH}`)", "",
                  "| crossbar | energy (uJ) | latency (us) | test accuracy (%) | MACs | widths NetAdapt chose | Pareto |", "|---|---|---|---|---|---|---|"]
        for r in sorted(rows, key=lambda r: r["size"]):
            w = widths(os.path.join(WORK, "adapt-" + budget.replace("=", "").replace("%", ""), r["network_file"]))
            lines.append(f"| {r['size']}x{r['size']} | {float(r['energy_pj']) * 1e-6:.3f} | {float(r['latency_s']) * 1e6:.2f} | "
                         f"{100 * float(r['test_accuracy']):.2f} | {int(r['macs']):,} | {' '.join(w)} | {'yes' if r['front'] else ''} |")
        lines.append("")
    if cross_rows:
        lines += cross_section(candidates, cross_rows, list(adapted))
    with open(DOC, "w") as f:
        f.write("\n".join(lines))


def main():
    """Arguments: `--budgets energy=70%,...` runs (and reports) only those budgets."""
    os.makedirs(WORK, exist_ok=True)
    budgets = sys.argv[2].split(",") if sys.argv[1:2] == ["--budgets"] else BUDGETS
    given = explore("given", [f"workload: {net_file(n)}" for n in NETS], "method: evaluate") or []
    adapted = {}
    for budget in budgets:
        rows = explore("adapt-" + budget.replace("=", "").replace("%", ""), [f"workload: {net_file('fmnist_vgg')}, weights: {weights()}"],
                       f"method: netadapt, budget: {budget}, {SEARCH}")
        if rows:
            adapted[budget] = rows
    candidates = cross_candidates(adapted)
    cross_rows = cross(candidates) if len(adapted) == len(BUDGETS) else None
    plot(given, adapted)
    write_doc(given, adapted, cross_rows, candidates)
    print(DOC)


if __name__ == "__main__":
    main()
