"""Regenerates features.pt, the tiny TorchScript feature extractor the perceptual-loss tests train with.

    python3 make_features.py        # any PyTorch >= 1.13 (Debian: apt-get install python3-torch)

Two 3x3 convolutions with fixed seeded weights, each followed by ReLU; forward returns both feature maps
as a tuple, as a VGG slice cut at several layers would. Like a user's extractor, it receives RGB in [-1, 1]
(N, 3, H, W) and normalizes for itself.
"""
import os

import torch
from torch import nn


class TinyFeatures(nn.Module):
    def __init__(self):
        super().__init__()
        # 16 channels, not fewer: on some AVX-512 CPUs libtorch's backward kernels return wrong, even varying,
        # gradients through a convolution of 4 output channels, which broke the tests' exact resume there.
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.conv2 = nn.Conv2d(16, 16, 3, padding=1, stride=2)

    def forward(self, x):
        x = x * 0.5 + 0.5  # [-1, 1] -> [0, 1], where this extractor's weights expect it
        a = torch.relu(self.conv1(x))
        b = torch.relu(self.conv2(a))
        return a, b


torch.manual_seed(1234)
module = torch.jit.script(TinyFeatures().eval())
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "features.pt")
torch.jit.save(module, out)
print(out, os.path.getsize(out), "bytes, torch", torch.__version__)
