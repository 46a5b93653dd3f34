import assert from "node:assert/strict";
import { Rng } from "../random/rng.ts";
import { emptySparse, sparsify } from "./csr.ts";
import { gemm, PARALLEL_MIN_FLOP } from "./gemm.ts";
import { spmm } from "./spmm.ts";
import {
  available,
  defaultThreads,
  helperBlocks,
  helperJobs,
  runParallel,
  setThreads,
  startThreads,
  threads,
} from "./threads.ts";
import { sparseRandom } from "./_testing.ts";
import { sharedMemoryInUse } from "./_wasm.ts";
import { im2col } from "./im2col.ts";

const random = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => 2 * rng.next() - 1);
const bytes = (x: Float32Array) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

/** Runs `f` with `n` threads, every helper started; returns how many jobs the helpers were woken for. */
function withThreads(n: number, f: () => void): number {
  const before = threads();
  setThreads(n);
  try {
    assert.equal(startThreads(), n, `${n} threads should start`);
    const jobs = helperJobs();
    f();
    return helperJobs() - jobs;
  } finally {
    setThreads(before);
  }
}

// Big enough to split (≥ PARALLEL_MIN_FLOP), with odd sizes that leave partial tiles.
const SHAPES: [number, number, number][] = [
  [128, 784, 100],
  [784, 128, 100],
  [97, 301, 53],
  [7, 1001, 301],
  [1001, 257, 7],
  [6, 2000, 1000],
];

// First in this file, and its largest product: the workspace grows while the helpers wait.
Deno.test("a product that grows the shared workspace splits with the same bits", () => {
  const rng = new Rng(10);
  const [m, k, n] = [1100, 1300, 900];
  const a = random(rng, m * k);
  const b = random(rng, k * n);
  const [two, one] = [new Float32Array(m * n), new Float32Array(m * n)];
  assert.ok(withThreads(2, () => gemm(m, k, n, a, b, two, { transA: true })) > 0);
  withThreads(1, () => gemm(m, k, n, a, b, one, { transA: true }));
  assert.deepEqual(bytes(two), bytes(one));
});

Deno.test("gemm gives the same bits on 1, 2 and 3 threads: every form, bias and accumulate", () => {
  const rng = new Rng(11);
  const cases: { label: string; run: (c: Float32Array) => void; old: Float32Array }[] = [];
  for (const [m, k, n] of SHAPES) {
    assert.ok(2 * m * k * n >= PARALLEL_MIN_FLOP);
    const forms = [[false, false], [true, false], [false, true], [true, true]] as const;
    for (const [transA, transB] of forms) {
      const a = random(rng, m * k);
      const b = random(rng, k * n);
      const bias = random(rng, n);
      const old = random(rng, m * n + 3);
      for (const opts of [{}, { bias }, { bias, accumulate: true }]) {
        cases.push({
          label: `${m}×${k}·${k}×${n} ${+transA}${+transB} ${Object.keys(opts)}`,
          run: (c) => gemm(m, k, n, a, b, c, { transA, transB, ...opts }),
          old,
        });
      }
    }
  }
  const blocks = helperBlocks();
  const results = [1, 2, 3].map((t) => {
    const out: Uint8Array[] = [];
    const jobs = withThreads(t, () => {
      for (const { run, old } of cases) {
        const c = old.slice();
        run(c);
        out.push(bytes(c));
      }
    });
    assert.equal(jobs, t > 1 ? cases.length : 0, `${t} threads: ${jobs} products split`);
    return out;
  });
  assert.ok(helperBlocks() > blocks, "the helpers computed some blocks");
  cases.forEach(({ label }, i) => {
    assert.deepEqual(results[1]![i], results[0]![i], `${label}: 2 threads`);
    assert.deepEqual(results[2]![i], results[0]![i], `${label}: 3 threads`);
  });
});

