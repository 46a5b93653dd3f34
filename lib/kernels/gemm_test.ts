import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { gemm, type GemmOptions, matmul, matmulNT, matmulTN } from "./gemm.ts";
import { naiveMatmul } from "./naive_matmul.ts";

const U = 2 ** -24;

function random(rng: Rng, n: number): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = 2 * rng.next() - 1;
  return a;
}

/** op(X) as a float64 row-major rows×cols matrix; X stored cols×rows when `trans`. */
function op(x: Float32Array, rows: number, cols: number, trans: boolean): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[i * cols + j] = trans ? x[j * rows + i]! : x[i * cols + j]!;
  }
  return out;
}

/** Checks gemm against the float64 product, within the float32 bound (k + 1)·u·Σ|a||b| + rounding. */
function checkAgainstNaive(rng: Rng, m: number, k: number, n: number, opts: GemmOptions) {
  const { transA = false, transB = false } = opts;
  const a = random(rng, m * k);
  const b = random(rng, k * n);
  const c0 = random(rng, m * n + 3); // 3 trailing elements gemm must not touch
  const c = c0.slice();
  gemm(m, k, n, a, b, c, opts);

  const a64 = op(a, m, k, transA);
  const b64 = op(b, k, n, transB);
  const exact = new Float64Array(m * n);
  naiveMatmul(m, k, n, a64, b64, exact);
  const bound = new Float64Array(m * n);
  naiveMatmul(m, k, n, a64.map(Math.abs), b64.map(Math.abs), bound);
  const label = `${m}×${k}·${k}×${n} ${transA ? "T" : "N"}${transB ? "T" : "N"}`;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const ij = i * n + j;
      let want = exact[ij]!;
      let extra = 0;
      if (opts.bias) {
        want += opts.bias[j]!;
        extra += Math.abs(opts.bias[j]!);
      }
      if (opts.accumulate) {
        want += c0[ij]!;
        extra += Math.abs(c0[ij]!);
      }
      const tol = (k + 1) * U * bound[ij]! * 1.001 + U * (Math.abs(want) + extra + bound[ij]!);
      const err = Math.abs(c[ij]! - want);
      assert.ok(
        err <= tol,
        `${label}: C[${i},${j}] = ${c[ij]}, want ${want} (err ${err} > ${tol})`,
      );
    }
  }
  for (let t = m * n; t < c.length; t++) assert.equal(c[t], c0[t], `${label}: wrote past C`);
}

const SHAPES: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [1, 785, 3],
  [127, 3, 1],
  [6, 8, 16],
  [7, 9, 17],
  [3, 1, 785],
  [127, 785, 10],
  [128, 784, 100],
  [785, 127, 10],
];

Deno.test("gemm matches the float64 product within float32 rounding, every transpose", () => {
  const rng = new Rng(1);
  for (const [m, k, n] of SHAPES) {
    for (const transA of [false, true]) {
      for (const transB of [false, true]) checkAgainstNaive(rng, m, k, n, { transA, transB });
    }
  }
});

Deno.test("gemm adds the bias and accumulates into C", () => {
  const rng = new Rng(2);
  for (const [m, k, n] of [[3, 5, 7], [13, 127, 10], [128, 784, 100]] as const) {
    const bias = random(rng, n);
    checkAgainstNaive(rng, m, k, n, { bias });
    checkAgainstNaive(rng, m, k, n, { accumulate: true });
    checkAgainstNaive(rng, m, k, n, { bias, accumulate: true, transA: true, transB: true });
  }
});

Deno.test("matmul, matmulTN and matmulNT are A·B, Aᵀ·B and A·Bᵀ", () => {
  // A = [1 2 3; 4 5 6] (2×3), B = [1 0; 0 1; 1 1] (3×2).
  const a = new Float32Array([1, 2, 3, 4, 5, 6]);
  const c = new Float32Array(4);
  matmul(2, 3, 2, a, new Float32Array([1, 0, 0, 1, 1, 1]), c);
  assert.deepEqual(Array.from(c), [4, 5, 10, 11]); // [1+3, 2+3; 4+6, 5+6]
  // Aᵀ·A, with A (stored 2×3) as both operands: [17 22 27; 22 29 36; 27 36 45]
  const c2 = new Float32Array(9);
  matmulTN(3, 2, 3, a, a, c2);
  assert.deepEqual(Array.from(c2), [17, 22, 27, 22, 29, 36, 27, 36, 45]);
  const c3 = new Float32Array(4);
  matmulNT(2, 3, 2, a, a, c3);
  // A·Aᵀ = [14 32; 32 77]
  assert.deepEqual(Array.from(c3), [14, 32, 32, 77]);
});

Deno.test("gemm reads subarray views and survives the workspace growing", () => {
  const rng = new Rng(3);
  const big = random(rng, 1000);
  const a = big.subarray(100, 100 + 6); // 2×3
  const b = big.subarray(500, 500 + 12); // 3×4
  const before = new Float32Array(8);
  matmul(2, 3, 4, a, b, before);
  const large = new Float32Array(300 * 1000);
  gemm(300, 1000, 300, random(rng, 300 * 1000), random(rng, 1000 * 300), large); // grows it
  const after = new Float32Array(8);
  matmul(2, 3, 4, a, b, after);
  assert.deepEqual(after, before);
});

Deno.test("a NaN left in the workspace by an earlier product does not leak into padding", () => {
  const rng = new Rng(4);
  const nan = new Float32Array(200 * 200).fill(NaN);
  gemm(200, 200, 200, nan, nan, new Float32Array(200 * 200));
  for (const transA of [false, true]) {
    for (const transB of [false, true]) checkAgainstNaive(rng, 7, 13, 11, { transA, transB });
  }
});

Deno.test("gemm with k = 0 gives the bias (or leaves an accumulated C)", () => {
  const c = new Float32Array([9, 9, 9, 9]);
  gemm(2, 0, 2, new Float32Array(0), new Float32Array(0), c, { bias: new Float32Array([1, 2]) });
  assert.deepEqual(Array.from(c), [1, 2, 1, 2]);
  gemm(2, 0, 2, new Float32Array(0), new Float32Array(0), c, { accumulate: true });
  assert.deepEqual(Array.from(c), [1, 2, 1, 2]);
});

Deno.test("gemm names a bad shape or a short array", () => {
  const x = new Float32Array(6);
  assert.throws(() => matmul(2, 3, 2, x, x, new Float32Array(3)), /C has 3 elements.*needs 4/);
  assert.throws(() => matmul(3, 3, 2, x, x, x), /A has 6 elements.*needs 9/);
  assert.throws(() => matmul(2, 1.5, 2, x, x, x), /k must be an integer ≥ 0, got 1.5/);
  assert.throws(
    () => matmul(2, 3, 2, x, x, x, { bias: new Float32Array(1) }),
    /bias has 1 elements, C has 2 columns/,
  );
});
