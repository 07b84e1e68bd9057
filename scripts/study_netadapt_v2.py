#!/usr/bin/env python3
"""NetAdaptV2 (Yang, Liao & Sze, CVPR 2021) against NetAdapt V1 (Yang et al., ECCV 2018): total
search time and the final network's accuracy, latency and energy, for the VGG-style and the ResNet
Fashion-MNIST CNNs, on the digital Eyeriss-like preset and on the 128x128 RRAM PIM preset with
`duplicate: free` (as scripts/study_netadapt.py uses it), all with --budget latency=50%.

Trains each network's baseline once (`hwaware train`, timed around the command), then runs
`hwaware adapt --method v1` and `--method v2` from it on each accelerator, and writes
docs/studies/netadapt-v2.md (through a temporary file, renamed into place). Each run's stdout goes
to build/study-netadapt-v2/RUN.out and its stderr to RUN.log; its family to RUN/. A run whose
family.csv and RUN.out exist is finished and reused; an unfinished one is started again from
scratch, not resumed (a resumed run's wall time would not cover its whole search). Run names hold
the step counts, so other settings do not reuse these runs. A failed run stops the script, naming
the run and its log, before any document is written.
"""

import argparse
import csv
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import study_netadapt  # noqa: E402  (its PIM accelerator)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HW = os.path.join(ROOT, "build", "cli", "hwaware")
WORK = os.path.join(ROOT, "build", "study-netadapt-v2")
DOC = os.path.join(ROOT, "docs", "studies", "netadapt-v2.md")
NETWORKS = {name: os.path.join(ROOT, "workloads", "networks", name + ".yaml") for name in ("fmnist_vgg", "fmnist_resnet")}
ACCELERATORS = {"eyeriss_like": "Eyeriss-like (digital)",
                "rram_128x128_duplicated": "RRAM 128x128 (PIM), layers duplicated into free crossbars"}
METHODS = ("v1", "v2")
BUDGET = "latency=50%"
STEP = "0.1"
PAPER_SPEEDUP = 5.8

TRAIN_RE = re.compile(r"^(\S+): holdout accuracy ([\d.]+)%, test accuracy ([\d.]+)%; weights in (.*)$", re.M)
SUMMARY_RE = re.compile(
    r"^(\S+): (\d+) iterations; test accuracy ([\d.]+)% -> ([\d.]+)% after the final fine-tune; family in (.*)$", re.M)
V1_WALL_RE = re.compile(r"^wall time ([\d.]+) s, of which cost evaluation ([\d.]+) s \(([\d.]+)%, (\d+) oracle calls\)$", re.M)
V2_FINAL_RE = re.compile(r"^final network: (\d+) layers \(of (\d+)\),[ ]?(.*)$", re.M)
V1_SPLIT_RE = re.compile(r"^time in training: proposals fine-tuned and scored ([\d.]+) s, final fine-tune ([\d.]+) s$", re.M)
V2_SPLIT_RE = re.compile(r"^time in training: super-network ([\d.]+) s, candidates cut out and scored ([\d.]+) s, "
                         r"final fine-tune ([\d.]+) s$", re.M)
V2_WALL_RE = re.compile(r"^wall time ([\d.]+) s, of which super-network training ([\d.]+) s and cost evaluation ([\d.]+) s "
                        r"\(([\d.]+)%, (\d+) oracle calls\)$", re.M)


def parse_args():
    p = argparse.ArgumentParser(description="Writes docs/studies/netadapt-v2.md: NetAdaptV2 against NetAdapt V1.")
    p.add_argument("--networks", nargs="+", choices=list(NETWORKS), default=list(NETWORKS), help="networks to study (default: all)")
    p.add_argument("--accelerators", nargs="+", choices=list(ACCELERATORS), default=list(ACCELERATORS),
                   help="accelerators to study (default: all)")
    p.add_argument("--train-steps", type=int, default=1000, help="training steps of each baseline")
    p.add_argument("--short-steps", type=int, default=50, help="V1: fine-tuning steps of each proposal")
    p.add_argument("--long-steps", type=int, default=500, help="V1 and V2: fine-tuning steps of the final network")
    p.add_argument("--supernet-steps", type=int, default=500, help="V2: training steps of the super-network")
    p.add_argument("--samples", type=int, default=8, help="V2: candidates drawn per iteration")
    a = p.parse_args()
    a.networks = list(dict.fromkeys(a.networks))
    a.accelerators = list(dict.fromkeys(a.accelerators))
    return a


