"""Golden trajectories from PyTorch's optimizers, for lib/optimizers/torch_golden_test.ts.

Run with Debian's python (python3-torch), from the repository root:

    /usr/bin/python3 tools/golden/torch_golden.py

It writes lib/optimizers/testdata/torch_golden.json. The Deno tests read that file and
never run this script.

The problem (everything in float64):

    f(x) = 1/2 x^T A x - b^T x + s * sum_i sin(x_i)
    grad f(x) = A x - b + s * cos(x)          (cos elementwise)

A is a 5x5 symmetric positive-definite matrix, condition number about 130, with coupled
coordinates. The sin term makes the gradient non-linear in x. Each optimizer starts at X1
and takes STEPS steps. The gradient is computed from the current iterate with Python
floats, in the same loop order as the Deno replay (j ascending, then -b_i, then
+s*cos(x_i)), and handed to torch as p.grad. So both sides feed bit-identical gradients
to their optimizers whenever their iterates agree.
"""

import json
import math
import platform
import shutil
import subprocess
import sys

import torch

STEPS = 80
DIAG = [100.0, 30.0, 10.0, 3.0, 1.0]
OFF = 0.2  # every off-diagonal entry; Gershgorin keeps A positive definite
A = [[DIAG[i] if i == j else OFF for j in range(5)] for i in range(5)]
B = [1.0, -2.0, 0.5, 3.0, -1.5]
S = 0.7
X1 = [0.8, -0.6, 1.5, -1.2, 2.0]

# (name, torch class name, constructor kwargs other than params). Non-default
# hyperparameters in most rows; foreach is pinned where the two code paths differ.
CONFIGS = [
    ("sgd", "SGD", {"lr": 0.015}),
    ("sgd_momentum", "SGD", {"lr": 0.01, "momentum": 0.9}),
    ("sgd_momentum_dampening", "SGD", {"lr": 0.01, "momentum": 0.8, "dampening": 0.3}),
    ("sgd_nesterov", "SGD", {"lr": 0.01, "momentum": 0.9, "nesterov": True}),
    ("adagrad", "Adagrad", {"lr": 0.5}),
    ("adagrad_init_eps", "Adagrad",
     {"lr": 0.3, "lr_decay": 0.0, "initial_accumulator_value": 0.1, "eps": 1e-6}),
    ("rmsprop", "RMSprop", {"lr": 0.01}),
    ("rmsprop_alpha_eps", "RMSprop", {"lr": 0.02, "alpha": 0.9, "eps": 1e-6}),
    ("adam", "Adam", {"lr": 0.05}),
    ("adam_betas_eps", "Adam", {"lr": 0.1, "betas": [0.8, 0.99], "eps": 1e-6}),
    ("adam_l2", "Adam", {"lr": 0.05, "weight_decay": 0.1}),
    ("adam_amsgrad", "Adam", {"lr": 0.05, "amsgrad": True}),
    ("adam_amsgrad_betas", "Adam", {"lr": 0.1, "betas": [0.5, 0.9], "amsgrad": True}),
    ("adamw", "AdamW", {"lr": 0.05}),
    ("adamw_amsgrad", "AdamW",
     {"lr": 0.1, "betas": [0.8, 0.95], "weight_decay": 0.1, "amsgrad": True}),
    ("adamax", "Adamax", {"lr": 0.05}),
    ("adamax_betas_eps", "Adamax", {"lr": 0.1, "betas": [0.8, 0.95], "eps": 1e-6}),
    ("nadam", "NAdam", {"lr": 0.05, "foreach": True}),
    ("nadam_decay", "NAdam",
     {"lr": 0.1, "betas": [0.8, 0.99], "momentum_decay": 0.01, "foreach": True}),
    # torch 1.13's default single-tensor NAdam multiplies mu_t into the product twice
    # (mu_product_next = mu_product * mu * mu_next after mu_product *= mu); fixed
    # upstream in pytorch/pytorch#92699. Recorded so that the test can pin the cause.
    ("nadam_single_tensor_1_13", "NAdam", {"lr": 0.05, "foreach": False}),
    # RAdam's first steps (rho_t <= 5) are momentum SGD: lr * 100 must stay below 2.
    ("radam", "RAdam", {"lr": 0.01}),
    ("radam_betas", "RAdam", {"lr": 0.015, "betas": [0.8, 0.9], "eps": 1e-6}),
]


def gradient(x):
    """A x - b + s cos(x) with Python floats, in the Deno replay's order."""
    g = []
    for i in range(5):
        acc = 0.0
        for j in range(5):
            acc += A[i][j] * x[j]
        acc -= B[i]
        acc += S * math.cos(x[i])
        g.append(acc)
    return g


def trajectory(cls_name, kwargs):
    p = torch.tensor(X1, dtype=torch.float64, requires_grad=True)
    kw = dict(kwargs)
    if "betas" in kw:
        kw["betas"] = tuple(kw["betas"])
    opt = getattr(torch.optim, cls_name)([p], **kw)
    # Every hyperparameter as torch resolved it, defaults included.
    resolved = {k: v for k, v in opt.param_groups[0].items() if k != "params"}
    if "betas" in resolved:
        resolved["betas"] = list(resolved["betas"])
    xs = [p.detach().tolist()]
    for _ in range(STEPS):
        p.grad = torch.tensor(gradient(p.detach().tolist()), dtype=torch.float64)
        opt.step()
        xs.append(p.detach().tolist())
    return resolved, xs


def run(name, cls_name, kwargs):
    hyper, xs = trajectory(cls_name, kwargs)
    return {"name": name, "torch": cls_name, "kwargs": kwargs, "hyperparameters": hyper, "x": xs}


def main():
    # NAdam keeps mu_product as torch.tensor(1.), which takes the default dtype.
    torch.set_default_dtype(torch.float64)
    out = {
        "generator": "tools/golden/torch_golden.py",
        "torch": torch.__version__,
        "python": platform.python_version(),
        "dtype": "float64",
        "steps": STEPS,
        "problem": {
            "f": "1/2 x^T A x - b^T x + s * sum(sin(x))",
            "grad": "A x - b + s * cos(x)",
            "A": A,
            "b": B,
            "s": S,
            "x1": X1,
        },
        "runs": [run(name, cls, kw) for name, cls, kw in CONFIGS],
    }
    path = "lib/optimizers/testdata/torch_golden.json"
    with open(path, "w") as f:
        json.dump(out, f, indent=2)
        f.write("\n")
    # The repository's `deno fmt --check` covers JSON too; let deno lay it out.
    deno = shutil.which("deno")
    if deno is None:
        print("deno not found: run `deno fmt " + path + "` before committing", file=sys.stderr)
    else:
        subprocess.run([deno, "fmt", "--quiet", path], check=True)
    print(f"wrote {path}: torch {torch.__version__}, {len(CONFIGS)} runs x {STEPS} steps",
          file=sys.stderr)


if __name__ == "__main__":
    main()
