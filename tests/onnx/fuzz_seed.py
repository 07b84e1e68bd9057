#!/usr/bin/python3
"""Writes tests/fuzz/seeds/workload_onnx/tiny_cnn.onnx, the workload_onnx fuzz target's seed: a
small CNN exported by torch.onnx.export (opset 13) with most ops the importer knows (Conv with
stride, groups and dilation, BatchNormalization, Relu, MaxPool with ceil_mode, Concat, Add,
GlobalAveragePool, Flatten, Gemm) in a few KB. Run once; the file is committed.

Usage: /usr/bin/python3 tests/onnx/fuzz_seed.py
"""

import pathlib
import warnings

import torch


class TinyCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.stem = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, stride=2, padding=1), torch.nn.BatchNorm2d(8), torch.nn.ReLU())
        self.pool = torch.nn.MaxPool2d(3, stride=2, ceil_mode=True)
        self.a = torch.nn.Conv2d(8, 4, 1)
        self.b = torch.nn.Sequential(torch.nn.Conv2d(8, 8, 3, padding=2, dilation=2, groups=8), torch.nn.Conv2d(8, 4, 1))
        self.mix = torch.nn.Conv2d(8, 8, 1)
        self.skip = torch.nn.Conv2d(8, 8, 1)
        self.fc = torch.nn.Linear(8, 5)

    def forward(self, x):
        x = self.pool(self.stem(x))
        y = torch.relu(self.mix(torch.cat([self.a(x), self.b(x)], 1)) + self.skip(x))
        return self.fc(torch.flatten(torch.nn.functional.adaptive_avg_pool2d(y, 1), 1))


def main():
    torch.manual_seed(0)
    out = pathlib.Path(__file__).resolve().parent.parent / "fuzz/seeds/workload_onnx/tiny_cnn.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(TinyCnn().eval(), torch.randn(1, 3, 16, 16), str(out), opset_version=13)
    print(f"{out}: {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
