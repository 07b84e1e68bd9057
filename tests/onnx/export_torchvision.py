#!/usr/bin/python3
"""Exports torchvision's ResNet-50, MobileNet V2, VGG-16 and GoogLeNet to ONNX (opset 13, batch 1,
untrained weights), a MobileNet V2 whose batch dimension is symbolic (for `--batch`), a small
network with an LSTM (an op hwaware does not model) and the first half of its file (a truncated
model), into OUT; and writes OUT/macs.json with each
network's MAC total counted from the PyTorch modules themselves, independently of ONNX and of
hwaware: forward hooks on every Conv2d (output elements x in_channels/groups x kH x kW) and Linear
(in_features x out_features x rows).

Usage: /usr/bin/python3 tests/onnx/export_torchvision.py --out DIR
Debian's python3-torch and python3-torchvision only (the `python3` first on PATH may lack them).
A run whose script and torch version match OUT/macs.json's keeps the files it finds there.
"""

import argparse
import hashlib
import json
import pathlib
import sys
import time
import warnings

import torch
import torchvision

OPSET = 13


def count_macs(model, x):
    """MACs of one forward pass, from the shapes the modules see."""
    total = 0

    def conv_hook(m, _inputs, out):
        nonlocal total
        kh, kw = m.kernel_size
        total += out.numel() * (m.in_channels // m.groups) * kh * kw

    def linear_hook(m, _inputs, out):
        nonlocal total
        total += m.in_features * m.out_features * (out.numel() // m.out_features)

    hooks = []
    for m in model.modules():
        if isinstance(m, torch.nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, torch.nn.Linear):
            hooks.append(m.register_forward_hook(linear_hook))
    with torch.no_grad():
        model(x)
    for h in hooks:
        h.remove()
    return total


class TinyLstm(torch.nn.Module):
    """A convolution then an LSTM over the rows of its output: an op hwaware does not model."""

    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 4, 3)
        self.lstm = torch.nn.LSTM(4 * 6, 8, batch_first=True)

    def forward(self, x):
        y = self.conv(x)  # [1, 4, 6, 6]
        y = y.permute(0, 2, 1, 3).reshape(1, 6, 24)
        return self.lstm(y)[0]


def networks():
    """(file stem, model, input, dynamic batch): torchvision's networks in eval mode, untrained."""
    image = torch.randn(1, 3, 224, 224)
    # GoogLeNet: eval mode has no auxiliary classifiers (aux_logits=False drops them altogether).
    # transform_input=True (the default of its ImageNet weights) starts the graph with per-channel
    # affine ops on the input (Gather, Unsqueeze, Mul, Add, Concat), which hwaware lists as costing
    # nothing; torchvision's count has no MACs for them either.
    googlenet = torchvision.models.googlenet(weights=None, aux_logits=False, transform_input=True, init_weights=False)
    return [
        ("resnet50", torchvision.models.resnet50(weights=None), image, False),
        ("mobilenet_v2", torchvision.models.mobilenet_v2(weights=None), image, False),
        ("vgg16", torchvision.models.vgg16(weights=None), image, False),
        ("googlenet", googlenet, image, False),
        ("mobilenet_v2_dynamic", torchvision.models.mobilenet_v2(weights=None), image, True),
        ("tiny_lstm", TinyLstm(), torch.randn(1, 3, 8, 8), False),
    ]


def export(model, x, path, dynamic):
    axes = {"input": {0: "batch"}, "output": {0: "batch"}} if dynamic else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, x, str(path), opset_version=OPSET, input_names=["input"], output_names=["output"],
                          dynamic_axes=axes, do_constant_folding=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=pathlib.Path, required=True)
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    stamp = hashlib.sha256(pathlib.Path(__file__).read_bytes()).hexdigest() + " torch " + torch.__version__
    index = args.out / "macs.json"
    if index.exists():
        old = json.loads(index.read_text())
        files = [f"{n}.onnx" for n in old.get("macs", {})] + ["truncated.onnx"]
        if old.get("stamp") == stamp and all((args.out / f).exists() for f in files):
            print(f"{index}: up to date")
            return 0
        index.unlink()
    torch.manual_seed(0)
    macs = {}
    for name, model, x, dynamic in networks():
        started = time.monotonic()
        model.eval()
        macs[name] = count_macs(model, x)
        export(model, x, args.out / f"{name}.onnx", dynamic)
        print(f"{name:22} {macs[name]:>15,} MACs  exported in {time.monotonic() - started:.1f} s", flush=True)
    lstm = (args.out / "tiny_lstm.onnx").read_bytes()
    (args.out / "truncated.onnx").write_bytes(lstm[:len(lstm) // 2])
    tmp = index.with_suffix(".json.tmp")
    tmp.write_text(json.dumps({"stamp": stamp, "opset": OPSET, "macs": macs}, indent=1) + "\n")
    tmp.rename(index)  # last: an interrupted run leaves no index to trust
    return 0


if __name__ == "__main__":
    sys.exit(main())
