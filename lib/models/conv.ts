/**
 * A convolution layer ("valid", stride 1, square kernel) on NHWC images, as
 * matrix products over the batch's patches (`im2col`, then the `gemm` kernel):
 *
 * ```
 * forward:   Z = cols(X)·W + 1·bᵀ              W: (K·K·C) × F,  Z: (B·OH·OW) × F
 * backward:  ∂L/∂W = cols(X)ᵀ·∂L/∂Z,  ∂L/∂b = Σ_rows ∂L/∂Z,
 *            ∂L/∂X = col2im(∂L/∂Z·Wᵀ)
 * ```
 *
 * Z is the output in NHWC (B × OH × OW × F) directly. Every product runs over
 * a block of whole images, about {@link GRADIENT_ROWS} rows of `cols`, so that
 * the block's patches (or their gradient) stay in cache between im2col and its
 * product: `cols` is never formed for the whole batch, and the backward pass
 * forms each block's patches again from a copy of X (CIFARNET's second
 * convolution: 75 MB of patches that are no longer written and read back). The
 * bias may be left to the caller (CIFARNET adds it, and sums its gradient, in
 * its fused ReLU → LRN → pool kernel).
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

/**
 * Work on one block of images [b0, b0 + nb) of a batch: `z` holds their rows
 * (nb·OH·OW × F) of the convolution's output, or receives their gradient.
 */
