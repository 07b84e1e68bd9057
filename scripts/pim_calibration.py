#!/usr/bin/env python3
"""The NeuroSim-calibrated PIM preset against DNN+NeuroSim V1.3, layer by layer.

Runs `hwaware eval` on arch/presets/neurosim_rram_128x128.yaml with VGG-8 at the reference traces'
input bit densities (tests/reference/neurosim/vgg8_traces.yaml), sorts every breakdown row into
NeuroSim's categories (ADC with the cell array, accumulation, other periphery, buffer, interconnect,
leakage), adds each pooling layer to the MAC layer before it (NeuroSim counts pooling with the
layer), and writes the comparison with tests/reference/neurosim/layers_rram_128x128.csv and
chip_rram_128x128.csv into docs/pim.md between its calibration markers. `--check` prints the table
and fails when a figure is outside the issue's tolerances instead of writing.
"""

import argparse
import csv
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.path.join(ROOT, "build", "cli", "hwaware")
REF = os.path.join(ROOT, "tests", "reference", "neurosim")
DOC = os.path.join(ROOT, "docs", "pim.md")
BEGIN, END = "<!-- calibration:begin -->", "<!-- calibration:end -->"
PRESET = os.path.join(ROOT, "arch", "presets", "neurosim_rram_128x128.yaml")
WORKLOAD = os.path.join(REF, "vgg8_traces.yaml")
CATEGORIES = ["adc", "accumulation", "other", "buffer", "interconnect"]
# hwaware's PIM categories (breakdown.csv's pim_category) by NeuroSim's names.
PIM_CATEGORY = {"adc": "adc", "accumulation": "accumulation", "periphery": "other", "buffer": "buffer",
                "interconnect": "interconnect", "leakage": "leakage"}
TOLERANCE = {"layer_energy": 0.15, "total_energy": 0.10, "layer_latency": 0.20, "area": 0.20}


def category(row, networks):
    """NeuroSim's category of a breakdown.csv row; None for what NeuroSim does not count (DRAM)."""
    if row.get("pim_category"):
        return PIM_CATEGORY.get(row["pim_category"])
    if row["action"] == "leak":
        return "leakage"
    if row["component"] in networks or row["action"] in ("transfer", "hop"):
        return "interconnect"
    if row["component"] == "DRAM":
        return None
    return "buffer"


def evaluate(out, arch, hw=HW):
    subprocess.run([hw, "eval", "--arch", arch, "--workload", WORKLOAD, "--out", out], check=True,
                   stdout=subprocess.DEVNULL)
    stats = json.load(open(os.path.join(out, "stats.json")))
    layers = {}  # MAC layer -> figures; pooling folded into the layer before it
    order, owner = [], {}
    for r in csv.DictReader(open(os.path.join(out, "summary.csv"))):
        if r["layer"] == "total":
            continue
        if float(r["macs"]) > 0 or not order:
            order.append(r["layer"])
            layers[r["layer"]] = {"latency_ns": 0.0, **{c: 0.0 for c in CATEGORIES + ["leakage"]}}
        owner[r["layer"]] = order[-1]
        layers[order[-1]]["latency_ns"] += float(r["latency_s"]) * 1e9
    networks = {c["name"] for c in stats["area"]["components"] if c["kind"] == "network"}
    for r in csv.DictReader(open(os.path.join(out, "breakdown.csv"))):
        c = category(r, networks)
        if c:
            layers[owner[r["layer"]]][c] += float(r["energy_pj"])
    return [layers[n] | {"name": n} for n in order], stats


def reference():
    rows = list(csv.DictReader(open(os.path.join(REF, "layers_rram_128x128.csv"))))
    out = []
    for r in rows:
        f = lambda k: float(r[k])
        out.append({"latency_ns": f("readLatency_ns"), "dynamic": f("readDynamicEnergy_pJ"), "leakage": f("leakageEnergy_pJ"),
                    "adc": f("ADC_readDynamicEnergy_pJ"), "accumulation": f("Accum_readDynamicEnergy_pJ"),
                    "buffer": f("buffer_readDynamicEnergy_pJ"), "interconnect": f("ic_readDynamicEnergy_pJ"),
                    "other": f("Other_readDynamicEnergy_pJ") - f("buffer_readDynamicEnergy_pJ") - f("ic_readDynamicEnergy_pJ")})
    chip = list(csv.DictReader(open(os.path.join(REF, "chip_rram_128x128.csv"))))[0]
    return out, {"area_um2": float(chip["ChipArea_um2"]), "latency_ns": float(chip["readLatency_per_image_ns"]),
                 "dynamic": float(chip["readDynamicEnergy_pJ"]), "leakage": float(chip["leakageEnergy_pJ"])}


