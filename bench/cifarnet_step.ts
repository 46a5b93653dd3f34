/**
 * Section: the dense-input MLP step and the CIFARNET step (batch 128: forward,
 * backward, `amsgrad({ variant: "pytorch", arithmetic: "float32" })`), ours
 * against PyTorch at its best on one thread: Debian's `python3-torch` on
 * OpenBLAS (`cifarnet_step_torch.py`, run with `/usr/bin/python3`). Inputs are
 * uniform random (dense) on both sides.
 *
 * PyTorch's speed depends on the BLAS it loads through Debian's alternatives: the
 * reference BLAS (`libblas3`) multiplies matrices some 20× slower than OpenBLAS,
 * and a ratio against it would flatter us. So the section first asks the script
 * which BLAS it mapped; when that is not OpenBLAS and this process may install
 * packages (root, apt-get present), it runs `apt-get install -y
 * libopenblas0-pthread` and asks again; if it still is not OpenBLAS, it prints
 * PyTorch's times with no ratio and says why.
 *
 * Ours runs on 1 and on 2 threads (`setThreads`: the products split over a
 * helper thread, with the same bits), interleaved in the same trials, each
 * against PyTorch on 1 thread, and labelled so.
 *
 * It also times our product against the system OpenBLAS called through Deno's FFI
 * (`lib/kernels/system_blas.ts`, one thread), and the two steps again with
 * `useSystemBlas()`: the opt-in route, not bit-identical across machines.
 *
 * Runs alone too: `deno run -A bench/cifarnet_step.ts`.
 *
 * @module
 */
import {
  matmul,
  openSystemBlas,
  setThreads,
  startThreads,
  threads,
  useSystemBlas,
  useWebAssemblyGemm,
} from "../lib/kernels/mod.ts";
import { cifarnet, mlp } from "../lib/models/mod.ts";
import { bestOfInterleaved, report } from "./_report.ts";
import {
  measureMatmul,
  measureStep,
  measureSteps,
  onThreads,
  OUR_THREADS,
  randomBatches,
} from "./train_step.ts";
import { aptInstall } from "../tools/_apt.ts";
import { PYTHON, torchEnv } from "./_torch.ts";

/** What `cifarnet_step_torch.py` prints. */
interface TorchResult {
  torch: string;
  threads: number;
  blas: string;
  matmul_gflops: number;
  mlp_dense_ms: number;
  cifarnet_ms: number;
}

async function torchResult(): Promise<TorchResult | string> {
  const script = new URL("./cifarnet_step_torch.py", import.meta.url).pathname;
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(PYTHON, {
      env: torchEnv(),
      args: [script, "--threads", "1"],
      stderr: "piped",
    })
      .output();
  } catch (e) {
    return `skipped PyTorch: cannot run ${PYTHON} (${(e as Error).message})`;
  }
  if (!out.success) {
    const err = new TextDecoder().decode(out.stderr);
    if (/No module named 'torch'/.test(err)) {
      return `skipped PyTorch: ${PYTHON} has no torch (apt-get install -y python3-torch)`;
    }
    throw new Error(`${script} failed (exit ${out.code}): ${err.slice(-500)}`);
  }
  return JSON.parse(new TextDecoder().decode(out.stdout)) as TorchResult;
}

const isOpenBlas = (t: TorchResult) => /openblas/i.test(t.blas);

/** Installs Debian's OpenBLAS when running as root with apt-get; returns what happened. */
async function installOpenBlas(): Promise<string> {
  if (Deno.uid?.() !== 0) return "not root, so OpenBLAS was not installed";
  return await aptInstall(["libopenblas0-pthread"])
    ? "installed libopenblas0-pthread"
    : "apt-get install libopenblas0-pthread failed (see apt's output above)";
}

/** PyTorch's times on OpenBLAS, or a line saying why there are none. */
async function torchOnOpenBlas(): Promise<{ torch?: TorchResult; note: string }> {
  let torch = await torchResult();
  if (typeof torch === "string") return { note: torch };
  if (isOpenBlas(torch)) return { torch, note: "" };
  const first = torch.blas;
  const installed = await installOpenBlas();
  torch = await torchResult();
  if (typeof torch === "string") return { note: torch };
  if (isOpenBlas(torch)) return { torch, note: `(${installed}; it was on ${first})` };
  return {
    note: `no ratio against PyTorch: it runs on ${torch.blas}, not OpenBLAS (${installed}); ` +
      `a reference BLAS is ~20x slower than OpenBLAS and would flatter us. PyTorch's times: ` +
      `matmul ${torch.matmul_gflops.toFixed(1)} GFLOP/s, dense MLP step ` +
      `${torch.mlp_dense_ms.toFixed(3)} ms, CIFARNET step ${torch.cifarnet_ms.toFixed(0)} ms`,
  };
}

