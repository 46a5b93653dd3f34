/**
 * CIFARNET, the convolutional network of the paper's Figure 2 (bottom row). The
 * paper says: two convolutional layers of 64 channels and 6×6 kernels, 2×2
 * max-pooling and local response normalisation between them, fully connected
 * layers of 384 and 192 units, dropout with keep probability 0.5 between them,
 * softmax on 10 classes. It leaves the rest open; we follow the published reading
 * of fdlm/amsgrad_experiments (Lasagne), choice by choice:
 *
 * ```
 * x (C×32×32) → conv 6×6, 64, valid, stride 1 → ReLU → LRN → maxpool 2×2/2
 *             → conv 6×6, 64, valid, stride 1 → ReLU → LRN → maxpool 2×2/2
 *             → dense 384 → ReLU → dropout (keep 0.5) → dense 192 → ReLU → dense 10
 * sizes:  32 → 27 → 13 → 8 → 4;  4·4·64 = 1024 → 384 → 192 → 10
 * ```
 *
 * - padding "valid", stride 1; ReLU after each convolution and hidden dense layer
 *   (Lasagne's default nonlinearity);
 * - LRN across channels with Lasagne's defaults n = 5, k = 2, α = 1e-4, β = 0.75,
 *   applied before the pooling, as that reading does;
 * - pooling 2×2, stride 2, an odd last row/column dropped (27 → 13);
 * - weights Glorot-uniform (Lasagne's default; a convolution's fans are C·K² and
 *   F·K²), biases 0;
 * - inverted dropout; its masks come from their own seeded stream (`dropoutSeed`),
 *   so a run is bit-identical given its settings on a given machine;
 * - inputs x/255 in [0, 1]. That reading also flips images horizontally at
 *   random; we do not augment (so the curves are not theirs to the digit).
 *
 * Internally the maps are NHWC (channels innermost) so that each convolution is
 * a matrix product over the patches (`im2col` + the `gemm` kernel, by blocks of
 * whole images: `ConvLayer`); the input arrives as `fillBatch` writes it,
 * channel planes (NCHW), and is transposed once. Each convolution's bias, ReLU,
 * LRN and pooling run as one WebAssembly pass per block, forward right after the
 * block's product and backward right before its products
 * (`lib/kernels/lrn_pool.ts`: only the pooled maps and one byte per pooled
 * value are kept; the backward pass recomputes the rest; s^(−3/4) is computed
 * in float32 as 1/(√s·√√s)), so β must be 0.75. Flattening takes the 4×4×64
 * maps in that NHWC order. The flat parameter vector
 * is `[W1, b1, W2, b2, W3, b3, W4, b4, W5, b5]`, convolution weights stored
 * (K·K·C) × F with patch index (ky·K + kx)·C + c, dense weights inputs × outputs:
 * 623,946 parameters for 3 channels (619,338 for 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cifarnet } from "./cifarnet.ts";
 * const model = cifarnet();
 * assert.equal(model.inputs, 3 * 32 * 32);
 * assert.equal(model.size, 623_946);
 * ```
 *
 * @module
 */
import { countCorrect, softmaxCrossEntropy } from "../kernels/softmax_cross_entropy.ts";
import { reluBackward } from "../kernels/relu.ts";
import { Rng } from "../random/rng.ts";
import { type BlockHook, ConvLayer } from "./conv.ts";
import { denseBackward, denseForward } from "./_dense.ts";
import { applyMask, drawMask } from "./dropout.ts";
import { checkBatch, checkSize, layOut, viewsOf } from "./_layout.ts";
import { fillUniform, glorotUniformBound } from "./init.ts";
import { LRN_DEFAULTS, type LrnParams } from "./lrn.ts";
import { reluLrnPool, reluLrnPoolBackward } from "../kernels/lrn_pool.ts";
import type { Model } from "./types.ts";

/** Sizes and choices of {@link cifarnet}; the defaults are the paper's network on CIFAR-10. */
export interface CifarnetOptions {
  /** Input channels (default 3; 1 for the Fashion-MNIST stand-in). */
  channels?: number;
  /** Input side in pixels (default 32). */
  size?: number;
  /** Filters of each convolution (default 64). */
  filters?: number;
  /** Kernel side of each convolution (default 6). */
  kernel?: number;
  /** The two hidden dense layers (default [384, 192]). */
  hidden?: readonly [number, number];
  /** Classes (default 10). */
  classes?: number;
  /** Dropout keep probability after the first dense layer (default 0.5; 1: no dropout). */
  keep?: number;
  /** Local response normalisation (default {@link LRN_DEFAULTS}; β must be 0.75). */
  lrn?: LrnParams;
  /** Seed of the dropout masks' stream (default 0). */
  dropoutSeed?: number;
}

