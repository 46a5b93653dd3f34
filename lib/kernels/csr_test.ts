import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { emptySparse, sparsify } from "./csr.ts";
import { sparseRandom } from "./_testing.ts";

/** The dense rows×cols matrix a CSR stands for. */
function densify(s: ReturnType<typeof emptySparse>["x"]): Float32Array {
  const out = new Float32Array(s.rows * s.cols);
  for (let i = 0; i < s.rows; i++) {
    for (let q = s.rowPtr[i]!; q < s.rowPtr[i + 1]!; q++) {
      if (q > s.rowPtr[i]!) assert.ok(s.colIdx[q]! > s.colIdx[q - 1]!, "columns ascending");
      out[i * s.cols + s.colIdx[q]!] = s.values[q]!;
    }
  }
  return out;
}

Deno.test("sparsify: X and Xᵀ hold exactly the nonzeros, columns ascending", () => {
  const rng = new Rng(3);
  const s = emptySparse();
  for (const [m, k, d] of [[1, 1, 1], [1, 7, 0.5], [5, 3, 0], [13, 30, 0.2], [128, 784, 0.19]]) {
    const x = sparseRandom(rng, m!, k!, d!);
    x[0] = 1; // a nonzero first entry, and (below) an all-nonzero last row
    for (let j = 0; j < k!; j++) x[(m! - 1) * k! + j] = j + 1;
    assert.ok(sparsify(x, m!, k!, s));
    const nnz = x.filter((v) => v !== 0).length;
    assert.equal(s.x.nnz, nnz);
    assert.equal(s.xT.nnz, nnz);
    assert.deepEqual(densify(s.x), x.map((v) => v === 0 ? 0 : v));
    const xT = new Float32Array(k! * m!);
    for (let i = 0; i < m!; i++) for (let j = 0; j < k!; j++) xT[j * m! + i] = x[i * k! + j]!;
    assert.deepEqual(densify(s.xT), xT.map((v) => v === 0 ? 0 : v));
  }
});

Deno.test("sparsify: keeps NaN, drops ±0, and stops past maxDensity", () => {
  const s = emptySparse();
  assert.ok(sparsify(new Float32Array([-0, NaN, 0, 0, 0, 2]), 1, 6, s));
  assert.equal(s.x.nnz, 2);
  assert.deepEqual(Array.from(s.x.colIdx.subarray(0, 2)), [1, 5]);
  const x = new Float32Array(40).fill(1);
  assert.equal(sparsify(x, 4, 10, s, 0.5), false);
  x.fill(0, 0, 20);
  assert.ok(sparsify(x, 4, 10, s, 0.5));
  assert.equal(s.x.nnz, 20);
  assert.equal(sparsify(x, 4, 10, s, 0.49), false);
  assert.throws(() => sparsify(x, 5, 10, s), /x has 40 elements, a 5×10 matrix needs 50/);
});