/**
 * GFLOP/s of C = A·B, ours on each of `counts` threads and the system OpenBLAS
 * through FFI (one thread), interleaved; `ours[i]` is on `counts[i]` threads.
 */
function ffiMatmul(
  m: number,
  k: number,
  n: number,
  counts: readonly number[],
): { ours: number[]; blas: number } | string {
  const blas = openSystemBlas();
  if (typeof blas === "string") return blas;
  const before = threads();
  try {
    const a = Float32Array.from({ length: m * k }, (_, i) => (i % 7) / 7);
    const b = Float32Array.from({ length: k * n }, (_, i) => (i % 5) / 5 - 0.4);
    const c = new Float32Array(m * n);
    setThreads(Math.max(...counts));
    startThreads();
    const times = bestOfInterleaved([
      ...counts.map((t) => () => {
        setThreads(t);
        matmul(m, k, n, a, b, c);
      }),
      () => blas.sgemm(false, false, m, k, n, a, b, 0, c),
    ], 20);
    const flop = 2 * m * k * n;
    return {
      ours: counts.map((_, i) => flop / times[i]! / 1e6),
      blas: flop / times[counts.length]! / 1e6,
    };
  } finally {
    setThreads(before);
    blas.close();
  }
}

/**
 * Floating-point operations of one CIFARNET training step on 3×32×32 inputs, batch
 * 128, counting the products only (2 per multiply-add): the forward pass, then the
 * backward pass at twice the forward's, less the first convolution's input
 * gradient, which is never formed.
 */
export function cifarnetStepFlop(batch = 128): number {
  const conv1 = 2 * batch * 27 * 27 * (6 * 6 * 3) * 64;
  const conv2 = 2 * batch * 8 * 8 * (6 * 6 * 64) * 64;
  const dense = 2 * batch * (1024 * 384 + 384 * 192 + 192 * 10);
  const forward = conv1 + conv2 + dense;
  return forward + 2 * forward - conv1;
}

/** The float32 rate the README's GPU estimate assumes (TFLOP/s), not a measurement. */
const GPU_TFLOPS = 10;

/** The grid the README prices: 2 optimizers × 3 α × 2 β2 × 5 seeds, 150 epochs of 390 steps. */
export const FULL_GRID = { runs: 2 * 3 * 2 * 5, stepsPerRun: 150 * Math.floor(50_000 / 128) };

/** Our two steps with the opt-in system BLAS (one thread), or why there are none. */
function stepsViaSystemBlas(): { mlp: number; cifar: number } | string {
  try {
    useSystemBlas();
    return {
      mlp: measureStep(mlp({ sparseDensity: 0 }), randomBatches(784, 10)).step,
      cifar: measureStep(cifarnet(), randomBatches(3 * 32 * 32, 10), 1, 3).step,
    };
  } catch (e) {
    return (e as Error).message;
  } finally {
    useWebAssemblyGemm();
  }
}

const PRODUCTS = [[128, 784, 100, "MLP layer"], [8192, 2304, 64, "CIFARNET conv 2"]] as const;

/** The better of two PyTorch measurements, metric by metric (the least disturbed). */
function best(a: TorchResult | undefined, b: TorchResult | undefined): TorchResult | undefined {
  if (!a || !b) return a ?? b;
  return {
    ...a,
    matmul_gflops: Math.max(a.matmul_gflops, b.matmul_gflops),
    mlp_dense_ms: Math.min(a.mlp_dense_ms, b.mlp_dense_ms),
    cifarnet_ms: Math.min(a.cifarnet_ms, b.cifarnet_ms),
  };
}

