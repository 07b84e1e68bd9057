"""The runs of the PIM crossbar-size study (scripts/study_pim_array_size.py): the copies of the
accelerator presets it evaluates, `hwaware eval` and `hwaware sweep` on them, and the totals,
energy by kind and per-layer records read back from their outputs. HWAWARE names another binary.
"""

import concurrent.futures
import csv
import json
import math
import os
import re
import subprocess
import sys

from plot_sweep import KINDS  # sweep.csv's energy kinds (cli/sweep_points.h kEnergyKinds)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.environ.get("HWAWARE", os.path.join(ROOT, "build", "cli", "hwaware"))
WORK = os.path.join(ROOT, "build", "study-pim")
PIM_PRESET = os.path.join(ROOT, "arch", "presets", "rram_128x128.yaml")
DIGITAL_PRESET = os.path.join(ROOT, "arch", "presets", "eyeriss_like.yaml")
NETS = [("resnet152", "ResNet-152"), ("wrn50_2", "WRN-50-2")]
SIZES = [128, 256, 512, 1024, 2048, 4096]
SETTINGS = [("area", "equal chip area"), ("sized", "chip sized to the network")]
# The equal chip area is rounded up to a multiple of this.
AREA_STEP_MM2 = 10
# The crossbars' own area (stats.json area components), as the budget's area counts it.
CROSSBAR_AREA_PARTS = ["cells", "adc", "shift_add", "crossbar_periphery"]


def run(args, log):
    """Runs hwaware with args, its output to log; a failure stops the study with the log's end."""
    with open(log, "w") as f:
        rc = subprocess.run([HW] + args, stdout=f, stderr=subprocess.STDOUT).returncode
    if rc != 0:
        sys.exit("hwaware %s failed (status %d):\n%s" % (" ".join(args), rc, open(log).read()[-2000:]))


def parallel(jobs):
    """Runs the (function, args) jobs on every core; returns their results in order."""
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        return list(pool.map(lambda job: job[0](*job[1]), jobs))


def network(net):
    return os.path.join(ROOT, "workloads", "networks", net + ".yaml")


def digital_arch():
    """The Eyeriss-like preset priced by the estimators at 32 nm."""
    src = open(DIGITAL_PRESET).read().splitlines()
    out = [re.sub(r"technology: \d+nm", "technology: 32nm", l) for l in src if "energy_model:" not in l]
    path = os.path.join(WORK, "eyeriss_like_32nm.yaml")
    open(path, "w").write("\n".join(out) + "\n")
    return path


def pim_arch(name, budget):
    """A copy of the PIM preset with `budget: {budget}` in place of tiles x crossbars per tile,
    `adc: {bits: auto}` and `duplicate: free`; each edit is checked to have happened."""
    lines = open(PIM_PRESET).read().splitlines()
    out, seen = [], set()
    for l in lines:
        key = l.strip().split(":")[0]
        if l.startswith("    ") and not l.startswith("     ") and key in ("tiles", "crossbars_per_tile", "budget", "duplicate"):
            seen.add(key)
            continue
        if l.strip() == "pim:":
            seen.add("pim")
            out += [l, "    budget: {%s}" % budget, "    duplicate: free"]
            continue
        if l.strip().startswith("adc:"):
            l, n = re.subn(r"bits: \d+", "bits: auto", l)
            seen.add("adc" if n == 1 else "adc?")
        out.append(l)
    if not {"pim", "adc"} <= seen:
        sys.exit("%s: expected a pim: section with an adc: {bits: N, ...} line" % PIM_PRESET)
    path = os.path.join(WORK, name + ".yaml")
    open(path, "w").write("\n".join(out) + "\n")
    return path


def kind_of(row):
    """The kind of a digital breakdown.csv row, as hwaware sweep classifies rows without a PIM category."""
    if row["component"] == "mac":
        return "mac"
    if row["action"] == "leak":
        return "leakage"
    return "weight_movement" if row["tensor"] == "Weights" else "activation_movement"


def digital(net):
    """The digital accelerator's totals and energy by kind for a network."""
    out = os.path.join(WORK, "digital_" + net)
    run(["eval", "--arch", digital_arch(), "--workload", network(net), "--out", out], out + ".log")
    total = [r for r in csv.DictReader(open(os.path.join(out, "summary.csv"))) if r["layer"] == "total"][0]
    kinds = dict.fromkeys(KINDS, 0.0)
    for r in csv.DictReader(open(os.path.join(out, "breakdown.csv"))):
        kinds[kind_of(r)] += float(r["energy_pj"])
    st = json.load(open(os.path.join(out, "stats.json")))
    return {"macs": float(total["macs"]), "energy": float(total["energy_pj"]), "latency": float(total["latency_s"]),
            "kinds": kinds, "area_mm2": st["area"]["total_um2"] * 1e-6, "clock_hz": st["accelerator"]["clock_hz"]}


