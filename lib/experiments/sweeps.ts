/**
 * Beyond the paper: how Figure 1's picture depends on α and its schedule, and a
 * phase diagram of where Adam ends over a (β1, β2) grid.
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import { byName } from "../optimizers/registry.ts";
import { figure1Online } from "../online/problems.ts";
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
