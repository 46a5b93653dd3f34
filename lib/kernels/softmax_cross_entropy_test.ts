import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { countCorrect, softmaxCrossEntropy } from "./softmax_cross_entropy.ts";

/** The textbook formula, −log(exp(z_y)/Σ exp(z_c)), in double precision. */
function naiveLoss(z: ArrayLike<number>, y: ArrayLike<number>, batch: number, classes: number) {
  let total = 0;
  for (let b = 0; b < batch; b++) {
    let sum = 0;
    for (let c = 0; c < classes; c++) sum += Math.exp(z[b * classes + c]!);
    total += -Math.log(Math.exp(z[b * classes + y[b]!]!) / sum);
  }
  return total / batch;
}

Deno.test("softmaxCrossEntropy matches the textbook formula on moderate logits", () => {
  const rng = new Rng(1);
  for (const [batch, classes] of [[1, 1], [1, 10], [7, 3], [128, 10]] as const) {
    const z = Float32Array.from({ length: batch * classes }, () => 8 * rng.normal());
    const y = Uint8Array.from({ length: batch }, () => rng.int(classes));
    const loss = softmaxCrossEntropy(z, y, batch, classes);
    const want = naiveLoss(z, y, batch, classes);
    assert.ok(Math.abs(loss - want) <= 1e-12 * (1 + Math.abs(want)), `${loss} vs ${want}`);
  }
});

Deno.test("softmaxCrossEntropy stays finite where exp overflows", () => {
  // exp(1000) = ∞ in double; the loss is exactly 2000 (lse = 1000, z_y = −1000).
  const z = new Float32Array([1000, -1000]);
  const grad = new Float32Array(2);
  assert.equal(softmaxCrossEntropy(z, new Uint8Array([1]), 1, 2, grad), 2000);
  assert.deepEqual(Array.from(grad), [1, -1]);
});

Deno.test("its gradient is (softmax − onehot)/B: central differences agree, rows sum to 0", () => {
  const rng = new Rng(2);
  const batch = 5, classes = 4;
  const z = Float64Array.from({ length: batch * classes }, () => 3 * rng.normal());
  const y = Uint8Array.from({ length: batch }, () => rng.int(classes));
  const grad = new Float32Array(batch * classes);
  softmaxCrossEntropy(Float32Array.from(z), y, batch, classes, grad);
  const h = 1e-6;
  for (let i = 0; i < z.length; i++) {
    const plus = z.slice(), minus = z.slice();
    plus[i]! += h;
    minus[i]! -= h;
    const fd = (naiveLoss(plus, y, batch, classes) - naiveLoss(minus, y, batch, classes)) / (2 * h);
    assert.ok(Math.abs(fd - grad[i]!) < 1e-6, `coordinate ${i}: ${grad[i]} vs ${fd}`);
  }
  for (let b = 0; b < batch; b++) {
    let s = 0;
    for (let c = 0; c < classes; c++) s += grad[b * classes + c]!;
    assert.ok(Math.abs(s) < 1e-7, `row ${b} sums to ${s}`);
  }
});

Deno.test("softmaxCrossEntropy may write its gradient over the logits", () => {
  const z = new Float32Array([1, 2, 3, 0.5, -1, 2]);
  const y = new Uint8Array([2, 0]);
  const grad = new Float32Array(6);
  const loss = softmaxCrossEntropy(z, y, 2, 3, grad);
  assert.equal(softmaxCrossEntropy(z, y, 2, 3, z), loss);
  assert.deepEqual(z, grad);
});

Deno.test("softmaxCrossEntropy names a bad label", () => {
  assert.throws(
    () => softmaxCrossEntropy(new Float32Array(4), new Uint8Array([0, 2]), 2, 2),
    /label 1 is 2, expected an integer class in \[0, 2\)/,
  );
  assert.throws(
    () => softmaxCrossEntropy(new Float32Array(4), new Uint8Array([0]), 2, 2),
    /label 1 is undefined.*labels has 1 entries/,
  );
});

Deno.test("countCorrect counts rows whose first maximum is at the label", () => {
  const z = new Float32Array([0, 5, 1, /**/ 2, 2, 0, /**/ 9, 0, 0]);
  // argmaxes 1, 0 (tie, first wins), 0
  assert.equal(countCorrect(z, new Uint8Array([1, 0, 0]), 3, 3), 3);
  assert.equal(countCorrect(z, new Uint8Array([1, 1, 2]), 3, 3), 1);
});
