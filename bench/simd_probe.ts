/**
 * Section: would WebAssembly SIMD pay for the 10M case? A probe, not used by the
 * library: the AMSGrad step (variant "pytorch") on Float32 parameters written in
 * WebAssembly text, two coordinates per instruction in `f64x2` (promoting each
 * float32 to a double and rounding at every store, as JavaScript does), run tile
 * by tile on copies in the module's memory. It is checked bit for bit against
 * the library's step before it is timed. Printed: its time against the generic
 * step's, with the tile copies and without them (its arithmetic alone: with
 * double-precision square roots and divisions, two lanes buy little).
 *
 * @module
 */
import wabtInit from "wabt";
import { amsgrad } from "../lib/optimizers/mod.ts";
import { Rng } from "../lib/random/rng.ts";
import { bestOfInterleaved, report } from "./_report.ts";

const N = 10_000_000;
const TILE = 2048;

/**
 * One tile of Adam's family on float32 arrays at byte addresses x, g, m, v, vHat:
 * m ← β1·m + k1·g, v ← β2·v + k2·g², v̂ ← max(kPrev·v̂, kIn·v),
 * x ← decay·x − step/(√(s2·v̂ + εin) + εout)·(a·m + b·g); a stored value is read
 * back rounded, like a Float32Array element. `n` must be even.
 */
const WAT = `
(module
  (memory (export "memory") 1)
  (func (export "adam")
    (param $x i32) (param $g i32) (param $m i32) (param $v i32) (param $vh i32) (param $n i32)
    (param $b1 f64) (param $k1 f64) (param $b2 f64) (param $k2 f64)
    (param $kIn f64) (param $kPrev f64) (param $step f64) (param $s2 f64)
    (param $epsIn f64) (param $epsOut f64) (param $a f64) (param $b f64) (param $decay f64)
    (local $o i32) (local $end i32) (local $r v128)
    (local $gi v128) (local $mi v128) (local $vi v128) (local $hi v128) (local $den v128)
    (local $eta v128) (local $atInf v128)
    (local.set $end (i32.shl (local.get $n) (i32.const 2)))
    (local.set $atInf (f64x2.div (f64x2.splat (local.get $step)) (f64x2.splat (f64.const inf))))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $o) (local.get $end)))
      ;; Two float32s, each promoted to a double (JavaScript reads them so).
      (local.set $gi (f64x2.promote_low_f32x4 (v128.load64_zero
        (i32.add (local.get $g) (local.get $o)))))
      ;; m <- b1 m + k1 g, stored rounded to float32 and read back rounded.
      (local.set $r (f32x4.demote_f64x2_zero (f64x2.add
        (f64x2.mul (f64x2.splat (local.get $b1)) (f64x2.promote_low_f32x4 (v128.load64_zero
          (i32.add (local.get $m) (local.get $o)))))
        (f64x2.mul (f64x2.splat (local.get $k1)) (local.get $gi)))))
      (v128.store64_lane 0 (i32.add (local.get $m) (local.get $o)) (local.get $r))
      (local.set $mi (f64x2.promote_low_f32x4 (local.get $r)))
      ;; v <- b2 v + (k2 g) g
      (local.set $r (f32x4.demote_f64x2_zero (f64x2.add
        (f64x2.mul (f64x2.splat (local.get $b2)) (f64x2.promote_low_f32x4 (v128.load64_zero
          (i32.add (local.get $v) (local.get $o)))))
        (f64x2.mul (f64x2.mul (f64x2.splat (local.get $k2)) (local.get $gi)) (local.get $gi)))))
      (v128.store64_lane 0 (i32.add (local.get $v) (local.get $o)) (local.get $r))
      (local.set $vi (f64x2.promote_low_f32x4 (local.get $r)))
      ;; vHat <- (cur > prev ? cur : prev), which is pmax(prev, cur)
      (local.set $r (f32x4.demote_f64x2_zero (f64x2.pmax
        (f64x2.mul (f64x2.splat (local.get $kPrev)) (f64x2.promote_low_f32x4 (v128.load64_zero
          (i32.add (local.get $vh) (local.get $o)))))
        (f64x2.mul (f64x2.splat (local.get $kIn)) (local.get $vi)))))
      (v128.store64_lane 0 (i32.add (local.get $vh) (local.get $o)) (local.get $r))
      (local.set $hi (f64x2.promote_low_f32x4 (local.get $r)))
      ;; D = sqrt(s2 vHat + epsIn) + epsOut; eta = step / D, or step/inf where D = 0
      (local.set $den (f64x2.add
        (f64x2.sqrt (f64x2.add (f64x2.mul (f64x2.splat (local.get $s2)) (local.get $hi))
                               (f64x2.splat (local.get $epsIn))))
        (f64x2.splat (local.get $epsOut))))
      (local.set $eta (v128.bitselect
        (local.get $atInf)
        (f64x2.div (f64x2.splat (local.get $step)) (local.get $den))
        (f64x2.eq (local.get $den) (f64x2.splat (f64.const 0)))))
      ;; x <- decay x - eta (a m + b g)
      (v128.store64_lane 0 (i32.add (local.get $x) (local.get $o))
        (f32x4.demote_f64x2_zero (f64x2.sub
          (f64x2.mul (f64x2.splat (local.get $decay)) (f64x2.promote_low_f32x4 (v128.load64_zero
            (i32.add (local.get $x) (local.get $o)))))
          (f64x2.mul (local.get $eta)
            (f64x2.add (f64x2.mul (f64x2.splat (local.get $a)) (local.get $mi))
                       (f64x2.mul (f64x2.splat (local.get $b)) (local.get $gi)))))))
      (local.set $o (i32.add (local.get $o) (i32.const 8)))
      (br $next)))))
`;

