#!/usr/bin/env python3
"""Rule: every column of sweep.csv's total row is the sum of its point's layer rows (energy by kind
included), on a PIM sweep. Usage: sweep_totals.py HWAWARE SOURCE_DIR SCRATCH"""

import csv
import os
import subprocess
import sys

hw, src, scratch = sys.argv[1:4]
out = os.path.join(scratch, "pim")
subprocess.run([hw, "sweep", "--arch", os.path.join(src, "arch", "presets", "rram_128x128.yaml"), "--workload",
                os.path.join(src, "tests", "cli", "three_layers.yaml"), "--set", "pim.crossbar.rows+pim.crossbar.cols=128,4096",
                "--out", out], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
rows = list(csv.DictReader(open(os.path.join(out, "sweep.csv"))))
summed = [c for c in rows[0] if c in ("macs", "cycles", "energy_pj") or (c.startswith("energy_") and c.endswith("_pj"))]
failures = []
for point in sorted({r["pim.crossbar.rows"] for r in rows}):
    layers = [r for r in rows if r["pim.crossbar.rows"] == point and r["layer"] != "total"]
    total = [r for r in rows if r["pim.crossbar.rows"] == point and r["layer"] == "total"][0]
    for c in summed:
        s = sum(float(r[c]) for r in layers)
        if abs(float(total[c]) - s) > 1e-6 * max(1.0, abs(s)):
            failures.append(f"point {point}: total {c} = {total[c]}, layers sum to {s}")
print("\n".join(failures) or f"{len(summed)} columns of the total rows are the sums of their layers")
sys.exit(1 if failures else 0)
