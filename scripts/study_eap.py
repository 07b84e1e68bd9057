#!/usr/bin/env python3
"""Energy-aware pruning (EAP: Yang, Chen, Sze, CVPR 2017) against its baselines on the Fashion-MNIST
CNNs, on the Eyeriss-like preset that exploits sparse weights (arch/presets/eyeriss_sparse_weights.yaml).

For each network: trains the baseline once (`hwaware train`, 3,000 steps), then runs `hwaware prune`
with every method (eap; filter: whole filters of smallest L2 norm; magnitude: the largest weights,
no feature-map selection, no refit) at every tolerance, with the same schedule, fine-tuning and cost
oracle. Energies are in the preset's unit, MACe (one MAC's energy: the normalized Eyeriss table),
reported in millions (M MACe). Writes docs/studies/eap.md (per run: energy before and after, test accuracy before and after,
per-layer density and energy) and docs/studies/eap.png (test accuracy against energy). Runs that
already finished (their layers.csv exists) are reused.

    scripts/study-eap                                # every network, every method
    scripts/study-eap --methods eap,filter fmnist_vgg  # some
"""

import csv
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.environ.get("HWAWARE", os.path.join(ROOT, "build", "cli", "hwaware"))  # a copy may run while build/ changes
WORK = os.path.join(ROOT, "build", "study-eap")
DOC = os.path.join(ROOT, "docs", "studies", "eap.md")
FIG = os.path.join(ROOT, "docs", "studies", "eap.png")
ARCH = os.path.join(ROOT, "arch", "presets", "eyeriss_sparse_weights.yaml")
NETS = ["fmnist_vgg", "fmnist_mobilenet", "fmnist_resnet"]
METHODS = [("eap", "EAP"), ("filter", "filter-based"), ("magnitude", "magnitude")]
TOLERANCES = ["1%"]
PRUNE = ["--step", "0.1", "--short-steps", "50", "--long-steps", "2000"]


def run(args, log):
    with open(log, "w") as f:
        return subprocess.run([HW] + args, stdout=f, stderr=subprocess.STDOUT).returncode


def weights_of(net):
    path = os.path.join(WORK, net + ".weights")
    if os.path.exists(path):
        return path
    # The NetAdapt study trains the VGG-style CNN with the same command: reuse its weights.
    other = os.path.join(ROOT, "build", "study-netadapt", "vgg.weights")
    if net == "fmnist_vgg" and os.path.exists(other):
        shutil.copy(other, path)
        return path
    wl = os.path.join(ROOT, "workloads", "networks", net + ".yaml")
    if run(["train", "--workload", wl, "--out", path, "--steps", "3000"], os.path.join(WORK, net + "-train.log")) != 0:
        sys.exit(f"training {net} failed: see {WORK}/{net}-train.log")
    return path


def pruned(net, method, tolerance, start=True):
    """The run's results; a run not finished yet is started (or, with start=False, skipped)."""
    out = os.path.join(WORK, f"{net}-{method}-{tolerance.rstrip('%')}")
    table = os.path.join(out, "layers.csv")
    if not os.path.exists(table):
        if not start:
            return None
        wl = os.path.join(ROOT, "workloads", "networks", net + ".yaml")
        shutil.rmtree(out, ignore_errors=True)
        rc = run(["prune", "--arch", ARCH, "--workload", wl, "--weights", weights_of(net), "--tolerance", tolerance,
                  "--method", method, "--out", out] + PRUNE, out + ".log")
        if rc != 0:
            return None
    log = open(out + ".log").read().splitlines()
    acc = [l for l in log if l.startswith("holdout accuracy")][-1]
    test = acc.split("test accuracy ")[1].split(" after")[0].replace("%", "").split(" -> ")
    wall = [l for l in log if l.startswith("wall time")][-1].split()[2]
    with open(table) as f:
        rows = list(csv.DictReader(f))
    return {"rows": rows, "test_before": float(test[0]), "test_after": float(test[1]), "wall_s": float(wall)}


