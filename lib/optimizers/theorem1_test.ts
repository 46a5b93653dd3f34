/**
 * The paper's Theorem 1 counterexample as a regression test. F = [−1, 1],
 * f_t(x) = C·x if t mod 3 = 1, else −x, so x* = −1. β1 = 0, β2 = 1/(1 + C²),
 * x_1 = 1. Adam (Algorithm 1 with Adam's ψ, no bias correction) returns to x = +1
 * after every three steps. AMSGrad, on the same stream, heads for x* = −1.
 *
 * Measured with α = 0.5 over T = 3000 steps (ε = 0 and ε = 1e-8 give the same):
 * - Adam: x_{3k+1} = 1 exactly, with R_T/T = 0.675 (C = 3, α/√t),
 *   0.889 (C = 3, constant α), 5.34 (C = 10, α/√t) and 5.55 (C = 10, constant α).
 * - AMSGrad with α/√t: x_T = −0.9936 (C = 3) and −0.9982 (C = 10); R_T/T = 0.027 and 0.047.
 * - AMSGrad with constant α oscillates: x_T = −0.651 (C = 3) and −0.900 (C = 10);
 *   the mean x over the last 300 steps is −0.825 and −0.950.
 *
 * @module
 */
import assert from "node:assert/strict";
import { adam } from "./adam.ts";
import { amsgrad } from "./amsgrad.ts";
import { box } from "../framework/projection.ts";
import type { Optimizer } from "../framework/types.ts";

const T = 3000;

/** Runs f_t of Theorem 1 for T steps from x_1 = 1; the iterates x_1..x_{T+1} and R_T/T. */
function run(opt: Optimizer, C: number): { xs: Float64Array; avgRegret: number } {
  const state = opt.init(new Float64Array([1]));
  const g = new Float64Array(1);
  const xs = new Float64Array(T + 1);
  xs[0] = 1;
  let regret = 0;
  for (let t = 1; t <= T; t++) {
    g[0] = t % 3 === 1 ? C : -1; // ∇f_t, a constant
    regret += g[0]! * state.x[0]! - g[0]! * -1; // f_t(x_t) − f_t(x*), x* = −1
    opt.step(state, g);
    xs[t] = state.x[0]!;
  }
  return { xs, avgRegret: regret / T };
}

const settings = [3, 10].flatMap((C) =>
  [
    { alpha: 0.5, schedule: "invsqrt" as const },
    { alpha: 1, schedule: "invsqrt" as const },
    { alpha: 0.5, schedule: "constant" as const },
  ].flatMap((s) => [0, 1e-8].map((eps) => ({ C, eps, ...s })))
);

for (const { C, alpha, schedule, eps } of settings) {
  const label = `C = ${C}, α = ${alpha} ${schedule}, ε = ${eps}`;
  const opts = {
    alpha,
    schedule,
    eps,
    beta1: 0,
    beta2: 1 / (1 + C * C),
    projection: box(-1, 1),
  };

  Deno.test(`Theorem 1 (${label}): Adam is back at x = 1 after every 3 steps`, () => {
    const { xs, avgRegret } = run(adam(opts), C);
    for (let k = 0; 3 * k <= T; k++) {
      assert.ok(Math.abs(xs[3 * k]! - 1) <= 1e-12, `x_${3 * k + 1} = ${xs[3 * k]}`);
    }
    // x_{3k+2} < 1: the first step of each period does move x, and the next two undo it.
    assert.ok(xs[1]! < 0.6, `x_2 = ${xs[1]}`);
    assert.ok(avgRegret > 0.5, `Adam's R_T/T = ${avgRegret}`);
  });

  Deno.test(`Theorem 1 (${label}): AMSGrad heads for x* = −1`, () => {
    const { xs, avgRegret } = run(amsgrad(opts), C);
    const adamRegret = run(adam(opts), C).avgRegret;
    if (schedule === "invsqrt") {
      assert.ok(xs[T]! < -0.9, `x_T = ${xs[T]}`);
      assert.ok(avgRegret < 0.1, `AMSGrad's R_T/T = ${avgRegret}`);
    } else {
      // With constant α it oscillates around a negative point rather than settling.
      const last = xs.subarray(T + 1 - 300);
      const mean = last.reduce((s, x) => s + x, 0) / last.length;
      assert.ok(mean < -0.5, `mean of the last 300 iterates = ${mean}`);
      assert.ok(avgRegret < adamRegret / 2, `R_T/T: AMSGrad ${avgRegret}, Adam ${adamRegret}`);
    }
  });
}
