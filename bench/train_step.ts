/**
 * Section: one training step of the paper's MNIST models (batch 128: forward,
 * backward, `amsgrad({ variant: "pytorch", arithmetic: "float32" })` on a Float32Array state) for the
 * logistic regression and the 784 → 100 → 10 network, against PyTorch doing the
 * same on the CPU in float32 with 1 and 2 threads (`train_step_torch.py`, run
 * with Debian's `/usr/bin/python3`; skipped with a note when torch is missing).
 * Ours runs on 1 and on 2 threads (`setThreads`; the products split, with the
 * same bits), interleaved in the same trials; against PyTorch on 1 thread both
 * are shown, against PyTorch on 2 threads ours on 2.
 * Both sides cycle over the same 8 real MNIST training batches (examples
 * 0 … 1023, handed to Python in a temporary file), about 19% nonzero, so our
 * input layers take the sparse path (`spmm`). Also, in the same run: our
 * `lossAndGrad` on those batches through the dense path (`sparseDensity: 0`)
 * and on uniform random dense inputs, and the GFLOP/s of the 128×784×100
 * product, `matmul` against the naive i-k-j loop.
 *
 * Runs alone too: `deno run -A bench/train_step.ts`.
 *
 * @module
 */
import { fillBatch, loadMnist } from "../lib/data/mod.ts";
import { matmul, naiveMatmul, setThreads, startThreads, threads } from "../lib/kernels/mod.ts";
import { logisticRegression, mlp, type Model } from "../lib/models/mod.ts";
import { amsgrad } from "../lib/optimizers/amsgrad.ts";
import { Rng } from "../lib/random/rng.ts";
import { bestOfInterleaved, report } from "./_report.ts";
import { PYTHON, torchEnv } from "./_torch.ts";

const BATCH = 128;
const BATCHES = 8;

/** Inputs (row-major BATCH×inputs) and labels of the batches a step cycles over. */
export interface Batches {
  xs: Float32Array[];
  ys: Uint8Array[];
}

/** The first 8·128 MNIST training examples as 8 batches (x = pixel/255). */
export async function mnistBatches(): Promise<Batches> {
  const { train } = await loadMnist();
  const size = train.rows * train.cols;
  const xs: Float32Array[] = [];
  const ys: Uint8Array[] = [];
  for (let b = 0; b < BATCHES; b++) {
    xs.push(new Float32Array(BATCH * size));
    ys.push(new Uint8Array(BATCH));
    fillBatch(train, Array.from({ length: BATCH }, (_, i) => b * BATCH + i), xs[b]!, ys[b]!);
  }
  return { xs, ys };
}

/** 8 batches of uniform random inputs in [0, 1) (dense) and random labels. */
export function randomBatches(inputs: number, classes: number): Batches {
  const rng = new Rng(2);
  const xs = Array.from(
    { length: BATCHES },
    () => Float32Array.from({ length: BATCH * inputs }, () => rng.next()),
  );
  const ys = Array.from(
    { length: BATCHES },
    () => Uint8Array.from({ length: BATCH }, () => rng.int(classes)),
  );
  return { xs, ys };
}

/** Fraction of the batches' inputs that are nonzero. */
export function density({ xs }: Batches): number {
  let nonzero = 0, total = 0;
  for (const x of xs) {
    for (const v of x) nonzero += v !== 0 ? 1 : 0;
    total += x.length;
  }
  return nonzero / total;
}

/** What `train_step_torch.py` prints. */
interface TorchResult {
  torch: string;
  threads: number;
  batch: number;
  logreg_ms: number;
  mlp_ms: number;
  logreg_update_ms: number;
  mlp_update_ms: number;
  matmul_gflops: number;
}

/**
 * GFLOP/s of the m×k·k×n product: ours on each of `counts` threads, and the
 * naive i-k-j loop, interleaved. `ours[i]` is on `counts[i]` threads.
 */
export function measureMatmul(
  m = 128,
  k = 784,
  n = 100,
  counts: readonly number[] = [threads()],
): { ours: number[]; naive: number } {
  const rng = new Rng(1);
  const a = Float32Array.from({ length: m * k }, () => rng.next());
  const b = Float32Array.from({ length: k * n }, () => rng.next() - 0.5);
  const c = new Float32Array(m * n);
  const reps = 5;
  const before = threads();
  try {
    const times = bestOfInterleaved([
      ...counts.map((t) => () => {
        setThreads(t);
        for (let r = 0; r < reps; r++) matmul(m, k, n, a, b, c);
      }),
      () => naiveMatmul(m, k, n, a, b, c),
    ], 30);
    const flop = 2 * m * k * n;
    return {
      ours: counts.map((_, i) => (flop * reps) / times[i]! / 1e6),
      naive: flop / times[counts.length]! / 1e6,
    };
  } finally {
    setThreads(before);
  }
}