def plot(results):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    nets = sorted({k[0] for k in results}, key=NETS.index)
    fig, axes = plt.subplots(1, max(1, len(nets)), figsize=(5.5 * max(1, len(nets)), 4.2), squeeze=False)
    for ax, net in zip(axes[0], nets):
        first = True
        for (n, method, tol), r in sorted(results.items()):
            if n != net:
                continue
            total = r["rows"][-1]
            if first:
                ax.plot([float(total["energy_before_mace"]) * 1e-6], [r["test_before"]], "k*", markersize=12, label="unpruned")
                first = False
            marker = {"eap": "o", "filter": "s", "magnitude": "^"}[method]
            ax.plot([float(total["energy_after_mace"]) * 1e-6], [r["test_after"]], marker, markersize=8,
                    label=f"{dict(METHODS)[method]}, tolerance {tol}")
        ax.set_xlabel("energy per image on eyeriss_sparse_weights (M MACe)")
        ax.set_ylabel("test accuracy (%)")
        ax.set_title(net)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(FIG, dpi=110)


def output_errors(net, method, tol):
    """Per trial of the first pruned layer: (layer, density, output error after the refit), from the run's log."""
    out = []
    log = os.path.join(WORK, f"{net}-{method}-{tol.rstrip('%')}.log")
    for line in open(log):
        m = re.match(r"(\w+): density ([0-9.]+), output error [0-9.]+ -> ([0-9.]+) after refit", line)
        if m and (not out or out[0][0] == m.group(1)):
            out.append((m.group(1), float(m.group(2)), float(m.group(3))))
    return out


def error_table(net, runs):
    """EAP's and magnitude's relative output error on the first layer they prune, trial by trial."""
    tols = sorted({t for (n, m, t) in runs if m in ("eap", "magnitude")})
    if not tols or not all((net, m, tols[0]) in runs for m in ("eap", "magnitude")):
        return []
    eap, mag = output_errors(net, "eap", tols[0]), dict((d, e) for _, d, e in output_errors(net, "magnitude", tols[0]))
    lines = [f"### Output error of {eap[0][0]} per trial (sum of squared errors over the sampled outputs, relative to their sum of squares)", "",
             "| density | EAP (selection and refit) | magnitude |", "|---|---|---|"]
    lines += [f"| {d:.3f} | {e:.4f} | {mag[d]:.4f} |" for _, d, e in eap if d in mag]
    return lines + ["", "Each run reaches a trial from its own earlier trials, so the rows compare loosely.", ""]


def by_component(runs):
    """The network's energy by component (total rows of layers.csv): unpruned, then after each run."""
    first = next(iter(sorted(runs.items())))[1]["rows"][-1]
    comps = [k[:-len("_before_mace")] for k in first if k.endswith("_before_mace") and k != "energy_before_mace"]
    head = "| component | unpruned (M MACe) | " + " | ".join(f"{dict(METHODS)[m]}, {t} (M MACe)" for (n, m, t) in sorted(runs)) + " |"
    lines = ["### Energy by component, whole network", "", head, "|---|" + "---|" * (len(runs) + 1)]
    for c in comps:
        cells = [f"{float(r['rows'][-1][c + '_after_mace']) * 1e-6:.3f}" for _, r in sorted(runs.items())]
        lines.append(f"| {c} | {float(first[c + '_before_mace']) * 1e-6:.3f} | " + " | ".join(cells) + " |")
    lines.append("")
    for (n, m, t), r in sorted(runs.items()):
        saved = sorted(((float(first[c + "_before_mace"]) - float(r["rows"][-1][c + "_after_mace"])) * 1e-6, c) for c in comps)
        grew = [f"{c} ({-d:.2f} M MACe more)" for d, c in saved if d < -0.05]
        lines.append(f"{dict(METHODS)[m]} saves most in {saved[-1][1]} ({saved[-1][0]:.2f} M MACe), {saved[-2][1]} ({saved[-2][0]:.2f} M MACe) "
                     f"and {saved[-3][1]} ({saved[-3][0]:.2f} M MACe)" + (f"; it spends more in {', '.join(grew)}" if grew else "") + ".")
    lines += ["", "On this preset, pruning weights to a density gates the input reads and the MACs of its zero weights",
              "(ifmap_spad, mac) and moves only its non-zeros, with their run lengths, to and from DRAM; the weight",
              "scratchpad still reads every weight (a zero input, not a zero weight, gates that read) and the partial",
              "sums are updated in every MAC slot, so weights_spad and psum_spad cost what they did. Removing filters",
              "shrinks the layer's outputs and the next layer's inputs too, and the mapper maps the narrower shapes anew."]
    return lines + [""]


