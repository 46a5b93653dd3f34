/**
 * Figure 2 of the paper (top row): Adam against AMSGrad on MNIST, each over a
 * grid of α and β2 ∈ {0.99, 0.999}, β1 = 0.9, minibatch 128. Logistic
 * regression uses α_t = α/√t, the network a constant α (as the paper says).
 * The paper gives neither its α grid, its iteration count, its seeds nor its
 * selection rule. Ours: the grids below; every cell run over the same seeds for
 * both optimizers (a seed fixes the initialisation and the shuffling, so the
 * comparisons are paired); 10,000 of MNIST's training images held out for
 * validation; α and β2 selected per optimizer on the mean validation loss
 * (test loss reported once, there), and, beside it, on the mean final
 * training loss (the quantity Figure 2 plots).
 *
 * @module
 */
import { VALIDATION_SIZE } from "../data/split.ts";
import { trainGrid } from "../train/pool.ts";
import type { TrainResult } from "../train/run.ts";
import { defaultSettings, type TrainSettings } from "../train/settings.ts";
import { type CellStats, cellStats, selectCell } from "./figure2_analysis.ts";

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
  /** Steps between evaluations of the validation and test loss. */
  evalEvery: number;
  /** The seeds every cell runs with, the same for every optimizer. */
  seeds: number[];
  /** Training images held out for validation (from the end of the training set). */
  validation: number;
  /** MNIST or Fashion-MNIST. */
  dataset: "mnist" | "fashion";
  /**
   * Extra lines beyond the paper, untuned: each runs at AMSGrad's cell selected
   * on validation loss, over the same seeds.
   */
  extras: { label: string; optimizer: string; variant: TrainSettings["variant"] }[];
}

/**
 * Our grids. At paper scale: α in steps of about √10 (5 values), 5 seeds,
 * 6,000 steps for logistic regression and 4,000 for the network (15 and 10
 * epochs of 50,000 images), sized so that `deno task reproduce` fits in 10
 * minutes on 2 cores. `quick` shrinks them for tests.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { figure2Grid } from "./figure2.ts";
 * assert.deepEqual(figure2Grid("logreg").beta2s, [0.99, 0.999]);
 * assert.equal(figure2Grid("mlp").seeds.length, 5);
 * ```
 */
export function figure2Grid(model: "logreg" | "mlp", quick = false): Figure2Grid {
  const logreg = model === "logreg";
  return {
    model,
    alphas: quick
      ? (logreg ? [0.1, 0.3] : [1e-3, 3e-3])
      : logreg
      ? [0.01, 0.03, 0.1, 0.3, 1]
      : [1e-4, 3e-4, 1e-3, 3e-3, 1e-2],
    beta2s: [0.99, 0.999],
    optimizers: ["adam", "amsgrad"],
    steps: quick ? 300 : logreg ? 6000 : 4000,
    evalEvery: quick ? 100 : logreg ? 500 : 400,
    seeds: quick ? [0, 1, 2] : [0, 1, 2, 3, 4],
    validation: VALIDATION_SIZE,
    dataset: "mnist",
    extras: logreg ? [] : [
      { label: "AdamNC", optimizer: "adamnc", variant: "paper" },
      { label: "AMSGrad (PyTorch)", optimizer: "amsgrad", variant: "pytorch" },
    ],
  };
}

function settingsOf(g: Figure2Grid, optimizer: string, alpha: number, beta2: number, seed: number) {
  return {
    ...defaultSettings(g.model),
    optimizer,
    alpha,
    beta2,
    seed,
    steps: g.steps,
    evalEvery: g.evalEvery,
    validation: g.validation,
    dataset: g.dataset,
  };
}

/** Every run of the grid (without the extras): optimizer × β2 × α × seed. */
export function gridRuns(g: Figure2Grid): TrainSettings[] {
  const runs: TrainSettings[] = [];
  for (const optimizer of g.optimizers) {
    for (const beta2 of g.beta2s) {
      for (const alpha of g.alphas) {
        for (const seed of g.seeds) runs.push(settingsOf(g, optimizer, alpha, beta2, seed));
      }
    }
  }
  return runs;
}

/** The extra lines' runs: each extra at `cell`'s α and β2, over the grid's seeds. */
export function extraRuns(
  g: Figure2Grid,
  cell: Pick<CellStats, "alpha" | "beta2">,
): TrainSettings[] {
  return g.extras.flatMap((e) =>
    g.seeds.map((seed) => ({
      ...settingsOf(g, e.optimizer, cell.alpha, cell.beta2, seed),
      variant: e.variant,
    }))
  );
}

/** Figure 2 for one model: every run kept, cells summarised over seeds, the selections. */
export interface Figure2Result {
  /** The grid that was run. */
  grid: Figure2Grid;
  /** Every grid run (every optimizer, α, β2 and seed), with its curve. */
  runs: TrainResult[];
  /** The extra lines' runs (at AMSGrad's validation-selected cell). */
  extras: TrainResult[];
  /** Each (optimizer, α, β2) cell of the grid summarised over the seeds. */
  cells: CellStats[];
  /** Each optimizer's selected cell: on mean validation loss, and on mean final training loss. */
  selected: {
    validation: Record<"adam" | "amsgrad", CellStats>;
    train: Record<"adam" | "amsgrad", CellStats>;
  };
  /** Wall time of the whole grid in seconds. */
  seconds: number;
}

/** Options of {@link figure2}. */
export interface Figure2Options {
  /** Shrink the grid for tests (see {@link figure2Grid}). */
  quick?: boolean;
  /** Overrides of the grid's settings. */
  grid?: Partial<Figure2Grid>;
  /** Parallel workers (default: the machine's cores). */
  workers?: number;
  /** Called as each run finishes, for progress lines. */
  onDone?: (done: number, total: number, r: TrainResult) => void;
}

/**
 * Runs Figure 2's grid for `model` on parallel workers, then the extra lines at
 * AMSGrad's validation-selected cell. What `deno task reproduce` and the
 * notebooks call; every number of their claims comes from its result.
 */
export async function figure2(
  model: "logreg" | "mlp",
  options: Figure2Options = {},
): Promise<Figure2Result> {
  const grid = { ...figure2Grid(model, options.quick), ...options.grid, model };
  if (grid.seeds.length < 2) throw new RangeError("Figure 2 needs at least 2 seeds per cell");
  const t0 = performance.now();
  const pool = { workers: options.workers, onDone: options.onDone };
  const runs = await trainGrid(gridRuns(grid), pool);
  const cells = cellStats(runs);
  const pick = (by: "validationLoss" | "trainLoss") => ({
    adam: selectCell(cells, "adam", by),
    amsgrad: selectCell(cells, "amsgrad", by),
  });
  const selected = { validation: pick("validationLoss"), train: pick("trainLoss") };
  const extras = await trainGrid(extraRuns(grid, selected.validation.amsgrad), pool);
  return { grid, runs, extras, cells, selected, seconds: (performance.now() - t0) / 1000 };
}
