"""PyTorch's side of bench/train_step.ts: one training step (batch 128: forward,
backward, AMSGrad update) of the paper's two MNIST models on the CPU in float32,
cycling over the MNIST batches that bench/train_step.ts writes (--data PREFIX:
PREFIX.f32 holds the inputs, raw float32 8 x 128 x 784, PREFIX.u8 the labels,
uint8 8 x 128); without --data, over uniform random inputs.

Prints one JSON object: {"torch": version, "threads": n, "batch": 128,
"logreg_ms": ..., "mlp_ms": ..., "logreg_update_ms": ..., "mlp_update_ms": ...,
"matmul_gflops": ...}: the best over `repeats` short trials of the mean time per
step, and of the optimizer's update alone. bench/train_step.ts times its side the
same way, so that both see the machine at its least disturbed. Run with Debian's
python (/usr/bin/python3).

    /usr/bin/python3 bench/train_step_torch.py --threads 1 --steps 10 --repeats 30 \
        --data /tmp/train_step_xyz/mnist_batches
"""
import argparse
import json
import time

import numpy as np
from _timing import best_ms
import torch
from torch import nn
import torch.nn.functional as F


def models():
    """The two models of the paper's MNIST experiments (784 -> 10; 784 -> 100 ReLU -> 10)."""
    logreg = nn.Linear(784, 10)
    mlp = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))
    return {"logreg": logreg, "mlp": mlp}


def time_steps(model, xs, ys, steps, repeats):
    """(ms per training step, ms per optimizer update alone), best over trials."""
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, betas=(0.9, 0.999), amsgrad=True)

    def step(i):
        x, y = xs[i % len(xs)], ys[i % len(ys)]
        opt.zero_grad(set_to_none=False)
        loss = F.cross_entropy(model(x), y)
        loss.backward()
        opt.step()

    for i in range(20):
        step(i)
    return best_ms(step, steps, repeats), best_ms(lambda i: opt.step(), steps, repeats)


def time_matmul(m, k, n, iters, repeats):
    """GFLOP/s of an (m x k)·(k x n) float32 product, best over repeats."""
    a = torch.rand(m, k)
    b = torch.rand(k, n)
    c = torch.empty(m, n)
    for _ in range(10):
        torch.mm(a, b, out=c)
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(iters):
            torch.mm(a, b, out=c)
        dt = time.perf_counter() - t0
        rates.append(2.0 * m * k * n * iters / dt / 1e9)
    return max(rates)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=10)
    p.add_argument("--repeats", type=int, default=30)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--data", help="prefix of the .f32 (inputs) and .u8 (labels) batch files")
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    if a.data:
        x = np.fromfile(a.data + ".f32", dtype=np.float32).reshape(-1, a.batch, 784)
        y = np.fromfile(a.data + ".u8", dtype=np.uint8).astype(np.int64).reshape(-1, a.batch)
        xs = [torch.from_numpy(b.copy()) for b in x]
        ys = [torch.from_numpy(b.copy()) for b in y]
    else:
        xs = [torch.rand(a.batch, 784) for _ in range(8)]
        ys = [torch.randint(0, 10, (a.batch,)) for _ in range(8)]
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "batch": a.batch}
    for name, model in models().items():
        out[f"{name}_ms"], out[f"{name}_update_ms"] = time_steps(model, xs, ys, a.steps, a.repeats)
    out["matmul_gflops"] = time_matmul(a.batch, 784, 100, a.steps, a.repeats)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
