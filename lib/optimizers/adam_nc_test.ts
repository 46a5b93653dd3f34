import assert from "node:assert/strict";
import { adamNC } from "./adam_nc.ts";
import { adagrad } from "./adagrad.ts";
import { Rng } from "../random/rng.ts";

const f64 = (...a: number[]) => new Float64Array(a);
/** |a − b| ≤ tol·max(1, |b|). */
const close = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b} (tolerance ${tol})`);

Deno.test("AdamNC: hand-derived steps with β_{2t} = 1 − 1/t and α_t = α/√t", () => {
  // α = 0.1, β1 = 0.9, ε = 1e-8, x_1 = 1.
  const opt = adamNC({ alpha: 0.1, beta1: 0.9, schedule: "invsqrt" });
  const state = opt.init(f64(1));
  // g_1 = 2: β_{21} = 0, so v_1 = g_1² = 4; m_1 = 0.2; x_2 = 1 − 0.1·0.2/(2 + 1e−8) ≈ 0.99
  opt.step(state, f64(2));
  assert.equal(state.slots.v![0], 4);
  const x2 = 1 - (0.1 * 0.2) / (2 + 1e-8);
  close(state.x[0]!, x2, 1e-15);
  // g_2 = −1: β_{22} = 1/2, v_2 = (4 + 1)/2 = 2.5; m_2 = 0.18 − 0.1 = 0.08;
  // x_3 = x_2 − (0.1/√2)·0.08/(√2.5 + 1e−8) ≈ 0.9864222913
  opt.step(state, f64(-1));
  assert.equal(state.slots.v![0], 2.5);
  close(state.slots.m![0]!, 0.08, 1e-16);
  close(state.x[0]!, x2 - ((0.1 / Math.SQRT2) * 0.08) / (Math.sqrt(2.5) + 1e-8), 1e-15);
  close(state.x[0]!, 0.9864222913, 1e-10);
});

Deno.test("AdamNC: β_{1t} = β1·λ^{t−1} enters m_t", () => {
  const opt = adamNC({ alpha: 0.1, beta1: 0.9, beta1Schedule: "exponential", lambda: 0.5 });
  const state = opt.init(f64(0));
  opt.step(state, f64(2)); // β_{11} = 0.9: m_1 = 0.1·2 = 0.2
  opt.step(state, f64(-1)); // β_{12} = 0.45: m_2 = 0.45·0.2 − 0.55 = −0.46
  close(state.slots.m![0]!, -0.46, 1e-16);
});

Deno.test("AdamNC with β_{2t} = 1 − 1/t has AdaGrad's ψ: v_t = Σ_{j≤t} g_j²/t", () => {
  const opt = adamNC({ alpha: 0.01, beta1: 0.9 });
  const state = opt.init(new Float64Array(3));
  const sumSq = new Float64Array(3);
  const rng = new Rng(3);
  const g = new Float64Array(3);
  let worst = 0;
  for (let t = 1; t <= 2000; t++) {
    for (let i = 0; i < 3; i++) {
      g[i] = rng.normal() * 10 ** i;
      sumSq[i] = sumSq[i]! + g[i]! * g[i]!;
    }
    opt.step(state, g);
    for (let i = 0; i < 3; i++) {
      const want = sumSq[i]! / t;
      worst = Math.max(worst, Math.abs(state.slots.v![i]! - want) / want);
    }
  }
  // The recursion rounds once or twice per step: relative error grows like t·2^−53.
  assert.ok(worst < 1e-12, `relative error ${worst}`);
});

Deno.test("AdamNC with β1 = 0 and α/√t is AdaGrad (paper), up to rounding", () => {
  const nc = adamNC({ alpha: 0.2, beta1: 0, schedule: "invsqrt" });
  const ag = adagrad({ alpha: 0.2 });
  const a = nc.init(f64(1, -1));
  const b = ag.init(f64(1, -1));
  const rng = new Rng(5);
  const g = new Float64Array(2);
  for (let t = 0; t < 500; t++) {
    g[0] = rng.normal();
    g[1] = 3 * rng.normal() + 1;
    nc.step(a, g);
    ag.step(b, g);
  }
  for (let i = 0; i < 2; i++) close(a.x[i]!, b.x[i]!, 1e-12);
});
