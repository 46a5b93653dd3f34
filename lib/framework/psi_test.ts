import assert from "node:assert/strict";
import { newScalars } from "./generic.ts";
import {
  beliefPsi,
  emaPsi,
  identityPsi,
  infinityNormPsi,
  runningMaxPsi,
  sumOfSquaresPsi,
  yogiPsi,
} from "./psi.ts";
import type { SecondMoment, State, StepScalars } from "./types.ts";

/** Runs psi alone over the gradients (m, when read, is set by `m`); returns state and scalars. */
function drive(
  psi: SecondMoment,
  gs: number[],
  m: number[] = [],
): { state: State; s: StepScalars } {
  const slots: State["slots"] = { m: new Float64Array(1) };
  for (const [k, v] of Object.entries(psi.slots)) slots[k] = new Float64Array(1).fill(v);
  const state: State = { t: 0, x: new Float64Array(1), slots, scalars: {} };
  const s = newScalars();
  gs.forEach((g, k) => {
    Object.assign(s, newScalars(), { t: state.t + 1 });
    slots.m![0] = m[k] ?? 0;
    psi.prepare(state, s);
    psi.update(state, new Float64Array([g]), s, 0, 1);
    psi.finish?.(state, s);
    state.t++;
  });
  return { state, s };
}
const v = (r: { state: State }, slot: string) => r.state.slots[slot]![0]!;

Deno.test("identityPsi: V_t = I, no slot", () => {
  const psi = identityPsi();
  assert.equal(psi.denSlot, null);
  assert.deepEqual(psi.slots, {});
});

Deno.test("sumOfSquaresPsi: s_t = s_0 + Σ g², averaged by 1/t in the paper's form", () => {
  const paper = drive(sumOfSquaresPsi({ average: true }), [1, 2, 3]);
  assert.equal(v(paper, "sumSq"), 14);
  assert.equal(paper.s.s2, 1 / 3);
  const torch = drive(sumOfSquaresPsi({ average: false, init: 0.5 }), [1, 2]);
  assert.equal(v(torch, "sumSq"), 5.5);
  assert.equal(torch.s.s2, 1);
});

Deno.test("emaPsi: v_t = β2 v_{t−1} + (1 − β2) g², and where 1/(1 − β2^t) goes", () => {
  // β2 = 0.5: v_1 = 0.5·4 = 2, v_2 = 0.5·2 + 0.5·16 = 9; bc2 at t = 2 is 0.75.
  const mk = (correction: "none" | "inside" | "step") =>
    drive(emaPsi({ beta2T: () => 0.5, beta2: 0.5, correction }), [2, 4]);
  assert.equal(v(mk("none"), "v"), 9);
  assert.deepEqual([mk("none").s.s2, mk("none").s.c], [1, 1]);
  assert.deepEqual([mk("inside").s.s2, mk("inside").s.c], [1 / 0.75, 1]);
  assert.deepEqual([mk("step").s.s2, mk("step").s.c], [1, Math.sqrt(0.75)]);
  assert.equal(mk("none").s.beta2T, 0.5);
});

Deno.test("runningMaxPsi: v̂ = max(v̂, v) over raw v (paper, PyTorch) or corrected v (optax)", () => {
  // β2 = 0.5, g = 2, 0: v = 2, 1. Raw: v̂ = 2, 2.
  const inner = () => emaPsi({ beta2T: () => 0.5, beta2: 0.5, correction: "inside" });
  const raw = drive(runningMaxPsi(inner(), { over: "raw" }), [2, 0]);
  assert.deepEqual([v(raw, "v"), v(raw, "vHat")], [1, 2]);
  assert.equal(raw.s.s2, 1 / 0.75, "PyTorch corrects after the max");
  // Corrected: v/bc2 = 2/0.5 = 4, then 1/0.75 = 1.33: v̂ = 4, and no correction after.
  const corr = drive(runningMaxPsi(inner(), { over: "corrected" }), [2, 0]);
  assert.equal(v(corr, "vHat"), 4);
  assert.equal(corr.s.s2, 1);
  // With g = 2, 3: corrected values 4 and (1 + 4.5)/0.75 = 7.33: the max takes the new one.
  const up = drive(runningMaxPsi(inner(), { over: "corrected" }), [2, 3]);
  assert.equal(v(up, "vHat"), 5.5 / 0.75);
  assert.equal(runningMaxPsi(inner(), { over: "raw" }).denSlot, "vHat");
  assert.throws(() => runningMaxPsi(identityPsi(), { over: "raw" }), /needs an inner estimator/);
});

Deno.test("runningMaxPsi (AdamX): v̂_t = max(((1 − β_{1t})/(1 − β_{1,t−1}))² v̂_{t−1}, v_t)", () => {
  // β2 = 0.99, β_{1t} = 0.9/t, g = 1, 0: v_1 = 0.01 = v̂_1; v_2 = 0.0099;
  // ((1 − 0.45)/(1 − 0.9))² = 5.5² = 30.25, so v̂_2 = 30.25·0.01 = 0.3025.
  const psi = runningMaxPsi(
    emaPsi({ beta2T: () => 0.99, beta2: 0.99, correction: "none" }),
    { over: "adamx", beta1T: (t) => 0.9 / t },
  );
  const one = drive(psi, [1]);
  assert.equal(v(one, "vHat"), v(one, "v"));
  const two = drive(psi, [1, 0]);
  assert.ok(Math.abs(v(two, "vHat") - 0.3025) < 1e-15, `${v(two, "vHat")}`);
});

Deno.test("beliefPsi: s_t = β2 s_{t−1} + (1 − β2)(g_t − m_t)² + ε_root", () => {
  // β2 = 0.5, ε_root = 0.25; g = 3, m = 1: s_1 = 0.5·4 + 0.25 = 2.25.
  const r = drive(beliefPsi({ beta2: 0.5, epsRoot: 0.25, correction: "inside" }), [3], [1]);
  assert.equal(v(r, "s"), 2.25);
  assert.equal(r.s.s2, 1 / 0.5);
});

Deno.test("yogiPsi: v_t = v_{t−1} − (1 − β2)·sign(v_{t−1} − g²)·g²", () => {
  // β2 = 0.9, v_0 = 1: g = 2 → v = 1 + 0.1·4 = 1.4 (grows); g = 0.5 → 1.4 − 0.1·0.25 = 1.375.
  const r = drive(yogiPsi({ beta2: 0.9, init: 1, correction: "none" }), [2, 0.5]);
  assert.ok(Math.abs(v(r, "v") - 1.375) < 1e-15);
  // Equal v and g²: no change.
  assert.equal(v(drive(yogiPsi({ beta2: 0.9, init: 4, correction: "none" }), [2]), "v"), 4);
});

Deno.test("infinityNormPsi: u_t = max(β2 u_{t−1}, |g_t| + ε), used without a root", () => {
  const psi = infinityNormPsi({ beta2: 0.5, eps: 0.125 });
  assert.equal(psi.root, "linear");
  // g = −3: u_1 = max(0, 3.125) = 3.125; g = 1: u_2 = max(1.5625, 1.125) = 1.5625 (decay wins);
  // g = 4: u_3 = max(0.78125, 4.125) = 4.125 (the new gradient wins).
  assert.equal(v(drive(psi, [-3, 1]), "u"), 1.5625);
  assert.equal(v(drive(psi, [-3, 1, 4]), "u"), 4.125);
});