type AdamKernel = (
  x: number,
  g: number,
  m: number,
  v: number,
  vh: number,
  n: number,
  b1: number,
  k1: number,
  b2: number,
  k2: number,
  kIn: number,
  kPrev: number,
  step: number,
  s2: number,
  epsIn: number,
  epsOut: number,
  a: number,
  b: number,
  decay: number,
) => void;

async function assemble(): Promise<{ adam: AdamKernel; memory: WebAssembly.Memory }> {
  const wabt = await wabtInit();
  const parsed = wabt.parseWat("adam.wat", WAT, { simd: true });
  try {
    parsed.validate();
    const bytes = new Uint8Array(parsed.toBinary({}).buffer);
    const exports = new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports;
    return { adam: exports.adam as AdamKernel, memory: exports.memory as WebAssembly.Memory };
  } finally {
    parsed.destroy();
  }
}

export async function run(): Promise<void> {
  const { adam, memory } = await assemble();
  memory.grow(1); // 5 tiles of 2048 floats = 40 KiB
  const heap = new Float32Array(memory.buffer);
  const slot = (k: number) => heap.subarray(k * TILE, (k + 1) * TILE);
  const tiles = [slot(0), slot(1), slot(2), slot(3), slot(4)];
  const [X, G, M, V, H] = [0, TILE * 4, 2 * TILE * 4, 3 * TILE * 4, 4 * TILE * 4] as const;

  const rng = new Rng(1);
  const x0 = new Float32Array(N);
  const g = new Float32Array(N);
  for (let i = 0; i < N; i++) x0[i] = 2 * rng.next() - 1;
  for (let i = 0; i < N; i++) g[i] = 2e-2 * rng.next() - 1e-2;
  const alpha = 1e-3, beta1 = 0.9, beta2 = 0.999, eps = 1e-8;
  const opt = amsgrad({ alpha, beta1, beta2, eps, variant: "pytorch" });
  const state = opt.init(x0);
  const x = x0.slice(), m = new Float32Array(N), v = new Float32Array(N);
  const vHat = new Float32Array(N);
  let t = 0;
  const probe = () => {
    t++;
    const step = alpha / (1 - Math.pow(beta1, t));
    const s2 = 1 / (1 - Math.pow(beta2, t));
    const arrays = [x, g, m, v, vHat];
    for (let lo = 0; lo < N; lo += TILE) {
      const hi = Math.min(N, lo + TILE);
      arrays.forEach((a, k) => tiles[k]!.set(a.subarray(lo, hi)));
      adam(
        X,
        G,
        M,
        V,
        H,
        hi - lo,
        beta1,
        1 - beta1,
        beta2,
        1 - beta2,
        1,
        1,
        step,
        s2,
        0,
        eps,
        1,
        0,
        1,
      );
      [x, m, v, vHat].forEach((a, k) => a.set(tiles[[0, 2, 3, 4][k]!]!.subarray(0, hi - lo), lo));
    }
  };
  opt.step(state, g);
  probe();
  for (const [name, a, b] of [["x", x, state.x], ["vHat", vHat, state.slots.vHat!]] as const) {
    for (let i = 0; i < N; i++) {
      if (!Object.is(a[i], b[i])) throw new Error(`SIMD probe differs from ours at ${name}[${i}]`);
    }
  }
  console.log("SIMD probe = ours, bit for bit, after one step");
  // The kernel alone, on one tile that stays in L1: its arithmetic, without the copies.
  const kernelOnly = () => {
    for (let lo = 0; lo < N; lo += TILE) {
      adam(
        X,
        G,
        M,
        V,
        H,
        TILE,
        beta1,
        1 - beta1,
        beta2,
        1 - beta2,
        1,
        1,
        1e-3,
        1.001,
        0,
        eps,
        1,
        0,
        1,
      );
    }
  };
  const [ours, simd, kernel] = bestOfInterleaved([() => opt.step(state, g), probe, kernelOnly], 5);
  const common = {
    reference: ours!,
    referenceName: "the generic step",
    unit: "ms",
    higherIsBetter: false,
    format: (ms: number) => ms.toFixed(1),
  };
  report({
    ...common,
    label: "AMSGrad step, 10M Float32, SIMD probe with tile copies",
    ours: simd!,
  });
  report({
    ...common,
    label: "AMSGrad step, 10M Float32, SIMD kernel alone (in L1)",
    ours: kernel!,
  });
}
