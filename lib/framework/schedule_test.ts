import assert from "node:assert/strict";
import { beta1Schedule, beta2Schedule, stepSize } from "./schedule.ts";

Deno.test("stepSize: constant α_t = α and α_t = α/√t", () => {
  const c = stepSize(0.5);
  const s = stepSize(0.5, "invsqrt");
  assert.deepEqual([1, 2, 100].map(c), [0.5, 0.5, 0.5]);
  assert.deepEqual([1, 4, 100].map(s), [0.5, 0.25, 0.05]);
  assert.equal(s(2), 0.5 / Math.SQRT2);
  const f = (t: number) => 1 / t;
  assert.equal(stepSize(1, f), f, "a function is used as given");
});

Deno.test("stepSize: α must be finite and ≥ 0, the schedule a known name", () => {
  assert.throws(() => stepSize(-0.1), { name: "RangeError", message: /^alpha must be/ });
  assert.throws(() => stepSize(Infinity), { name: "RangeError", message: /got Infinity/ });
  assert.throws(() => stepSize(1, "linear" as never), {
    name: "RangeError",
    message: 'schedule must be one of "constant", "invsqrt", got linear',
  });
});

Deno.test("beta1Schedule: constant, β1·λ^{t−1} and β1/t", () => {
  assert.equal(beta1Schedule(0.9)(50), 0.9);
  const e = beta1Schedule(0.9, "exponential", 0.5);
  assert.deepEqual([1, 2, 3].map(e), [0.9, 0.45, 0.225]);
  const inv = beta1Schedule(0.9, "inverse");
  assert.deepEqual([1, 2, 3].map(inv), [0.9, 0.45, 0.3]);
  // λ = 1 makes the exponential schedule constant.
  assert.equal(beta1Schedule(0.9, "exponential", 1)(1000), 0.9);
});

Deno.test("beta1Schedule: bad β1 or λ at construction, a bad user value at its step", () => {
  assert.throws(() => beta1Schedule(1), {
    name: "RangeError",
    message: /^beta1 must be in \[0, 1\)/,
  });
  assert.throws(() => beta1Schedule(0.9, "exponential", 1.1), {
    message: /^lambda must be in \[0, 1\]/,
  });
  const user = beta1Schedule(0.9, (t) => (t === 4 ? -0.5 : 0.5));
  assert.equal(user(3), 0.5);
  assert.throws(() => user(4), { message: "beta1Schedule(4) must be in [0, 1), got -0.5" });
});

Deno.test("beta2Schedule: 1 − 1/t, and a user schedule may reach 1", () => {
  const b = beta2Schedule();
  assert.deepEqual([1, 2, 4].map(b), [0, 0.5, 0.75]);
  assert.equal(beta2Schedule(() => 1)(3), 1);
  assert.throws(() => beta2Schedule(() => 1.01)(3), {
    message: "beta2Schedule(3) must be in [0, 1], got 1.01",
  });
  assert.throws(() => beta2Schedule("1/t" as never), { message: /one of "1-1\/t", got 1\/t/ });
});