def fail(message):
    sys.exit(f"study-netadapt-v2: {message}; no document was written")


def run_hw(args, what, stdout_path, log_path):
    """Runs `hwaware ARGS` (stderr to log_path) and returns its stdout, kept in stdout_path once it succeeded."""
    part = stdout_path + ".part"
    start = time.monotonic()
    with open(part, "w") as out, open(log_path, "w") as log:
        rc = subprocess.run([HW] + args, stdout=out, stderr=log).returncode
    if rc == 2 and args[0] == "adapt":  # a budget this method cannot reach is a result, kept with its time
        error = [line for line in open(log_path) if "the budget is unreachable" in line]
        if error:
            with open(stdout_path + ".unreachable", "w") as f:
                json.dump({"error": error[0].strip(), "wall": time.monotonic() - start}, f)
            return None
    if rc != 0:
        fail(f"run {what} failed (exit status {rc}): see its log {log_path} (stdout in {part})")
    os.replace(part, stdout_path)
    with open(stdout_path) as f:
        return f.read()


def arch_file(arch):
    """The preset's file, or the PIM study accelerator (rram_128x128 with `duplicate: free`) as the V1
    study writes it (scripts/study_netadapt.py)."""
    return study_netadapt.arch_file(arch, WORK, "scripts/study_netadapt_v2.py")


def train(net, a):
    """The baseline of `net` (trained now, or earlier by this script): weights path, seconds, accuracies in %."""
    stem = os.path.join(WORK, f"{net}-train{a.train_steps}")
    weights, record = stem + ".weights", stem + ".train.json"
    if os.path.exists(weights) and os.path.exists(record):
        with open(record) as f:
            return dict(json.load(f), weights=weights)
    print(f"{net}: training the baseline, {a.train_steps} steps", file=sys.stderr)
    args = ["train", "--workload", NETWORKS[net], "--out", weights, "--steps", str(a.train_steps)]
    start = time.monotonic()
    stdout = run_hw(args, f"{net} baseline training", stem + ".train.out", stem + ".train.log")
    seconds = time.monotonic() - start
    m = TRAIN_RE.search(stdout)
    if not m:
        fail(f"{net} baseline training: no accuracy line in {stem}.train.out")
    result = {"seconds": seconds, "holdout": float(m.group(2)), "test": float(m.group(3))}
    with open(record, "w") as f:
        json.dump(result, f)
    return dict(result, weights=weights)


def run_name(net, arch, method, a, supernet=None):
    steps = f"short{a.short_steps}" if method == "v1" else f"super{a.supernet_steps}-samples{a.samples}"
    return f"{net}-{arch}-{method}-train{a.train_steps}-{steps}-long{a.long_steps}" + ("-reused" if supernet else "")


def adapt_args(net, arch, method, a, weights, out, supernet=None):
    args = ["adapt", "--method", method, "--step", STEP]
    if method == "v1":
        args += ["--short-steps", str(a.short_steps)]
    else:
        args += ["--supernet-steps", str(a.supernet_steps), "--samples", str(a.samples)]
    if supernet:
        args += ["--supernet", supernet]
    return args + ["--long-steps", str(a.long_steps), "--budget", BUDGET, "--weights", weights, "--arch", arch_file(arch),
                   "--workload", NETWORKS[net], "--out", out]


