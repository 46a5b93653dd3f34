/**
 * The online-learning loop: play x_t, reveal f_t, pay f_t(x_t), step. It
 * records tidy rows at log-spaced steps, so plots of 10^8 steps stay small.
 *
 * @module
 */
import type { Optimizer, Vec } from "../framework/types.ts";
import { logSpacedSteps } from "./log_steps.ts";
import type { OnlineProblem } from "./problem.ts";

/** One recorded step (for a 1-D problem; `x` is the first coordinate otherwise). */
export interface OnlineRow {
  /** The optimizer's label (`RunOptions.label`, default its name). */
  optimizer: string;
  /** The problem's name. */
  problem: string;
  /** The round t. */
  t: number;
  /** x_t, the point played in round t (before the step). */
  x: number;
  /** f_t(x_t). */
  loss: number;
  /** R_t = Σ_{s≤t} f_s(x_s) − min_{x∈F} Σ_{s≤t} f_s(x). */
  regret: number;
  /** R_t / t. */
  avgRegret: number;
  /** The learning rate α_t/√v_t of the step taken in round t (coordinate 0). */
  lr: number;
  /**
   * The smallest diagonal entry of Γ_t = √V_t/α_t − √V_{t−1}/α_{t−1} (the
   * change of the inverse learning rate) over the steps since the previous row;
   * negative means Γ was indefinite somewhere in between. NaN when not tracked.
   */
  gammaMin: number;
}

/** The outcome of a run. */
export interface OnlineResult {
  /** The rows recorded at log-spaced rounds, in order of t. */
  rows: OnlineRow[];
  /** x_{T+1}, the iterate after T steps. */
  xFinal: number;
  /** R_T / T. */
  avgRegret: number;
  /** R_T. */
  regret: number;
  /** The smallest entry of Γ_t over the whole run (NaN when not tracked). */
  gammaMin: number;
  /** T, the number of rounds run. */
  steps: number;
}

/** Options of {@link runOnline}. */
export interface RunOptions {
  /** T, the number of rounds. */
  steps: number;
  /** x_1 (default 0 in every coordinate); must lie in F. */
  x1?: number | Vec;
  /** About how many rows to record, log-spaced (default 400). */
  points?: number;
  /**
   * Compute Γ_t at every step (costs a pass over the coordinates per step).
   * Default true for T ≤ 10^6, false above.
   */
  trackGamma?: boolean;
  /** Called every `progressEvery` steps (default T/20) with the round reached. */
  onProgress?: (t: number, steps: number) => void;
  /** Rounds between calls of `onProgress` (default max(1, ⌊T/20⌋)). */
  progressEvery?: number;
  /** The optimizer's label in the rows (default its name). */
  label?: string;
}

/** Runs `optimizer` on `problem` for `steps` rounds (the problem is reset first). */
export function runOnline(
  problem: OnlineProblem,
  optimizer: Optimizer,
  opts: RunOptions,
): OnlineResult {
  const T = opts.steps;
  if (!Number.isInteger(T) || T < 1) throw new RangeError(`steps must be an integer ≥ 1, got ${T}`);
  const p = problem.reset();
  const d = p.dim;
  const x0 = new Float64Array(d);
  if (typeof opts.x1 === "number") x0.fill(opts.x1);
  else if (opts.x1 !== undefined) x0.set(opts.x1);
  if (!p.domain.contains(x0, 0)) throw new RangeError(`x1 must lie in F = ${p.domain.name}`);
  if (optimizer.spec.projection.name !== p.domain.name) {
    throw new RangeError(
      `the optimizer projects onto ${optimizer.spec.projection.name} but the problem's F is ${p.domain.name}`,
    );
  }
  const state = optimizer.init(x0);
  const grad = new Float64Array(d);
  const lr = new Float64Array(d);
  const invPrev = new Float64Array(d);
  const trackGamma = opts.trackGamma ?? T <= 1e6;
  const record = logSpacedSteps(T, opts.points ?? 400);
  const label = opts.label ?? optimizer.name;
  const every = opts.progressEvery ?? Math.max(1, Math.floor(T / 20));
  const rows: OnlineRow[] = [];
  let next = 0;
  let cumLoss = 0;
  let gammaWindow = Infinity;
  let gammaAll = Infinity;
  for (let t = 1; t <= T; t++) {
    const xt = state.x[0]!;
    const f = p.loss(t, state.x, grad);
    cumLoss += f;
    optimizer.step(state, grad);
    const isRow = record[next] === t;
    if (trackGamma || isRow) optimizer.learningRate(state, lr);
    if (trackGamma) {
      // Γ_t = 1/lr_t − 1/lr_{t−1}, with 1/lr_0 = 0 (nothing before the first step).
      for (let i = 0; i < d; i++) {
        const inv = 1 / lr[i]!;
        if (t > 1) {
          const g = inv - invPrev[i]!;
          if (g < gammaWindow) gammaWindow = g;
        }
        invPrev[i] = inv;
      }
    }
    if (isRow) {
      next++;
      const regret = cumLoss - p.bestFixedLoss();
      rows.push({
        optimizer: label,
        problem: p.name,
        t,
        x: xt,
        loss: f,
        regret,
        avgRegret: regret / t,
        lr: lr[0]!,
        gammaMin: trackGamma && t > 1 ? gammaWindow : NaN,
      });
      if (gammaWindow < gammaAll) gammaAll = gammaWindow;
      gammaWindow = Infinity;
    }
    if (opts.onProgress && t % every === 0) opts.onProgress(t, T);
  }
  const regret = cumLoss - p.bestFixedLoss();
  return {
    rows,
    xFinal: state.x[0]!,
    regret,
    avgRegret: regret / T,
    gammaMin: trackGamma && T > 1 ? gammaAll : NaN,
    steps: T,
  };
}
