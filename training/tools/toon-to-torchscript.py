#!/usr/bin/env python3
"""Writes a Toonsmith `cartoongan` style (.toon) as a TorchScript generator, the same network and weights.

Used for the import timings in the README: the same network as a native style, as ONNX (`toonsmith export-onnx`)
and as TorchScript (this script), each imported back with `toonsmith import-style` and timed by one `toonsmith bench`
run. Needs Debian's python3-torch (1.13); it reads the style's safetensors itself, so nothing else.

    /usr/bin/python3 training/tools/toon-to-torchscript.py STYLE.toon OUT.pt
"""
import json
import struct
import sys
import zipfile

import torch
import torch.nn as nn
import torch.nn.functional as F


def read_weights(toon):
    with zipfile.ZipFile(toon) as z:
        manifest = json.loads(z.read("manifest.json"))
        raw = z.read(manifest["weights"])
    (size,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + size])
    data = raw[8 + size:]
    weights = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        if entry["dtype"] != "F32":
            raise SystemExit(f"{toon}: tensor {name} is {entry['dtype']}, expected F32")
        start, end = entry["data_offsets"]
        weights[name] = torch.frombuffer(bytearray(data[start:end]), dtype=torch.float32).reshape(entry["shape"])
    return manifest, weights


class ConvUnit(nn.Module):
    """Reflection padding, convolution, instance norm (or a bias), then the non-linearity: Toonsmith's ConvUnit."""

    def __init__(self, weights, name, stride, norm, act):
        super().__init__()
        w = weights[name + "_02conv_weight"]
        self.pad = w.shape[-1] // 2
        self.conv = nn.Conv2d(w.shape[1], w.shape[0], w.shape[-1], stride=stride, bias=not norm)
        self.conv.weight.data.copy_(w)
        if not norm:
            self.conv.bias.data.copy_(weights[name + "_02conv_bias"])
        self.norm = nn.InstanceNorm2d(w.shape[0], affine=True) if norm else nn.Identity()
        if norm:
            self.norm.weight.data.copy_(weights[name + "_03norm_gamma"])
            self.norm.bias.data.copy_(weights[name + "_03norm_beta"])
        self.act = {"relu": nn.ReLU(), "tanh": nn.Tanh(), "none": nn.Identity()}[act]

    def forward(self, x):
        return self.act(self.norm(self.conv(F.pad(x, [self.pad] * 4, mode="reflect"))))


class Residual(nn.Module):
    def __init__(self, weights, prefix):
        super().__init__()
        self.a = ConvUnit(weights, prefix + "01a", 1, True, "relu")
        self.b = ConvUnit(weights, prefix + "02b", 1, True, "none")

    def forward(self, x):
        return x + self.b(self.a(x))


class Upsample(nn.Module):
    def forward(self, x):
        return F.interpolate(x, scale_factor=2.0, mode="nearest")


def cartoongan(manifest, weights):
    arch = manifest["architecture"]
    if arch["name"] != "cartoongan":
        raise SystemExit(f"architecture {arch['name']}: only cartoongan styles are written by this script")
    blocks = arch["hyperparameters"]["residualBlocks"]
    layers = [ConvUnit(weights, "01in", 1, True, "relu"),
              ConvUnit(weights, "02down1", 2, True, "relu"),
              ConvUnit(weights, "03down2", 2, True, "relu")]
    layers += [Residual(weights, "%02dres%d_01body_" % (4 + i, i)) for i in range(blocks)]
    n = 4 + blocks
    layers += [Upsample(), ConvUnit(weights, "%02dup1conv" % (n + 1), 1, True, "relu"),
               Upsample(), ConvUnit(weights, "%02dup2conv" % (n + 3), 1, True, "relu"),
               ConvUnit(weights, "%02dout" % (n + 4), 1, False, "tanh")]
    return nn.Sequential(*layers).eval()


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    manifest, weights = read_weights(sys.argv[1])
    model = cartoongan(manifest, weights)
    with torch.no_grad():
        scripted = torch.jit.script(model)
        probe = torch.rand(1, 3, 64, 96) * 2 - 1
        assert scripted(probe).shape == probe.shape
    scripted.save(sys.argv[2])
    print(f"Wrote {sys.argv[2]}: {manifest['name']} as TorchScript")


if __name__ == "__main__":
    main()