def adapt(net, arch, method, a, weights, supernet=None):
    """One finished run of `hwaware adapt` (made now or reused): its timings, family and final shape.
    `supernet`: V2 takes the super-network an earlier run trained instead of training one."""
    name = run_name(net, arch, method, a, supernet)
    out = os.path.join(WORK, name)
    stdout_path = out + ".out"
    if os.path.exists(stdout_path + ".unreachable"):
        with open(stdout_path + ".unreachable") as f:
            return dict(json.load(f), unreachable=True)
    if not (os.path.exists(os.path.join(out, "family.csv")) and os.path.exists(stdout_path)):
        if os.path.exists(out):
            print(f"{name}: starting the unfinished run again from scratch (a resumed run's wall time would not cover "
                  "its whole search)", file=sys.stderr)
            shutil.rmtree(out)
        print(f"{net} on {arch}: NetAdapt {method}", file=sys.stderr)
        if run_hw(adapt_args(net, arch, method, a, weights, out, supernet), name, stdout_path, out + ".log") is None:
            return adapt(net, arch, method, a, weights, supernet)
    with open(stdout_path) as f:
        result = parse_adapt(f.read(), method, name, stdout_path)
    result["rows"] = read_family(os.path.join(out, "family.csv"))
    result["dir"] = out
    if method == "v1":  # V1 narrows layers and never removes one
        depth = count_layers(NETWORKS[net])
        result.update(layers=(depth, depth), shape=v1_shape(result["rows"]))
    return result


def parse_adapt(stdout, method, name, path):
    summary = SUMMARY_RE.search(stdout)
    wall = (V1_WALL_RE if method == "v1" else V2_WALL_RE).search(stdout)
    final = V2_FINAL_RE.search(stdout) if method == "v2" else None
    split = (V1_SPLIT_RE if method == "v1" else V2_SPLIT_RE).search(stdout)
    if not summary or not wall or not split or (method == "v2" and not final):
        fail(f"run {name}: its stdout {path} lacks the summary lines expected of `adapt --method {method}` "
             "(delete it to run again)")
    r = {"iterations": int(summary.group(2)), "wall": float(wall.group(1))}
    if method == "v1":
        r.update(search_s=float(split.group(1)), finish_s=float(split.group(2)))
        r.update(supernet=None, cost=float(wall.group(2)), calls=int(wall.group(4)),
                 split=f"proposals fine-tuned and scored {float(split.group(1)):.1f}, final fine-tune {float(split.group(2)):.1f}")
    else:
        r.update(search_s=float(split.group(2)), finish_s=float(split.group(3)))
        r.update(split=f"super-network training {float(split.group(1)):.1f}, candidates scored {float(split.group(2)):.1f}, "
                       f"final fine-tune {float(split.group(3)):.1f}")
        r.update(supernet=float(wall.group(2)), cost=float(wall.group(3)), calls=int(wall.group(5)),
                 layers=(int(final.group(1)), int(final.group(2))), shape=final.group(3).strip() or "no change")
    return r


