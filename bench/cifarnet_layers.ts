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

/**
 * Named steps of one training step, each timed on its own, following
 * `ConvLayer`'s blocks of whole images (1 image of the first convolution, 8 of
 * the second): each block's patches are formed (twice: forward and backward)
 * into one block-sized buffer, which its products then read; the fused
 * ReLU → LRN → pool pass runs block by block too, as CIFARNET runs it.
 */
function steps(): [string, () => void][] {
  const rng = new Rng(1);
  const rnd = (n: number, s = 1) => Float32Array.from({ length: n }, () => s * (rng.next() - 0.3));
  const conv1 = { batch: 1, height: 32, width: 32, channels: 3, kernel: K };
  const conv2 = { batch: 8, height: 13, width: 13, channels: F, kernel: K };
  const maps1 = { batch: 1, height: 27, width: 27, channels: F };
  const maps2 = { batch: 8, height: 8, width: 8, channels: F };
  const [rows1, rows2, patch1, patch2] = [27 * 27, 8 * 8 * 8, K * K * 3, K * K * F]; // per block
  const x = rnd(B * 32 * 32 * 3);
  const cols1 = new Float32Array(rows1 * patch1), cols2 = new Float32Array(rows2 * patch2);
  const w1 = rnd(patch1 * F, 0.2), w2 = rnd(patch2 * F, 0.05), bias = rnd(F, 0.1);
  const gw1 = new Float32Array(w1.length), gw2 = new Float32Array(w2.length);
  const sums = new Float64Array(F);
  const z1 = new Float32Array(B * 27 * 27 * F), z2 = new Float32Array(B * 8 * 8 * F);
  const dz1 = rnd(z1.length), dz2 = rnd(z2.length);
  const p1 = new Float32Array(B * 13 * 13 * F), p2 = new Float32Array(B * 4 * 4 * F);
  const codes1 = new Uint8Array(p1.length), codes2 = new Uint8Array(p2.length);
  const dp1 = rnd(p1.length), dp2 = rnd(p2.length), dx2 = new Float32Array(p1.length);
  const a3 = rnd(B * H3), mask = new Float32Array(B * H3);
  /** Runs `f(b0, rowOffset)` for each block of `per` images. */
  const blocks = (per: number, rows: number, f: (b0: number, lo: number) => void) => () => {
    for (let b0 = 0; b0 < B; b0 += per) f(b0, (b0 / per) * rows);
  };
  const im2col1 = blocks(1, rows1, (b0) => im2col(x.subarray(b0 * 3072), conv1, cols1));
  const im2col2 = blocks(8, rows2, (b0) => im2col(p1.subarray(b0 * 169 * F), conv2, cols2));
  return [
    ["im2col 1", im2col1],
    [
      "product 1",
      blocks(1, rows1, (_, lo) => {
        matmul(rows1, patch1, F, cols1, w1, z1.subarray(lo * F, (lo + rows1) * F));
      }),
    ],
    [
      "ReLU+LRN+pool 1",
      blocks(1, rows1, (b0, lo) => {
        const q = b0 * 169 * F;
        reluLrnPool(
          z1.subarray(lo * F),
          bias,
          maps1,
          LRN_DEFAULTS,
          p1.subarray(q),
          codes1.subarray(q),
        );
      }),
    ],
    ["im2col 2", im2col2],
    [
      "product 2",
      blocks(8, rows2, (_, lo) => {
        matmul(rows2, patch2, F, cols2, w2, z2.subarray(lo * F, (lo + rows2) * F));
      }),
    ],
    [
      "ReLU+LRN+pool 2",
      blocks(8, rows2, (b0, lo) => {
        const q = b0 * 16 * F;
        reluLrnPool(
          z2.subarray(lo * F),
          bias,
          maps2,
          LRN_DEFAULTS,
          p2.subarray(q),
          codes2.subarray(q),
        );
      }),
    ],
    ["dropout", () => (drawMask(rng, 0.5, mask, B * H3), applyMask(a3, mask, B * H3))],
    ["back dropout", () => applyMask(a3, mask, B * H3)],
    [
      "back ReLU+LRN+pool 2",
      blocks(8, rows2, (b0, lo) => {
        const [q, dz] = [b0 * 16 * F, dz2.subarray(lo * F, (lo + rows2) * F)];
        const [dp, codes] = [dp2.subarray(q), codes2.subarray(q)];
        reluLrnPoolBackward(dp, codes, z2.subarray(lo * F), bias, maps2, LRN_DEFAULTS, dz, sums);
      }),
    ],
    ["back im2col 2", im2col2],
    [
      "back product 2 ∂W",
      blocks(8, rows2, (b0, lo) => {
        const dz = dz2.subarray(lo * F, (lo + rows2) * F);
        matmulTN(patch2, rows2, F, cols2, dz, gw2, { accumulate: b0 > 0 });
      }),
    ],
    [
      "back product 2 ∂X",
      blocks(8, rows2, (_, lo) => {
        matmulNT(rows2, F, patch2, dz2.subarray(lo * F, (lo + rows2) * F), w2, cols2);
      }),
    ],
    ["back col2im 2", blocks(8, rows2, (b0) => col2im(cols2, conv2, dx2.subarray(b0 * 169 * F)))],
    [
      "back ReLU+LRN+pool 1",
      blocks(1, rows1, (b0, lo) => {
        const [q, dz] = [b0 * 169 * F, dz1.subarray(lo * F, (lo + rows1) * F)];
        const [dp, codes] = [dp1.subarray(q), codes1.subarray(q)];
        reluLrnPoolBackward(dp, codes, z1.subarray(lo * F), bias, maps1, LRN_DEFAULTS, dz, sums);
      }),
    ],
    ["back im2col 1", im2col1],
    [
      "back product 1 ∂W",
      blocks(1, rows1, (b0, lo) => {
        const dz = dz1.subarray(lo * F, (lo + rows1) * F);
        matmulTN(patch1, rows1, F, cols1, dz, gw1, { accumulate: b0 > 0 });
      }),
    ],
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
