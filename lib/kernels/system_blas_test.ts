import assert from "node:assert/strict";
import { gemm, gemmBackend, useSystemBlas, useWebAssemblyGemm } from "./gemm.ts";
import { naiveMatmul } from "./naive_matmul.ts";
import { openSystemBlas } from "./system_blas.ts";

const probe = openSystemBlas();
const missing = typeof probe === "string";
if (!missing) probe.close();

Deno.test({
  name: "useSystemBlas: OpenBLAS's products agree with the naive loop; the default comes back",
  ignore: missing, // no OpenBLAS on this machine (apt-get install -y libopenblas0-pthread)
  fn() {
    const [m, k, n] = [7, 13, 11];
    const a = Float32Array.from({ length: m * k }, (_, i) => ((i * 37) % 17) / 17 - 0.5);
    const b = Float32Array.from({ length: k * n }, (_, i) => ((i * 29) % 13) / 13 - 0.5);
    const bias = Float32Array.from({ length: n }, (_, j) => j / 10);
    const want = new Float32Array(m * n);
    naiveMatmul(m, k, n, a, b, want);
    const transpose = (x: Float32Array, r: number, c: number) =>
      Float32Array.from({ length: r * c }, (_, i) => x[(i % r) * c + Math.floor(i / r)]!);
    assert.equal(gemmBackend(), "webassembly");
    assert.match(useSystemBlas(), /openblas/);
    try {
      const close = (c: Float32Array, plus: (i: number) => number) =>
        c.forEach((v, i) => assert.ok(Math.abs(v - want[i]! - plus(i)) < 1e-5, `C[${i}]`));
      const c = new Float32Array(m * n);
      gemm(m, k, n, a, b, c);
      close(c, () => 0);
      gemm(m, k, n, transpose(a, m, k), b, c, { transA: true, bias });
      close(c, (i) => bias[i % n]!);
      gemm(m, k, n, a, transpose(b, k, n), c, { transB: true, accumulate: true });
      close(c, (i) => bias[i % n]! + want[i]!);
    } finally {
      useWebAssemblyGemm();
    }
    assert.equal(gemmBackend(), "webassembly");
  },
});
