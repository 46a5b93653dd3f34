/**
 * Figure 2 of the paper (top row): Adam against AMSGrad on MNIST, each at the
 * best setting of a grid over α and β2 ∈ {0.99, 0.999}, β1 = 0.9, minibatch 128.
 * Logistic regression uses α_t = α/√t, the network a constant α (as the paper
 * says). The paper does not give its α grid, its iteration count or its
 * selection rule; ours: the grids below, and the best cell is the one with the
 * lowest final training loss (the quantity Figure 2 plots).
 *
 * @module
 */
import type { TrainResult } from "../train/run.ts";
import { defaultSettings, type TrainSettings } from "../train/settings.ts";

/** The settings of a Figure 2 grid. */
export interface Figure2Grid {
  /** `"logreg"` (α_t = α/√t) or `"mlp"` (constant α). */
  model: "logreg" | "mlp";
  /** The base step sizes α of the grid. */
  alphas: number[];
  /** The β2 values of the grid (the paper's 0.99 and 0.999). */
  beta2s: number[];
  /** Optimizer names from the registry, each run over the whole grid. */
  optimizers: string[];
  /** Optimizer steps per run. */
  steps: number;
  /** Steps between evaluations of the test loss. */
  evalEvery: number;
  /** Integer seed shared by every run. */
  seed: number;
  /** MNIST or Fashion-MNIST. */
  dataset: "mnist" | "fashion";
  /** Extra lines beyond the paper, each at the best α of AMSGrad's grid. */
  extras: { label: string; optimizer: string; variant: TrainSettings["variant"] }[];
}

/**
 * Our grids at paper scale (α in steps of about √10, wide enough that no best
 * cell sits at an edge in our runs); `quick` shrinks them for tests.
 */
export function figure2Grid(model: "logreg" | "mlp", quick = false): Figure2Grid {
  const logreg = model === "logreg";
  return {
    model,
    alphas: quick
      ? (logreg ? [0.01, 0.1] : [3e-4, 3e-3])
      : logreg
      ? [0.01, 0.03, 0.1, 0.3, 1]
      : [1e-4, 3e-4, 1e-3, 3e-3, 1e-2],
    beta2s: [0.99, 0.999],
    optimizers: ["adam", "amsgrad"],
    steps: quick ? 200 : logreg ? 10_000 : 5000,
    evalEvery: quick ? 100 : 250,
    seed: 0,
    dataset: "mnist",
    extras: logreg ? [] : [
      { label: "AdamNC", optimizer: "adamnc", variant: "paper" },
      { label: "AMSGrad (PyTorch)", optimizer: "amsgrad", variant: "pytorch" },
    ],
  };
}

/** Every run of the grid (without the extras). */
export function gridRuns(g: Figure2Grid): TrainSettings[] {
  const runs: TrainSettings[] = [];
  for (const optimizer of g.optimizers) {
    for (const beta2 of g.beta2s) {
      for (const alpha of g.alphas) {
        runs.push({
          ...defaultSettings(g.model),
          optimizer,
          alpha,
          beta2,
          steps: g.steps,
          evalEvery: g.evalEvery,
          seed: g.seed,
          dataset: g.dataset,
        });
      }
    }
  }
  return runs;
}

/** The run of `optimizer` with the lowest final training loss (diverged runs never win). */
export function bestOf(results: TrainResult[], optimizer: string, variant = "paper"): TrainResult {
  const mine = results.filter((r) =>
    r.settings.optimizer === optimizer && r.settings.variant === variant
  );
  const ok = mine.filter((r) => !r.final.diverged && Number.isFinite(r.final.trainLoss));
  if (ok.length === 0) {
    throw new Error(`no converging run of ${optimizer} (${variant}) in the grid`);
  }
  return ok.reduce((a, b) => (b.final.trainLoss < a.final.trainLoss ? b : a));
}

/** The extra lines' runs, at the α and β2 of AMSGrad's best cell. */
export function extraRuns(g: Figure2Grid, amsgradBest: TrainSettings): TrainSettings[] {
  return g.extras.map((e) => ({ ...amsgradBest, optimizer: e.optimizer, variant: e.variant }));
}

/** A label for a run in charts: "AMSGrad" or "AMSGrad (pytorch)". */
export function runLabel(s: TrainSettings): string {
  const names: Record<string, string> = { adam: "Adam", amsgrad: "AMSGrad", adamnc: "AdamNC" };
  const base = names[s.optimizer] ?? s.optimizer;
  return s.variant === "paper" ? base : `${base} (${s.variant})`;
}
