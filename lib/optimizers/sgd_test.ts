import assert from "node:assert/strict";
import { sgd } from "./sgd.ts";
import { box } from "../framework/projection.ts";

const f64 = (...a: number[]) => new Float64Array(a);

Deno.test("SGD: hand-derived steps with α_t = α/√t", () => {
  // φ_t = g_t, ψ_t = I, α = 0.1, x_1 = 1.
  const opt = sgd({ alpha: 0.1, schedule: "invsqrt" });
  const state = opt.init(f64(1));
  opt.step(state, f64(2)); // x_2 = 1 − (0.1/√1)·2 = 0.8
  assert.equal(state.x[0], 1 - 0.1 * 2);
  opt.step(state, f64(-1)); // x_3 = 0.8 + (0.1/√2)·1 ≈ 0.8707106781
  assert.ok(Math.abs(state.x[0]! - 0.8707106781186548) < 1e-15);
  assert.equal(state.t, 2);
});

Deno.test("SGD: the projection onto [−1, 1] clips the step", () => {
  const opt = sgd({ alpha: 1, projection: box(-1, 1) });
  const state = opt.init(f64(0.5, -0.5));
  opt.step(state, f64(-3, 0.25)); // x̂ = (3.5, −0.75) → (1, −0.75)
  assert.deepEqual(Array.from(state.x), [1, -0.75]);
});

Deno.test("SGD with momentum, dampening and Nesterov: hand-derived steps (PyTorch's form)", () => {
  // b_1 = g_1; b_t = μ b_{t−1} + (1 − τ) g_t; x −= α b_t, or α (g_t + μ b_t) with Nesterov.
  // α = 0.1, μ = 0.9, g_1 = 1, g_2 = 2.
  const heavy = sgd({ alpha: 0.1, momentum: 0.9 });
  const s1 = heavy.init(f64(0));
  heavy.step(s1, f64(1)); // b_1 = 1, x_2 = −0.1
  heavy.step(s1, f64(2)); // b_2 = 0.9 + 2 = 2.9, x_3 = −0.1 − 0.29 = −0.39
  assert.ok(Math.abs(s1.x[0]! - -0.39) < 1e-15, `${s1.x[0]}`);

  const damped = sgd({ alpha: 0.1, momentum: 0.9, dampening: 0.5 });
  const s2 = damped.init(f64(0));
  damped.step(s2, f64(1)); // b_1 = g_1 = 1 (no dampening on the first step), x_2 = −0.1
  damped.step(s2, f64(2)); // b_2 = 0.9 + 0.5·2 = 1.9, x_3 = −0.1 − 0.19 = −0.29
  assert.ok(Math.abs(s2.x[0]! - -0.29) < 1e-15, `${s2.x[0]}`);

  const nesterov = sgd({ alpha: 0.1, momentum: 0.9, nesterov: true });
  const s3 = nesterov.init(f64(0));
  nesterov.step(s3, f64(1)); // b_1 = 1, x_2 = −0.1·(1 + 0.9) = −0.19
  assert.ok(Math.abs(s3.x[0]! - -0.19) < 1e-15, `${s3.x[0]}`);
  nesterov.step(s3, f64(2)); // b_2 = 2.9, x_3 = −0.19 − 0.1·(2 + 2.61) = −0.651
  assert.ok(Math.abs(s3.x[0]! - -0.651) < 1e-15, `${s3.x[0]}`);
});

Deno.test("SGD: momentum 0 is plain SGD; Nesterov needs μ > 0 and τ = 0", () => {
  assert.equal(sgd({ momentum: 0 }).name, "SGD");
  assert.throws(() => sgd({ nesterov: true }), { name: "RangeError", message: /nesterov/ });
  assert.throws(
    () => sgd({ momentum: 0.9, dampening: 0.1, nesterov: true }),
    { name: "RangeError", message: /dampening = 0/ },
  );
});
