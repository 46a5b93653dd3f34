import assert from "node:assert/strict";
import { newScalars } from "./generic.ts";
import { emaPhi, gradientPhi, momentumPhi, nesterovEmaPhi } from "./phi.ts";
import type { FirstMoment, State, StepScalars } from "./types.ts";

/** Runs phi alone over the gradients; returns the state and the last step's scalars. */
function drive(phi: FirstMoment, gs: number[]): { state: State; s: StepScalars } {
  const slots: State["slots"] = {};
  for (const [k, v] of Object.entries(phi.slots)) slots[k] = new Float64Array(1).fill(v);
  const state: State = { t: 0, x: new Float64Array(1), slots, scalars: {} };
  const s = newScalars();
  for (const g of gs) {
    Object.assign(s, newScalars(), { t: state.t + 1 });
    phi.prepare(state, s);
    phi.update(state, new Float64Array([g]), s, 0, 1);
    phi.finish?.(state, s);
    state.t++;
  }
  return { state, s };
}

Deno.test("gradientPhi: the numerator is g_t itself (a = 0, b = 1)", () => {
  const { state, s } = drive(gradientPhi(), [3]);
  assert.deepEqual([s.a, s.b, s.c], [0, 1, 1]);
  assert.deepEqual(Object.keys(state.slots), []);
});

Deno.test("emaPhi: m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t, with the step correction 1/(1 − β1^t)", () => {
  // β1 = 0.5: m_1 = 0.5·2 = 1, m_2 = 0.5·1 + 0.5·4 = 2.5; the correction at t = 2 is 1/(1 − 0.25).
  const { state, s } = drive(emaPhi({ beta1T: () => 0.5, beta1: 0.5, correction: "step" }), [2, 4]);
  assert.equal(state.slots.m![0], 2.5);
  assert.deepEqual([s.a, s.b, s.beta1T], [1, 0, 0.5]);
  assert.equal(s.c, 1 / 0.75);
  const none = drive(emaPhi({ beta1T: () => 0.5, beta1: 0.5, correction: "none" }), [2, 4]);
  assert.equal(none.s.c, 1);
  // A time-varying β_{1t} (here 1/t) enters the recursion: m_1 = 0·0 + 1·2, m_2 = 0.5·2 + 0.5·4.
  const varying = drive(emaPhi({ beta1T: (t) => (t - 1) / t, beta1: 0.5, correction: "none" }), [
    2,
    4,
  ]);
  assert.equal(varying.state.slots.m![0], 3);
  // A non-zero m_0 (Flux, Yogi).
  const init = drive(emaPhi({ beta1T: () => 0.5, beta1: 0.5, correction: "none", init: 1 }), [3]);
  assert.equal(init.state.slots.m![0], 2);
});

Deno.test("momentumPhi: b_1 = g_1, b_t = μ b_{t−1} + (1 − τ) g_t; Nesterov's numerator g + μ b", () => {
  const heavy = drive(momentumPhi({ mu: 0.5, dampening: 0.25, nesterov: false }), [4, 2]);
  assert.equal(heavy.state.slots.buf![0], 0.5 * 4 + 0.75 * 2);
  assert.deepEqual([heavy.s.a, heavy.s.b], [1, 0]);
  const nesterov = drive(momentumPhi({ mu: 0.5, dampening: 0, nesterov: true }), [4]);
  assert.equal(nesterov.state.slots.buf![0], 4);
  assert.deepEqual([nesterov.s.a, nesterov.s.b], [0.5, 1]);
});

Deno.test("nesterovEmaPhi: Nadam's weights from μ_t and the running product P_t", () => {
  const beta1 = 0.9;
  const psi = 0.004;
  const mu = (t: number) => beta1 * (1 - 0.5 * Math.pow(0.96, t * psi));
  const phi = nesterovEmaPhi({ beta1, momentumDecay: psi });
  const one = drive(phi, [1]);
  // t = 1: P_1 = μ_1; a = μ_2/(1 − μ_1 μ_2), b = (1 − μ_1)/(1 − μ_1).
  assert.equal(one.s.a, mu(2) / (1 - mu(1) * mu(2)));
  assert.equal(one.s.b, (1 - mu(1)) / (1 - mu(1)));
  assert.equal(one.state.scalars.muProduct, mu(1));
  const two = drive(phi, [1, 1]);
  const p2 = mu(1) * mu(2);
  assert.equal(two.s.a, mu(3) / (1 - p2 * mu(3)));
  assert.equal(two.s.b, (1 - mu(2)) / (1 - p2));
  assert.equal(two.state.scalars.muProduct, p2);
  assert.ok(Math.abs(two.state.slots.m![0]! - (0.9 * 0.1 + 0.1)) < 1e-16);
});