Deno.test("spmm gives the same bits on 1 and 2 threads: S·B and Sᵀ·B, bias, accumulate, ReLU", () => {
  const rng = new Rng(12);
  const s = emptySparse();
  for (const [m, k, n] of [[128, 784, 100], [257, 300, 37], [31, 500, 203]] as const) {
    const x = sparseRandom(rng, m, k, 0.3);
    assert.ok(sparsify(x, m, k, s));
    const b = random(rng, k * n);
    const bias = random(rng, n);
    const old = random(rng, m * n);
    const d = random(rng, m * n);
    for (const opts of [{}, { bias, relu: true }, { bias, accumulate: true, relu: true }]) {
      const run = (t: number) => {
        const c = old.slice();
        const g = new Float32Array(k * n);
        const jobs = withThreads(t, () => {
          spmm(s.x, n, b, c, opts);
          spmm(s.xT, n, d, g); // Xᵀ·D, as in a weight gradient
        });
        assert.equal(jobs > 0, t > 1);
        return [bytes(c), bytes(g)];
      };
      assert.deepEqual(run(2), run(1), `${m}×${k}·${k}×${n} ${Object.keys(opts)}`);
    }
  }
});

Deno.test("a kernel that traps on any thread throws, and the threads carry on", () => {
  withThreads(2, () => {
    // A at 2 GiB: far past the workspace, so every chunk traps, the helper's too.
    const args = [2 ** 31 - 2 ** 20, 4, 4, 0, 32, 32, 1, 0, 32, 1, 1];
    const call = { fn: "gemm", args, deltas: [], countArg: 9 };
    assert.throws(() => runParallel(64, [call], available(64)), /gemm trapped/);
  });
  const rng = new Rng(13);
  const [a, b] = [random(rng, 100 * 200), random(rng, 200 * 100)];
  const [one, two] = [new Float32Array(100 * 100), new Float32Array(100 * 100)];
  withThreads(1, () => gemm(100, 200, 100, a, b, one));
  assert.ok(withThreads(2, () => gemm(100, 200, 100, a, b, two)) > 0);
  assert.deepEqual(bytes(two), bytes(one));
});

Deno.test("small products stay on the calling thread", () => {
  const jobs = withThreads(2, () => {
    const a = new Float32Array(64 * 64).fill(1);
    gemm(64, 64, 64, a, a, new Float32Array(64 * 64)); // 0.5 MFLOP
  });
  assert.equal(jobs, 0);
});

Deno.test("setThreads takes 1 … 64; the default is the cores, at most 2", () => {
  assert.equal(defaultThreads(), Math.max(1, Math.min(2, navigator.hardwareConcurrency)));
  for (const bad of [0, 1.5, 65, NaN]) assert.throws(() => setThreads(bad), RangeError);
  const before = threads();
  setThreads(1);
  assert.equal(threads(), 1);
  assert.equal(startThreads(), 1);
  setThreads(before);
});

Deno.test("a script whose products ran on helper threads exits by itself", async () => {
  const gemmUrl = new URL("./gemm.ts", import.meta.url).href;
  const threadsUrl = new URL("./threads.ts", import.meta.url).href;
  const script = `
    import { matmul } from "${gemmUrl}";
    import { helperJobs, setThreads, startThreads } from "${threadsUrl}";
    setThreads(2);
    startThreads();
    const a = new Float32Array(300 * 300).fill(1);
    const c = new Float32Array(300 * 300);
    matmul(300, 300, 300, a, a, c);
    console.log(c[0], helperJobs());
  `;
  const child = new Deno.Command(Deno.execPath(), {
    args: ["eval", script],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  // A hang would show as this test never finishing; the kill is only a backstop.
  const timer = setTimeout(() => child.kill(), 60_000);
  const out = await child.output();
  clearTimeout(timer);
  assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
  assert.equal(new TextDecoder().decode(out.stdout).trim(), "300 1");
});

Deno.test("one thread works on the private memory, more on the shared one, with the same bits", () => {
  const rng = new Rng(17);
  const [a, b] = [random(rng, 128 * 784), random(rng, 784 * 100)];
  const x = random(rng, 2 * 12 * 12 * 3);
  const run = () => {
    const c = new Float32Array(128 * 100);
    gemm(128, 784, 100, a, b, c);
    const cols = new Float32Array(2 * 8 * 8 * 5 * 5 * 3);
    im2col(x, { batch: 2, height: 12, width: 12, channels: 3, kernel: 5 }, cols);
    return [c, cols];
  };
  let one: Float32Array[] = [];
  let two: Float32Array[] = [];
  withThreads(1, () => {
    assert.equal(sharedMemoryInUse(), false);
    one = run();
  });
  withThreads(2, () => {
    assert.equal(sharedMemoryInUse(), true);
    two = run();
  });
  for (let i = 0; i < one.length; i++) assert.deepEqual(bytes(two[i]!), bytes(one[i]!));
});