def energy_against(run, other):
    """'x.x% less energy' (or 'more') of one run's pruned network against another's."""
    d = 100 * (1 - float(run["rows"][-1]["energy_after_mace"]) / float(other["rows"][-1]["energy_after_mace"]))
    return f"{abs(d):.1f}% {'less' if d >= 0 else 'more'} energy", d


def summary(results):
    """One row per network: energy saved and test accuracy lost by each method, and EAP against the baseline."""
    nets = [n for n in NETS if any(k[0] == n for k in results)]
    tol = TOLERANCES[0]
    lines = [f"## Summary, tolerance {tol}", "",
             "| network | unpruned: M MACe, test % | " + " | ".join(f"{name}: energy saved, test points lost" for _, name in METHODS)
             + " | EAP against filter-based |", "|---|---|" + "---|" * (len(METHODS) + 1)]
    for net in nets:
        runs = {m: results.get((net, m, tol)) for m, _ in METHODS}
        first = next(r for r in runs.values() if r)
        before = float(first["rows"][-1]["energy_before_mace"])
        cells = []
        for m, _ in METHODS:
            r = runs[m]
            after = float(r["rows"][-1]["energy_after_mace"]) if r else None
            cells.append(f"{100 * (1 - after / before):.1f}%, {r['test_before'] - r['test_after']:.2f}" if r else "not run")
        e, f = runs["eap"], runs["filter"]
        vs = energy_against(e, f)[0] if e and f else ""
        lines.append(f"| {net} | {before * 1e-6:.2f}, {first['test_before']:.2f} | " + " | ".join(cells) + f" | {vs} |")
    return lines + [""]


