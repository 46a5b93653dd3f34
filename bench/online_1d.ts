/**
 * Section: the generic step on the paper's 1-D online problem (Figure 1):
 * f_t(x) = 1010x when t mod 101 = 1, else −10x, on F = [−1, 1]; AMSGrad with
 * β1 = 0.9, β2 = 0.99, α_t = α/√t. Per-step overhead dominates at d = 1, so this
 * measures the cost of the framework (prepare, hooks, tiles, calls) against a
 * hand-written loop of the same maths.
 *
 * @module
 */
import { amsgrad } from "../lib/optimizers/mod.ts";
import { box } from "../lib/framework/mod.ts";
import { bestOfInterleaved, report } from "./_report.ts";

const ALPHA = 0.5;
const BETA1 = 0.9;
const BETA2 = 0.99;
const EPS = 1e-8;

/** The gradient of f_t: C = 1010 once every 101 steps, −1 otherwise (scaled by 10). */
const gradAt = (t: number) => (t % 101 === 1 ? 1010 : -10);

/** `steps` steps of the library's AMSGrad (paper variant); returns x_{T+1}. */
export function oursOnline(steps: number): number {
  const opt = amsgrad({
    alpha: ALPHA,
    beta1: BETA1,
    beta2: BETA2,
    eps: EPS,
    schedule: "invsqrt",
    projection: box(-1, 1),
  });
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

/** Steps per second of ours and of the hand loop, measured interleaved. */
export function measureOnline(steps = 1_000_000, repeats = 5): { ours: number; hand: number } {
  const a = oursOnline(10_000), b = handOnline(10_000);
  if (a !== b) throw new Error(`the generic step and the hand loop disagree: ${a} vs ${b}`);
  const [ms0, ms1] = bestOfInterleaved([() => oursOnline(steps), () => handOnline(steps)], repeats);
  return { ours: (steps / ms0!) * 1000, hand: (steps / ms1!) * 1000 };
}

export function run(): Promise<void> {
  const { ours, hand } = measureOnline();
  report({
    label: "AMSGrad 1-D online problem",
    ours,
    reference: hand,
    referenceName: "hand-written loop",
    unit: "steps/s",
    higherIsBetter: true,
  });
  return Promise.resolve();
}
