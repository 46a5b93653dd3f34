import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { emptySparse, sparsify } from "./csr.ts";
import { gemm } from "./gemm.ts";
import { relu } from "./relu.ts";
import { spmm } from "./spmm.ts";
import { sparseRandom } from "./_testing.ts";

const random = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => 2 * rng.next() - 1);

/** a and b hold the same floats bit for bit, except that −0 and +0 count as equal. */
function assertBitIdentical(a: Float32Array, b: Float32Array, label: string) {
  assert.equal(a.length, b.length);
  for (let i = 0; i < a.length; i++) {
    assert.ok(Object.is(a[i]! + 0, b[i]! + 0), `${label}: [${i}] ${a[i]} vs ${b[i]}`);
  }
}

Deno.test("spmm is bit-identical to gemm: S·B and Sᵀ·B, with bias and accumulate", () => {
  const rng = new Rng(5);
  const s = emptySparse();
  const shapes = [[1, 1, 1], [1, 784, 100], [7, 5, 3], [13, 30, 100], [6, 9, 21], [128, 784, 100]];
  for (const [m, k, n] of shapes as [number, number, number][]) {
    for (const density of [0, 0.19, 0.6, 1]) {
      const x = sparseRandom(rng, m, k, density);
      if (m > 2) x.fill(0, k, 2 * k); // an empty row
      if (m > 3) { for (let j = 0; j < k; j++) x[2 * k + j] = rng.next() + 0.5; // a full row
       }
      assert.ok(sparsify(x, m, k, s));
      const label = `${m}×${k}·${k}×${n} density ${density}`;
      const b = random(rng, k * n);
      const bias = random(rng, n);
      const old = random(rng, m * n + 2);
      const [dense, sparse] = [old.slice(), old.slice()];
      gemm(m, k, n, x, b, dense, { bias, accumulate: true });
      spmm(s.x, n, b, sparse, { bias, accumulate: true });
      assertBitIdentical(sparse, dense, label);
      // Xᵀ·D, as in a weight gradient: D is m×n.
      const d = random(rng, m * n);
      const [gD, gS] = [new Float32Array(k * n), new Float32Array(k * n)];
      gemm(k, m, n, x, d, gD, { transA: true });
      spmm(s.xT, n, d, gS);
      assertBitIdentical(gS, gD, `${label}, transposed`);
    }
  }
});

Deno.test("spmm with relu = gemm then relu, bit for bit, with and without accumulate", () => {
  const rng = new Rng(9);
  const s = emptySparse();
  for (const [m, k, n] of [[1, 9, 3], [13, 30, 100], [128, 784, 100], [5, 7, 21]]) {
    const x = sparseRandom(rng, m!, k!, 0.2);
    assert.ok(sparsify(x, m!, k!, s));
    const b = random(rng, k! * n!);
    const bias = random(rng, n!);
    for (const accumulate of [false, true]) {
      const old = random(rng, m! * n!);
      const [dense, sparse] = [old.slice(), old.slice()];
      gemm(m!, k!, n!, x, b, dense, { bias, accumulate });
      relu(dense, m! * n!);
      spmm(s.x, n!, b, sparse, { bias, accumulate, relu: true });
      assertBitIdentical(sparse, dense, `${m}×${k}·${k}×${n}, accumulate ${accumulate}`);
      assert.ok(sparse.some((v) => v === 0) && sparse.some((v) => v > 0), "both sides of the ReLU");
    }
  }
});

Deno.test("spmm: checks its operands", () => {
  const s = emptySparse();
  sparsify(new Float32Array(6), 2, 3, s);
  const c = new Float32Array(8);
  assert.throws(() => spmm(s.x, 4, new Float32Array(11), c), /B has 11 elements/);
  assert.throws(() => spmm(s.x, 4, new Float32Array(12), c.subarray(1)), /C has 7 elements/);
  spmm(s.x, 4, new Float32Array(12).fill(1), c, { bias: new Float32Array([1, 2, 3, 4]) });
  assert.deepEqual(Array.from(c), [1, 2, 3, 4, 1, 2, 3, 4]);
});
