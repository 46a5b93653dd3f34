import assert from "node:assert/strict";
import { fillBatch } from "../data/batch.ts";
import type { ImageSplit } from "../data/types.ts";
import { logisticRegression } from "../models/logistic_regression.ts";
import { amsgrad } from "../optimizers/amsgrad.ts";
import { Rng } from "../random/rng.ts";
import { trainLoop } from "./loop.ts";

/** A small separable data set: class k lights up pixels [2k, 2k+2) of a 4×5 image. */
function toyData(count: number, seed: number): ImageSplit {
  const rng = new Rng(seed);
  const images = new Uint8Array(count * 20);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const k = rng.int(10);
    labels[i] = k;
    for (let j = 0; j < 20; j++) images[i * 20 + j] = rng.int(40);
    images[i * 20 + 2 * k] = 255;
    images[i * 20 + 2 * k + 1] = 200;
  }
  return { images, labels, count, rows: 4, cols: 5 };
}

const data = { train: toyData(512, 1), test: toyData(200, 2) };
const opts = { steps: 60, batch: 32, seed: 3, shuffle: true, evalEvery: 20 };
const model = () => logisticRegression({ inputs: 20, classes: 10 });
const opt = () => amsgrad({ alpha: 0.1, schedule: "invsqrt", variant: "paper" });

Deno.test("trainLoop: the same seed gives bit-identical curves; another seed differs", () => {
  const a = trainLoop(model(), opt(), data, opts);
  const b = trainLoop(model(), opt(), data, opts);
  const c = trainLoop(model(), opt(), data, { ...opts, seed: 4 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.curve, c.curve);
  assert.deepEqual(a.curve.map((p) => p.step), [20, 40, 60]);
});

Deno.test("trainLoop: learns the toy problem (test loss falls well below ln 10)", () => {
  const r = trainLoop(model(), opt(), data, opts);
  assert.ok(r.final.testLoss < 0.5 * Math.log(10), `test loss ${r.final.testLoss}`);
  assert.ok(r.final.testAccuracy > 0.9, `accuracy ${r.final.testAccuracy}`);
  assert.equal(r.final.diverged, false);
});

Deno.test("trainLoop: trainLoss at step t is the loss of batch t before the update (no shuffle)", () => {
  const r = trainLoop(model(), opt(), data, { ...opts, steps: 1, evalEvery: 1, shuffle: false });
  const m = model();
  const x = new Float32Array(32 * 20);
  const y = new Uint8Array(32);
  fillBatch(data.train, [...Array(32).keys()], x, y);
  const expected = m.lossAndGrad(m.init(new Rng(0)), x, y, 32, new Float32Array(m.size));
  assert.equal(r.curve[0]!.trainLoss, expected);
});

Deno.test("trainLoop: a diverging step size is reported, not thrown", () => {
  const wild = amsgrad({ alpha: 1e300, variant: "paper" });
  const r = trainLoop(model(), wild, data, { ...opts, steps: 50 });
  assert.equal(r.final.diverged, true);
  assert.ok(r.final.steps < 50);
});

Deno.test("trainLoop: rejects a trainLimit above the training set", () => {
  assert.throws(
    () => trainLoop(model(), opt(), data, { ...opts, trainLimit: 10_000 }),
    /trainLimit/,
  );
});

Deno.test("trainLoop: with a validation set, its loss is recorded at each point and at the end", () => {
  const withVal = trainLoop(model(), opt(), { ...data, validation: toyData(100, 9) }, opts);
  const without = trainLoop(model(), opt(), data, opts);
  assert.ok(withVal.curve.every((p) => Number.isFinite(p.validationLoss)));
  assert.ok(Number.isFinite(withVal.final.validationLoss));
  assert.equal(without.final.validationLoss, undefined);
  // Evaluating on held-out data changes nothing about the training itself.
  assert.deepEqual(withVal.curve.map((p) => p.testLoss), without.curve.map((p) => p.testLoss));
});
