#!/usr/bin/env python3
"""One engine: the same layer on the same accelerator gives the same energy and cycles through
`hwaware eval`, `hwaware sweep` and `hwaware lut build` (whose entries are the analytical cost
oracle's answers, as `adapt` and `prune` see them), for a native, a Timeloop (with an Accelergy
ERT), a SCALE-Sim and a PIM accelerator.

The sweep sets one key of each description to the value it already has, so that the sweep's point
is the accelerator itself. For the Timeloop case the ERT must change the price (eval without it
gives another energy), so that agreeing with `eval --ert` shows every command applied it.
Energies must agree to a relative 1e-9 (summary.csv and sweep.csv print 10 significant digits),
cycles exactly.

Usage: one_engine.py HWAWARE SOURCE_DIR SCRATCH_DIR
"""

import csv
import os
import shutil
import subprocess
import sys

LAYER = "conv3x3"
MAPPER = ["--mapper-budget", "300", "--mapper-patience", "300"]


def cases(src):
    tl = os.path.join(src, "tests/reference/timeloop/v4-eyeriss-like-mapper")
    return [
        ("native", os.path.join(src, "arch/presets/simple_ws.yaml"), None, "levels.global_buffer.size=64KiB"),
        ("timeloop+ert", os.path.join(tl, "arch.yaml"), os.path.join(tl, "ert.yaml"), "architecture.nodes.shared_glb.attributes.depth=16384"),
        ("scalesim", os.path.join(src, "tests/reference/scalesim/configs/sa32x32_os.cfg"), None, "architecture_presets.ArrayHeight=32"),
        ("pim", os.path.join(src, "arch/presets/rram_128x128.yaml"), None, "pim.crossbar.rows=128"),
    ]


def run(args):
    p = subprocess.run(args, capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit(f"{' '.join(args)}\nexited with {p.returncode}:\n{p.stderr}")
    return p.stdout


def energy_of(row):
    """(energy, unit) from a row with an energy_pj or energy_mace column."""
    for unit in ("pj", "mace"):
        if "energy_" + unit in row:
            return float(row["energy_" + unit]), unit
    raise SystemExit(f"no energy column in {sorted(row)}")


def csv_row(path, column, value):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if row[column] == value:
                return row
    raise SystemExit(f"{path}: no row with {column}={value}")


def through_eval(exe, arch, ert, workload, out):
    run([exe, "eval", "--arch", arch, "--workload", workload, "--out", out] + (["--ert", ert] if ert else []) + MAPPER)
    row = csv_row(os.path.join(out, "summary.csv"), "layer", LAYER)
    return energy_of(row)[0], int(row["cycles"])


def through_sweep(exe, arch, ert, workload, setting, out):
    run([exe, "sweep", "--arch", arch, "--workload", workload, "--set", setting, "--out", out] + (["--ert", ert] if ert else []) + MAPPER)
    row = csv_row(os.path.join(out, "sweep.csv"), "layer", LAYER)
    return energy_of(row)[0], int(row["cycles"])


def through_lut(exe, arch, ert, workload, lut):
    run([exe, "lut", "build", "--arch", arch, "--workload", workload, "--lut", lut, "--levels", "1"] + (["--ert", ert] if ert else []) + MAPPER)
    with open(lut) as f:
        entries = [line.split() for line in f if line.strip() and not line.startswith("#")]
    if len(entries) != 1:
        raise SystemExit(f"{lut}: expected one entry (one layer shape), found {len(entries)}")
    key, energy, latency_s, cycles = entries[0][:4]
    return float(energy), int(cycles)


def main(exe, src, scratch):
    shutil.rmtree(scratch, ignore_errors=True)
    workload = os.path.join(src, "workloads/layers", LAYER + ".yaml")
    failures = []
    for name, arch, ert, setting in cases(src):
        d = os.path.join(scratch, name)
        got = {
            "eval": through_eval(exe, arch, ert, workload, os.path.join(d, "eval")),
            "sweep": through_sweep(exe, arch, ert, workload, setting, os.path.join(d, "sweep")),
            "lut build (analytical oracle)": through_lut(exe, arch, ert, workload, os.path.join(d, "lut.txt")),
        }
        energy, cycles = got["eval"]
        for command, (e, c) in got.items():
            if c != cycles or abs(e - energy) > 1e-9 * abs(energy):
                failures.append(f"{name}: {command} gives {e!r} energy and {c} cycles, eval {energy!r} and {cycles}")
        if ert:
            plain, _ = through_eval(exe, arch, None, workload, os.path.join(d, "eval-without-ert"))
            if abs(plain - energy) <= 1e-9 * abs(energy):
                failures.append(f"{name}: the ERT does not change the energy ({energy!r}): the case cannot tell whether --ert is applied")
        print(f"{name}: {energy!r} energy, {cycles} cycles through " + ", ".join(got))
    for f in failures:
        print(f, file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__)
    sys.exit(main(*sys.argv[1:]))
