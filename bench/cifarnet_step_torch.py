"""PyTorch's side of bench/cifarnet_step.ts: one training step (batch 128: forward,
backward, optimizer update) of CIFARNET on 3x32x32 inputs and of the 784 -> 100 -> 10
network on dense inputs, on the CPU in float32, with uniform random inputs.

Prints one JSON object: {"torch": version, "threads": n, "blas": the BLAS library
this process loaded (read from /proc/self/maps after a product), "matmul_gflops":
GFLOP/s of the 128x784 . 784x100 product, "mlp_dense_ms": ..., "cifarnet_ms": ...}:
each time the best over `repeats` trials of the mean of `steps` steps. Run with
Debian's python (/usr/bin/python3):

    /usr/bin/python3 bench/cifarnet_step_torch.py --threads 1
"""
import argparse
import json
import time

from _timing import best_ms
import torch
from torch import nn
import torch.nn.functional as F


def cifarnet():
    """The network of lib/models/cifarnet.ts. PyTorch's LRN divides alpha by the
    window size n, so alpha = 5 * 1e-4 here is Lasagne's alpha = 1e-4."""
    return nn.Sequential(
        nn.Conv2d(3, 64, 6), nn.ReLU(), nn.LocalResponseNorm(5, alpha=5e-4, beta=0.75, k=2.0),
        nn.MaxPool2d(2),
        nn.Conv2d(64, 64, 6), nn.ReLU(), nn.LocalResponseNorm(5, alpha=5e-4, beta=0.75, k=2.0),
        nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(1024, 384), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(384, 192), nn.ReLU(), nn.Linear(192, 10),
    )


def blas_library():
    """The BLAS shared library mapped into this process (after one product)."""
    torch.mm(torch.rand(64, 64), torch.rand(64, 64))
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line.lower() and ".so" in line}
    return sorted(libs)[0] if libs else "none found (torch's own kernels or MKL)"


def step_ms(model, xs, ys, steps, repeats, warmup):
    """ms per training step (AMSGrad, as bench/train_step.ts), best over trials."""
    opt = torch.optim.Adam(model.parameters(), lr=1e-3, amsgrad=True)

    def step(i):
        opt.zero_grad(set_to_none=False)
        F.cross_entropy(model(xs[i % len(xs)]), ys[i % len(ys)]).backward()
        opt.step()

    for i in range(warmup):
        step(i)
    return best_ms(step, steps, repeats)


def matmul_gflops(m, k, n, iters, repeats):
    a, b, c = torch.rand(m, k), torch.rand(k, n), torch.empty(m, n)
    for _ in range(10):
        torch.mm(a, b, out=c)
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for _ in range(iters):
            torch.mm(a, b, out=c)
        rates.append(2.0 * m * k * n * iters / (time.perf_counter() - t0) / 1e9)
    return max(rates)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "blas": blas_library()}
    out["matmul_gflops"] = matmul_gflops(128, 784, 100, 10, 30)
    mlp = nn.Sequential(nn.Linear(784, 100), nn.ReLU(), nn.Linear(100, 10))
    xs = [torch.rand(128, 784) for _ in range(8)]
    ys = [torch.randint(0, 10, (128,)) for _ in range(8)]
    out["mlp_dense_ms"] = step_ms(mlp, xs, ys, 10, 30, 20)
    xs = [torch.rand(128, 3, 32, 32) for _ in range(2)]
    ys = [torch.randint(0, 10, (128,)) for _ in range(2)]
    out["cifarnet_ms"] = step_ms(cifarnet(), xs, ys, 2, a.repeats, 2)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
