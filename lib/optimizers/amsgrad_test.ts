import assert from "node:assert/strict";
import fc from "fast-check";
import { amsgrad } from "./amsgrad.ts";
import { adam } from "./adam.ts";
import { makeOptimizer } from "../framework/generic.ts";
import { emaPhi } from "../framework/phi.ts";
import { emaPsi, runningMaxPsi } from "../framework/psi.ts";
import { box } from "../framework/projection.ts";
import { stepSize } from "../framework/schedule.ts";
import type { State } from "../framework/types.ts";
import type { Variant } from "./_common.ts";

const f64 = (...a: number[]) => new Float64Array(a);
/** |a − b| ≤ tol·max(1, |b|). */
const close = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b} (tolerance ${tol})`);

/** Every number of two states is the same double (Object.is: 0 ≠ −0, NaN = NaN). */
function assertSameBits(a: State, b: State, what: string): void {
  assert.equal(a.t, b.t);
  for (const [name, va] of [["x", a.x], ...Object.entries(a.slots)] as const) {
    const vb = name === "x" ? b.x : b.slots[name]!;
    for (let i = 0; i < va.length; i++) {
      assert.ok(Object.is(va[i], vb[i]), `${what}: ${name}[${i}] ${va[i]} ≠ ${vb[i]} at t=${a.t}`);
    }
  }
}

Deno.test("AMSGrad (paper): hand-derived steps, the max keeping v̂ when v shrinks", () => {
  // α = 0.1, β1 = 0.9, β2 = 0.999, ε = 1e-8, x_1 = 1, g = 3 then 0.
  const opt = amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.999 });
  const state = opt.init(f64(1));
  // g_1 = 3: m_1 = 0.3, v_1 = 0.009, v̂_1 = 0.009, x_2 = 1 − 0.1·0.3/(√0.009 + 1e−8)
  opt.step(state, f64(3));
  const v1 = state.slots.v![0]!;
  close(v1, 0.009, 1e-17);
  const x2 = 1 - (0.1 * 0.3) / (Math.sqrt(0.009) + 1e-8);
  close(state.x[0]!, x2, 1e-15);
  // g_2 = 0: m_2 = 0.27, v_2 = 0.008991 < v̂_1, so v̂_2 = 0.009 (Adam would use √0.008991):
  // x_3 = x_2 − 0.1·0.27/(√0.009 + 1e−8)
  opt.step(state, f64(0));
  close(state.slots.v![0]!, 0.008991, 1e-17);
  assert.equal(state.slots.vHat![0], v1, "v̂_2 = v̂_1 = v_1");
  close(state.x[0]!, x2 - (0.1 * 0.27) / (Math.sqrt(0.009) + 1e-8), 1e-15);
  const a = adam({ alpha: 0.1, beta1: 0.9, beta2: 0.999 });
  const sa = a.init(f64(1));
  a.step(sa, f64(3));
  a.step(sa, f64(0));
  close(sa.x[0]!, x2 - (0.1 * 0.27) / (Math.sqrt(0.008991) + 1e-8), 1e-15);
  assert.ok(sa.x[0]! < state.x[0]!, "Adam's shrinking v gives the larger step");
});

/**
 * The golden AMSGrad trajectory, to 10 decimals, computed independently of this
 * library for each convention: x_1 = 1, gradients 1, −2, 0.5, 3, −1 (given,
 * independent of x), α = 0.1, β = (0.9, 0.999), ε = 1e-8 (Keras 1e-7). Flux's
 * convention (state initialised to ε) is not one of our variants.
 */
const SPEC_GOLDEN: Record<Variant, number[]> = {
  paper: [0.6837723340, 0.8393513625, 0.9070164484, 0.6925624191, 0.5869522033],
  pytorch: [0.9000000010, 0.9366103535, 0.9502794197, 0.9108694304, 0.8926517886],
  keras: [0.9000003162, 0.9366106172, 0.9502796646, 0.9108697082, 0.8926520810],
  optax: [0.9000000010, 0.9366103535, 0.9480441804, 0.9086341912, 0.8917810275],
};

for (const [variant, want] of Object.entries(SPEC_GOLDEN)) {
  Deno.test(`AMSGrad (${variant}): the spec's golden trajectory to 1e-9`, () => {
    const opt = amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.999, variant: variant as Variant });
    const state = opt.init(f64(1));
    [1, -2, 0.5, 3, -1].forEach((g, k) => {
      opt.step(state, f64(g));
      assert.ok(
        Math.abs(state.x[0]! - want[k]!) <= 1e-9,
        `step ${k + 1}: ${state.x[0]} vs ${want[k]}`,
      );
    });
  });
}

