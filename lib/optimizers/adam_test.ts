import assert from "node:assert/strict";
import { adam } from "./adam.ts";

const f64 = (...a: number[]) => new Float64Array(a);
/** |a − b| ≤ tol·max(1, |b|): absolute below 1, relative above. */
const close = (a: number, b: number, tol: number) =>
  assert.ok(Math.abs(a - b) <= tol * Math.max(1, Math.abs(b)), `${a} vs ${b} (tolerance ${tol})`);

Deno.test("Adam (paper, no bias correction): hand-derived steps", () => {
  // α = 0.1, β1 = 0.9, β2 = 0.999, ε = 1e-8 outside the root, x_1 = 1.
  const opt = adam({ alpha: 0.1, beta1: 0.9, beta2: 0.999 });
  const state = opt.init(f64(1));
  // g_1 = 1: m_1 = 0.1, v_1 = 0.001, x_2 = 1 − 0.1·0.1/(√0.001 + 1e−8) ≈ 0.6837723340
  opt.step(state, f64(1));
  close(state.slots.m![0]!, 0.1, 1e-16);
  close(state.slots.v![0]!, 0.001, 1e-18);
  const x2 = 1 - (0.1 * 0.1) / (Math.sqrt(0.001) + 1e-8);
  close(state.x[0]!, x2, 1e-15);
  close(state.x[0]!, 0.683772334, 1e-9);
  // g_2 = −2: m_2 = 0.09 − 0.2 = −0.11, v_2 = 0.000999 + 0.004 = 0.004999,
  // x_3 = x_2 + 0.1·0.11/(√0.004999 + 1e−8) ≈ 0.8393513625
  opt.step(state, f64(-2));
  close(state.slots.m![0]!, -0.11, 1e-16);
  close(state.slots.v![0]!, 0.004999, 1e-17);
  close(state.x[0]!, x2 + (0.1 * 0.11) / (Math.sqrt(0.004999) + 1e-8), 1e-15);
  close(state.x[0]!, 0.8393513625, 1e-10);
});

Deno.test("Adam: the library variants' first step", () => {
  // g_1 = 1, α = 0.1, β = (0.9, 0.999): m_1 = 0.1, v_1 = 0.001, bc1 = 0.1, bc2 = 0.001.
  const first = (o: Parameters<typeof adam>[0]) => {
    const opt = adam({ alpha: 0.1, beta1: 0.9, beta2: 0.999, ...o });
    const state = opt.init(f64(1));
    opt.step(state, f64(1));
    return state.x[0]!;
  };
  // PyTorch: x_2 = 1 − (0.1/bc1)·m_1/(√(v_1/bc2) + ε) = 1 − 0.1/(1 + 1e−8)
  close(first({ variant: "pytorch" }), 1 - 0.1 / (1 + 1e-8), 1e-15);
  // optax: the same first step (the variants differ only in AMSGrad's max).
  close(first({ variant: "optax" }), 1 - 0.1 / (1 + 1e-8), 1e-15);
  // Keras: α√bc2/bc1 · m_1/(√v_1 + ε̂), ε̂ = 1e−7: 1 − 0.1·√0.001/(√0.001 + 1e−7) ≈ 0.9000003162
  close(
    first({ variant: "keras" }),
    1 - (0.1 * Math.sqrt(0.001)) / (Math.sqrt(0.001) + 1e-7),
    1e-15,
  );
  close(first({ variant: "keras" }), 0.9000003162, 1e-10);
  // The paper's eq. (3), ε inside the root: 1 − 0.1·0.1/√(0.001 + 1e−8)
  close(first({ epsPlacement: "inside" }), 1 - 0.01 / Math.sqrt(0.001 + 1e-8), 1e-15);
});

Deno.test("Adam: v_t can decrease, so the learning rate can grow (Γ_t indefinite)", () => {
  // g = 1 then 0: v_2 = 0.999·v_1 < v_1, so α/√v_2 > α/√v_1 with constant α.
  const opt = adam({ alpha: 0.1, beta1: 0, beta2: 0.999, eps: 0 });
  const state = opt.init(f64(0));
  const eta = new Float64Array(1);
  opt.step(state, f64(1));
  opt.learningRate(state, eta);
  const eta1 = eta[0]!;
  opt.step(state, f64(0));
  opt.learningRate(state, eta);
  close(eta1, 0.1 / Math.sqrt(0.001), 1e-15);
  close(eta[0]!, 0.1 / Math.sqrt(0.999 * 0.001), 1e-15);
  assert.ok(eta[0]! > eta1);
});
