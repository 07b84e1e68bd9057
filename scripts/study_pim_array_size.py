#!/usr/bin/env python3
"""ResNet-152 and WRN-50-2: digital (Eyeriss-like) against analog PIM at crossbar sizes 128..4096.

Runs `hwaware eval` on a copy of arch/presets/eyeriss_like.yaml priced by the built-in estimators
at 32 nm (the PIM preset's node; the preset itself uses the normalized Eyeriss table, in units of
one MAC), and `hwaware sweep` on arch/presets/rram_128x128.yaml with crossbar rows = cols = 128,
256, 512, 1024, 2048, 4096. Writes docs/studies/pim-array-size.md (tables, plots, and which of the
seed's claims the numbers support, decided from the numbers by the tests below) and its PNGs.
"""

import csv
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.path.join(ROOT, "build", "cli", "hwaware")
WORK = os.path.join(ROOT, "build", "study-pim")
DOC = os.path.join(ROOT, "docs", "studies", "pim-array-size.md")
FIGS = os.path.join(ROOT, "docs", "studies", "pim-array-size")
NETS = [("resnet152", "ResNet-152"), ("wrn50_2", "WRN-50-2")]
SIZES = [128, 256, 512, 1024, 2048, 4096]
KINDS = ["adc", "dac", "cells", "shift_add", "mac", "activation_movement", "weight_movement", "leakage"]
PERIPHERALS = ["adc", "dac", "shift_add"]


def run(args):
    subprocess.run([HW] + args, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def digital_arch():
    """The Eyeriss-like preset priced by the estimators at 32 nm."""
    src = open(os.path.join(ROOT, "arch", "presets", "eyeriss_like.yaml")).read().splitlines()
    out = [l.replace("technology: 65nm", "technology: 32nm") for l in src if "energy_model:" not in l]
    path = os.path.join(WORK, "eyeriss_like_32nm.yaml")
    open(path, "w").write("\n".join(out) + "\n")
    return path


def kind_of(row):
    """The kind of a breakdown.csv row, as hwaware sweep classifies them."""
    if row["component"] == "mac":
        return "mac"
    if row["action"] == "leak":
        return "leakage"
    return "weight_movement" if row["tensor"] == "Weights" else "activation_movement"


def digital(net):
    out = os.path.join(WORK, "digital_" + net)
    run(["eval", "--arch", digital_arch(), "--workload", os.path.join(ROOT, "workloads", "networks", net + ".yaml"),
         "--out", out])
    total = [r for r in csv.DictReader(open(os.path.join(out, "summary.csv"))) if r["layer"] == "total"][0]
    kinds = dict.fromkeys(KINDS, 0.0)
    for r in csv.DictReader(open(os.path.join(out, "breakdown.csv"))):
        kinds[kind_of(r)] += float(r["energy_pj"])
    return {"macs": float(total["macs"]), "energy": float(total["energy_pj"]), "latency": float(total["latency_s"]),
            "kinds": kinds}


def pim(net):
    out = os.path.join(WORK, "pim_" + net)
    sizes = ",".join(str(s) for s in SIZES)
    run(["sweep", "--arch", os.path.join(ROOT, "arch", "presets", "rram_128x128.yaml"), "--workload",
         os.path.join(ROOT, "workloads", "networks", net + ".yaml"), "--set",
         "pim.crossbar.rows+pim.crossbar.cols=" + sizes, "--out", out])
    points = {}
    for r in csv.DictReader(open(os.path.join(out, "sweep.csv"))):
        if r["layer"] != "total":
            continue
        points[int(r["pim.crossbar.rows"])] = {
            "macs": float(r["macs"]), "energy": float(r["energy_pj"]), "latency": float(r["latency_s"]),
            "utilization": float(r["utilization"]), "kinds": {k: float(r["energy_%s_pj" % k]) for k in KINDS}}
    return points


def share(point, kinds):
    return sum(point["kinds"][k] for k in kinds) / point["energy"]


def plots(dig, pims):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    os.makedirs(FIGS, exist_ok=True)
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    for net, name in NETS:
        xs = [str(s) for s in SIZES]
        axes[0].plot(xs, [pims[net][s]["energy"] / pims[net][s]["macs"] for s in SIZES], marker="o", label=name + " PIM")
        axes[0].axhline(dig[net]["energy"] / dig[net]["macs"], linestyle="--", label=name + " digital")
        axes[1].plot(xs, [pims[net][s]["latency"] * 1e3 for s in SIZES], marker="o", label=name + " PIM")
        axes[1].axhline(dig[net]["latency"] * 1e3, linestyle="--", label=name + " digital")
        axes[2].plot(xs, [pims[net][s]["utilization"] for s in SIZES], marker="o", label=name)
    for ax, label in zip(axes, ["energy per MAC (pJ)", "latency (ms)", "crossbar utilization"]):
        ax.set_xlabel("crossbar rows = cols")
        ax.set_ylabel(label)
        ax.legend(fontsize=7)
    axes[0].set_yscale("log")
    fig.tight_layout()
    fig.savefig(os.path.join(FIGS, "energy-latency-utilization.png"), dpi=100)
    fig, axes = plt.subplots(1, 2, figsize=(13, 4.5))
    for ax, (net, name) in zip(axes, NETS):
        xs = ["digital"] + [str(s) for s in SIZES]
        pts = [dig[net]] + [pims[net][s] for s in SIZES]
        bottom = [0.0] * len(pts)
        for k in KINDS:
            v = [p["kinds"][k] / p["macs"] for p in pts]
            if any(v):
                ax.bar(xs, v, bottom=bottom, label=k.replace("_", " "))
                bottom = [b + x for b, x in zip(bottom, v)]
        ax.set_title(name)
        ax.set_ylabel("energy per MAC (pJ)")
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(FIGS, "breakdown.png"), dpi=100)


