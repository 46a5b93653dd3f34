import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { columnSums } from "./column_sums.ts";

Deno.test("columnSums is the sum over rows, rounded once", () => {
  const rng = new Rng(1);
  for (const [m, n] of [[1, 1], [3, 7], [128, 100], [785, 3]] as const) {
    const x = Float32Array.from({ length: m * n }, () => rng.normal());
    const out = new Float32Array(n);
    columnSums(x, m, n, out);
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += x[i * n + j]!;
      assert.equal(out[j], Math.fround(s), `${m}×${n}, column ${j}`);
    }
  }
});

Deno.test("columnSums accumulates into out when asked", () => {
  const out = new Float32Array([10, 20]);
  columnSums(new Float32Array([1, 2, 3, 4]), 2, 2, out, true);
  assert.deepEqual(Array.from(out), [14, 26]);
  assert.throws(() => columnSums(new Float32Array(3), 2, 2, out), /need 2×2/);
});
