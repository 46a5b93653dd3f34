/**
 * im2col and its adjoint for a "valid" convolution with stride 1 on images
 * stored NHWC (batch, row, column, channel), turning a convolution into one
 * matrix product:
 *
 * ```
 * cols[(b·OH + y)·OW + x, (ky·K + kx)·C + c] = X[b, y + ky, x + kx, c],   OH = H − K + 1
 * out = cols · W + 1·biasᵀ          W: (K·K·C) × F,  out: (B·OH·OW) × F = NHWC again
 * ```
 *
 * In NHWC the K·C values of one kernel row are contiguous in X, so each row of
 * `cols` is K contiguous copies. {@link col2im} adds a gradient of `cols` back
 * onto the image, in a fixed order (bit-deterministic).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { im2col } from "./im2col.ts";
 * // one 3×3 single-channel image, 2×2 kernel: four output pixels of four values
 * const x = new Float32Array([1, 2, 3, 4, 5, 6, 7, 8, 9]);
 * const cols = new Float32Array(16);
 * im2col(x, { batch: 1, height: 3, width: 3, channels: 1, kernel: 2 }, cols);
 * assert.deepEqual(Array.from(cols.subarray(0, 8)), [1, 2, 4, 5, 2, 3, 5, 6]);
 * ```
 *
 * @module
 */
import { col2imKernel, im2colKernel, workspace } from "./_wasm.ts";

/** The shape of a convolution's input and its square kernel. */
export interface ConvShape {
  /** Images in the batch. */
  batch: number;
  /** Rows per image. */
  height: number;
  /** Columns per image. */
  width: number;
  /** Channels per pixel (the innermost dimension). */
  channels: number;
  /** The kernel's side K (K × K). */
  kernel: number;
}

/** Rows and columns of the output of a valid, stride-1 convolution: H − K + 1, W − K + 1. */
export function convOutputSize(s: ConvShape): { outHeight: number; outWidth: number } {
  const outHeight = s.height - s.kernel + 1;
  const outWidth = s.width - s.kernel + 1;
  if (outHeight < 1 || outWidth < 1) {
    throw new RangeError(
      `a ${s.kernel}×${s.kernel} kernel does not fit a ${s.height}×${s.width} image`,
    );
  }
  return { outHeight, outWidth };
}

/** The workspace layout (floats): the source at 0, the destination after it, each with slack. */
function regions(s: ConvShape): { image: number; cols: number; end: number } {
  const { outHeight, outWidth } = convOutputSize(s);
  const image = s.batch * s.height * s.width * s.channels;
  const cols = s.batch * outHeight * outWidth * s.kernel * s.kernel * s.channels;
  const at = (image + 7) & ~3; // 3 floats of slack for the kernels' overrunning loads
  return { image, cols, end: at + cols + 4 };
}

/**
 * Fills `cols` ((B·OH·OW) × (K·K·C), row-major) from `x` (B × H × W × C): in
 * WebAssembly (runs of K·C floats copied four at a time), or for long runs one
 * `set` per run (see {@link SET_RUN}). Either way an exact copy.
 *
 * @param x the images, NHWC
 * @param s their shape and the kernel size
 * @param cols receives the patches, one row per output pixel
 */
export function im2col(x: Float32Array, s: ConvShape, cols: Float32Array): void {
  if (s.kernel * s.channels >= SET_RUN) return im2colBySet(x, s, cols);
  const r = regions(s);
  const at = r.end - r.cols - 4;
  const ws = workspace(r.end);
  ws.set(x.subarray(0, r.image), 0);
  im2colKernel(0, s.batch, s.height, s.width, s.channels, s.kernel, 4 * at);
  cols.set(ws.subarray(at, at + r.cols));
}

/**
 * Runs of at least this many floats are copied straight into `cols`, one
 * memmove each, instead of through the workspace (CIFARNET's second
 * convolution, runs of 6·64: 6–7 ms against 10–13 ms, measured here). When `x`
 * and `cols` are disjoint views of one buffer (as `ConvLayer` keeps them) each
 * run is a `copyWithin`, which allocates nothing (3.9 ms against 5.5 ms for
 * `set` on a `subarray` per run). Shorter runs (the first convolution's 6·3) go
 * through the WebAssembly kernel.
 */
const SET_RUN = 64;

/** {@link im2col} by one `copyWithin` (or `set`) per kernel row. */
function im2colBySet(x: Float32Array, s: ConvShape, cols: Float32Array): void {
  const { outHeight, outWidth } = convOutputSize(s);
  const { batch, height, width, channels: c, kernel: k } = s;
  const run = k * c;
  const xAt = x.byteOffset >> 2, colsAt = cols.byteOffset >> 2;
  const xEnd = xAt + batch * height * width * c;
  const colsEnd = colsAt + batch * outHeight * outWidth * k * run;
  const shared = x.buffer === cols.buffer && (xEnd <= colsAt || colsEnd <= xAt);
  const all = shared ? new Float32Array(x.buffer, 0, x.buffer.byteLength >> 2) : null;
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < outHeight; y++) {
      for (let xo = 0; xo < outWidth; xo++) {
        for (let ky = 0; ky < k; ky++) {
          const src = ((b * height + y + ky) * width + xo) * c;
          if (all) all.copyWithin(colsAt + o, xAt + src, xAt + src + run);
          else cols.set(x.subarray(src, src + run), o);
          o += run;
        }
      }
    }
  }
}

/**
 * The adjoint of {@link im2col}: `dx` = Σ over patches of their gradient rows
 * (`dx` is overwritten). Each element sums its contributions in the same order
 * every time (patch rows in ascending order, float32 additions).
 *
 * @param dcols the gradient of `cols`, (B·OH·OW) × (K·K·C)
 * @param s the input's shape and the kernel size
 * @param dx receives the gradient of the images, B × H × W × C
 */
export function col2im(dcols: Float32Array, s: ConvShape, dx: Float32Array): void {
  const r = regions(s);
  const at = r.end - r.cols - 4;
  const ws = workspace(r.end);
  ws.fill(0, 0, r.image);
  ws.set(dcols.subarray(0, r.cols), at);
  col2imKernel(4 * at, s.batch, s.height, s.width, s.channels, s.kernel, 0);
  dx.set(ws.subarray(0, r.image));
}
