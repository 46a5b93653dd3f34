/**
 * The settings of one training run, as `deno task train` takes them, with the
 * paper's values as defaults (minibatch 128, β1 = 0.9, β2 = 0.999).
 *
 * @module
 */
import type { ScheduleOption } from "../framework/schedule.ts";

/** The settings of one training run; {@link defaultSettings} gives the paper's. */
export interface TrainSettings {
  /**
   * `"logreg"`: 784 → 10 softmax; `"mlp"`: 784 → 100 ReLU → 10; `"cifarnet"`: the
   * convolutional network of Figure 2's bottom row (lib/models/cifarnet.ts).
   */
  model: "logreg" | "mlp" | "cifarnet";
  /** An optimizer name from lib/optimizers/registry.ts. */
  optimizer: string;
  /** Whose conventions the optimizer follows (see `Variant`); `"paper"` by default. */
  variant: "paper" | "pytorch" | "keras" | "optax";
  /** The base step size α (default 0.01 for logreg, 1e-3 for the MLP). */
  alpha: number;
  /** The paper: α/√t for logistic regression, constant α for the network. */
  schedule: Exclude<ScheduleOption, (t: number) => number>;
  /** β1 in [0, 1) (default 0.9). */
  beta1: number;
  /** β2 in [0, 1) (default 0.999). */
  beta2: number;
  /** ε ≥ 0, added outside the square root (default 1e-8). */
  eps: number;
  /**
   * The optimizer's arithmetic (see `CommonOptions.arithmetic`): `"auto"`
   * (default) is `"float32"` for Adam's family, which has a float32 SIMD kernel,
   * and `"float64"` for the others. A finished run records what it used.
   */
  arithmetic: "auto" | "float32" | "float64";
  /** Examples per minibatch (default 128, the paper's). */
  batch: number;
  /** Optimizer steps (default 5000). */
  steps: number;
  /** Integer seed of the initialisation and the shuffling (default 0). */
  seed: number;
  /** `"zeros"` or `"default"` (the model's own: zeros for logreg, He/Glorot for the MLP). */
  init: "zeros" | "default";
  /** Use the first N training examples in file order (undefined: all). */
  trainLimit?: number;
  /**
   * Training examples held out for validation, taken from the end of the
   * training set (see `trainValidationSplit`; 0, the default, holds none out).
   * Figure 2 holds out 10,000 of MNIST's 60,000 and selects α and β2 on them.
   */
  validation: number;
  /** Shuffle each epoch with a seeded permutation (default true). */
  shuffle: boolean;
  /** Steps between evaluations of the test loss (default 250). */
  evalEvery: number;
  /**
   * MNIST, Fashion-MNIST (default `"mnist"`) or CIFAR-10 (`"cifar10"`, the
   * default for CIFARNET). With CIFARNET, MNIST-style images are padded to 32×32.
   */
  dataset: "mnist" | "fashion" | "cifar10";
  /** A directory holding the IDX files (see lib/data). */
  dataDir?: string;
}

/**
 * The paper's setting for each model; `steps` and `alpha` are our choices (see the
 * notebooks). CIFARNET: constant α = 1e-3 (the paper does not give its α; 1e-3 is
 * the best of fdlm/amsgrad_experiments' grid for both methods), test loss every 100 steps.
 */
export function defaultSettings(model: "logreg" | "mlp" | "cifarnet"): TrainSettings {
  return {
    model,
    optimizer: "amsgrad",
    variant: "paper",
    alpha: model === "logreg" ? 0.01 : 1e-3,
    schedule: model === "logreg" ? "invsqrt" : "constant",
    beta1: 0.9,
    beta2: 0.999,
    eps: 1e-8,
    arithmetic: "auto",
    batch: 128,
    steps: 5000,
    seed: 0,
    init: "default",
    validation: 0,
    shuffle: true,
    evalEvery: model === "cifarnet" ? 100 : 250,
    dataset: model === "cifarnet" ? "cifar10" : "mnist",
  };
}
