import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { logisticRegression } from "./logistic_regression.ts";
import { checkGradient, randomBatch, referenceLoss } from "./_testing.ts";

Deno.test("logistic regression: the gradient matches central differences", () => {
  const rng = new Rng(1);
  const model = logisticRegression({ inputs: 7, classes: 4 });
  checkGradient(model, model.init(rng, "uniform"), rng, 5);
  // A start away from 0, with larger weights.
  const params = Float32Array.from({ length: model.size }, () => rng.normal());
  checkGradient(model, params, rng, 9);
});

Deno.test("logistic regression: MNIST sizes, 7,850 parameters in [W, b]", () => {
  const model = logisticRegression();
  assert.equal(model.size, 784 * 10 + 10);
  assert.deepEqual(model.layout, [
    { name: "W", offset: 0, shape: [784, 10] },
    { name: "b", offset: 7840, shape: [10] },
  ]);
  const params = model.init(new Rng(0));
  assert.ok(params.every((v) => v === 0), "zeros by default");
  const v = model.views(params);
  v.b![3] = 5;
  assert.equal(params[7843], 5, "views share the parameters' memory");
});

Deno.test("logistic regression: the uniform scheme stays within ±1/√inputs, seeded", () => {
  const model = logisticRegression();
  const a = model.init(new Rng(5), "uniform");
  const bound = 1 / Math.sqrt(784);
  const w = model.views(a).W!;
  assert.ok(w.every((v) => Math.abs(v) <= bound));
  assert.ok(Math.max(...w) > 0.99 * bound && Math.min(...w) < -0.99 * bound);
  assert.ok(model.views(a).b!.every((v) => v === 0));
  assert.deepEqual(model.init(new Rng(5), "uniform"), a);
  assert.throws(() => model.init(new Rng(5), "he"), /unknown init scheme "he"/);
});

Deno.test("logistic regression: evaluate in chunks agrees with the float64 loss", () => {
  const rng = new Rng(2);
  const model = logisticRegression({ inputs: 20, classes: 10 });
  const params = model.init(rng, "uniform");
  const n = 1100; // three chunks of 512, 512, 76
  const { x, y } = randomBatch(model, rng, n);
  const r = model.evaluate(params, x, y, n);
  const want = referenceLoss(model, Float64Array.from(params), Float64Array.from(x), y, n);
  assert.ok(Math.abs(r.loss - want) < 1e-6, `${r.loss} vs ${want}`);
  const grad = new Float32Array(model.size);
  assert.ok(Math.abs(model.lossAndGrad(params, x, y, n, grad) - r.loss) < 1e-6);
  assert.ok(r.accuracy > 0 && r.accuracy < 0.5, `random weights: accuracy ${r.accuracy}`);
});

Deno.test("logistic regression: names a batch that does not fit", () => {
  const model = logisticRegression({ inputs: 3, classes: 2 });
  const p = new Float32Array(model.size);
  const g = new Float32Array(model.size);
  const y = new Uint8Array(2);
  assert.throws(() => model.lossAndGrad(p, new Float32Array(5), y, 2, g), /x has 5 values.*need 6/);
  assert.throws(
    () => model.lossAndGrad(p, new Float32Array(6), y, 2, new Float32Array(3)),
    /grad has 3 elements, the model has 8/,
  );
});
