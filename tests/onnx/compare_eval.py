#!/usr/bin/python3
"""ResNet-50 from ONNX gives the same per-layer energy and cycles as the same network written in
hwaware's format: `hwaware eval` on the Eyeriss-like preset (the mapper choosing every layer's
mapping, with the same flags) of torchvision's ResNet-50 exported to ONNX (`--workload
resnet50.onnx`), of the YAML `hwaware import onnx` writes from it, and of
workloads/networks/resnet50_torchvision.yaml (written from the architecture by
scripts/gen_networks.py). Layers are matched by position (names differ); each row's MACs and
cycles must be equal, energies equal to a relative 1e-9 (summary.csv's 10 significant digits).

Usage: compare_eval.py HWAWARE SOURCE_DIR MODELS_DIR SCRATCH_DIR
"""

import csv
import os
import shutil
import subprocess
import sys

MAPPER = ["--mapper-budget", "5000", "--mapper-patience", "1000", "--mapper-seed", "1"]


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}\nexited with {p.returncode}:\n{p.stderr}")
    return p.stdout


def evaluate(hwaware, arch, workload, out):
    run([hwaware, "eval", "--arch", arch, "--workload", workload, "--out", out] + MAPPER)
    with open(os.path.join(out, "summary.csv"), newline="") as f:
        return list(csv.DictReader(f))


def same(a, b):
    x, y = float(a), float(b)
    return x == y or abs(x - y) <= 1e-9 * max(abs(x), abs(y))


def compare(name, rows, reference):
    if len(rows) != len(reference):
        return [f"{name}: {len(rows)} rows, the reference {len(reference)}"]
    bad = []
    for i, (r, ref) in enumerate(zip(rows, reference)):
        energy = next(k for k in ref if k.startswith("energy_"))
        if r["macs"] != ref["macs"] or r["cycles"] != ref["cycles"] or not same(r[energy], ref[energy]):
            bad.append(f"{name}: row {i} '{r['layer']}' ({r['macs']} MACs, {r['cycles']} cycles, {r[energy]}) "
                       f"!= '{ref['layer']}' ({ref['macs']} MACs, {ref['cycles']} cycles, {ref[energy]})")
    return bad


def main():
    hwaware, src, models, scratch = sys.argv[1:5]
    shutil.rmtree(scratch, ignore_errors=True)
    os.makedirs(scratch)
    arch = os.path.join(src, "arch/presets/eyeriss_like.yaml")
    onnx = os.path.join(models, "resnet50.onnx")
    imported = os.path.join(scratch, "resnet50_imported.yaml")
    print(run([hwaware, "import", "onnx", onnx, "--out", imported]), end="")
    reference = evaluate(hwaware, arch, os.path.join(src, "workloads/networks/resnet50_torchvision.yaml"), os.path.join(scratch, "yaml"))
    bad = []
    for name, workload in [("resnet50.onnx", onnx), ("its import", imported)]:
        bad += compare(name, evaluate(hwaware, arch, workload, os.path.join(scratch, name.replace(" ", "_"))), reference)
    total = reference[-1]
    print(f"{len(reference) - 1} layers, total {total['macs']} MACs, {total['cycles']} cycles: "
          + ("every row equal" if not bad else f"{len(bad)} rows differ"))
    for b in bad:
        print(b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