/** Milliseconds per training step, and of its two halves measured alone. */
export interface StepTimes {
  /** lossAndGrad then opt.step. */
  step: number;
  /** Forward and backward (`lossAndGrad`) alone. */
  lossAndGrad: number;
  /** The AMSGrad update (`opt.step`) alone. */
  update: number;
}

/**
 * Milliseconds per training step of `model` on {@link threads} threads: the best
 * over `trials` trials of `steps` steps (the same method as the PyTorch script),
 * cycling over the 8 `batches`; the two halves are timed in the same trials.
 */
export function measureStep(model: Model, batches: Batches, steps = 10, trials = 30): StepTimes {
  return measureSteps(model, batches, [threads()], steps, trials)[0]!;
}

/**
 * {@link measureStep} on each of `counts` threads (`setThreads`), all in the same
 * interleaved trials, so that load from other processes falls on every count
 * alike. Result i is on `counts[i]` threads.
 */
export function measureSteps(
  model: Model,
  batches: Batches,
  counts: readonly number[],
  steps = 10,
  trials = 30,
): StepTimes[] {
  const rng = new Rng(2);
  const { xs, ys } = batches;
  const opt = amsgrad({
    alpha: 1e-3,
    beta1: 0.9,
    beta2: 0.999,
    variant: "pytorch",
    arithmetic: "float32",
  });
  const state = opt.init(model.init(rng, model.schemes[0]));
  const params = state.x as Float32Array;
  const grad = opt.gradientBuffer(state) as Float32Array;
  let i = 0;
  const before = threads();
  if (counts.some((t) => t > 1)) {
    setThreads(Math.max(...counts));
    startThreads();
  }
  try {
    const times = bestOfInterleaved(
      counts.flatMap((t) => [
        () => {
          setThreads(t);
          for (let s = 0; s < steps; s++, i++) {
            model.lossAndGrad(params, xs[i % 8]!, ys[i % 8]!, BATCH, grad);
            opt.step(state, grad);
          }
        },
        () => {
          setThreads(t);
          for (let s = 0; s < steps; s++) {
            model.lossAndGrad(params, xs[s % 8]!, ys[s % 8]!, BATCH, grad);
          }
        },
        () => {
          setThreads(t);
          for (let s = 0; s < steps; s++) opt.step(state, grad);
        },
      ]),
      trials,
    );
    return counts.map((_, c) => ({
      step: times[3 * c]! / steps,
      lossAndGrad: times[3 * c + 1]! / steps,
      update: times[3 * c + 2]! / steps,
    }));
  } finally {
    setThreads(before);
  }
}

/** Writes the batches as raw float32 inputs and uint8 labels for `train_step_torch.py`. */
async function writeBatches({ xs, ys }: Batches, dir: string): Promise<string> {
  const concat = <T extends Float32Array | Uint8Array>(parts: T[], out: T) => {
    parts.forEach((p, i) => out.set(p, i * p.length));
    return new Uint8Array(out.buffer);
  };
  const prefix = `${dir}/mnist_batches`;
  await Deno.writeFile(`${prefix}.f32`, concat(xs, new Float32Array(xs.length * xs[0]!.length)));
  await Deno.writeFile(`${prefix}.u8`, concat(ys, new Uint8Array(ys.length * ys[0]!.length)));
  return prefix;
}

async function torchResult(threads: number, data: string): Promise<TorchResult | string> {
  const script = new URL("./train_step_torch.py", import.meta.url).pathname;
  let out: Deno.CommandOutput;
  try {
    out = await new Deno.Command(PYTHON, {
      env: torchEnv(),
      args: [
        script,
        ...["--threads", String(threads), "--steps", "10", "--repeats", "30", "--data", data],
      ],
      stderr: "piped",
    }).output();
  } catch (e) {
    return `skipped PyTorch: cannot run ${PYTHON} (${(e as Error).message})`;
  }
  if (!out.success) {
    const err = new TextDecoder().decode(out.stderr);
    if (/No module named 'torch'/.test(err)) return `skipped PyTorch: ${PYTHON} has no torch`;
    throw new Error(`${script} failed (exit ${out.code}): ${err.slice(-500)}`);
  }
  return JSON.parse(new TextDecoder().decode(out.stdout)) as TorchResult;
}

