import assert from "node:assert/strict";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { Rng } from "../random/rng.ts";
import { mlp } from "./mlp.ts";
import { checkGradient, randomBatch, referenceLoss } from "./_testing.ts";
import type { Model } from "./types.ts";

Deno.test("mlp: the gradient matches central differences", () => {
  const rng = new Rng(1);
  const model = mlp({ inputs: 6, hidden: 5, classes: 3 });
  checkGradient(model, model.init(rng, "pytorch"), rng, 7);
  // N(0, 1) weights and biases: many units off, so the ReLU's mask matters.
  checkGradient(model, Float32Array.from({ length: model.size }, () => rng.normal()), rng, 8);
  checkGradient(model, model.init(rng), rng, 1);
});

Deno.test("the gradient check catches a wrong gradient", () => {
  const rng = new Rng(2);
  const model = mlp({ inputs: 4, hidden: 3, classes: 2 });
  const broken: Model = {
    ...model,
    lossAndGrad(params, x, y, batch, grad) {
      const loss = model.lossAndGrad(params, x, y, batch, grad);
      grad[model.size - 1] = grad[model.size - 1]! * 1.01; // ∂f/∂b2 off by 1%
      return loss;
    },
  };
  assert.throws(() => checkGradient(broken, model.init(rng, "pytorch"), rng, 5), /∂f\/∂θ_/);
});

Deno.test("mlp: the paper's 784 → 100 → 10, 79,510 parameters in [W1, b1, W2, b2]", () => {
  const model = mlp();
  assert.equal(model.size, 79510);
  assert.deepEqual(model.layout.map((b) => [b.name, b.offset, b.shape]), [
    ["W1", 0, [784, 100]],
    ["b1", 78400, [100]],
    ["W2", 78500, [100, 10]],
    ["b2", 79500, [10]],
  ]);
});

Deno.test("mlp: He-uniform W1, Glorot-uniform W2, zero biases, seeded", () => {
  const model = mlp();
  const params = model.init(new Rng(3));
  const v = model.views(params);
  const he = Math.sqrt(6 / 784); // 0.08748
  const glorot = Math.sqrt(6 / 110); // 0.23355
  for (const [w, bound] of [[v.W1!, he], [v.W2!, glorot]] as const) {
    assert.ok(w.every((x) => Math.abs(x) <= bound));
    assert.ok(Math.max(...w) > 0.98 * bound && Math.min(...w) < -0.98 * bound);
    const mean = w.reduce((a, b) => a + b, 0) / w.length;
    // U(−a, a) has standard deviation a/√3: allow five standard errors.
    assert.ok(Math.abs(mean) < (5 * bound) / Math.sqrt(3 * w.length), `mean ${mean}`);
  }
  assert.ok(v.b1!.every((x) => x === 0) && v.b2!.every((x) => x === 0));
  assert.deepEqual(model.init(new Rng(3)), params);
  assert.notDeepEqual(model.init(new Rng(4)), params);
  const torch = model.views(model.init(new Rng(3), "pytorch"));
  assert.ok(torch.b2!.every((x) => Math.abs(x) <= 0.1) && torch.b2!.some((x) => x !== 0));
  assert.throws(() => model.init(new Rng(3), "zeros"), /expected "he-glorot" or "pytorch"/);
});

Deno.test("mlp: results do not depend on the scratch's history", () => {
  const rng = new Rng(4);
  const model = mlp({ inputs: 30, hidden: 20, classes: 10 });
  const params = model.init(rng);
  const { x, y } = randomBatch(model, rng, 64);
  const g1 = new Float32Array(model.size);
  const l1 = model.lossAndGrad(params, x, y, 64, g1);
  const big = randomBatch(model, rng, 700);
  model.lossAndGrad(params, big.x, big.y, 700, new Float32Array(model.size));
  model.evaluate(params, big.x, big.y, 700);
  const g2 = new Float32Array(model.size);
  assert.equal(model.lossAndGrad(params, x, y, 64, g2), l1);
  assert.deepEqual(g2, g1);
});

Deno.test("mlp: evaluate in chunks agrees with the float64 loss", () => {
  const rng = new Rng(5);
  const model = mlp({ inputs: 12, hidden: 9, classes: 10 });
  const params = model.init(rng, "pytorch");
  const n = 1030;
  const { x, y } = randomBatch(model, rng, n);
  const r = model.evaluate(params, x, y, n);
  const want = referenceLoss(model, Float64Array.from(params), Float64Array.from(x), y, n);
  assert.ok(Math.abs(r.loss - want) < 1e-6, `${r.loss} vs ${want}`);
});

Deno.test("mlp: AMSGrad fits a separable toy problem", () => {
  // Class = which of 3 input blocks has the largest mean; learnable by the network.
  const rng = new Rng(6);
  const model = mlp({ inputs: 12, hidden: 16, classes: 3 });
  const n = 256;
  const x = Float32Array.from({ length: n * 12 }, () => rng.next());
  const y = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const means = [0, 1, 2].map((c) => x.subarray(i * 12 + 4 * c, i * 12 + 4 * c + 4))
      .map((s) => s.reduce((a, b) => a + b, 0));
    y[i] = means.indexOf(Math.max(...means));
  }
  const opt = amsgrad({ alpha: 0.01, variant: "pytorch" });
  const state = opt.init(model.init(rng));
  const grad = new Float32Array(model.size);
  const before = model.evaluate(state.x as Float32Array, x, y, n);
  for (let t = 0; t < 300; t++) {
    model.lossAndGrad(state.x as Float32Array, x, y, n, grad);
    opt.step(state, grad);
  }
  const after = model.evaluate(state.x as Float32Array, x, y, n);
  assert.ok(after.loss < 0.3 * before.loss, `loss ${before.loss} → ${after.loss}`);
  assert.ok(after.accuracy > 0.9, `accuracy ${after.accuracy}`);
});
