/**
 * A convolution layer ("valid", stride 1, square kernel) on NHWC images, as one
 * matrix product over the batch's patches (`im2col`, then the `gemm` kernel):
 *
 * ```
 * forward:   Z = cols(X)·W + 1·bᵀ              W: (K·K·C) × F,  Z: (B·OH·OW) × F
 * backward:  ∂L/∂W = cols(X)ᵀ·∂L/∂Z,  ∂L/∂b = Σ_rows ∂L/∂Z,
 *            ∂L/∂X = col2im(∂L/∂Z·Wᵀ)      (a block of images at a time)
 * ```
 *
 * Z is the output in NHWC (B × OH × OW × F) directly. The layer keeps its
 * `cols` buffer from the forward pass for the weight gradient. The bias may be
 * left to the caller (CIFARNET adds it, and sums its gradient, in its fused
 * ReLU → LRN → pool kernel).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ConvLayer } from "./conv.ts";
 * // a 2×2 kernel of ones summing each 2×2 window of a 3×3 image, bias 1
 * const conv = new ConvLayer({ height: 3, width: 3, channels: 1, kernel: 2, filters: 1 });
 * const out = conv.forward(
 *   new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]), 1, new Float32Array([1, 1, 1, 1]),
 *   new Float32Array([1]),
 * );
 * assert.deepEqual(Array.from(out), [13, 17, 25, 29]);
 * ```
 *
 * @module
 */
import { columnSums } from "../kernels/column_sums.ts";
import { matmul, matmulNT, matmulTN } from "../kernels/gemm.ts";
import { col2im, convOutputSize, im2col } from "../kernels/im2col.ts";

/** The sizes of a {@link ConvLayer}. */
export interface ConvSizes {
  /** Input rows. */
  height: number;
  /** Input columns. */
  width: number;
  /** Input channels C. */
  channels: number;
  /** Kernel side K. */
  kernel: number;
  /** Output channels F (filters). */
  filters: number;
}

/** A valid, stride-1 convolution with its scratch buffers; see the module documentation. */
export class ConvLayer {
  /** The sizes it was built with. */
  readonly sizes: ConvSizes;
  /** Output rows H − K + 1. */
  readonly outHeight: number;
  /** Output columns W − K + 1. */
  readonly outWidth: number;
  /** Rows of W: K·K·C. */
  readonly patch: number;
  #cols = new Float32Array(0);
  #dcols = new Float32Array(0);
  #out = new Float32Array(0);
  #dx = new Float32Array(0);
  #batch = 0;

  /** A layer of the given sizes (throws a RangeError when the kernel does not fit). */
  constructor(sizes: ConvSizes) {
    this.sizes = sizes;
    const { outHeight, outWidth } = convOutputSize({ batch: 1, ...sizes });
    this.outHeight = outHeight;
    this.outWidth = outWidth;
    this.patch = sizes.kernel * sizes.kernel * sizes.channels;
  }

  /** Output values per image: OH·OW·F. */
  get outputSize(): number {
    return this.outHeight * this.outWidth * this.sizes.filters;
  }

  /**
   * Z = cols(X)·W + b for `batch` NHWC images `x`; returns Z (a buffer the layer
   * owns, valid until its next forward pass). With `b` null the bias is left for
   * the caller to add (CIFARNET adds it in its fused ReLU → LRN → pool pass).
   */
  forward(x: Float32Array, batch: number, w: Float32Array, b: Float32Array | null): Float32Array {
    const rows = batch * this.outHeight * this.outWidth;
    if (this.#cols.length < rows * this.patch) this.#cols = new Float32Array(rows * this.patch);
    if (this.#out.length < rows * this.sizes.filters) {
      this.#out = new Float32Array(rows * this.sizes.filters);
    }
    im2col(x, { batch, ...this.sizes }, this.#cols);
    matmul(rows, this.patch, this.sizes.filters, this.#cols, w, this.#out, b ? { bias: b } : {});
    this.#batch = batch;
    return this.#out.subarray(0, rows * this.sizes.filters);
  }

  /**
   * From ∂L/∂Z (`dz`, of the last forward pass): writes ∂L/∂W into `gw`, ∂L/∂b
   * into `gb` (unless null: a caller that summed it already), and returns ∂L/∂X
   * (NHWC, a buffer the layer owns) unless `inputGradient` is false (the first
   * layer needs none).
   */
  backward(
    dz: Float32Array,
    w: Float32Array,
    gw: Float32Array,
    gb: Float32Array | null,
    inputGradient = true,
  ): Float32Array | null {
    const batch = this.#batch;
    const rows = batch * this.outHeight * this.outWidth;
    const f = this.sizes.filters;
    weightGradient(this.patch, rows, f, this.#cols, dz, gw);
    if (gb) columnSums(dz, rows, f, gb);
    if (!inputGradient) return null;
    // ∂L/∂X a few images at a time: each image's rows of ∂L/∂cols only reach its
    // own pixels, so the product and col2im run block by block while the block
    // is in cache, and every element sums the same terms in the same order.
    const pixels = this.outHeight * this.outWidth;
    const image = this.sizes.height * this.sizes.width * this.sizes.channels;
    const per = Math.max(1, Math.floor(GRADIENT_ROWS / pixels));
    const most = Math.min(per, batch) * pixels * this.patch;
    if (this.#dcols.length < most) this.#dcols = new Float32Array(most);
    if (this.#dx.length < batch * image) this.#dx = new Float32Array(batch * image);
    for (let b0 = 0; b0 < batch; b0 += per) {
      const nb = Math.min(per, batch - b0);
      const block = dz.subarray(b0 * pixels * f, (b0 + nb) * pixels * f);
      matmulNT(nb * pixels, f, this.patch, block, w, this.#dcols);
      col2im(this.#dcols, { batch: nb, ...this.sizes }, this.#dx.subarray(b0 * image));
    }
    return this.#dx.subarray(0, batch * image);
  }
}

/**
 * Rows of the patch matrix per product in the weight gradient. One product over
 * all B·OH·OW rows streams far more than the caches hold (9–10 GFLOP/s measured
 * here); summing products over blocks of 512 rows runs at 20–27 GFLOP/s. The
 * input gradient goes by whole images of about as many rows (CIFARNET's second
 * convolution: 8 images, 512 rows; ∂L/∂X product and col2im 30 ms against 42 ms
 * on OpenBLAS, 56 against 75 ms on the WebAssembly product, measured here).
 */
const GRADIENT_ROWS = 512;

/** ∂L/∂W = colsᵀ·dZ, as a sum over blocks of {@link GRADIENT_ROWS} rows (a fixed order). */
function weightGradient(
  patch: number,
  rows: number,
  filters: number,
  cols: Float32Array,
  dz: Float32Array,
  gw: Float32Array,
): void {
  for (let lo = 0; lo < rows; lo += GRADIENT_ROWS) {
    const m = Math.min(GRADIENT_ROWS, rows - lo);
    const a = cols.subarray(lo * patch, (lo + m) * patch);
    const b = dz.subarray(lo * filters, (lo + m) * filters);
    matmulTN(patch, m, filters, a, b, gw, { accumulate: lo > 0 });
  }
}