def read_family(path):
    """family.csv's rows, each with `energy` (in millions of its unit) and `unit` set: energy_pj (pJ,
    so uJ) or energy_mace (units of one MAC, for the normalized Eyeriss table, so M MACe)."""
    with open(path, newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        pj = "energy_pj" in row
        row["energy"] = float(row["energy_pj" if pj else "energy_mace"]) * 1e-6
        row["unit"] = "uJ" if pj else "M MACe"
    return rows


def count_layers(workload):
    """Layers of a workload file as scripts/gen_networks.py writes them (one `- {name: ...}` a line)."""
    with open(workload) as f:
        return sum(1 for line in f if re.match(r"\s*-\s*\{\s*name:", line))


def v1_shape(rows):
    """The final network's widths against the start's, from family.csv's width:LAYER columns."""
    first, final = rows[0], rows[-1]
    columns = [k for k in first if k and k.startswith("width:")]
    changes = [f"{k[len('width:'):]} {first[k]}->{final[k]}" for k in columns if first[k] != final[k]]
    return ", ".join(changes) or "no change"


def accuracy(result):
    """The final network's test accuracy in %, rounded as shown."""
    return round(100 * float(result["rows"][-1]["test_accuracy"]), 2)


def accuracy_gain(case):
    """V2's final accuracy minus V1's, in points (of the values as shown)."""
    return round(accuracy(case["v2"]) - accuracy(case["v1"]), 2)


def speedup(case):
    """V1's search time over V2's (above 1: V2 faster), rounded as shown."""
    return round(case["v1"]["wall"] / case["v2"]["wall"], 2)


def machine():
    try:
        cores = subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        cores = str(os.cpu_count())
    model = "unknown CPU"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return f"{cores} cores (`nproc`), {model}"


def header(a, baselines):
    lines = ["# NetAdaptV2 against NetAdapt V1", "",
             "Generated by `scripts/study-netadapt-v2` (do not edit by hand) on " + datetime.date.today().isoformat() +
             ", on " + machine() + ".", "",
             "Settings: networks " + ", ".join(f"`{n}`" for n in a.networks) + "; accelerators " +
             ", ".join(f"`{x}`" for x in a.accelerators) + f"; baselines trained {a.train_steps:,} steps; both methods "
             f"`--budget {BUDGET} --step {STEP} --long-steps {a.long_steps}`; V1 `--short-steps {a.short_steps}`; V2 "
             f"`--supernet-steps {a.supernet_steps} --samples {a.samples}` (with the defaults `--layers-per-sample 2 "
             "--search width,depth`). The commands, run one after another:", "",
             "```",
             f"hwaware train --workload NET.yaml --out NET.weights --steps {a.train_steps}",
             f"hwaware adapt --method v1 --step {STEP} --short-steps {a.short_steps} --long-steps {a.long_steps} "
             f"--budget {BUDGET} --weights NET.weights --arch ARCH.yaml --workload NET.yaml --out RUN/",
             f"hwaware adapt --method v2 --step {STEP} --supernet-steps {a.supernet_steps} --samples {a.samples} "
             f"--long-steps {a.long_steps} --budget {BUDGET} --weights NET.weights --arch ARCH.yaml --workload NET.yaml --out RUN/",
             "```", "",
             f"Method: V1 fine-tunes every proposal ({a.short_steps} steps) and then the final network ({a.long_steps} "
             f"steps). V2 trains one super-network with ordered dropout for {a.supernet_steps} steps from the same trained "
             "baseline, scores candidates from its shared weights (no fine-tuning; batch-norm statistics recomputed on "
             "2,000 training images), shrinks several layers per iteration (multi-layer coordinate descent, "
             f"{a.samples} candidates per iteration, 2 dimensions each), may bypass layers that keep their input's shape "
             f"(depth), then fine-tunes the final network {a.long_steps} steps. Both start from the same baseline, trained "
             f"{a.train_steps:,} steps, whose training time is reported separately and counted in neither. Search times are "
             "the `wall time` each `adapt` command reports; they include the final fine-tune.", ""]
    if "rram_128x128_duplicated" in a.accelerators:
        lines += ["The PIM accelerator is `arch/presets/rram_128x128.yaml` with `duplicate: free` added, as in",
                  "[the NetAdapt study](netadapt.md): a layer is copied into crossbars no layer's weights hold. Without",
                  "copies a crossbar layer's latency does not depend on its width, and a latency budget is unreachable.", ""]
    lines += ["Baselines (training time measured around the command):", ""]
    lines += [f"- `{net}`: {b['seconds']:.1f} s for {a.train_steps:,} steps; test accuracy {b['test']:.2f}%, holdout "
              f"{b['holdout']:.2f}%" for net, b in baselines.items()]
    return lines + [""]


def method_row(label, r):
    start, final = r["rows"][0], r["rows"][-1]
    latency, start_latency = float(final["latency_s"]), float(start["latency_s"])
    return (f"| {label} | {r['wall']:.1f} | {r['split']} | {r['cost']:.3f} ({r['calls']:,} calls) | {r['iterations']} | "
            f"{100 * float(start['test_accuracy']):.2f} | {accuracy(r):.2f} | {latency * 1e6:.2f} "
            f"({100 * latency / start_latency:.1f}% of start) | {final['energy']:.3f} | {int(final['macs']):,} | "
            f"{r['layers'][0]} of {r['layers'][1]} | {r['shape']} |")


def case_section(case, baseline):
    v1 = case["v2"]["rows"][0] if case["v1"].get("unreachable") else case["v1"]["rows"][0]
    lines = [f"## `{case['net']}` on {ACCELERATORS[case['arch']]}", "",
             f"The start: {float(v1['latency_s']) * 1e6:.2f} us, {v1['energy']:.3f} {v1['unit']}, {int(v1['macs']):,} MACs; "
             f"the baseline's test accuracy {baseline['test']:.2f}% (V2's member 0 is the super-network's largest "
             "sub-network).", "",
             "| method | search time (s) | of which training (s) | of which cost evaluation (s) | iterations | "
             f"member 0 test accuracy (%) | final test accuracy (%) | latency (us) | energy ({v1['unit']}) | MACs | layers | "
             "shape found |",
             "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    lines += [method_row(m.upper(), case[m]) if not case[m].get("unreachable") else
              f"| {m.upper()} | {case[m]['wall']:.1f} (stopped) | | | | | | | | | | {case[m]['error']} |" for m in METHODS]
    if "v2_reused" in case:
        lines.append(method_row(f"V2, the super-network of its {ACCELERATORS[case['reused_from']]} run", case["v2_reused"]))
    return lines + ["", "The training split is what `adapt` reports: V1's proposals include their fine-tunes and holdout "
                    "scoring, V2's candidates their cutting out, batch-norm recomputation and holdout scoring; both include "
                    "the members' test accuracies. V1's shape is the final widths against the start's (family.csv); V2's "
                    "is its `final network:` line.", ""]


def summary(cases):
    lines = ["## Summary", "",
             "| network | accelerator | V1 time (s) | V2 time (s) | speed-up (V1/V2) | V1 accuracy (%) | V2 accuracy (%) | "
             "V2 - V1 (points) | final latency V2/V1 |",
             "|---|---|---:|---:|---:|---:|---:|---:|---:|"]
    for c in cases:
        latency = float(c["v2"]["rows"][-1]["latency_s"]) / float(c["v1"]["rows"][-1]["latency_s"])
        lines.append(f"| `{c['net']}` | {ACCELERATORS[c['arch']]} | {c['v1']['wall']:.1f} | {c['v2']['wall']:.1f} | "
                     f"{speedup(c):.2f}x | {accuracy(c['v1']):.2f} | {accuracy(c['v2']):.2f} | {accuracy_gain(c):+.2f} | "
                     f"{latency:.2f} |")
    lines.append("")
    for c in cases:
        if "v2_reused" not in c:
            continue
        r = c["v2_reused"]
        lines.append(f"A super-network depends on the network, not on the accelerator: searched again for {case_label(c)} "
                     f"with the super-network of its {ACCELERATORS[c['reused_from']]} run (`--supernet`), V2 took "
                     f"{r['wall']:.1f} s, {c['v1']['wall'] / r['wall']:.2f}x less than V1, to {accuracy(r):.2f}% "
                     f"({accuracy(r) - accuracy(c['v1']):+.2f} points against V1).")
        lines.append("")
    return lines


def span(values, fmt):
    lo, hi = min(values), max(values)
    return fmt.format(lo) if lo == hi else fmt.format(lo) + " to " + fmt.format(hi)


def case_label(c):
    return f"`{c['net']}` on {ACCELERATORS[c['arch']]}"


def speed_text(cases):
    n, faster = len(cases), [speedup(c) for c in cases]
    slower = [c for c in cases if speedup(c) < 1]
    if not slower and min(faster) > 1:
        text = f"Here V2's search took less time than V1's in all {n} cases measured: {span(faster, '{:.2f}x')} less."
    elif len(slower) == n:
        text = f"Here V2's search took longer than V1's in all {n} cases measured (V1/V2 time {span(faster, '{:.2f}')})."
    else:
        text = (f"Here the V1/V2 time ratio ranged from {span(faster, '{:.2f}')}; V2 was faster in "
                f"{sum(f > 1 for f in faster)} of {n} cases" +
                ("" if not slower else "; slower on " + ", ".join(f"{case_label(c)} ({speedup(c):.2f})" for c in slower)) + ".")
    best = max(faster)
    relation = "above" if best > PAPER_SPEEDUP else "equal to" if best == PAPER_SPEEDUP else "below"
    return text + f" The largest ratio measured, {best:.2f}x, is {relation} the paper's {PAPER_SPEEDUP}x."


def accuracy_text(cases):
    n, gains = len(cases), [accuracy_gain(c) for c in cases]
    worse = [c for c in cases if accuracy_gain(c) < 0]
    if not worse:
        return [f"V2's final test accuracy was equal to or better than V1's in all {n} cases (V2 - V1: "
                f"{span(gains, '{:+.2f}')} points)."]
    lines = [f"V2's final test accuracy was equal to or better than V1's in {n - len(worse)} of {n} cases, and worse in "
             f"{len(worse)}:", ""]
    lines += [f"- {case_label(c)}: {accuracy(c['v2']):.2f}% against {accuracy(c['v1']):.2f}% ({accuracy_gain(c):+.2f} points)"
              for c in worse]
    return lines


def against_paper(cases, a):
    holds = sum(speedup(c) > 1 and accuracy_gain(c) >= 0 for c in cases)
    lines = ["## Against the paper", "",
             f"NetAdaptV2 (Yang, Liao and Sze, CVPR 2021) reports up to {PAPER_SPEEDUP}x less total search time than "
             "NetAdapt at equal or better accuracy, on ImageNet. " + speed_text(cases), ""]
    phase = [c["v1"]["search_s"] / c["v2"]["search_s"] for c in cases]
    lines += [f"Where the time goes: the search itself (V1's proposals, fine-tuned and scored, against V2's candidates, "
              f"scored from the shared weights) took {span(phase, '{:.2f}x')} less with V2. V2 pays for it with the "
              f"super-network's training ({span([c['v2']['supernet'] for c in cases], '{:.1f}')} s), and both end with "
              f"the final fine-tune ({span([c[m]['finish_s'] for c in cases for m in METHODS], '{:.1f}')} s): these two "
              "fixed costs are what keeps the total ratio below the search's. A super-network trained once serves every "
              "accelerator (the summary's `--supernet` runs).", ""]
    lines += accuracy_text(cases)
    lines += ["", f"Less search time at equal or better accuracy holds in {holds} of {len(cases)} cases here. Accuracies "
              f"are compared at the same budget ({BUDGET}), not at the same final latency (the summary's last column). "
              f"The time ratio depends on this study's step counts ({a.short_steps} fine-tuning steps per V1 proposal, "
              f"{a.supernet_steps} super-network steps and {a.samples} candidates per iteration for V2), which are not the "
              "paper's, and its networks are small Fashion-MNIST CNNs, not the paper's ImageNet ones. Each case is one run "
              "with one seed: the study does not measure how much of an accuracy difference is run-to-run noise.", ""]
    return lines


def unreachable_text(cases):
    """What the runs that could not reach the budget say (not in the comparisons above or below)."""
    lines = []
    for c in cases:
        for m in METHODS:
            if c[m].get("unreachable"):
                lines += [f"On {case_label(c)}, {m.upper()} stopped after {c[m]['wall']:.1f} s without reaching the budget "
                          f"(`{c[m]['error']}`): it narrows one width group per iteration, and no single group reached that "
                          f"iteration's target. {'V2 reached it' if m == 'v1' and not c['v2'].get('unreachable') else ''}"
                          f"{' (shrinking several dimensions at once).' if m == 'v1' and not c['v2'].get('unreachable') else ''}"
                          " The case is left out of the comparisons.", ""]
    return lines


def write_doc(a, baselines, cases):
    lines = header(a, baselines)
    for c in cases:
        lines += case_section(c, baselines[c["net"]])
    complete = [c for c in cases if not any(c[m].get("unreachable") for m in METHODS)]
    lines += summary(complete) + unreachable_text(cases) + against_paper(complete, a)
    tmp = DOC + ".tmp"
    with open(tmp, "w") as f:
        f.write("\n".join(lines).rstrip("\n") + "\n")
    os.replace(tmp, DOC)


def main():
    a = parse_args()
    if not os.access(HW, os.X_OK):
        fail(f"{HW} is missing: build the project first (scripts/setup)")
    os.makedirs(WORK, exist_ok=True)
    baselines, cases = {}, []
    for net in a.networks:
        baselines[net] = train(net, a)
        for arch in a.accelerators:
            case = {"net": net, "arch": arch}
            for method in METHODS:
                case[method] = adapt(net, arch, method, a, baselines[net]["weights"])
            if cases and cases[-1]["net"] == net:  # the super-network of the network's first accelerator, searched again
                first = next(c for c in cases if c["net"] == net)
                case["v2_reused"] = adapt(net, arch, "v2", a, baselines[net]["weights"],
                                          os.path.join(first["v2"]["dir"], "supernet.weights"))
                case["reused_from"] = first["arch"]
            cases.append(case)
    write_doc(a, baselines, cases)
    print(DOC)


if __name__ == "__main__":
    main()
