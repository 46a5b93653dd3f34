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
 * It also times our product against the system OpenBLAS called through Deno's FFI
 * (`_blas_ffi.ts`, one thread), the "system BLAS" route the library does not take.
 *
 * Runs alone too: `deno run -A bench/cifarnet_step.ts`.
 *
 * @module
 */
import { matmul } from "../lib/kernels/mod.ts";
import { cifarnet, mlp } from "../lib/models/mod.ts";
import { openSystemBlas } from "./_blas_ffi.ts";
import { bestOfInterleaved, report } from "./_report.ts";
import { measureMatmul, measureStep, randomBatches } from "./train_step.ts";

const PYTHON = "/usr/bin/python3";

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
    out = await new Deno.Command(PYTHON, { args: [script, "--threads", "1"], stderr: "piped" })
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
  try {
    const out = await new Deno.Command("apt-get", {
      args: ["install", "-y", "libopenblas0-pthread"],
      stdout: "null",
      stderr: "piped",
      env: { DEBIAN_FRONTEND: "noninteractive" },
    }).output();
    if (!out.success) {
      return `apt-get install libopenblas0-pthread failed: ${
        new TextDecoder().decode(out.stderr).trim().split("\n").pop()
      }`;
    }
    return "installed libopenblas0-pthread";
  } catch (e) {
    return `cannot run apt-get (${(e as Error).message})`;
  }
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

/** GFLOP/s of C = A·B, ours and the system OpenBLAS through FFI, interleaved. */
function ffiMatmul(m: number, k: number, n: number): { ours: number; blas: number } | string {
  const blas = openSystemBlas();
  if (typeof blas === "string") return blas;
  try {
    const a = Float32Array.from({ length: m * k }, (_, i) => (i % 7) / 7);
    const b = Float32Array.from({ length: k * n }, (_, i) => (i % 5) / 5 - 0.4);
    const c = new Float32Array(m * n);
    const [ours, ref] = bestOfInterleaved([
      () => matmul(m, k, n, a, b, c),
      () => blas.sgemm(m, k, n, a, b, c),
    ], 20);
    const flop = 2 * m * k * n;
    return { ours: flop / ours! / 1e6, blas: flop / ref! / 1e6 };
  } finally {
    blas.close();
  }
}

export async function run(): Promise<void> {
  const { torch, note } = await torchOnOpenBlas();
  const mm = measureMatmul();
  const mlpStep = measureStep(mlp({ sparseDensity: 0 }), randomBatches(784, 10));
  const cifar = measureStep(cifarnet(), randomBatches(3 * 32 * 32, 10), 1, 3);
  console.log(
    `ours: matmul 128×784·784×100 ${mm.ours.toFixed(1)} GFLOP/s; dense-input MLP step ` +
      `${mlpStep.step.toFixed(3)} ms; CIFARNET step ${cifar.step.toFixed(0)} ms ` +
      `(lossAndGrad ${cifar.lossAndGrad.toFixed(0)} ms, update ${cifar.update.toFixed(2)} ms)`,
  );
  for (
    const [m, k, n, what] of [[128, 784, 100, "MLP layer"], [
      8192,
      2304,
      64,
      "CIFARNET conv 2",
    ]] as const
  ) {
    const ffi = ffiMatmul(m, k, n);
    if (typeof ffi === "string") {
      console.log(`system BLAS via FFI: ${ffi}`);
      break;
    }
    report({
      label: `matmul ${m}×${k}·${k}×${n} (${what})`,
      ours: ffi.ours,
      reference: ffi.blas,
      referenceName: "system OpenBLAS via Deno FFI (1 thread)",
      unit: "GFLOP/s",
      higherIsBetter: true,
      format: (x) => x.toFixed(1),
    });
  }
  if (!torch) {
    console.log(note);
    return;
  }
  const ref = `PyTorch ${torch.torch} on ${torch.blas.split("/").pop()} (1 thread)`;
  console.log(`PyTorch's BLAS: ${torch.blas} ${note}`.trim());
  report({
    label: "matmul 128×784·784×100",
    ours: mm.ours,
    reference: torch.matmul_gflops,
    referenceName: ref,
    unit: "GFLOP/s",
    higherIsBetter: true,
    format: (x) => x.toFixed(1),
  });
  report({
    label: "dense-input MLP training step",
    ours: mlpStep.step,
    reference: torch.mlp_dense_ms,
    referenceName: ref,
    unit: "ms",
    higherIsBetter: false,
    format: (x) => x.toFixed(3),
  });
  report({
    label: "CIFARNET training step (3×32×32, batch 128)",
    ours: cifar.step,
    reference: torch.cifarnet_ms,
    referenceName: ref,
    unit: "ms",
    higherIsBetter: false,
    format: (x) => x.toFixed(0),
  });
}

if (import.meta.main) await run();