/** Our thread counts: the calling thread alone, and with one helper (`setThreads`). */
export const OUR_THREADS = [1, 2] as const;

/** " on 1 thread" / " on 2 threads". */
export const onThreads = (t: number) => ` on ${t} thread${t > 1 ? "s" : ""}`;

export async function run(): Promise<void> {
  const mm = measureMatmul(128, 784, 100, OUR_THREADS);
  OUR_THREADS.forEach((t, i) =>
    report({
      label: `matmul 128×784·784×100, ours${onThreads(t)}`,
      ours: mm.ours[i]!,
      reference: mm.naive,
      referenceName: "naive i-k-j",
      unit: "GFLOP/s",
      higherIsBetter: true,
      format: (x) => x.toFixed(2),
    })
  );
  const mnist = await mnistBatches();
  console.log(
    `MNIST batches: ${BATCHES} × ${BATCH} training examples, ` +
      `${(100 * density(mnist)).toFixed(1)}% of the inputs nonzero`,
  );
  const ours = {
    logreg: measureSteps(logisticRegression(), mnist, OUR_THREADS),
    mlp: measureSteps(mlp(), mnist, OUR_THREADS),
  };
  for (const name of ["logreg", "mlp"] as const) {
    OUR_THREADS.forEach((threads, i) => {
      const t = ours[name][i]!;
      console.log(
        `ours${onThreads(threads)}, ${name} (batch ${BATCH}, MNIST): ${t.step.toFixed(3)} ms per ` +
          `step; alone, lossAndGrad ${t.lossAndGrad.toFixed(3)} ms and AMSGrad update ` +
          `${t.update.toFixed(3)} ms`,
      );
    });
  }
  const [viaDense] = measureSteps(mlp({ sparseDensity: 0 }), mnist, [1]);
  report({
    label: "mlp lossAndGrad on MNIST (1 thread), sparse input layer",
    ours: ours.mlp[0]!.lossAndGrad,
    reference: viaDense!.lossAndGrad,
    referenceName: "dense input layer (sparseDensity 0)",
    unit: "ms",
    higherIsBetter: false,
    format: (x) => x.toFixed(3),
  });
  const [random] = measureSteps(mlp(), randomBatches(784, 10), [1]);
  console.log(
    `ours on 1 thread, mlp (batch ${BATCH}, uniform random dense inputs): ` +
      `${random!.step.toFixed(3)} ms per step, lossAndGrad ${random!.lossAndGrad.toFixed(3)} ms`,
  );
  const dir = await Deno.makeTempDir({ prefix: "train_step_" });
  try {
    await torchSections(ours, mm.ours, await writeBatches(mnist, dir));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/**
 * Ours against PyTorch on 1 thread (ours on 1 and on 2 threads) and on 2 threads
 * (ours on 2). `ours[name][i]` and `matmulGflops[i]` are on `OUR_THREADS[i]` threads.
 */
async function torchSections(
  ours: Record<"logreg" | "mlp", StepTimes[]>,
  matmulGflops: number[],
  data: string,
): Promise<void> {
  for (const threads of [1, 2]) {
    const torch = await torchResult(threads, data);
    if (typeof torch === "string") {
      console.log(torch);
      return;
    }
    const ref = `PyTorch ${torch.torch}${onThreads(torch.threads)}`;
    const mine = OUR_THREADS.map((t, i) => [t, i] as const).filter(([t]) => t >= threads);
    for (const [t, i] of mine) {
      report({
        label: `matmul 128×784·784×100, ours${onThreads(t)}`,
        ours: matmulGflops[i]!,
        reference: torch.matmul_gflops,
        referenceName: ref,
        unit: "GFLOP/s",
        higherIsBetter: true,
        format: (x) => x.toFixed(1),
      });
    }
    for (const name of ["logreg", "mlp"] as const) {
      for (const [t, i] of mine) {
        report({
          label: `${name} training step, ours${onThreads(t)}`,
          ours: ours[name][i]!.step,
          reference: torch[`${name}_ms`],
          referenceName: ref,
          unit: "ms",
          higherIsBetter: false,
          format: (x) => x.toFixed(3),
        });
      }
      // The update has no matrix product: threads do not change it.
      report({
        label: `${name} AMSGrad update alone, ours on 1 thread`,
        ours: ours[name][0]!.update,
        reference: torch[`${name}_update_ms`],
        referenceName: ref,
        unit: "ms",
        higherIsBetter: false,
        format: (x) => x.toFixed(3),
      });
    }
  }
}

if (import.meta.main) await run();