def sweep(arch, net, sizes, tag):
    """`hwaware sweep` over crossbar rows = cols; per size the totals summed from the layer rows
    (with utilization weighted by cycles) and every layer's row."""
    out = os.path.join(WORK, tag)
    run(["sweep", "--arch", arch, "--workload", network(net), "--set",
         "pim.crossbar.rows+pim.crossbar.cols=" + ",".join(str(s) for s in sizes), "--out", out], out + ".log")
    points = {}
    for r in csv.DictReader(open(os.path.join(out, "sweep.csv"))):
        if r["layer"] == "total":
            continue
        p = points.setdefault(int(r["pim.crossbar.rows"]), {"macs": 0.0, "energy": 0.0, "latency": 0.0, "busy": 0.0,
                                                             "kinds": dict.fromkeys(KINDS, 0.0), "layers": {}})
        layer = {"macs": float(r["macs"]), "energy": float(r["energy_pj"]), "latency": float(r["latency_s"]),
                 "utilization": float(r["utilization"])}
        p["layers"][r["layer"]] = layer
        p["macs"] += layer["macs"]
        p["energy"] += layer["energy"]
        p["latency"] += layer["latency"]
        p["busy"] += layer["utilization"] * layer["latency"]
        for k in KINDS:
            p["kinds"][k] += float(r["energy_%s_pj" % k])
    for p in points.values():
        p["utilization"] = p.pop("busy") / p["latency"] if p["latency"] else 0.0
    return points


def stats(arch, net, size, tag):
    """stats.json of `hwaware eval` at one crossbar size: the chip, its crossbar area, every layer's placement."""
    src = open(arch).read()
    sized = src.replace("crossbar: {rows: 128, cols: 128", "crossbar: {rows: %d, cols: %d" % (size, size))
    if sized == src and size != 128:
        sys.exit("%s: expected 'crossbar: {rows: 128, cols: 128' to resize" % arch)
    path = os.path.join(WORK, "%s.yaml" % tag)
    open(path, "w").write(sized)
    out = os.path.join(WORK, tag)
    run(["eval", "--arch", path, "--workload", network(net), "--out", out], out + ".log")
    d = json.load(open(os.path.join(out, "stats.json")))
    parts = {c["name"]: c["area_um2_per_instance"] for c in d["area"]["components"]}
    layers = {l["name"]: l["pim"] for l in d["layers"] if "pim" in l}
    pim = d["accelerator"]["pim"]
    desc = "%s cells of %d bits, %d-bit weights, %d-bit inputs, %d-bit DACs, %s ADCs shared by %d columns, %g nm" % (
        pim["cell"]["device"].upper(), pim["cell"]["bits"], pim["weight_bits"], pim["input_bits"], pim["dac_bits"],
        pim["adc"]["model"], pim["adc"]["cols_per_adc"], d["accelerator"]["technology_nm"])
    return {"crossbars": pim["crossbars"], "clock_hz": d["accelerator"]["clock_hz"], "desc": desc,
            "adc_bits": d["accelerator"]["pim"]["adc"]["bits"],
            "resident": d["pim_weights_resident"], "free": d["pim_free_crossbars"],
            "crossbar_mm2": sum(parts[k] for k in CROSSBAR_AREA_PARTS) * 1e-6,
            "needed": sum(l["crossbars"] for l in layers.values()), "layers": layers}


def study():
    """Every run of the study: digital, the equal-area X, both PIM settings."""
    os.makedirs(WORK, exist_ok=True)
    dig = dict(zip([n for n, _ in NETS], parallel([(digital, (net,)) for net, _ in NETS])))
    # A first run at 128 x 128 (any budget: a layer's crossbars do not depend on it) gives X.
    probe = pim_arch("pim_probe", "cells: 64Mi")
    first = parallel([(stats, (probe, net, SIZES[0], "probe_%s" % net)) for net, _ in NETS])
    need_mm2 = max(s["needed"] * s["crossbar_mm2"] for s in first)
    area_mm2 = AREA_STEP_MM2 * math.ceil(need_mm2 / AREA_STEP_MM2)
    equal = pim_arch("pim_area", "area: %dmm2" % area_mm2)
    jobs = [(sweep, (equal, net, SIZES, "area_%s" % net)) for net, _ in NETS]
    jobs += [(stats, (equal, net, s, "area_%s_%d" % (net, s))) for net, _ in NETS for s in SIZES]
    res = parallel(jobs)
    pims = {"area": dict(zip([n for n, _ in NETS], res[:len(NETS)])), "sized": {}}
    info = {"area": {}, "sized": {}}
    for (net, _), i in zip(NETS, range(len(NETS))):
        info["area"][net] = {s: res[len(NETS) + i * len(SIZES) + j] for j, s in enumerate(SIZES)}
    # The chip sized to each network: one copy of every layer and no crossbar to spare.
    jobs = []
    for net, _ in NETS:
        for s in SIZES:
            needed = info["area"][net][s]["needed"]
            arch = pim_arch("pim_sized_%s_%d" % (net, s), "cells: %d" % (needed * s * s))
            info["sized"].setdefault(net, {})[s] = {"crossbars": needed, "needed": needed, "resident": True, "free": 0,
                                                    "clock_hz": info["area"][net][s]["clock_hz"],
                                                    "adc_bits": info["area"][net][s]["adc_bits"],
                                                    "crossbar_mm2": info["area"][net][s]["crossbar_mm2"]}
            jobs.append((sweep, (arch, net, [s], "sized_%s_%d" % (net, s))))
    res = parallel(jobs)
    for (net, _), i in zip(NETS, range(len(NETS))):
        pims["sized"][net] = {s: res[i * len(SIZES) + j][s] for j, s in enumerate(SIZES)}
    for net, name in NETS:  # a sized chip must keep the weights: nothing programmed per inference
        for s in SIZES:
            if pims["sized"][net][s]["kinds"]["weight_movement"] > 0:
                sys.exit("%s at %d: the sized chip does not keep the weights" % (name, s))
    return {"digital": dig, "pim": pims, "info": info, "area_mm2": area_mm2, "need_mm2": need_mm2,
            "probe": dict(zip([n for n, _ in NETS], first))}