/** Images per forward pass when evaluating (bounds the im2col buffers). */
const EVAL_CHUNK = 128;

/** The network as a {@link Model}; see the module documentation. */
export function cifarnet(opts: CifarnetOptions = {}): Model {
  const channels = opts.channels ?? 3;
  const side = opts.size ?? 32;
  const filters = opts.filters ?? 64;
  const kernel = opts.kernel ?? 6;
  const [h3, h4] = opts.hidden ?? [384, 192];
  const classes = opts.classes ?? 10;
  const keep = opts.keep ?? 0.5;
  const lrnP = opts.lrn ?? LRN_DEFAULTS;
  if (lrnP.beta !== 0.75) throw new RangeError(`cifarnet: LRN β must be 0.75, got ${lrnP.beta}`);
  const rng = new Rng(opts.dropoutSeed ?? 0);
  const name = "cifarnet";
  const inputs = channels * side * side;
  const conv1 = new ConvLayer({ height: side, width: side, channels, kernel, filters });
  const s1 = conv1.outHeight >> 1; // side after the first pooling
  const conv2 = new ConvLayer({ height: s1, width: s1, channels: filters, kernel, filters });
  const s2 = conv2.outHeight >> 1;
  const flat = s2 * s2 * filters;
  if (s2 < 1) throw new RangeError(`${name}: ${side}×${side} inputs are too small`);
  const { layout, size } = layOut([
    ["W1", [conv1.patch, filters]],
    ["b1", [filters]],
    ["W2", [conv2.patch, filters]],
    ["b2", [filters]],
    ["W3", [flat, h3]],
    ["b3", [h3]],
    ["W4", [h3, h4]],
    ["b4", [h4]],
    ["W5", [h4, classes]],
    ["b5", [classes]],
  ]);
  // Scratch, grown to the largest batch seen.
  let cap = 0;
  let xh: Float32Array = new Float32Array(0), p1 = xh, p2 = xh;
  let a3 = xh, a4 = xh, z = xh, mask = xh, d4 = xh, d3 = xh, dflat = xh;
  let codes1 = new Uint8Array(0), codes2 = codes1;
  let z1: Float32Array = xh, z2: Float32Array = xh;

  const biasSums = new Float64Array(filters);

  /** The fused bias → ReLU → LRN → pool pass on each block of `conv`'s output. */
  function pool(conv: ConvLayer, b: Float32Array, out: Float32Array, codes: Uint8Array): BlockHook {
    const per = (conv.outHeight >> 1) * (conv.outWidth >> 1) * filters;
    return (zb, b0, nb) =>
      reluLrnPool(zb, b, shape(nb, conv), lrnP, out.subarray(b0 * per), codes.subarray(b0 * per));
  }

  /**
   * Its backward pass, block by block, from the gradient of the pooled maps `dout`;
   * the bias's gradient is left in {@link biasSums} (float64, zeroed here).
   */
  function unpool(
    conv: ConvLayer,
    b: Float32Array,
    z: Float32Array,
    dout: Float32Array,
    codes: Uint8Array,
  ): BlockHook {
    const per = (conv.outHeight >> 1) * (conv.outWidth >> 1) * filters;
    biasSums.fill(0);
    return (dzb, b0, nb) =>
      reluLrnPoolBackward(
        dout.subarray(b0 * per),
        codes.subarray(b0 * per),
        z.subarray(b0 * conv.outputSize),
        b,
        shape(nb, conv),
        lrnP,
        dzb,
        biasSums,
      );
  }

  function grow(n: number) {
    if (n <= cap) return;
    cap = n;
    const f = (k: number) => new Float32Array(n * k);
    xh = f(inputs);
    p1 = f(s1 * s1 * filters);
    [p2, dflat] = [f(flat), f(flat)];
    [a3, mask, d3, a4, d4, z] = [f(h3), f(h3), f(h3), f(h4), f(h4), f(classes)];
    codes1 = new Uint8Array(n * s1 * s1 * filters);
    codes2 = new Uint8Array(n * flat);
  }

  /** Logits of `n` images; with `train`, dropout masks are drawn and applied. */
  function forward(params: Float32Array, x: Float32Array, n: number, train: boolean) {
    grow(n);
    const p = viewsOf(layout, params);
    toNhwc(x, n, channels, side * side, xh);
    z1 = conv1.forward(xh, n, p.W1!, null, pool(conv1, p.b1!, p1, codes1));
    z2 = conv2.forward(p1, n, p.W2!, null, pool(conv2, p.b2!, p2, codes2));
    denseForward(p2.subarray(0, n * flat), p.W3!, p.b3!, n, a3, true);
    if (train && keep < 1) {
      drawMask(rng, keep, mask, n * h3);
      applyMask(a3, mask, n * h3);
    }
    denseForward(a3.subarray(0, n * h3), p.W4!, p.b4!, n, a4, true);
    denseForward(a4.subarray(0, n * h4), p.W5!, p.b5!, n, z);
    return z;
  }

  function init(rng: Rng, scheme = "glorot"): Float32Array {
    if (scheme !== "glorot") {
      throw new RangeError(`${name}: unknown init scheme "${scheme}", expected "glorot"`);
    }
    const params = new Float32Array(size);
    const p = viewsOf(layout, params);
    const k2 = kernel * kernel;
    fillUniform(p.W1!, glorotUniformBound(channels * k2, filters * k2), rng);
    fillUniform(p.W2!, glorotUniformBound(filters * k2, filters * k2), rng);
    fillUniform(p.W3!, glorotUniformBound(flat, h3), rng);
    fillUniform(p.W4!, glorotUniformBound(h3, h4), rng);
    fillUniform(p.W5!, glorotUniformBound(h4, classes), rng);
    return params;
  }

  return {
    name,
    size,
    inputs,
    classes,
    layout,
    schemes: ["glorot"],
    init,
    views: (params) => viewsOf(layout, params),
    lossAndGrad(params, x, y, batch, grad): number {
      checkSize("params", params, size, name);
      checkSize("grad", grad, size, name);
      checkBatch(x, y, batch, inputs, name);
      const dz = forward(params, x, batch, true);
      const loss = softmaxCrossEntropy(dz, y, batch, classes, dz);
      const p = viewsOf(layout, params);
      const g = viewsOf(layout, grad);
      const n = batch;
      denseBackward(a4.subarray(0, n * h4), p.W5!, dz, n, g.W5!, g.b5!, d4);
      reluBackward(d4, a4, n * h4);
      denseBackward(a3.subarray(0, n * h3), p.W4!, d4, n, g.W4!, g.b4!, d3);
      if (keep < 1) applyMask(d3, mask, n * h3);
      reluBackward(d3, a3, n * h3);
      denseBackward(p2.subarray(0, n * flat), p.W3!, d3, n, g.W3!, g.b3!, dflat);
      const dp = conv2.backward(unpool(conv2, p.b2!, z2, dflat, codes2), p.W2!, g.W2!, null)!;
      g.b2!.set(biasSums);
      conv1.backward(unpool(conv1, p.b1!, z1, dp, codes1), p.W1!, g.W1!, null, false);
      g.b1!.set(biasSums);
      return loss;
    },
    evaluate(params, x, y, n) {
      checkSize("params", params, size, name);
      checkBatch(x, y, n, inputs, name);
      let loss = 0, correct = 0;
      for (let lo = 0; lo < n; lo += EVAL_CHUNK) {
        const m = Math.min(EVAL_CHUNK, n - lo);
        const logits = forward(params, x.subarray(lo * inputs, (lo + m) * inputs), m, false);
        const ys = y.subarray(lo, lo + m);
        loss += softmaxCrossEntropy(logits, ys, m, classes) * m;
        correct += countCorrect(logits, ys, m, classes);
      }
      return { loss: loss / n, accuracy: correct / n };
    },
  };
}

/** The NHWC shape of a convolution's output for `n` images. */
function shape(n: number, conv: ConvLayer) {
  return { batch: n, height: conv.outHeight, width: conv.outWidth, channels: conv.sizes.filters };
}

/** NCHW (channel planes, as `fillBatch` writes them) to NHWC. */
function toNhwc(x: Float32Array, n: number, c: number, plane: number, out: Float32Array) {
  if (c === 1) {
    out.set(x.subarray(0, n * plane));
    return;
  }
  for (let b = 0; b < n; b++) {
    const base = b * c * plane;
    for (let ch = 0; ch < c; ch++) {
      const src = base + ch * plane;
      for (let q = 0; q < plane; q++) out[base + q * c + ch] = x[src + q]!;
    }
  }
}
