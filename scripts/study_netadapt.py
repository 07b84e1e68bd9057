#!/usr/bin/env python3
"""NetAdapt guided by simulated latency against NetAdapt guided by MACs (the seed's "use the
hardware metric, not the proxy"), on the digital Eyeriss-like preset and on the 128x128 RRAM PIM
preset, with the VGG-style Fashion-MNIST CNN.

Trains the baseline once (`hwaware train`), runs `hwaware adapt` four times (two accelerators x two
guides: --budget latency=50% and --budget macs=50%; every family member's latency and energy are
the accelerator's in both cases), and writes docs/studies/netadapt.md with the accuracy-versus-
latency and accuracy-versus-energy curves and the cases where a MAC-guided network is slower or
costlier on the simulated hardware than a latency-guided one with no fewer MACs. Runs that already
finished (their family.csv exists) are reused.
"""

import csv
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.path.join(ROOT, "build", "cli", "hwaware")
WORK = os.path.join(ROOT, "build", "study-netadapt")
DOC = os.path.join(ROOT, "docs", "studies", "netadapt.md")
FIG = os.path.join(ROOT, "docs", "studies", "netadapt.png")
NET = os.path.join(ROOT, "workloads", "networks", "fmnist_vgg.yaml")
ARCHS = [("eyeriss_like", "Eyeriss-like (digital)"), ("rram_128x128_duplicated", "RRAM 128x128 (PIM), layers duplicated into free crossbars")]
GUIDES = [("latency", "latency-guided"), ("macs", "MAC-guided")]
ADAPT = ["--step", "0.1", "--short-steps", "50", "--long-steps", "2000"]


def run(args, log):
    with open(log, "w") as f:
        return subprocess.run([HW] + args, stdout=f, stderr=subprocess.STDOUT).returncode


def arch_file(arch, work=WORK, writer="scripts/study_netadapt.py"):
    """The preset's file; the PIM study accelerator is rram_128x128 with `duplicate: free` (a layer is
    copied into crossbars no layer's weights hold, as ISAAC does). Without copies a layer's latency on a crossbar
    chip does not depend on its width (every input vector takes the same bit-serial ADC cycles), so
    no narrowing lowers latency and a latency budget is unreachable: write_doc states it."""
    if arch != "rram_128x128_duplicated":
        return os.path.join(ROOT, "arch", "presets", arch + ".yaml")
    path = os.path.join(work, arch + ".yaml")
    lines = open(os.path.join(ROOT, "arch", "presets", "rram_128x128.yaml")).read().splitlines()
    pim = lines.index("  pim:")
    lines.insert(pim + 1, f"    duplicate: free  # added by {writer}")
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")
    return path


def family(arch, guide):
    out = os.path.join(WORK, f"{arch}-{guide}")
    path = os.path.join(out, "family.csv")
    if not os.path.exists(path):
        rc = run(["adapt", "--arch", arch_file(arch), "--workload", NET,
                  "--weights", os.path.join(WORK, "vgg.weights"), "--budget", f"{guide}=50%", "--out", out] + ADAPT,
                 out + ".log")
        if rc != 0:
            return None, open(out + ".log").read().strip().splitlines()[-2:]
    with open(path) as f:
        return [with_energy(r) for r in csv.DictReader(f)], None


def with_energy(row):
    """The row with `energy` (in millions of its unit) and `unit` set: family.csv's energy_pj (pJ, so
    uJ) or energy_mace (units of one MAC, for the normalized Eyeriss table, so M MACe)."""
    pj = "energy_pj" in row
    row["energy"] = float(row["energy_pj" if pj else "energy_mace"]) * 1e-6
    row["unit"] = "uJ" if pj else "M MACe"
    return row


def unreplicated_latency(workload):
    """Total latency (s) and MACs of `workload` on the rram_128x128 preset as shipped (no replication)."""
    out = os.path.join(WORK, "unreplicated-" + os.path.basename(os.path.dirname(workload) or "base"))
    if run(["eval", "--arch", os.path.join(ROOT, "arch", "presets", "rram_128x128.yaml"), "--workload", workload,
            "--out", out], out + ".log") != 0:
        return None
    with open(os.path.join(out, "summary.csv")) as f:
        total = [r for r in csv.DictReader(f) if r["layer"] == "total"][0]
    return float(total["latency_s"]), int(total["macs"])


def plot(results):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    for row, (arch, title) in enumerate(ARCHS):
        some = next((r for g, _ in GUIDES for r in (results.get((arch, g)) or [])), {"unit": "uJ"})
        for col, (key, label, scale) in enumerate([("latency_s", "latency (us)", 1e6), ("energy", f"energy ({some['unit']})", 1)]):
            ax = axes[row][col]
            for guide, name in GUIDES:
                rows = results.get((arch, guide))
                if not rows:
                    continue
                members = [r for r in rows if r["iteration"] != "final"]
                ax.plot([float(r[key]) * scale for r in members], [100 * float(r["test_accuracy"]) for r in members],
                        "o-" if guide == "latency" else "s--", label=name, markersize=3)
                final = rows[-1]
                ax.plot([float(final[key]) * scale], [100 * float(final["test_accuracy"])], "*", markersize=12,
                        color=ax.lines[-1].get_color())
            ax.set_xlabel(label)
            ax.set_ylabel("test accuracy (%)")
            ax.set_title(f"{title}: accuracy vs {label.split()[0]}")
            ax.grid(alpha=0.3)
            ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(FIG, dpi=110)


def slower_cases(macs_rows, lat_rows, key):
    """MAC-guided members costlier in `key` than a latency-guided member with at least as many MACs."""
    cases = []
    for m in macs_rows:
        for l in lat_rows:
            if int(l["macs"]) >= int(m["macs"]) and float(l[key]) < float(m[key]):
                cases.append((m, l))
                break
    return cases


