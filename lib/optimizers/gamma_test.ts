/**
 * Γ_{t+1} = √V̂_{t+1}/α_{t+1} − √V̂_t/α_t (diagonal), the change in the inverse
 * learning rate that Kingma & Ba's proof assumes to be ⪰ 0. `learningRate(state, out)`
 * gives η_{t,i} = α_t·c/D_{t,i}, and in paper mode c = 1, so 1/η_{t,i} = D_{t,i}/α_t
 * and Γ_{t+1,i} = 1/η_{t+1,i} − 1/η_{t,i}.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { adagrad, adam, amsgrad, rmsprop, sgd } from "./mod.ts";
import type { Optimizer } from "../framework/types.ts";

/** The smallest Γ_{t,i} over a gradient stream of d-dimensional gradients. */
function minGamma(opt: Optimizer, gs: number[][]): number {
  const d = gs[0]!.length;
  const state = opt.init(new Float64Array(d));
  const eta = new Float64Array(d);
  let prev: Float64Array | null = null;
  let min = Infinity;
  for (const g of gs) {
    opt.step(state, Float64Array.from(g));
    opt.learningRate(state, eta);
    const inv = eta.map((e) => 1 / e);
    if (prev !== null) { for (let i = 0; i < d; i++) min = Math.min(min, inv[i]! - prev[i]!); }
    prev = inv;
  }
  return min;
}

const gradients = fc.integer({ min: 1, max: 4 }).chain((d) =>
  fc.array(
    fc.array(fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constant(0)), {
      minLength: d,
      maxLength: d,
    }),
    { minLength: 2, maxLength: 60 },
  )
);
const schedules = fc.constantFrom("constant" as const, "invsqrt" as const);
const betas = fc.record({
  beta1: fc.double({ min: 0, max: 0.99, noNaN: true }),
  beta2: fc.double({ min: 0, max: 0.999, noNaN: true }),
});

Deno.test("AMSGrad: Γ_t ⪰ 0 for constant and α/√t step sizes (exactly, in floating point)", () => {
  fc.assert(
    fc.property(gradients, schedules, betas, (gs, schedule, b) => {
      const g = minGamma(amsgrad({ alpha: 0.1, schedule, ...b }), gs);
      assert.ok(g >= 0, `min Γ = ${g}`);
    }),
    { seed: 51, numRuns: 500 },
  );
});

Deno.test("SGD and AdaGrad (α/√t): Γ_t ⪰ 0", () => {
  fc.assert(
    fc.property(gradients, (gs) => {
      assert.ok(minGamma(sgd({ alpha: 0.1, schedule: "invsqrt" }), gs) >= 0);
      // AdaGrad's 1/η = (√Σg² + √t·ε)/α: rounding of √(Σg²/t)·√t may cost an ulp.
      const g = minGamma(adagrad({ alpha: 0.1 }), gs);
      assert.ok(g >= -1e-12, `AdaGrad min Γ = ${g}`);
    }),
    { seed: 52, numRuns: 300 },
  );
});

Deno.test("Adam and RMSProp: some gradient stream makes Γ_t negative", () => {
  // The search itself: fast-check must find a counterexample to "Γ_t ⪰ 0" for Adam.
  const forAdam = fc.check(
    fc.property(gradients, schedules, betas, (gs, schedule, b) => {
      return minGamma(adam({ alpha: 0.1, schedule, ...b }), gs) >= 0;
    }),
    { seed: 53, numRuns: 500 },
  );
  assert.ok(forAdam.failed, "no stream made Adam's Γ_t negative");
  // A concrete one: g = 1 then 0 shrinks v_t, so √v_2/α < √v_1/α with constant α.
  const rms = minGamma(rmsprop({ alpha: 0.1, beta2: 0.9 }), [[1], [0]]);
  // Γ_2 = (√0.09 + ε − √0.1 − ε)/0.1 ≈ −0.16228 (ε does not cancel exactly)
  assert.ok(Math.abs(rms - (Math.sqrt(0.09) - Math.sqrt(0.1)) / 0.1) < 1e-12, `Γ_2 = ${rms}`);
  // AMSGrad on the same stream keeps Γ_2 = 0.
  assert.equal(minGamma(amsgrad({ alpha: 0.1, beta1: 0, beta2: 0.9 }), [[1], [0]]), 0);
});
