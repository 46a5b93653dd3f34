import assert from "node:assert/strict";
import fc from "fast-check";
import { rmsprop } from "./rmsprop.ts";
import { adam } from "./adam.ts";
import { box } from "../framework/projection.ts";

const f64 = (...a: number[]) => new Float64Array(a);

Deno.test("RMSProp: hand-derived steps", () => {
  // β2 = 0.9, α = 0.1 constant, ε = 1e-8 outside the root, x_1 = 1.
  const opt = rmsprop({ alpha: 0.1, beta2: 0.9 });
  const state = opt.init(f64(1));
  // g_1 = 2: v_1 = 0.1·4 = 0.4, x_2 = 1 − 0.1·2/(√0.4 + 1e-8) ≈ 0.683772239
  opt.step(state, f64(2));
  const x2 = 1 - (0.1 * 2) / (Math.sqrt(0.4) + 1e-8);
  assert.ok(Math.abs(state.x[0]! - x2) < 1e-15);
  assert.ok(Math.abs(state.x[0]! - 0.683772239) < 1e-9);
  // g_2 = −1: v_2 = 0.9·0.4 + 0.1·1 = 0.46, x_3 = x_2 + 0.1/(√0.46 + 1e-8) ≈ 0.831214193
  opt.step(state, f64(-1));
  assert.ok(Math.abs(state.slots.v![0]! - 0.46) < 1e-15);
  assert.ok(Math.abs(state.x[0]! - (x2 + 0.1 / (Math.sqrt(0.46) + 1e-8))) < 1e-15);
  assert.ok(Math.abs(state.x[0]! - 0.831214193) < 1e-9);
});

Deno.test("RMSProp == Adam with β1 = 0, bit for bit", () => {
  fc.assert(
    fc.property(
      fc.double({ min: 0, max: 0.999, noNaN: true }),
      fc.constantFrom("constant" as const, "invsqrt" as const),
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 90 }),
      (beta2, schedule, gs) => {
        const o = { alpha: 0.05, beta2, schedule, projection: box(-1, 1) };
        const r = rmsprop(o);
        const a = adam({ ...o, beta1: 0 });
        const sr = r.init(f64(0.1, -0.2, 0.3));
        const sa = a.init(f64(0.1, -0.2, 0.3));
        for (let t = 0; t + 3 <= gs.length; t += 3) {
          const g = Float64Array.from(gs.slice(t, t + 3));
          r.step(sr, g);
          a.step(sa, g);
          for (let i = 0; i < 3; i++) {
            assert.ok(Object.is(sr.x[i], sa.x[i]), `x differs at step ${sr.t}`);
            assert.ok(Object.is(sr.slots.v![i], sa.slots.v![i]));
          }
        }
      },
    ),
    { seed: 11, numRuns: 200 },
  );
});
