/**
 * Beyond the paper, for a lecturer: AMSGrad's and AdamNC's measured regret on
 * Figure 1's online problem set against the bounds the paper proves for them
 * with β_{1t} = β1·λ^{t−1}: Corollary 1 (Theorem 4, AMSGrad) and Corollary 2
 * (Theorem 5, AdamNC with β_{2t} = 1 − 1/t). On F = [−1, 1] in one dimension,
 * D∞ = 2 and G∞ = max |g_t|, and ‖g_{1:T}‖₂ = √(Σ_t g_t²).
 *
 * Corollary 1: R_T ≤ D∞²√T/(α(1−β1))·√v̂_T + β1 D∞² G∞/(2(1−β1)(1−λ)²)
 *   + α√(1 + log T)/((1−β1)²(1−γ)√(1−β2))·‖g_{1:T}‖₂, γ = β1/√β2.
 * Corollary 2: R_T ≤ D∞²/(2α(1−β1))·‖g_{1:T}‖₂ + β1 D∞² G∞/(2(1−β1)(1−λ)²)
 *   + 2ζ/(1−β1)³·‖g_{1:T}‖₂, with ζ = α.
 * The printed statements omit the 1/α of their first terms (it comes from
 * 1/α_T = √T/α in the proofs); our runs use α = 1, where both readings agree.
 *
 * @module
 */
import { box } from "../framework/projection.ts";
import { adamNC } from "../optimizers/adam_nc.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import type { OnlineProblem } from "../online/problem.ts";
import { figure1Online } from "../online/problems.ts";
import { runOnline } from "../online/runner.ts";

/** One recorded round: the measured regret and the bound. */
export interface BoundRow {
  /** `"AMSGrad"` (Corollary 1) or `"AdamNC"` (Corollary 2). */
  optimizer: string;
  /** The round T. */
  t: number;
  /** R_T measured. */
  regret: number;
  /** The corollary's bound on R_T. */
  bound: number;
}

/** Settings of {@link regretBounds}. */
export interface BoundSettings {
  /** α of α_t = α/√t (default 1). */
  alpha: number;
  /** β1 = β_{11} (default 0.9). */
  beta1: number;
  /** λ of β_{1t} = β1·λ^{t−1} (default 0.9; near 1 its constant term dominates for any practical T). */
  lambda: number;
  /** AMSGrad's β2 (default 0.99). */
  beta2: number;
  /** T (default 10⁶). */
  steps: number;
  /** About how many log-spaced rounds to record (default 200). */
  points: number;
}

/** Our defaults for {@link regretBounds}. */
export const BOUND_DEFAULTS: BoundSettings = {
  alpha: 1,
  beta1: 0.9,
  lambda: 0.9,
  beta2: 0.99,
  steps: 1_000_000,
  points: 200,
};

/**
 * The least-squares slope of log y against log x (the exponent p of y ∝ x^p).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { logLogSlope } from "./theory.ts";
 * const pts = [1, 10, 100].map((x) => ({ x, y: 3 * Math.sqrt(x) }));
 * assert.ok(Math.abs(logLogSlope(pts) - 0.5) < 1e-12);
 * ```
 */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const p = points.filter((q) => q.x > 0 && q.y > 0).map((q) => [Math.log(q.x), Math.log(q.y)]);
  if (p.length < 2) throw new RangeError("a slope needs at least 2 positive points");
  const mx = p.reduce((a, q) => a + q[0]!, 0) / p.length;
  const my = p.reduce((a, q) => a + q[1]!, 0) / p.length;
  let sxy = 0;
  let sxx = 0;
  for (const [x, y] of p) {
    sxy += (x! - mx) * (y! - my);
    sxx += (x! - mx) ** 2;
  }
  return sxy / sxx;
}

/**
 * Runs AMSGrad and AdamNC with β_{1t} = β1·λ^{t−1} on `problem` (default
 * Figure 1's online problem, a 1-D linear problem on [−1, 1]) and returns R_T
 * beside the bound of Corollary 1 and Corollary 2 at the recorded rounds.
 */
export function regretBounds(
  overrides: Partial<BoundSettings> = {},
  problem: OnlineProblem = figure1Online(),
): { settings: BoundSettings; rows: BoundRow[] } {
  const s = { ...BOUND_DEFAULTS, ...overrides };
  const { alpha, beta1, lambda, beta2 } = s;
  const common = {
    alpha,
    schedule: "invsqrt" as const,
    beta1,
    beta1Schedule: "exponential" as const,
    lambda,
    projection: box(-1, 1),
  };
  const runs = [
    runOnline(problem.reset(), amsgrad({ ...common, beta2 }), opts(s)),
    runOnline(problem.reset(), adamNC(common), opts(s)),
  ];
  // The gradients of a linear problem do not depend on x: replay them for v̂_T and ‖g_{1:T}‖₂.
  const want = new Set(runs[0]!.rows.map((r) => r.t));
  const p = problem.reset();
  const x = new Float64Array([0]);
  const g = new Float64Array(1);
  const D = 2;
  const gamma = beta1 / Math.sqrt(beta2);
  let v = 0;
  let vHat = 0;
  let sumSq = 0;
  let G = 0;
  const bounds = new Map<number, { ams: number; nc: number }>();
  for (let t = 1; t <= s.steps; t++) {
    p.loss(t, x, g);
    const gt = g[0]!;
    v = beta2 * v + (1 - beta2) * gt * gt;
    vHat = Math.max(vHat, v);
    sumSq += gt * gt;
    G = Math.max(G, Math.abs(gt));
    if (!want.has(t)) continue;
    const norm = Math.sqrt(sumSq);
    const momentum = beta1 * D * D * G / (2 * (1 - beta1) * (1 - lambda) ** 2);
    const ams = D * D * Math.sqrt(t) / (alpha * (1 - beta1)) * Math.sqrt(vHat) + momentum +
      alpha * Math.sqrt(1 + Math.log(t)) /
        ((1 - beta1) ** 2 * (1 - gamma) * Math.sqrt(1 - beta2)) * norm;
    const nc = D * D / (2 * alpha * (1 - beta1)) * norm + momentum +
      2 * alpha / (1 - beta1) ** 3 * norm;
    bounds.set(t, { ams, nc });
  }
  const rows: BoundRow[] = [];
  runs.forEach((r, k) => {
    for (const row of r.rows) {
      const b = bounds.get(row.t)!;
      rows.push({
        optimizer: k === 0 ? "AMSGrad" : "AdamNC",
        t: row.t,
        regret: row.regret,
        bound: k === 0 ? b.ams : b.nc,
      });
    }
  });
  return { settings: s, rows };
}

function opts(s: BoundSettings) {
  return { steps: s.steps, x1: 0, points: s.points, trackGamma: false };
}
