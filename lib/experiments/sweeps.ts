/**
 * Beyond the paper: how Figure 1's picture depends on α and its schedule, and a
 * phase diagram of where Adam ends over a (β1, β2) grid.
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import { byName } from "../optimizers/registry.ts";
import { figure1Online, periodic } from "../online/problems.ts";
import type { OnlineProblem } from "../online/problem.ts";
import { runOnline } from "../online/runner.ts";

/** One cell of a sweep. */
export interface SweepCell {
  /** The optimizer's display name, e.g. `"AMSGrad"`. */
  optimizer: string;
  /** The base step size α. */
  alpha: number;
  /** α_t = α (`"constant"`) or α/√t (`"invsqrt"`). */
  schedule: "constant" | "invsqrt";
  /** β1 of the run. */
  beta1: number;
  /** β2 of the run. */
  beta2: number;
  /** x_{T+1}, where the run ended. */
  x: number;
  /** R_T / T. */
  avgRegret: number;
}

/** Runs one optimizer with the given hyperparameters on F = [−1, 1] and keeps where it ended. */
function finalCell(
  problem: OnlineProblem,
  name: string,
  hp: { alpha: number; schedule: "constant" | "invsqrt"; beta1: number; beta2: number },
  steps: number,
  x1: number,
): SweepCell {
  const opt = byName(name, { ...hp, projection: box(-1, 1) });
  const r = runOnline(problem, opt, { steps, x1, points: 2, trackGamma: false });
  return { optimizer: opt.name, ...hp, x: r.xFinal, avgRegret: r.avgRegret };
}

/** Final x_T and R_T/T of each optimizer for every α and schedule. */
export function alphaSweep(opts: {
  problem?: OnlineProblem;
  optimizers?: string[];
  alphas?: number[];
  schedules?: ("constant" | "invsqrt")[];
  steps?: number;
  beta1?: number;
  beta2?: number;
  x1?: number;
} = {}): SweepCell[] {
  const problem = opts.problem ?? figure1Online();
  const cells: SweepCell[] = [];
  const beta1 = opts.beta1 ?? 0.9;
  const beta2 = opts.beta2 ?? 0.99;
  for (const schedule of opts.schedules ?? ["constant", "invsqrt"] as const) {
    for (const alpha of opts.alphas ?? [1e-3, 1e-2, 0.1, 0.5, 1]) {
      for (const name of opts.optimizers ?? ["adam", "amsgrad"]) {
        cells.push(
          finalCell(
            problem,
            name,
            { alpha, schedule, beta1, beta2 },
            opts.steps ?? 1_000_000,
            opts.x1 ?? 0,
          ),
        );
      }
    }
  }
  return cells;
}

/** Where an optimizer ends on the online problem for each (β1, β2). */
export function phaseDiagram(opts: {
  optimizer?: string;
  beta1s?: number[];
  beta2s?: number[];
  steps?: number;
  alpha?: number;
  schedule?: "constant" | "invsqrt";
  problem?: OnlineProblem;
} = {}): SweepCell[] {
  const problem = opts.problem ?? figure1Online();
  const name = opts.optimizer ?? "adam";
  const alpha = opts.alpha ?? 0.5;
  const schedule = opts.schedule ?? "invsqrt";
  const cells: SweepCell[] = [];
  for (const beta1 of opts.beta1s ?? [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99]) {
    for (const beta2 of opts.beta2s ?? [0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999]) {
      cells.push(
        finalCell(problem, name, { alpha, schedule, beta1, beta2 }, opts.steps ?? 200_000, 0),
      );
    }
  }
  return cells;
}

/** The phase diagram at one T, and how many cells moved since the previous T. */
export interface PhaseStep {
  /** T of this step: the cells still moving were rerun with this T. */
  steps: number;
  /** Every cell at this step: a settled cell keeps the value of the T at which it settled. */
  cells: (SweepCell & { steps: number })[];
  /** Cells rerun at this T whose x_T moved by more than `tol` from the previous T (NaN first). */
  moved: number;
  /** The largest |Δx_T| among the cells rerun at this T (NaN for the first T). */
  maxChange: number;
}

