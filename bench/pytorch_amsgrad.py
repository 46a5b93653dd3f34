"""PyTorch's torch.optim.Adam(amsgrad=True) on the two problems of bench/online_1d.ts
and bench/large.ts, one thread. Prints one JSON object on stdout.

Usage: /usr/bin/python3 bench/pytorch_amsgrad.py [online_steps] [repeats]
"""
import json
import math
import sys
import time

import torch

torch.set_num_threads(1)
ONLINE_STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
REPEATS = int(sys.argv[2]) if len(sys.argv) > 2 else 5


def online(steps):
    """The Figure 1 online problem: AMSGrad, beta = (0.9, 0.99), alpha_t = 0.5/sqrt(t), F = [-1, 1]."""
    x = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.Adam([x], lr=0.5, betas=(0.9, 0.99), eps=1e-8, amsgrad=True)
    group = opt.param_groups[0]
    big = torch.tensor([1010.0], dtype=torch.float64)
    small = torch.tensor([-10.0], dtype=torch.float64)
    start = time.perf_counter()
    for t in range(1, steps + 1):
        x.grad = big if t % 101 == 1 else small
        group["lr"] = 0.5 / math.sqrt(t)
        opt.step()
        with torch.no_grad():
            x.clamp_(-1.0, 1.0)
    return steps / (time.perf_counter() - start)


def large(n=10_000_000):
    """Best ms per step of AMSGrad on n float32 parameters."""
    gen = torch.Generator().manual_seed(1)
    x = (torch.rand(n, generator=gen) * 2 - 1).requires_grad_()
    g = (torch.rand(n, generator=gen) * 2 - 1) * 1e-2
    opt = torch.optim.Adam([x], lr=1e-3, betas=(0.9, 0.999), eps=1e-8, amsgrad=True)
    x.grad = g
    opt.step()
    best = math.inf
    for _ in range(REPEATS):
        start = time.perf_counter()
        opt.step()
        best = min(best, time.perf_counter() - start)
    return best * 1000


online(1000)
result = {
    "torch": torch.__version__,
    "threads": torch.get_num_threads(),
    "online_steps_per_s": max(online(ONLINE_STEPS) for _ in range(3)),
    "large_ms_per_step": large(),
}
print(json.dumps(result))