def claims(dig, pims):
    """Each seed claim, the numbers that test it, and whether they support it."""
    out = []
    resident = {net: [s for s in SIZES if pims[net][s]["kinds"]["cells"] > 0
                      and pims[net][s]["kinds"]["weight_movement"] < 0.05 * pims[net][s]["energy"]] for net, _ in NETS}
    # 1. Weight movement traded for activation movement.
    rows = []
    ok = True
    for net, name in NETS:
        d_w, d_a = share(dig[net], ["weight_movement"]), share(dig[net], ["activation_movement"])
        for s in resident[net] or SIZES:
            p_w, p_a = share(pims[net][s], ["weight_movement"]), share(pims[net][s], ["activation_movement"])
            ok = ok and p_w < d_w
            rows.append("%s at %d: weight movement %.1f%% (digital %.1f%%), activation movement %.1f%% (digital %.1f%%)"
                        % (name, s, 100 * p_w, 100 * d_w, 100 * p_a, 100 * d_a))
    out.append(("Weight-stationary PIM trades weight movement for activation movement", ok, rows,
                "compared where the weights stay on chip (they are reprogrammed every inference when the network "
                "does not fit the crossbars, and then weight movement dominates instead)"))
    # 2. ADC and activation movement dominate.
    rows, ok = [], True
    for net, name in NETS:
        for s in SIZES:
            p = pims[net][s]
            top = max(KINDS, key=lambda k: p["kinds"][k])
            both = share(p, ["adc", "activation_movement"])
            ok = ok and (s not in resident[net] or both > 0.5)
            rows.append("%s at %d: ADC %.1f%%, activation movement %.1f%%, largest: %s"
                        % (name, s, 100 * share(p, ["adc"]), 100 * share(p, ["activation_movement"]), top))
    out.append(("The ADC and activation movement dominate a PIM chip's energy", ok, rows,
                "tested where the weights stay on chip: ADC + activation movement above half of the energy"))
    # 3. Larger arrays amortize the peripherals, but utilization falls.
    rows, ok = [], True
    for net, name in NETS:
        per = [sum(pims[net][s]["kinds"][k] for k in PERIPHERALS) / pims[net][s]["macs"] for s in SIZES]
        util = [pims[net][s]["utilization"] for s in SIZES]
        ok = ok and all(a >= b for a, b in zip(per, per[1:])) and all(a >= b for a, b in zip(util, util[1:]))
        rows.append("%s: peripherals (ADC, DAC, shift-and-add) %s pJ/MAC; utilization %s"
                    % (name, " > ".join("%.3f" % x for x in per), " > ".join("%.3f" % x for x in util)))
    out.append(("Arrays from 128 to 4096 amortize the peripherals but utilization falls", ok, rows,
                "both must fall monotonically with the crossbar size"))
    # 4. Shallow and wide gains more on PIM than deep and narrow.
    rows, wins, wins_resident = [], 0, 0
    both = [s for s in SIZES if all(s in resident[net] for net, _ in NETS)]
    for s in SIZES:
        g = {net: dig[net]["energy"] / pims[net][s]["energy"] for net, _ in NETS}
        wins += g["wrn50_2"] > g["resnet152"]
        wins_resident += s in both and g["wrn50_2"] > g["resnet152"]
        rows.append("at %d%s: energy gain over digital (digital / PIM) ResNet-152 %.2fx, WRN-50-2 %.2fx"
                    % (s, " (weights on chip)" if s in both else "", g["resnet152"], g["wrn50_2"]))
    verdict = wins > len(SIZES) // 2
    if not verdict and both and wins_resident == len(both):
        verdict = "supported only where the weights stay on chip"
    out.append(("Shallow, wide networks (WRN-50-2) gain more on PIM than deep, narrow ones (ResNet-152)", verdict, rows,
                "WRN-50-2's gain must exceed ResNet-152's at most sizes (%d of %d here; %d of %d where both networks' "
                "weights stay on chip)" % (wins, len(SIZES), wins_resident, len(both))))
    return out