export type BlockHook = (z: Float32Array, b0: number, nb: number) => void;

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
  /** Images per block: ⌊GRADIENT_ROWS / (OH·OW)⌋, at least 1. */
  readonly blockImages: number;
  #x = new Float32Array(0);
  #cols = new Float32Array(0);
  #out = new Float32Array(0);
  #dx = new Float32Array(0);
  #dz = new Float32Array(0);
  #batch = 0;

  /** A layer of the given sizes (throws a RangeError when the kernel does not fit). */
  constructor(sizes: ConvSizes) {
    this.sizes = sizes;
    const { outHeight, outWidth } = convOutputSize({ batch: 1, ...sizes });
    this.outHeight = outHeight;
    this.outWidth = outWidth;
    this.patch = sizes.kernel * sizes.kernel * sizes.channels;
    this.blockImages = Math.max(1, Math.floor(GRADIENT_ROWS / (outHeight * outWidth)));
    this.#cols = new Float32Array(this.blockImages * outHeight * outWidth * this.patch);
    this.#x = this.#cols.subarray(0, 0);
  }

  /** Output values per image: OH·OW·F. */
  get outputSize(): number {
    return this.outHeight * this.outWidth * this.sizes.filters;
  }

  /** Values per input image: H·W·C. */
  get #image(): number {
    return this.sizes.height * this.sizes.width * this.sizes.channels;
  }

  /** Fills the patch buffer with images [b0, b0 + nb) of the kept input; returns its rows. */
  #patches(b0: number, nb: number): number {
    const x = this.#x.subarray(b0 * this.#image, (b0 + nb) * this.#image);
    im2col(x, { batch: nb, ...this.sizes }, this.#cols);
    return nb * this.outHeight * this.outWidth;
  }

  /**
   * Z = cols(X)·W + b for `batch` NHWC images `x`; returns Z (a buffer the layer
   * owns, valid until its next forward pass). With `b` null the bias is left for
   * the caller to add. `then`, if given, runs on each block of Z (images
   * [b0, b0 + nb)) right after its product, while it is in cache (CIFARNET's
   * fused bias → ReLU → LRN → pool pass). The layer keeps a copy of `x` for the
   * backward pass.
   */
  forward(
    x: Float32Array,
    batch: number,
    w: Float32Array,
    b: Float32Array | null,
    then?: BlockHook,
  ): Float32Array {
    const f = this.sizes.filters;
    const rows = batch * this.outHeight * this.outWidth;
    if (this.#out.length < rows * f) this.#out = new Float32Array(rows * f);
    if (this.#x.length < batch * this.#image) {
      // the input copy and the patches in one buffer, so that im2col moves each run
      // with copyWithin (no allocation)
      const patches = this.#cols.length;
      const both = new Float32Array(batch * this.#image + patches);
      this.#x = both.subarray(0, batch * this.#image);
      this.#cols = both.subarray(batch * this.#image);
    }
    this.#x.set(x.subarray(0, batch * this.#image));
    for (let b0 = 0; b0 < batch; b0 += this.blockImages) {
      const nb = Math.min(this.blockImages, batch - b0);
      const m = this.#patches(b0, nb);
      const lo = b0 * this.outHeight * this.outWidth;
      const out = this.#out.subarray(lo * f, (lo + m) * f);
      matmul(m, this.patch, f, this.#cols, w, out, b ? { bias: b } : {});
      then?.(out, b0, nb);
    }
    this.#batch = batch;
    return this.#out.subarray(0, rows * f);
  }

  /**
   * From ∂L/∂Z of the last forward pass: writes ∂L/∂W into `gw`, ∂L/∂b into `gb`
   * (unless null: a caller that sums it itself), and returns ∂L/∂X (NHWC, a
   * buffer the layer owns) unless `inputGradient` is false (the first layer needs
   * none). ∂L/∂Z is either an array, or a {@link BlockHook} that writes each
   * block's ∂L/∂Z into the array it is given, just before the block's products
   * read it (then `gb` must be null). ∂L/∂W sums the blocks' products in order;
   * each image's rows of ∂L/∂cols only reach its own pixels, so ∂L/∂X is exact
   * block by block.
   */
  backward(
    dz: Float32Array | BlockHook,
    w: Float32Array,
    gw: Float32Array,
    gb: Float32Array | null,
    inputGradient = true,
  ): Float32Array | null {
    const batch = this.#batch;
    const pixels = this.outHeight * this.outWidth;
    const f = this.sizes.filters;
    if (typeof dz === "function") {
      if (gb) throw new TypeError("ConvLayer.backward: a gradient source sums the bias itself");
      const most = this.blockImages * pixels * f;
      if (this.#dz.length < most) this.#dz = new Float32Array(most);
    } else if (gb) columnSums(dz, batch * pixels, f, gb);
    if (inputGradient && this.#dx.length < batch * this.#image) {
      this.#dx = new Float32Array(batch * this.#image);
    }
    for (let b0 = 0; b0 < batch; b0 += this.blockImages) {
      const nb = Math.min(this.blockImages, batch - b0);
      let block: Float32Array;
      if (typeof dz === "function") dz(block = this.#dz.subarray(0, nb * pixels * f), b0, nb);
      else block = dz.subarray(b0 * pixels * f, (b0 + nb) * pixels * f);
      const m = this.#patches(b0, nb);
      matmulTN(this.patch, m, f, this.#cols, block, gw, { accumulate: b0 > 0 });
      if (!inputGradient) continue;
      matmulNT(m, f, this.patch, block, w, this.#cols); // ∂L/∂cols of the block, over its patches
      col2im(this.#cols, { batch: nb, ...this.sizes }, this.#dx.subarray(b0 * this.#image));
    }
    return inputGradient ? this.#dx.subarray(0, batch * this.#image) : null;
  }
}

/**
 * Rows of the patch matrix per block (whole images: 8 of CIFARNET's second
 * convolution, 1 of its first). One product over all B·OH·OW rows streams far
 * more than the caches hold (9–10 GFLOP/s measured here for the weight
 * gradient); blocks of 512 rows run at 20–27 GFLOP/s. Measured here at batch 128,
 * best of 5 (OpenBLAS / WebAssembly products): im2col + forward product 30 / 91
 * ms blocked against 39 / 90 whole (second convolution), 17 / 45 against 23 / 55
 * (first); ∂L/∂X product + col2im 30 / 56 against 42 / 75.
 */
const GRADIENT_ROWS = 512;
