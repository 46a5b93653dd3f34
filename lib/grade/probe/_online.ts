/**
 * Plays an optimizer on one of the paper's online problems, recording x_t at
 * chosen steps: what the Theorem 1 checks compare.
 *
 * @module
 */
import type { Optimizer } from "../../framework/mod.ts";
import type { OnlineProblem } from "../../online/mod.ts";
import type { TracePoint } from "./types.ts";

/** The outcome of {@link play}. */
export interface Played {
  /** x after each recorded step, labelled "x after step t". */
  points: TracePoint[];
  /** x_{T+1}. */
  xFinal: number;
  /** R_T / T against the best fixed point of F. */
  avgRegret: number;
}

/**
 * T rounds of `opt` on `problem` from x_1 (1-D): records x after steps 1..`early`
 * and after step T, pushing each into `out` as it goes.
 */
export function play(
  problem: OnlineProblem,
  opt: Optimizer,
  opts: { steps: number; x1: number; early: number },
  out: TracePoint[] = [],
): Played {
  const p = problem.reset();
  const state = opt.init(new Float64Array([opts.x1]));
  const grad = new Float64Array(1);
  let cum = 0;
  for (let t = 1; t <= opts.steps; t++) {
    cum += p.loss(t, state.x, grad);
    opt.step(state, grad);
    if (t <= opts.early || t === opts.steps) {
      out.push({ label: `x after step ${t}`, value: state.x[0]! });
    }
  }
  return {
    points: out,
    xFinal: state.x[0]!,
    avgRegret: (cum - p.bestFixedLoss()) / opts.steps,
  };
}

/** Three significant digits, with a sign. */
export function fmt(v: number): string {
  return Number.isFinite(v) ? (v >= 0 ? "+" : "") + v.toFixed(3) : String(v);
}