Deno.test("AMSGrad: PyTorch (max of raw v) and optax (max of corrected v) split at step 3", () => {
  const run = (variant: Variant) => {
    const opt = amsgrad({ alpha: 0.1, beta1: 0.9, beta2: 0.999, variant });
    const state = opt.init(f64(1));
    return [1, -2, 0.5].map((g) => (opt.step(state, f64(g)), state.x[0]!));
  };
  const [p, o] = [run("pytorch"), run("optax")];
  assert.equal(p[0], o[0]);
  assert.equal(p[1], o[1]);
  // Step 3: v_3/(1−β2³) < v_2/(1−β2²) although v_3 > v_2; optax keeps the larger
  // corrected value, so its step is smaller.
  assert.ok(Math.abs(p[2]! - o[2]!) > 1e-3);
});

Deno.test("AMSGrad == Adam, bit for bit, while v_t never decreases (|g_t| increasing)", () => {
  fc.assert(
    fc.property(
      fc.constantFrom<Variant>("paper", "pytorch"),
      fc.double({ min: 0, max: 0.99, noNaN: true }),
      fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
      fc.array(
        fc.tuple(fc.double({ min: 1e-3, max: 1, noNaN: true }), fc.boolean()),
        { minLength: 1, maxLength: 60 },
      ),
      (variant, beta1, beta2, steps) => {
        const o = { alpha: 0.05, beta1, beta2, variant, schedule: "invsqrt" as const };
        const ams = amsgrad(o);
        const ad = adam(o);
        const sa = ams.init(f64(0.5, -0.5));
        const sb = ad.init(f64(0.5, -0.5));
        let mag = 0.1;
        for (const [inc, sign] of steps) {
          mag += inc; // strictly increasing |g|, so g_t² > every earlier g², hence > v_{t−1}
          const g = f64(sign ? mag : -mag, sign ? -2 * mag : 2 * mag);
          const vPrev = sb.slots.v!.slice();
          ams.step(sa, g);
          ad.step(sb, g);
          for (let i = 0; i < 2; i++) assert.ok(sb.slots.v![i]! >= vPrev[i]!, "v decreased");
          assert.ok(sa.x.every((x, i) => Object.is(x, sb.x[i])), `x differs at t=${sa.t}`);
          assert.ok(sa.slots.vHat!.every((v, i) => Object.is(v, sb.slots.v![i])));
        }
      },
    ),
    { seed: 21, numRuns: 200 },
  );
});

Deno.test("AMSGrad by hand from makeOptimizer(emaPhi, runningMaxPsi) == amsgrad(...), bit for bit", () => {
  const alpha = 0.05;
  const beta1 = 0.9;
  const beta2 = 0.99;
  const projection = box(-1, 1);
  const byHand = makeOptimizer({
    name: "AMSGrad by hand",
    phi: emaPhi({ beta1T: () => beta1, beta1, correction: "none" }),
    psi: runningMaxPsi(
      emaPsi({ beta2T: () => beta2, beta2, correction: "none" }),
      { over: "raw" },
    ),
    alpha: stepSize(alpha, "invsqrt"),
    projection,
    epsIn: 0,
    epsOut: 1e-8,
    p: 0.5,
    hooks: [],
  });
  const named = amsgrad({ alpha, beta1, beta2, schedule: "invsqrt", projection });
  fc.assert(
    fc.property(
      fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { minLength: 4, maxLength: 400 }),
      (gs) => {
        const a = byHand.init(f64(0.9, -0.3, 0, 0.5));
        const b = named.init(f64(0.9, -0.3, 0, 0.5));
        for (let t = 0; t + 4 <= gs.length; t += 4) {
          const g = Float64Array.from(gs.slice(t, t + 4));
          byHand.step(a, g);
          named.step(b, g);
          assertSameBits(a, b, "by hand vs amsgrad");
        }
      },
    ),
    { seed: 22, numRuns: 100 },
  );
});