/**
 * The (β1, β2) phase diagram of where Adam ends (α_t = α/√t, x_1 = 0) run at
 * growing T, each 10× the last from `start`: a cell whose x_T moves by at most
 * `tol` between two T is settled and keeps its value; the others are rerun at
 * the next T, until none moves or T passes `max`. Evidence that the diagram
 * shows limits, not transients.
 */
export function phaseDiagramUntilStable(opts: {
  start?: number;
  max?: number;
  tol?: number;
  beta1s?: number[];
  beta2s?: number[];
  optimizer?: string;
  alpha?: number;
} = {}): PhaseStep[] {
  const tol = opts.tol ?? 0.05;
  const max = opts.max ?? 100_000_000;
  const problem = figure1Online();
  const name = opts.optimizer ?? "adam";
  const grid: { beta1: number; beta2: number }[] = [];
  for (const beta1 of opts.beta1s ?? [0, 0.2, 0.4, 0.6, 0.8, 0.9, 0.95, 0.99]) {
    for (const beta2 of opts.beta2s ?? [0.5, 0.8, 0.9, 0.95, 0.99, 0.995, 0.999, 0.9999]) {
      grid.push({ beta1, beta2 });
    }
  }
  const run = (i: number, steps: number) => ({
    ...finalCell(
      problem,
      name,
      { alpha: opts.alpha ?? 0.5, schedule: "invsqrt", ...grid[i]! },
      steps,
      0,
    ),
    steps,
  });
  let steps = opts.start ?? 10_000;
  const cells = grid.map((_, i) => run(i, steps));
  const out: PhaseStep[] = [{ steps, cells: [...cells], moved: NaN, maxChange: NaN }];
  let moving = grid.map((_, i) => i);
  while (moving.length > 0 && steps * 10 <= max) {
    steps *= 10;
    const changes = moving.map((i) => {
      const next = run(i, steps);
      const change = Math.abs(next.x - cells[i]!.x);
      cells[i] = next;
      return { i, change };
    });
    moving = changes.filter((c) => c.change > tol).map((c) => c.i);
    out.push({
      steps,
      cells: [...cells],
      moved: moving.length,
      maxChange: Math.max(...changes.map((c) => c.change)),
    });
  }
  return out;
}

/** One cell of the period sweep. */
export interface PeriodCell extends SweepCell {
  /** The period P of the online problem. */
  period: number;
}

/**
 * Adam on the online problem with period P: f_t(x) = 10P·x once every P
 * rounds, else −10x (P = 101 is Figure 1's), so one period's slopes always sum
 * to 10 and x* = −1. For each P and β2, where Adam ends: the range of β2 in
 * which it fails grows with P, the point Zhang et al. (NeurIPS 2022) make —
 * for a fixed problem a large enough β2 converges, but no β2 works for all.
 */
export function periodSweep(opts: {
  periods?: number[];
  beta2s?: number[];
  beta1?: number;
  alpha?: number;
  steps?: number;
} = {}): PeriodCell[] {
  const cells: PeriodCell[] = [];
  const hp = {
    alpha: opts.alpha ?? 0.5,
    schedule: "invsqrt" as const,
    beta1: opts.beta1 ?? 0.9,
  };
  for (const period of opts.periods ?? [11, 101, 1001]) {
    const problem = periodic({ period, big: 10 * period, small: -10, name: `period ${period}` });
    for (const beta2 of opts.beta2s ?? [0.9, 0.99, 0.999, 0.9999, 0.99999]) {
      const c = finalCell(problem, "adam", { ...hp, beta2 }, opts.steps ?? 1_000_000, 0);
      cells.push({ ...c, period });
    }
  }
  return cells;
}
