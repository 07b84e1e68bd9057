#!/usr/bin/env python3
"""A small width search in PyTorch, guided by hwaware's cost oracle (simulated latency, not measured).

The candidates are a VGG-style Fashion-MNIST CNN at width multipliers for its two stages. For each,
the same widths build an hwaware workload (a dict) and a PyTorch model; hwaware's oracle answers the
latency and energy of that shape on the accelerator, candidates over the latency budget are dropped
without training, the others are trained briefly and the most accurate is kept.

    PYTHONPATH=build/python python3 docs/examples/width_search.py --arch arch/presets/eyeriss_like.yaml

Needs Debian's python3-torch and the Fashion-MNIST files (dataset-fashion-mnist), both installed by
scripts/setup.
"""

import argparse
import gzip
import itertools
import pathlib
import time

import numpy as np
import torch
from torch import nn

import hwaware

DATA = pathlib.Path("/usr/share/datasets/fashion-mnist")
FULL = (32, 64)  # the two stages' widths at multiplier 1
MULTIPLIERS = (1.0, 0.75, 0.5, 0.25)


def workload(widths):
    """The hwaware description of the CNN at `widths` (as workloads/networks/fmnist_vgg.yaml at FULL)."""
    a, b = widths
    conv = lambda name, cin, cout, size: {"name": name, "type": "conv2d", "in_channels": cin, "out_channels": cout,
                                          "input": [size, size], "kernel": 3, "padding": 1}
    pool = lambda name, ch, size: {"name": name, "type": "pool", "mode": "max", "channels": ch, "input": [size, size],
                                   "kernel": 2, "stride": 2}
    layers = [conv("conv1_1", 1, a, 28), conv("conv1_2", a, a, 28), pool("pool1", a, 28),
              conv("conv2_1", a, b, 14), conv("conv2_2", b, b, 14), pool("pool2", b, 14),
              {"name": "fc1", "type": "fc", "in_features": b * 49, "out_features": 128},
              {"name": "fc2", "type": "fc", "in_features": 128, "out_features": 10}]
    return {"workload": {"name": f"fmnist_vgg_{a}_{b}", "batch": 1, "layers": layers}}


def model(widths):
    """The PyTorch CNN the description above describes."""
    a, b = widths
    block = lambda cin, cout: [nn.Conv2d(cin, cout, 3, padding=1, bias=False), nn.BatchNorm2d(cout), nn.ReLU()]
    return nn.Sequential(*block(1, a), *block(a, a), nn.MaxPool2d(2), *block(a, b), *block(b, b), nn.MaxPool2d(2),
                         nn.Flatten(), nn.Linear(b * 49, 128), nn.ReLU(), nn.Linear(128, 10))


def read_idx(name, offset):
    with gzip.open(DATA / name) as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def fashion_mnist():
    images = torch.tensor(read_idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 1, 28, 28), dtype=torch.float32) / 255
    labels = torch.tensor(read_idx("train-labels-idx1-ubyte.gz", 8), dtype=torch.long)
    return images, labels


def train_and_score(net, images, labels, steps, holdout, batch=64, seed=1):
    """`steps` SGD steps on the first images, accuracy on the last `holdout` ones."""
    torch.manual_seed(seed)
    train_end = len(images) - holdout
    opt = torch.optim.SGD(net.parameters(), lr=0.05, momentum=0.9)
    net.train()
    for _ in range(steps):
        idx = torch.randint(0, train_end, (batch,))
        opt.zero_grad()
        nn.functional.cross_entropy(net(images[idx]), labels[idx]).backward()
        opt.step()
    net.eval()
    with torch.no_grad():
        predicted = net(images[train_end:]).argmax(1)
    return (predicted == labels[train_end:]).float().mean().item()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--arch", required=True, help="accelerator description (any format hwaware reads)")
    ap.add_argument("--budget", type=float, default=0.5, help="latency budget, a fraction of the full network's")
    ap.add_argument("--steps", type=int, default=300, help="training steps per candidate")
    ap.add_argument("--holdout", type=int, default=5000, help="held-out training images that score a candidate")
    args = ap.parse_args()

    torch.set_num_threads(1)
    oracle = hwaware.CostOracle(hwaware.load_accelerator(args.arch))
    unit = oracle.metrics(hwaware.load_workload(workload(FULL)))["energy_unit"]
    full = oracle.metrics(hwaware.load_workload(workload(FULL)))["latency_s"]
    budget = args.budget * full
    images, labels = fashion_mnist()
    print(f"full network: {full * 1e3:.4f} ms on {args.arch}; budget {budget * 1e3:.4f} ms")
    best = None
    started = time.monotonic()
    for m1, m2 in itertools.product(MULTIPLIERS, MULTIPLIERS):
        widths = (max(1, round(FULL[0] * m1)), max(1, round(FULL[1] * m2)))
        metrics = oracle.metrics(hwaware.load_workload(workload(widths)))
        verdict = "over budget, not trained"
        if metrics["latency_s"] <= budget:
            accuracy = train_and_score(model(widths), images, labels, args.steps, args.holdout)
            verdict = f"accuracy {100 * accuracy:.2f}%"
            if best is None or accuracy > best[1]:
                best = (widths, accuracy, metrics)
        print(f"widths {widths}: {metrics['latency_s'] * 1e3:.4f} ms, {metrics['energy']:.4g} {unit}: {verdict}")
    if best is None:
        raise SystemExit("no candidate meets the budget")
    widths, accuracy, metrics = best
    print(f"chosen widths {widths}: accuracy {100 * accuracy:.2f}%, {metrics['latency_s'] * 1e3:.4f} ms "
          f"({metrics['latency_s'] / full:.0%} of the full network's), search {time.monotonic() - started:.1f} s")


if __name__ == "__main__":
    main()
