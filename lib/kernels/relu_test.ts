import assert from "node:assert/strict";
import { relu, reluBackward } from "./relu.ts";

Deno.test("relu clips negatives to 0 and stops at n", () => {
  const z = new Float32Array([-2, 0, 1.5, 3, -4]);
  relu(z, 4);
  assert.deepEqual(Array.from(z), [0, 0, 1.5, 3, -4]); // the last is past n: untouched
});

Deno.test("reluBackward passes the gradient where the output is positive", () => {
  const h = new Float32Array([0, 2, 0, 0.5, NaN]);
  const g = new Float32Array([1, 2, 3, 4, 5]);
  reluBackward(g, h, 5);
  assert.deepEqual(Array.from(g), [0, 2, 0, 4, 0]);
});
