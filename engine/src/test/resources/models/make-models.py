#!/usr/bin/python3
"""Builds the small model fixtures in this folder: a CycleGAN-style ResNet generator exported as
TorchScript and ONNX, test inputs, PyTorch's own outputs for them, and deliberately broken models.

Run from anywhere with Debian's PyTorch:  /usr/bin/python3 make-models.py
Needs python3-torch (and python3-onnx for the ONNX check); no PIL: PNGs are written with zlib+struct.
Everything is deterministic (torch.manual_seed(0)); the files are CC0 (see README.md).
"""
import os
import struct
import sys
import zlib

import numpy as np
import torch
import torch.nn as nn

HERE = os.path.dirname(os.path.abspath(__file__))
OPSET = 17


class ResnetBlock(nn.Module):
    """Reflection pad 1, conv 3x3, instance norm, ReLU, reflection pad 1, conv 3x3, instance norm; plus skip."""

    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, padding=0, bias=True), nn.InstanceNorm2d(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, padding=0, bias=True), nn.InstanceNorm2d(dim))

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    """As junyanz/pytorch-CycleGAN-and-pix2pix ResnetGenerator with norm='instance' (affine=False,
    no running stats, so convs have biases), no dropout, padding_type='reflect'."""

    def __init__(self, input_nc=3, output_nc=3, ngf=8, n_blocks=2):
        super().__init__()
        model = [nn.ReflectionPad2d(3), nn.Conv2d(input_nc, ngf, 7, padding=0, bias=True),
                 nn.InstanceNorm2d(ngf), nn.ReLU(True)]
        for i in range(2):  # downsampling
            mult = 2 ** i
            model += [nn.Conv2d(ngf * mult, ngf * mult * 2, 3, stride=2, padding=1, bias=True),
                      nn.InstanceNorm2d(ngf * mult * 2), nn.ReLU(True)]
        mult = 4
        for _ in range(n_blocks):
            model += [ResnetBlock(ngf * mult)]
        for i in range(2):  # upsampling
            mult = 2 ** (2 - i)
            model += [nn.ConvTranspose2d(ngf * mult, ngf * mult // 2, 3, stride=2, padding=1, output_padding=1,
                                         bias=True),
                      nn.InstanceNorm2d(ngf * mult // 2), nn.ReLU(True)]
        model += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, output_nc, 7, padding=0), nn.Tanh()]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        return self.model(x)


def path(name):
    return os.path.join(HERE, name)