def table(dig, pims, net, name):
    lines = ["| accelerator | energy (mJ) | pJ/MAC | latency (ms) | utilization | ADC | DAC | cells | shift-add | activations | weights |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    d = dig[net]
    pct = lambda p, k: "%.0f%%" % (100 * p["kinds"][k] / p["energy"])
    lines.append("| Eyeriss-like (digital, 32 nm) | %.3f | %.3f | %.2f | - | - | - | - | - | %s | %s |"
                 % (d["energy"] * 1e-9, d["energy"] / d["macs"], d["latency"] * 1e3, pct(d, "activation_movement"),
                    pct(d, "weight_movement")))
    for s in SIZES:
        p = pims[net][s]
        lines.append("| PIM %d x %d | %.3f | %.3f | %.2f | %.3f | %s | %s | %s | %s | %s | %s |"
                     % (s, s, p["energy"] * 1e-9, p["energy"] / p["macs"], p["latency"] * 1e3, p["utilization"],
                        pct(p, "adc"), pct(p, "dac"), pct(p, "cells"), pct(p, "shift_add"), pct(p, "activation_movement"),
                        pct(p, "weight_movement")))
    return "\n".join(lines)


def main():
    os.makedirs(WORK, exist_ok=True)
    dig = {net: digital(net) for net, _ in NETS}
    pims = {net: pim(net) for net, _ in NETS}
    plots(dig, pims)
    md = ["# PIM crossbar size: ResNet-152 and WRN-50-2, digital against analog PIM", "",
          "Generated by `scripts/study-pim-array-size` (do not edit by hand). Digital: "
          "`arch/presets/eyeriss_like.yaml` priced by the built-in estimators at 32 nm (the preset itself "
          "uses the normalized Eyeriss table), every layer mapped by the mapper. PIM: "
          "`arch/presets/rram_128x128.yaml` (256 crossbars of 2-bit RRAM cells, 8-bit weights and inputs, 1-bit "
          "DACs, 8-bit ADCs shared by 8 columns, 32 nm) with rows = cols swept by `hwaware sweep`; the analytical "
          "backend (docs/pim.md). Energies in pJ are the models' estimates, not measurements; the two networks "
          "have about the same MACs (11.3 G and 11.4 G) and, per their papers, similar ImageNet accuracy.", "",
          "![energy, latency and utilization](pim-array-size/energy-latency-utilization.png)", "",
          "![energy breakdown](pim-array-size/breakdown.png)", ""]
    for net, name in NETS:
        md += ["## %s" % name, "", table(dig, pims, net, name), ""]
    md += ["## The seed's claims against these numbers", ""]
    for claim, ok, rows, how in claims(dig, pims):
        verdict = ok if isinstance(ok, str) else ("supported" if ok else "not supported")
        md += ["### %s: %s" % (claim, verdict), "", "Test: %s." % how, ""]
        md += ["- " + r for r in rows] + [""]
    md += ["## Why, and what the model leaves out", "",
           "- The PIM chip has 256 crossbars: ResNet-152's and WRN-50-2's weights fit only from 2048 x 2048 "
           "crossbars on; below, every layer's weights are read from DRAM and programmed into the crossbars every "
           "inference, and that weight movement dominates. A chip sized for the network (ISAAC-like: 16,128 "
           "crossbars) keeps them.",
           "- Peripherals amortize because one conversion serves a whole column: conversions per MAC fall as 1 / rows.",
           "- Where the weights must be reprogrammed, the deeper ResNet-152 has fewer weights per MAC to move "
           "(WRN-50-2's wide layers hold more weights for the same MACs), so it gains more; once the weights stay, "
           "WRN-50-2's wider layers fill the crossbars' columns better and its fewer, larger layers need fewer "
           "conversions per MAC, so it gains more, as the seed says.",
           "- Activations are read once per window element (im2col, no reuse between overlapping windows) and "
           "stay on chip; DRAM activation traffic is not modelled for PIM.",
           "- Latency is the crossbar read time per input slice (100 ns for RRAM) times slices and vectors; "
           "the digital array's cycles come from its mapping at 200 MHz.", ""]
    open(DOC, "w").write("\n".join(md))
    print("wrote", os.path.relpath(DOC, ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