def write_doc(results):
    lines = ["# Energy-aware pruning against its baselines", "",
             "Generated by `scripts/study-eap` (do not edit by hand). Each network is trained by `hwaware train` (3,000",
             "steps) and pruned by `hwaware prune` on `arch/presets/eyeriss_sparse_weights.yaml`, the Eyeriss-like preset",
             "priced as Sparseloop prices sparsity: weights and activations run-length coded in DRAM, a zero weight gates",
             "the input read and the MAC, a zero input the weight read (docs/formats.md, *Sparse formats, gating and",
             "skipping*). Every method runs the same schedule: layers highest energy first, each trial removes",
             "10% of the layer's weights (filters), a 50-step global fine-tune, a layer stops at the first trial whose",
             "holdout accuracy is more than the tolerance below the unpruned network's (that trial is undone), and a",
             "2,000-step final fine-tune. `" + " ".join(PRUNE) + "`.", "",
             "- **EAP**: the weights kept are those that best reproduce the layer's original output feature map",
             "  (magnitude first, then restore/remove pairs while the output error falls), refit by least squares.",
             "- **filter-based**: whole filters of smallest L2 norm go; the network narrows (dense).",
             "- **magnitude** (when run): the largest weights are kept, no refit (EAP without its two steps).", "",
             "Wall times are of runs on 2 cores that other jobs shared at times: they compare methods loosely.", "",
             "![test accuracy against energy](eap.png)", ""] + summary(results)
    for net in NETS:
        runs = {k: v for k, v in results.items() if k[0] == net}
        if not runs:
            continue
        lines += [f"## {net}", "", "| method | tolerance | energy before (M MACe) | energy after (M MACe) | saved | test accuracy before -> after (%) | wall time (s) |",
                  "|---|---|---|---|---|---|---|"]
        for (n, method, tol), r in sorted(runs.items()):
            t = r["rows"][-1]
            b, a = float(t["energy_before_mace"]), float(t["energy_after_mace"])
            lines.append(f"| {dict(METHODS)[method]} | {tol} | {b * 1e-6:.2f} | {a * 1e-6:.2f} | {100 * (1 - a / b):.1f}% | "
                         f"{r['test_before']:.2f} -> {r['test_after']:.2f} | {r['wall_s']:.0f} |")
        lines.append("")
        for (n, method, tol), r in sorted(runs.items()):
            lines += [f"### {dict(METHODS)[method]}, tolerance {tol}: per layer, in the order pruned", "",
                      "| layer | density after | trials | energy before (M MACe) | energy after (M MACe) | DRAM before -> after (M MACe) | MAC before -> after (M MACe) |",
                      "|---|---|---|---|---|---|---|"]
            for row in r["rows"][:-1]:
                lines.append(f"| {row['layer']} | {float(row['density_after']):.3f} | {row['trials']} | "
                             f"{float(row['energy_before_mace']) * 1e-6:.3f} | {float(row['energy_after_mace']) * 1e-6:.3f} | "
                             f"{float(row['DRAM_before_mace']) * 1e-6:.3f} -> {float(row['DRAM_after_mace']) * 1e-6:.3f} | "
                             f"{float(row['mac_before_mace']) * 1e-6:.3f} -> {float(row['mac_after_mace']) * 1e-6:.3f} |")
            lines.append("")
        lines += by_component(runs) + error_table(net, runs)
        eap = [r for (n, m, t), r in runs.items() if m == "eap"]
        base = [r for (n, m, t), r in runs.items() if m == "filter"]
        if eap and base:
            e, f = eap[0]["rows"][-1], base[0]["rows"][-1]
            lines.append(f"At tolerance {TOLERANCES[0]}, EAP leaves {float(e['energy_after_mace']) * 1e-6:.2f} M MACe "
                         f"({eap[0]['test_after']:.2f}%) and the filter-based baseline {float(f['energy_after_mace']) * 1e-6:.2f} M MACe "
                         f"({base[0]['test_after']:.2f}%): EAP's network takes {energy_against(eap[0], base[0])[0]}.")
            lines.append("")
        mag = [r for (n, m, t), r in runs.items() if m == "magnitude"]
        if eap and mag:
            g = mag[0]["rows"][-1]
            against, diff = energy_against(eap[0], mag[0])
            lines.append(f"Magnitude pruning (no feature-map selection, no refit) leaves {float(g['energy_after_mace']) * 1e-6:.2f} M MACe "
                         f"({mag[0]['test_after']:.2f}%): EAP's network takes {against}."
                         + ("" if diff >= 0 else " EAP reproduces each layer's outputs better after a trial (the output error above), "
                            "but after the global fine-tunes the holdout tolerance, not the output error, decides how far each layer goes."))
            lines.append("")
    with open(DOC, "w") as f:
        f.write("\n".join(lines))


def main():
    os.makedirs(WORK, exist_ok=True)
    args = sys.argv[1:]
    methods = [m for m, _ in METHODS]
    if args[:1] == ["--methods"]:
        methods = args[1].split(",")
        args = args[2:]
    nets = args or NETS
    results = {}
    for net in NETS:
        for method, _ in METHODS:
            for tol in TOLERANCES:
                asked = net in nets and method in methods
                if asked:
                    print(f"{net}: {method}, tolerance {tol}", file=sys.stderr)
                r = pruned(net, method, tol, start=asked)  # runs finished earlier are reported too
                if r:
                    results[(net, method, tol)] = r
    plot(results)
    write_doc(results)
    print(DOC)


if __name__ == "__main__":
    main()
