/**
 * Section: CIFARNET's layers one by one at batch 128 (3×32×32 inputs), forward
 * and backward, in the order a training step runs them: the layers we write
 * (im2col/col2im, the fused bias → ReLU → LRN → 2×2 max-pool pass, dropout)
 * and, for scale, the convolutions' matrix products (whichever `gemm` route is
 * active; `--blas system` is not read here: run `deno run -A
 * bench/cifarnet_layers.ts system` for the system OpenBLAS). Each time is the
 * best of the repeats, interleaved so that load from other processes spreads
 * over all of them.
 *
 * @module
 */
import { col2im, im2col } from "../lib/kernels/im2col.ts";
import { reluLrnPool, reluLrnPoolBackward } from "../lib/kernels/lrn_pool.ts";
import { matmul, matmulNT, matmulTN, useSystemBlas } from "../lib/kernels/mod.ts";
import { applyMask, drawMask } from "../lib/models/dropout.ts";
import { LRN_DEFAULTS } from "../lib/models/lrn.ts";
import { Rng } from "../lib/random/rng.ts";
import { bestOfInterleaved } from "./_report.ts";

const B = 128, K = 6, F = 64, H3 = 384;

/** Named steps of one training step, each timed on its own. */
function steps(): [string, () => void][] {
  const rng = new Rng(1);
  const rnd = (n: number, s = 1) => Float32Array.from({ length: n }, () => s * (rng.next() - 0.3));
  const conv1 = { batch: B, height: 32, width: 32, channels: 3, kernel: K };
  const conv2 = { batch: B, height: 13, width: 13, channels: F, kernel: K };
  const maps1 = { batch: B, height: 27, width: 27, channels: F };
  const maps2 = { batch: B, height: 8, width: 8, channels: F };
  const [rows1, rows2, patch1, patch2] = [B * 27 * 27, B * 8 * 8, K * K * 3, K * K * F];
  const x = rnd(B * 32 * 32 * 3);
  const cols1 = new Float32Array(rows1 * patch1), cols2 = new Float32Array(rows2 * patch2);
  const dcols2 = new Float32Array(512 * patch2); // ∂L/∂X goes by 8 images (conv.ts)
  const w1 = rnd(patch1 * F, 0.2), w2 = rnd(patch2 * F, 0.05), bias = rnd(F, 0.1);
  const gw1 = new Float32Array(w1.length), gw2 = new Float32Array(w2.length);
  const gb = new Float32Array(F);
  const z1 = new Float32Array(rows1 * F), z2 = new Float32Array(rows2 * F);
  const dz1 = new Float32Array(rows1 * F), dz2 = new Float32Array(rows2 * F);
  const p1 = new Float32Array(B * 13 * 13 * F), p2 = new Float32Array(B * 4 * 4 * F);
  const codes1 = new Uint8Array(p1.length), codes2 = new Uint8Array(p2.length);
  const dp1 = rnd(p1.length), dp2 = rnd(p2.length), dx2 = new Float32Array(p1.length);
  const a3 = rnd(B * H3), mask = new Float32Array(B * H3);
  const weightGradient = (
    patch: number,
    rows: number,
    cols: Float32Array,
    dz: Float32Array,
    gw: Float32Array,
  ) => {
    for (let lo = 0; lo < rows; lo += 512) {
      const m = Math.min(512, rows - lo);
      matmulTN(patch, m, F, cols.subarray(lo * patch), dz.subarray(lo * F), gw, {
        accumulate: lo > 0,
      });
    }
  };
  return [
    ["im2col 1", () => im2col(x, conv1, cols1)],
    ["product 1", () => matmul(rows1, patch1, F, cols1, w1, z1)],
    ["ReLU+LRN+pool 1", () => reluLrnPool(z1, bias, maps1, LRN_DEFAULTS, p1, codes1)],
    ["im2col 2", () => im2col(p1, conv2, cols2)],
    ["product 2", () => matmul(rows2, patch2, F, cols2, w2, z2)],
    ["ReLU+LRN+pool 2", () => reluLrnPool(z2, bias, maps2, LRN_DEFAULTS, p2, codes2)],
    ["dropout", () => (drawMask(rng, 0.5, mask, B * H3), applyMask(a3, mask, B * H3))],
    ["back dropout", () => applyMask(a3, mask, B * H3)],
    [
      "back ReLU+LRN+pool 2",
      () => reluLrnPoolBackward(dp2, codes2, z2, bias, maps2, LRN_DEFAULTS, dz2, gb),
    ],
    ["back product 2 ∂W", () => weightGradient(patch2, rows2, cols2, dz2, gw2)],
    ["back product 2 ∂X", () => {
      for (let lo = 0; lo < rows2; lo += 512) {
        matmulNT(512, F, patch2, dz2.subarray(lo * F, (lo + 512) * F), w2, dcols2);
      }
    }],
    ["back col2im 2", () => {
      for (let b = 0; b < B; b += 8) {
        col2im(dcols2, { ...conv2, batch: 8 }, dx2.subarray(b * 169 * F));
      }
    }],
    [
      "back ReLU+LRN+pool 1",
      () => reluLrnPoolBackward(dp1, codes1, z1, bias, maps1, LRN_DEFAULTS, dz1, gb),
    ],
    ["back product 1", () => weightGradient(patch1, rows1, cols1, dz1, gw1)],
  ];
}

export function run(): Promise<void> {
  const named = steps();
  const best = bestOfInterleaved(named.map(([, f]) => f), 7);
  const line = (back: boolean, products: boolean) => {
    const picked = named.map(([name], i) => [name, best[i]!] as const).filter(([name]) =>
      name.startsWith("back") === back && /product/.test(name) === products
    );
    const total = picked.reduce((s, [, ms]) => s + ms, 0);
    const parts = picked.map(([name, ms]) => `${name.replace("back ", "")} ${ms.toFixed(1)}`);
    return `${total.toFixed(1)} ms (${parts.join(", ")})`;
  };
  console.log(`CIFARNET layers, batch 128, ms: forward ${line(false, false)}`);
  console.log(`  backward ${line(true, false)}`);
  console.log(`  products for scale: forward ${line(false, true)}; backward ${line(true, true)}`);
  return Promise.resolve();
}

if (import.meta.main) {
  if (Deno.args.includes("system")) useSystemBlas();
  await run();
}
