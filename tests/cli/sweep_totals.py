#!/usr/bin/env python3
"""Rules: every column of sweep.csv's total row is the sum of its point's layer rows (energy by kind
included), on a PIM sweep; with pipeline: true, the total's cycles and latency are the slowest
layer's instead (an inference takes the slowest stage), the rest still sums.
Usage: sweep_totals.py HWAWARE SOURCE_DIR SCRATCH"""

import csv
import os
import subprocess
import sys

hw, src, scratch = sys.argv[1:4]
os.makedirs(scratch, exist_ok=True)
preset = os.path.join(src, "arch", "presets", "rram_128x128.yaml")
layers_file = os.path.join(src, "tests", "cli", "three_layers.yaml")
# The preset with an explicit `pipeline: false` under `pim:` (the last section), so it can be swept.
piped_arch = os.path.join(scratch, "rram_pipeline.yaml")
with open(preset) as f, open(piped_arch, "w") as g:
    g.write(f.read().rstrip("\n") + "\n    pipeline: false\n")


def sweep(name, arch, key, values):
    out = os.path.join(scratch, name)
    subprocess.run([hw, "sweep", "--arch", arch, "--workload", layers_file, "--set", f"{key}={values}", "--out", out], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return list(csv.DictReader(open(os.path.join(out, "sweep.csv"))))


failures = []
checked = 0
for rows, key in ((sweep("sizes", preset, "pim.crossbar.rows+pim.crossbar.cols", "128,4096"), "pim.crossbar.rows"),
                  (sweep("pipeline", piped_arch, "pim.pipeline", "false,true"), "pim.pipeline")):
    summed = [c for c in rows[0] if c in ("macs", "cycles", "latency_s", "energy_pj") or (c.startswith("energy_") and c.endswith("_pj"))]
    for point in sorted({r[key] for r in rows}):
        layers = [r for r in rows if r[key] == point and r["layer"] != "total"]
        total = [r for r in rows if r[key] == point and r["layer"] == "total"][0]
        for c in summed:
            slowest = point == "true" and c in ("cycles", "latency_s")
            want = max(float(r[c]) for r in layers) if slowest else sum(float(r[c]) for r in layers)
            checked += 1
            if abs(float(total[c]) - want) > 1e-6 * max(1.0, abs(want)):
                failures.append(f"{key}={point}: total {c} = {total[c]}, the layers give {want} ({'slowest' if slowest else 'sum'})")
print("\n".join(failures) or f"{checked} total-row figures are their layers' sums (the slowest layer's in a pipeline)")
sys.exit(1 if failures else 0)
