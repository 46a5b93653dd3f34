/**
 * Section: the generic step on the paper's 1-D online problem (Figure 1):
 * f_t(x) = 1010x when t mod 101 = 1, else −10x, on F = [−1, 1]; AMSGrad with
 * β1 = 0.9, β2 = 0.99, α_t = α/√t. Per-step overhead dominates at d = 1, so this
 * measures the cost of the framework (prepare, hooks, tiles, calls) against a
 * hand-written loop of the same maths.
 *
 * Measured twice, because V8 makes the difference: while a process has built
 * one optimizer, the compiled step treats that optimizer's closures (schedules,
 * φ, ψ) as constants; once it has built several, every step reads them through
 * their contexts. The second line, a fresh optimizer per run after others were
 * built, is what a notebook comparing methods sees.
 *
 * @module
 */
import { amsgrad } from "../lib/optimizers/mod.ts";
import { box } from "../lib/framework/mod.ts";
import type { Optimizer } from "../lib/framework/mod.ts";
import { bestOfInterleaved, report } from "./_report.ts";

const ALPHA = 0.5;
const BETA1 = 0.9;
const BETA2 = 0.99;
const EPS = 1e-8;

/** The gradient of f_t: C = 1010 once every 101 steps, −1 otherwise (scaled by 10). */
const gradAt = (t: number) => (t % 101 === 1 ? 1010 : -10);

/** The library's AMSGrad (paper variant) for this problem. */
export function onlineOptimizer(): Optimizer {
  return amsgrad({
    alpha: ALPHA,
    beta1: BETA1,
    beta2: BETA2,
    eps: EPS,
    schedule: "invsqrt",
    projection: box(-1, 1),
  });
}

/** `steps` steps of `opt` from x_1 = 1; returns x_{T+1}. */
export function oursOnline(opt: Optimizer, steps: number): number {
  const state = opt.init(new Float64Array([1]));
  const g = new Float64Array(1);
  for (let t = 1; t <= steps; t++) {
    g[0] = gradAt(t);
    opt.step(state, g);
  }
  return state.x[0]!;
}

/** The same maths written out by hand, as one would without a framework. */
export function handOnline(steps: number): number {
  let x = 1, m = 0, v = 0, vHat = 0;
  for (let t = 1; t <= steps; t++) {
    const g = gradAt(t);
    m = BETA1 * m + (1 - BETA1) * g;
    v = BETA2 * v + (1 - BETA2) * g * g;
    vHat = vHat > v ? vHat : v;
    const eta = ALPHA / Math.sqrt(t) / (Math.sqrt(vHat) + EPS);
    const xHat = x - eta * m;
    x = xHat < -1 ? -1 : xHat > 1 ? 1 : xHat;
  }
  return x;
}

/** Steps per second: one optimizer reused, a fresh one per run (after others), the hand loop. */
export function measureOnline(
  steps = 1_000_000,
  repeats = 5,
): { single: number; fresh: number; hand: number } {
  const opt = onlineOptimizer();
  const a = oursOnline(opt, 10_000), b = handOnline(10_000);
  if (a !== b) throw new Error(`the generic step and the hand loop disagree: ${a} vs ${b}`);
  const rate = (ms: number) => (steps / ms) * 1000;
  const [single, hand] = bestOfInterleaved(
    [() => oursOnline(opt, steps), () => handOnline(steps)],
    repeats,
  ).map(rate);
  const [fresh] = bestOfInterleaved([() => oursOnline(onlineOptimizer(), steps)], repeats)
    .map(rate);
  return { single: single!, fresh: fresh!, hand: hand! };
}

export function run(): Promise<void> {
  const { single, fresh, hand } = measureOnline();
  const common = {
    reference: hand,
    referenceName: "hand-written loop",
    unit: "steps/s",
    higherIsBetter: true,
  };
  report({ ...common, label: "AMSGrad 1-D online problem, one optimizer", ours: single });
  report({ ...common, label: "AMSGrad 1-D online problem, fresh optimizers", ours: fresh });
  return Promise.resolve();
}
