/**
 * Section: one AMSGrad step (variant "pytorch") on 10 million Float32
 * parameters, against the memory-bandwidth bound: a typed-array copy
 * (`dst.set(src)`) of each array the step touches (x, g, m, v, v̂), 5 reads and 5
 * writes where the step does 5 reads and 4 writes. A hand-fused scalar loop of
 * the same maths is the second reference: what one loop without a framework costs.
 * Both arithmetics are timed: the default float64 (each coordinate in double
 * precision, rounded when stored) and `arithmetic: "float32"` (the SIMD kernel).
 *
 * @module
 */
import { amsgrad } from "../lib/optimizers/mod.ts";
import { Rng } from "../lib/random/rng.ts";
import { bestOfInterleaved, report } from "./_report.ts";

const N = 10_000_000;
const ALPHA = 1e-3;
const BETA1 = 0.9;
const BETA2 = 0.999;
const EPS = 1e-8;

function randomVec(n: number, rng: Rng, scale: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = scale * (2 * rng.next() - 1);
  return out;
}

/** PyTorch's AMSGrad step, one fused loop, with the same operation order as ours. */
function handStep(
  x: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  vHat: Float32Array,
  t: number,
): void {
  const step = ALPHA / (1 - Math.pow(BETA1, t));
  const s2 = 1 / (1 - Math.pow(BETA2, t));
  for (let i = 0; i < x.length; i++) {
    const gi = g[i]!;
    const mi = BETA1 * m[i]! + (1 - BETA1) * gi;
    m[i] = mi;
    const vi = BETA2 * v[i]! + (1 - BETA2) * gi * gi;
    v[i] = vi;
    const h = vHat[i]!;
    const hi = v[i]! > h ? v[i]! : h;
    vHat[i] = hi;
    const eta = step / (Math.sqrt(s2 * hi) + EPS);
    x[i] = x[i]! - eta * m[i]!;
  }
}

/** Milliseconds per step of ours (float64 and float32 arithmetic), the hand loop and the copy. */
export function measureLarge(
  repeats = 5,
): { ours: number; ours32: number; hand: number; copy: number } {
  const rng = new Rng(1);
  const x0 = randomVec(N, rng, 1);
  const g = randomVec(N, rng, 1e-2);
  const options = {
    alpha: ALPHA,
    beta1: BETA1,
    beta2: BETA2,
    eps: EPS,
    variant: "pytorch" as const,
  };
  const opt = amsgrad(options);
  const state = opt.init(x0);
  const opt32 = amsgrad({ ...options, arithmetic: "float32" });
  const state32 = opt32.init(x0);
  const x = x0.slice(), m = new Float32Array(N), v = new Float32Array(N);
  const vHat = new Float32Array(N);
  let t = 0;
  const dst = new Float32Array(N);
  const arrays = [x, g, m, v, vHat];
  const [ours, ours32, hand, copy] = bestOfInterleaved([
    () => opt.step(state, g),
    () => opt32.step(state32, g),
    () => handStep(x, g, m, v, vHat, ++t),
    () => {
      for (const a of arrays) dst.set(a);
    },
  ], repeats);
  return { ours: ours!, ours32: ours32!, hand: hand!, copy: copy! };
}

export function run(): Promise<void> {
  const { ours, ours32, hand, copy } = measureLarge();
  const format = (x: number) => x.toFixed(1);
  for (const [arithmetic, time] of [["float64", ours], ["float32", ours32]] as const) {
    const label = `AMSGrad step, 10M Float32, ${arithmetic} arithmetic`;
    const common = { label, ours: time, unit: "ms", higherIsBetter: false, format };
    report({ ...common, reference: copy, referenceName: "5-array copy" });
    report({ ...common, reference: hand, referenceName: "hand-fused loop" });
  }
  return Promise.resolve();
}