def fmt_row(r):
    return (f"| {r['iteration']} | {r['narrowed'] or '-'} | {int(r['macs']):,} | {float(r['latency_s']) * 1e6:.2f} | "
            f"{r['energy']:.3f} | {100 * float(r['test_accuracy']):.2f} |")


def value(r, key):
    """A member's latency in us or energy (uJ, or M MACe), as text."""
    return f"{float(r[key]) * 1e6:.2f} us" if key == "latency_s" else f"{r[key]:.3f} {r['unit']}"


def slower_steps(rows, key):
    """Consecutive members where narrowing made the network slower (or costlier)."""
    return [(a, b) for a, b in zip(rows, rows[1:]) if float(b[key]) > float(a[key])]


def write_doc(results, failures):
    lines = ["# NetAdapt: simulated latency against MACs as the guide", "",
             "Generated by `scripts/study-netadapt` (do not edit by hand). The VGG-style Fashion-MNIST CNN",
             "(`workloads/networks/fmnist_vgg.yaml`), trained by `hwaware train` (3,000 steps), adapted by `hwaware adapt`",
             "to 50% of its simulated latency (latency-guided) or to 50% of its MACs (MAC-guided), on each accelerator;",
             "`" + " ".join(ADAPT) + "`. Latency and energy of every network come from the accelerator's analytical",
             "oracle in both cases: the MAC-guided search only does not look at them. Not seeing the hardware, the",
             "MAC-guided search narrows the same layers to the same widths on both accelerators.", "",
             "![accuracy against latency and energy](netadapt.png)", ""]
    for arch, title in ARCHS:
        lines += [f"## {title}", ""]
        if arch == "rram_128x128_duplicated":
            lines += ["The PIM accelerator is the `rram_128x128` preset with `duplicate: free`: a layer is copied into the",
                      "chip's crossbars that no layer's weights hold, and its input vectors are spread over the copies (a",
                      "narrower network leaves more crossbars free). Without copies, a layer's",
                      "latency on a crossbar chip does not depend on its width (each input vector takes the same bit-serial",
                      "DAC and ADC cycles), so no narrowing lowers latency and a latency budget is unreachable."]
            base = unreplicated_latency(NET)
            final = os.path.join(WORK, f"{arch}-macs", "final.yaml")
            shrunk = unreplicated_latency(final) if os.path.exists(final) else None
            if base and shrunk:
                lines.append(f"On the preset as shipped, the baseline ({base[1]:,} MACs) takes {base[0] * 1e3:.4f} ms and the "
                             f"MAC-guided final network ({shrunk[1]:,} MACs) {shrunk[0] * 1e3:.4f} ms.")
            lines.append("")
        for guide, name in GUIDES:
            rows = results.get((arch, guide))
            lines += [f"### {name}", ""]
            if not rows:
                lines += ["The run did not finish: " + " ".join(failures.get((arch, guide), ["?"])), ""]
                continue
            lines += [f"| iteration | narrowed | MACs | latency (us) | energy ({rows[0]['unit']}) | test accuracy (%) |", "|---|---|---|---|---|---|"]
            lines += [fmt_row(r) for r in rows] + [""]
        lat, macs = results.get((arch, "latency")), results.get((arch, "macs"))
        if lat and macs:
            lines += ["### Where MACs mislead", ""]
            lf, mf = lat[-1], macs[-1]
            lines.append(f"Final networks: latency-guided {int(lf['macs']):,} MACs, {value(lf, 'latency_s')}, "
                         f"{value(lf, 'energy')}, {100 * float(lf['test_accuracy']):.2f}%; MAC-guided "
                         f"{int(mf['macs']):,} MACs, {value(mf, 'latency_s')}, {value(mf, 'energy')}, "
                         f"{100 * float(mf['test_accuracy']):.2f}%.")
            lines.append("")
            members = [r for r in macs if r["iteration"] != "final"]
            for key, what in [("latency_s", "slower"), ("energy", "costlier in energy")]:
                cases = slower_cases(members[1:], [r for r in lat if r["iteration"] != "final"], key)
                lines.append(f"MAC-guided members {what} than a latency-guided member with at least as many MACs: {len(cases)} of "
                             f"{len(members) - 1}.")
                for m, l in cases[:5]:
                    lines.append(f"- MAC-guided member {m['iteration']} ({int(m['macs']):,} MACs, {value(m, key)}) against "
                                 f"latency-guided member {l['iteration']} ({int(l['macs']):,} MACs, {value(l, key)})")
                for a, b in slower_steps(members, key):
                    lines.append(f"- MAC-guided step {b['iteration']} ({b['narrowed']} to {b['width']} filters) made the network "
                                 f"{what}: {value(a, key)} -> {value(b, key)} with {int(a['macs']) - int(b['macs']):,} fewer MACs")
                lines.append("")
    with open(DOC, "w") as f:
        f.write("\n".join(lines))


def main():
    os.makedirs(WORK, exist_ok=True)
    weights = os.path.join(WORK, "vgg.weights")
    if not os.path.exists(weights):
        if run(["train", "--workload", NET, "--out", weights, "--steps", "3000"], os.path.join(WORK, "train.log")) != 0:
            sys.exit("training failed: see " + os.path.join(WORK, "train.log"))
    results, failures = {}, {}
    for arch, _ in ARCHS:
        for guide, _ in GUIDES:
            print(f"{arch}, {guide}-guided", file=sys.stderr)
            rows, failure = family(arch, guide)
            if rows:
                results[(arch, guide)] = rows
            else:
                failures[(arch, guide)] = failure
    plot(results)
    write_doc(results, failures)
    print(DOC)


if __name__ == "__main__":
    main()
