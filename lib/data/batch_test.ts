import assert from "node:assert/strict";
import { fillBatch, PIXEL_LUT } from "./batch.ts";
import type { ImageSplit } from "./types.ts";

// Three 2×2 images: image k has pixels [k, 2k, 85k, 255 − k] (k = 0, 1, 2).
const split: ImageSplit = {
  images: new Uint8Array([0, 0, 0, 255, 1, 2, 85, 254, 2, 4, 170, 253]),
  labels: new Uint8Array([4, 9, 1]),
  count: 3,
  rows: 2,
  cols: 2,
};

Deno.test("fillBatch scales pixel/255 into float32, in index order", () => {
  const x = new Float32Array(8);
  const y = new Int32Array(2);
  assert.equal(fillBatch(split, [2, 0], x, y), 2);
  const f = Math.fround;
  assert.deepEqual([...x], [f(2 / 255), f(4 / 255), f(170 / 255), f(253 / 255), 0, 0, 0, 1]);
  assert.deepEqual([...y], [1, 4]);
  assert.equal(PIXEL_LUT[85], f(1 / 3));
});

Deno.test("fillBatch writes only the first n rows of a longer buffer", () => {
  const x = new Float32Array(12).fill(-1);
  fillBatch(split, [1], x);
  assert.deepEqual([...x.subarray(4)], Array(8).fill(-1));
  assert.equal(x[2], Math.fround(85 / 255));
});

Deno.test("fillBatch names a bad index or a short buffer", () => {
  const x = new Float32Array(8);
  assert.throws(
    () => fillBatch(split, [0, 3], x),
    /indices\[1\] = 3; expected an integer in \[0, 3\)/,
  );
  assert.throws(() => fillBatch(split, [0.5], x), /indices\[0\] = 0.5/);
  assert.throws(() => fillBatch(split, [-1], x), /indices\[0\] = -1/);
  assert.throws(() => fillBatch(split, [0, 1, 2], x), /x has 8 elements; 3 images of 2×2 need 12/);
  assert.throws(() => fillBatch(split, [0, 1], x, new Uint8Array(1)), /y has 1 elements/);
});
