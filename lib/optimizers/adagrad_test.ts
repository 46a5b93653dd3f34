import assert from "node:assert/strict";
import { adagrad } from "./adagrad.ts";
import { Rng } from "../random/rng.ts";

const f64 = (...a: number[]) => new Float64Array(a);

Deno.test("AdaGrad (paper): hand-derived steps, ψ_t = Σg²/t with α_t = α/√t", () => {
  // α = 0.1, ε = 1e-8 outside the root, x_1 = 1.
  const opt = adagrad({ alpha: 0.1 });
  const state = opt.init(f64(1));
  // g_1 = 2: Σg² = 4, ψ_1 = 4/1, x_2 = 1 − 0.1·2/(√4 + 1e-8) ≈ 0.9
  opt.step(state, f64(2));
  const x2 = 1 - (0.1 * 2) / (2 + 1e-8);
  assert.ok(Math.abs(state.x[0]! - x2) < 1e-15);
  // g_2 = −1: Σg² = 5, ψ_2 = 5/2, α_2 = 0.1/√2, x_3 = x_2 + (0.1/√2)/(√2.5 + 1e-8) ≈ x_2 + 0.1/√5
  opt.step(state, f64(-1));
  const x3 = x2 + 0.1 / Math.SQRT2 / (Math.sqrt(2.5) + 1e-8);
  assert.ok(Math.abs(state.x[0]! - x3) < 1e-15);
  assert.ok(Math.abs(state.x[0]! - 0.9447213595) < 1e-9);
  assert.equal(state.slots.sumSq![0], 5);
});

Deno.test("AdaGrad (paper): the effective learning rate is α/√(Σ_t g_t²)", () => {
  const opt = adagrad({ alpha: 0.1, eps: 0 });
  const state = opt.init(f64(0, 0));
  opt.step(state, f64(2, 3));
  opt.step(state, f64(-1, 4));
  const eta = new Float64Array(2);
  opt.learningRate(state, eta);
  assert.ok(Math.abs(eta[0]! - 0.1 / Math.sqrt(5)) < 1e-17);
  assert.ok(Math.abs(eta[1]! - 0.1 / Math.sqrt(25)) < 1e-17);
});

Deno.test("AdaGrad (PyTorch): hand-derived step with an initial accumulator", () => {
  // Σ_0 = 0.1, α = 0.5 constant, ε = 1e-10: x_2 = 1 − 0.5·2/(√4.1 + 1e-10)
  const opt = adagrad({ variant: "pytorch", alpha: 0.5, initialAccumulator: 0.1 });
  const state = opt.init(f64(1));
  opt.step(state, f64(2));
  assert.ok(Math.abs(state.x[0]! - (1 - 1 / (Math.sqrt(4.1) + 1e-10))) < 1e-15);
});

Deno.test("AdaGrad: with ε = 0 the paper's (Σg²/t, α/√t) equals PyTorch's (Σg², α)", () => {
  const paper = adagrad({ alpha: 0.3, eps: 0 });
  const torch = adagrad({ variant: "pytorch", alpha: 0.3, eps: 0 });
  const a = paper.init(new Float64Array(4));
  const b = torch.init(new Float64Array(4));
  const rng = new Rng(7);
  const g = new Float64Array(4);
  for (let t = 0; t < 200; t++) {
    for (let i = 0; i < 4; i++) g[i] = rng.normal() * (i + 1);
    paper.step(a, g);
    torch.step(b, g);
  }
  for (let i = 0; i < 4; i++) {
    assert.ok(Math.abs(a.x[i]! - b.x[i]!) <= 1e-12 * Math.max(1, Math.abs(b.x[i]!)));
  }
});