def dynamic(l):
    return sum(l[c] for c in CATEGORIES)


def fmt(x):
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.3g}"


def table(ours, stats, ref, chip):
    lines = ["| layer | NeuroSim energy (pJ) | hwaware | ratio | NeuroSim latency (ns) | hwaware | ratio |",
             "|---|---|---|---|---|---|---|"]
    failures = []
    for i, (o, r) in enumerate(zip(ours, ref), start=1):
        er, lr = dynamic(o) / r["dynamic"], o["latency_ns"] / r["latency_ns"]
        lines.append(f"| {i} ({o['name']}) | {fmt(r['dynamic'])} | {fmt(dynamic(o))} | {er:.2f} | {fmt(r['latency_ns'])} | "
                     f"{fmt(o['latency_ns'])} | {lr:.2f} |")
        if abs(er - 1) > TOLERANCE["layer_energy"]:
            failures.append(f"layer {i} energy ratio {er:.2f}")
        if abs(lr - 1) > TOLERANCE["layer_latency"]:
            failures.append(f"layer {i} latency ratio {lr:.2f}")
    tot = sum(dynamic(o) for o in ours)
    lat = sum(o["latency_ns"] for o in ours)
    lines.append(f"| total | {fmt(chip['dynamic'])} | {fmt(tot)} | {tot / chip['dynamic']:.2f} | {fmt(chip['latency_ns'])} | "
                 f"{fmt(lat)} | {lat / chip['latency_ns']:.2f} |")
    if abs(tot / chip["dynamic"] - 1) > TOLERANCE["total_energy"]:
        failures.append(f"total energy ratio {tot / chip['dynamic']:.2f}")
    lines += ["", "By NeuroSim's categories, whole network (pJ):", "",
              "| category | NeuroSim | hwaware | ratio |", "|---|---|---|---|"]
    for c in CATEGORIES + ["leakage"]:
        n, h = sum(r[c] for r in ref), sum(o[c] for o in ours)
        lines.append(f"| {c} | {fmt(n)} | {fmt(h)} | {h / n:.2f} |" if n else f"| {c} | 0 | {fmt(h)} | - |")
    area = stats.get("area", {}).get("total_um2", 0.0)
    lines += ["", f"Chip area: NeuroSim {chip['area_um2'] / 1e6:.2f} mm^2, hwaware {area / 1e6:.2f} mm^2 "
              f"(ratio {area / chip['area_um2']:.2f})."]
    if abs(area / chip["area_um2"] - 1) > TOLERANCE["area"]:
        failures.append(f"area ratio {area / chip['area_um2']:.2f}")
    return lines, failures


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print the table; exit 1 if outside the tolerances")
    ap.add_argument("--hwaware", default=HW, help="the hwaware executable (default: build/cli/hwaware)")
    ap.add_argument("--out", default=os.path.join(ROOT, "build", "pim-calibration"), help="scratch directory")
    args = ap.parse_args()
    ours, stats = evaluate(args.out, PRESET, args.hwaware)
    ref, chip = reference()
    if len(ours) != len(ref):
        sys.exit(f"hwaware evaluated {len(ours)} MAC layers, NeuroSim {len(ref)}")
    lines, failures = table(ours, stats, ref, chip)
    text = "\n".join(lines)
    if args.check:
        print(text)
        print("\n".join("outside tolerance: " + f for f in failures) or "all within tolerance")
        sys.exit(1 if failures else 0)
    doc = open(DOC).read()
    if BEGIN not in doc:
        sys.exit(f"{DOC} has no {BEGIN} marker")
    head, rest = doc.split(BEGIN, 1)
    tail = rest.split(END, 1)[1]
    note = "Generated by `scripts/pim-calibration` (do not edit by hand)."
    open(DOC, "w").write(head + BEGIN + "\n" + note + "\n\n" + text + "\n" + END + tail)


if __name__ == "__main__":
    main()