export async function run(): Promise<void> {
  // PyTorch runs in its own process, before and after ours; each metric keeps its best,
  // so that a burst of load from other processes does not fall on one side only.
  const before = await torchOnOpenBlas();
  const mm = measureMatmul(128, 784, 100, OUR_THREADS);
  const mlpStep = measureSteps(mlp({ sparseDensity: 0 }), randomBatches(784, 10), OUR_THREADS);
  const cifar = measureSteps(cifarnet(), randomBatches(3 * 32 * 32, 10), OUR_THREADS, 1, 3);
  OUR_THREADS.forEach((t, i) =>
    console.log(
      `ours${onThreads(t)}: matmul 128×784·784×100 ${mm.ours[i]!.toFixed(1)} GFLOP/s; ` +
        `dense-input MLP step ${mlpStep[i]!.step.toFixed(3)} ms; CIFARNET step ` +
        `${cifar[i]!.step.toFixed(0)} ms (lossAndGrad ${cifar[i]!.lossAndGrad.toFixed(0)} ms, ` +
        `update ${cifar[i]!.update.toFixed(2)} ms)`,
    )
  );
  const flop = cifarnetStepFlop();
  const steps = FULL_GRID.runs * FULL_GRID.stepsPerRun;
  console.log(
    `CIFARNET step: ${(flop / 1e9).toFixed(2)} GFLOP counted, ours on 1 thread at ` +
      `${(flop / cifar[0]!.step / 1e6).toFixed(1)} GFLOP/s effective; the full grid ` +
      `(${FULL_GRID.runs} runs × ${FULL_GRID.stepsPerRun} steps) would take ` +
      `${(steps * cifar[0]!.step / 3.6e6).toFixed(0)} hours here on one core; on paper, at an ` +
      `assumed sustained ${GPU_TFLOPS} TFLOP/s (a GPU; not measured here), ` +
      `${(steps * flop / (GPU_TFLOPS * 1e12) / 60).toFixed(0)} minutes`,
  );
  for (const [m, k, n, what] of PRODUCTS) {
    const ffi = ffiMatmul(m, k, n, OUR_THREADS);
    if (typeof ffi === "string") {
      console.log(`system BLAS via FFI: ${ffi}`);
      break;
    }
    OUR_THREADS.forEach((t, i) =>
      report({
        label: `matmul ${m}×${k}·${k}×${n} (${what}), ours${onThreads(t)}`,
        ours: ffi.ours[i]!,
        reference: ffi.blas,
        referenceName: "system OpenBLAS via Deno FFI (1 thread)",
        unit: "GFLOP/s",
        higherIsBetter: true,
        format: (x) => x.toFixed(1),
      })
    );
  }
  const viaBlas = stepsViaSystemBlas();
  if (typeof viaBlas === "string") console.log(`useSystemBlas(): ${viaBlas}`);
  else {
    console.log(
      `ours with useSystemBlas() (OpenBLAS via FFI, 1 thread): dense-input MLP step ` +
        `${viaBlas.mlp.toFixed(3)} ms; CIFARNET step ${viaBlas.cifar.toFixed(0)} ms`,
    );
  }
  const after = before.torch ? await torchOnOpenBlas() : before;
  const torch = best(before.torch, after.torch);
  const note = before.note || after.note;
  if (!torch) {
    console.log(note);
    return;
  }
  const ref = `PyTorch ${torch.torch} on ${torch.blas.split("/").slice(-2).join("/")} (1 thread)`;
  console.log(`PyTorch's BLAS: ${torch.blas} ${note}`.trim());
  const rows: [string, number, number, string, boolean, number][] = OUR_THREADS.flatMap((t, i) =>
    [
      [
        `matmul 128×784·784×100, ours${onThreads(t)}`,
        mm.ours[i]!,
        torch.matmul_gflops,
        "GFLOP/s",
        true,
        1,
      ],
      [
        `dense-input MLP training step, ours${onThreads(t)}`,
        mlpStep[i]!.step,
        torch.mlp_dense_ms,
        "ms",
        false,
        3,
      ],
      [
        `CIFARNET training step (3×32×32, batch 128), ours${onThreads(t)}`,
        cifar[i]!.step,
        torch.cifarnet_ms,
        "ms",
        false,
        0,
      ],
    ] as [string, number, number, string, boolean, number][]
  );
  if (typeof viaBlas !== "string") {
    rows.push([
      "dense-input MLP step, useSystemBlas() (1 thread)",
      viaBlas.mlp,
      torch.mlp_dense_ms,
      "ms",
      false,
      3,
    ]);
    rows.push([
      "CIFARNET step, useSystemBlas() (1 thread)",
      viaBlas.cifar,
      torch.cifarnet_ms,
      "ms",
      false,
      0,
    ]);
  }
  for (const [label, ours, reference, unit, higherIsBetter, digits] of rows) {
    report({
      label,
      ours,
      reference,
      referenceName: ref,
      unit,
      higherIsBetter,
      format: (x) => x.toFixed(digits),
    });
  }
}

if (import.meta.main) await run();
