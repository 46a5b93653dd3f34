/**
 * Figure 1 of the paper: Adam and AMSGrad on the synthetic online problem
 * (f_t(x) = 1010x once every 101 rounds, else −10x) and its stochastic twin
 * (1010x with probability 0.01, else −10x), F = [−1, 1], x* = −1.
 *
 * The paper gives β1 = 0.9 and β2 = 0.99 and nothing else. Our defaults, all
 * overridable: α_t = 0.5/√t (the schedule of the paper's theory; with a small
 * α/√t AMSGrad approaches −1 very slowly), x_1 = 0 (as in the published
 * reproductions), ε = 10⁻⁸ outside the square root, no bias correction (the
 * paper's Algorithm 2), T = 10⁷ rounds.
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import type { Optimizer } from "../framework/types.ts";
import type { ScheduleOption } from "../framework/schedule.ts";
import { adam } from "../optimizers/adam.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import type { Variant } from "../optimizers/_common.ts";
import { figure1Online, figure1Stochastic } from "../online/problems.ts";
import type { OnlineProblem } from "../online/problem.ts";
import { type OnlineRow, runOnline } from "../online/runner.ts";

/** The settings of a Figure 1 run. */
export interface Figure1Settings {
  /** T, rounds per run (default 10⁷). */
  steps: number;
  /** The base step size α (default 0.5). */
  alpha: number;
  /** α_t = α (`"constant"`) or α/√t (`"invsqrt"`, default). */
  schedule: "constant" | "invsqrt";
  /** β1 in [0, 1) (default 0.9, the paper's). */
  beta1: number;
  /** β2 in [0, 1) (default 0.99, the paper's). */
  beta2: number;
  /** ε ≥ 0, outside the square root (default 10⁻⁸). */
  eps: number;
  /** x_1 in F = [−1, 1] (default 0). */
  x1: number;
  /** Integer seed of the stochastic problem's draws (default 0). */
  seed: number;
  /** Whose conventions Adam and AMSGrad follow (default `"paper"`: no bias correction). */
  variant: Variant;
  /** About how many log-spaced rows to record per run (default 300). */
  points: number;
}

/** Our choices for what the paper leaves open; `steps` is 10⁷. */
export const FIGURE1_DEFAULTS: Figure1Settings = {
  steps: 10_000_000,
  alpha: 0.5,
  schedule: "invsqrt",
  beta1: 0.9,
  beta2: 0.99,
  eps: 1e-8,
  x1: 0,
  seed: 0,
  variant: "paper",
  points: 300,
};

/** The end of one run. */
export interface FinalPoint {
  /** `"Adam"` or `"AMSGrad"`. */
  optimizer: string;
  /** The panel: the online problem or its stochastic twin. */
  setting: "online" | "stochastic";
  /** x_{T+1}, where the run ended (x* = −1). */
  x: number;
  /** R_T / T. */
  avgRegret: number;
}

/** Figure 1's data: tidy rows for both panels and the final points. */
export interface Figure1Result {
  /** The settings used: {@link FIGURE1_DEFAULTS} with the overrides applied. */
  settings: Figure1Settings;
  /** The recorded rows of every run, tagged with their panel. */
  rows: (OnlineRow & { setting: "online" | "stochastic" })[];
  /** One final point per optimizer and panel. */
  final: FinalPoint[];
}

/** Adam and AMSGrad with Figure 1's hyperparameters. */
export function figure1Optimizers(s: Figure1Settings): Optimizer[] {
  const common = {
    alpha: s.alpha,
    schedule: s.schedule as ScheduleOption,
    beta1: s.beta1,
    beta2: s.beta2,
    eps: s.eps,
    variant: s.variant,
    projection: box(-1, 1),
  };
  return [adam(common), amsgrad(common)];
}

/** Runs both optimizers on both problems. `onProgress` gets a label and a fraction. */
export function figure1(
  overrides: Partial<Figure1Settings> = {},
  onProgress?: (label: string, fraction: number) => void,
): Figure1Result {
  const settings = { ...FIGURE1_DEFAULTS, ...overrides };
  const rows: Figure1Result["rows"] = [];
  const final: FinalPoint[] = [];
  for (const setting of ["online", "stochastic"] as const) {
    const problem = setting === "online" ? figure1Online() : figure1Stochastic(settings.seed);
    for (const opt of figure1Optimizers(settings)) {
      const label = `${setting} ${opt.name}`;
      const r = runOnline(problem, opt, {
        steps: settings.steps,
        x1: settings.x1,
        points: settings.points,
        trackGamma: false,
        onProgress: onProgress && ((t, T) => onProgress(label, t / T)),
      });
      for (const row of r.rows) rows.push({ ...row, setting });
      final.push({ optimizer: opt.name, setting, x: r.xFinal, avgRegret: r.avgRegret });
    }
  }
  return { settings, rows, final };
}

/**
 * R_T / T of always playing the same point `x` for T rounds of `problem`
 * (Σ_t f_t(x) − min_{y∈F} Σ_t f_t(y), divided by T). On Figure 1's online
 * problem the slopes of one period of 101 rounds sum to 1010 − 100·10 = 10, so
 * Σ f_t(x) = 10·(T/101)·x, the best fixed point is −1, and x = +1 pays
 * 2·10/101 ≈ 0.198 per round: the level where Adam's R_t/t settles.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { fixedPointRegret } from "./figure1.ts";
 * import { figure1Online } from "../online/problems.ts";
 * assert.ok(Math.abs(fixedPointRegret(figure1Online(), 1, 101 * 1000) - 20 / 101) < 1e-12);
 * ```
 */
export function fixedPointRegret(problem: OnlineProblem, x: number, steps: number): number {
  const p = problem.reset();
  const point = new Float64Array([x]);
  const grad = new Float64Array(1);
  let total = 0;
  for (let t = 1; t <= steps; t++) total += p.loss(t, point, grad);
  return (total - p.bestFixedLoss()) / steps;
}