def write_png(name, rgb):
    """8-bit RGB PNG (colour type 2, no interlace, filter 0 on every row) from an HxWx3 uint8 array."""
    h, w, _ = rgb.shape
    raw = b"".join(b"\x00" + rgb[y].tobytes() for y in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(path(name), "wb") as f:
        f.write(png)


def read_png(name):
    """Reads back what write_png wrote (only that variant), so the reference output comes from the file's pixels."""
    with open(path(name), "rb") as f:
        data = f.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, w, h = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            w, h, depth, colour = struct.unpack(">IIBB", body[:10])
            assert depth == 8 and colour == 2
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = np.frombuffer(zlib.decompress(idat), dtype=np.uint8).reshape(h, 1 + 3 * w)
    assert (raw[:, 0] == 0).all()
    return raw[:, 1:].reshape(h, w, 3).copy()


def test_image(h, w):
    """A smooth colour gradient with a disc, a rectangle and a diagonal stripe: deterministic, no randomness."""
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    r = 40 + 180 * x / (w - 1)
    g = 30 + 190 * y / (h - 1)
    b = 200 - 120 * (x + y) / (w + h - 2)
    disc = (x - 0.3 * w) ** 2 + (y - 0.4 * h) ** 2 < (0.22 * min(w, h)) ** 2
    r[disc], g[disc], b[disc] = 235, 200, 40
    rect = (x > 0.55 * w) & (x < 0.85 * w) & (y > 0.55 * h) & (y < 0.8 * h)
    r[rect], g[rect], b[rect] = 20, 60, 150
    stripe = np.abs((x - y) - 0.1 * w) < 2
    r[stripe], g[stripe], b[stripe] = 250, 250, 250
    return np.clip(np.rint(np.stack([r, g, b], axis=-1)), 0, 255).astype(np.uint8)


def to_tensor(rgb):
    """HxWx3 uint8 RGB -> 1x3xHxW float32 in -1..1, exactly pixel/255*2-1."""
    t = torch.from_numpy(rgb.astype(np.float32)).permute(2, 0, 1).unsqueeze(0)
    return t / 255.0 * 2.0 - 1.0


def save_torchscript(model, example, name):
    traced = torch.jit.trace(model, example)
    torch.jit.save(traced, path(name))
    return traced


def main():
    torch.set_num_threads(1)
    torch.manual_seed(0)
    print("torch", torch.__version__)

    model = ResnetGenerator(3, 3, ngf=8, n_blocks=2).eval()
    inputs = {}
    for (h, w), png_name in (((64, 96), "test-input.png"), ((80, 48), "test-input-80x48.png")):
        write_png(png_name, test_image(h, w))
        inputs[(h, w)] = to_tensor(read_png(png_name))

    example = inputs[(64, 96)]
    with torch.no_grad():
        traced = save_torchscript(model, example, "cyclegan-resnet.torchscript.pt")
        for (h, w), x in inputs.items():
            y = model(x)
            assert y.shape == (1, 3, h, w), y.shape
            # The trace must not have frozen the size in: check the saved file at every size.
            reloaded = torch.jit.load(path("cyclegan-resnet.torchscript.pt"))
            assert torch.equal(reloaded(x), y) or (reloaded(x) - y).abs().max() < 1e-6
            y[0].numpy().astype("<f4").tofile(path("test-output-%dx%d.f32" % (h, w)))
            print("output %dx%d: min %.4f max %.4f mean %.4f std %.4f"
                  % (h, w, y.min(), y.max(), y.mean(), y.std()))

        torch.onnx.export(model, example, path("cyclegan-resnet.onnx"), opset_version=OPSET,
                          input_names=["input"], output_names=["output"],
                          dynamic_axes={"input": {0: "batch", 2: "height", 3: "width"},
                                        "output": {0: "batch", 2: "height", 3: "width"}},
                          do_constant_folding=True)
    try:
        import onnx
        onnx.checker.check_model(onnx.load(path("cyclegan-resnet.onnx")))
        print("onnx", onnx.__version__, "checker passed, opset", OPSET)
    except ImportError:
        print("onnx package not installed: ONNX file not checked", file=sys.stderr)

    # Broken fixtures for validation tests.
    with open(path("cyclegan-resnet.onnx"), "rb") as f:
        whole = f.read()
    with open(path("truncated.onnx"), "wb") as f:
        f.write(whole[:len(whole) // 2])
    with open(path("not-a-model.pt"), "w") as f:
        f.write("This is a text file, not a TorchScript model. Toonsmith must refuse to import it.\n")

    torch.manual_seed(0)
    small = torch.zeros(1, 3, 32, 32)
    with torch.no_grad():
        one = ResnetGenerator(3, 1, ngf=4, n_blocks=1).eval()
        save_torchscript(one, small, "one-channel.torchscript.pt")
        nan = ResnetGenerator(3, 3, ngf=4, n_blocks=1).eval()
        for p in nan.parameters():
            p.fill_(float("nan"))
        save_torchscript(nan, small, "nan-output.torchscript.pt")
        assert torch.isnan(torch.jit.load(path("nan-output.torchscript.pt"))(small)).all()
        assert torch.jit.load(path("one-channel.torchscript.pt"))(small).shape == (1, 1, 32, 32)

    for name in sorted(os.listdir(HERE)):
        print("%8d  %s" % (os.path.getsize(path(name)), name))


if __name__ == "__main__":
    if globals().get("_RELATIVE_SOURCE"):
        main()
    else:
        # torch.jit records the Python call stack of every traced op, file names included, in the TorchScript
        # files' debug info, and Python names a script by its absolute path. So that the files do not depend
        # on where the checkout lies, the interpreter runs this file again under its bare name, from "-c".
        runner = ("import os, sys; f = sys.argv[1]; exec(compile(open(f, encoding='utf-8').read(), "
                  "os.path.basename(f), 'exec'), {'__name__': '__main__', '__file__': f, '_RELATIVE_SOURCE': True})")
        os.execv(sys.executable, [sys.executable, "-c", runner, os.path.abspath(__file__)])
