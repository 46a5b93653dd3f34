/**
 * The WebAssembly side of the kernels: instantiates the module of the dense
 * micro-kernel and the sparse kernels (text in `_kernels_wat.ts`, bytes
 * assembled by `deno task wasm` into `_kernels_wasm.ts`) once, at module load,
 * and lends its linear memory out as a scratch workspace. Everything that calls
 * into the module copies its operands into that workspace first, so no caller's
 * array ever has to live in it.
 *
 * The memory is shared (a `SharedArrayBuffer` underneath): the helper threads of
 * `threads.ts` instantiate the same {@link kernelsModule} over the same
 * {@link kernelsMemory} and run kernels on disjoint parts of the workspace. Only
 * this (the main) thread grows it, in {@link workspace}, and only while no
 * helper runs.
 *
 * @module
 */
import { KERNELS_WASM_BASE64 } from "./_kernels_wasm.ts";
import { KERNELS_MEMORY } from "./_kernels_wat.ts";
import { SPMM_WIDTHS } from "./_spmm_wat.ts";

/** The compiled kernels module (its one import is `env.memory`, {@link kernelsMemory}). */
export const kernelsModule: WebAssembly.Module = new WebAssembly.Module(
  Uint8Array.from(atob(KERNELS_WASM_BASE64), (c) => c.charCodeAt(0)),
);
/** The workspace: the module's shared linear memory. */
export const kernelsMemory: WebAssembly.Memory = new WebAssembly.Memory({
  ...KERNELS_MEMORY,
  shared: true,
});
const memory = kernelsMemory;
/** This thread's instance of {@link kernelsModule}. */
export const kernelsInstance: WebAssembly.Instance = new WebAssembly.Instance(kernelsModule, {
  env: { memory },
});
const instance = kernelsInstance;

/** The micro-kernel; see `_gemm_wat.ts` for its arguments (byte addresses and strides). */
export const gemmKernel = instance.exports.gemm as (
  a: number,
  rsA: number,
  csA: number,
  b: number,
  rsB: number,
  panelB: number,
  k: number,
  c: number,
  ldc: number,
  mBlocks: number,
  nPanels: number,
) => void;

/** CSR of a dense row-major matrix; see `_spmm_wat.ts`. Returns nnz, or −1 past `cap`. */
export const csrKernel = instance.exports.csr as (
  x: number,
  m: number,
  k: number,
  rowPtr: number,
  colIdx: number,
  vals: number,
  cap: number,
) => number;

/** CSR of the transpose from a CSR; see `_spmm_wat.ts`. */
export const csrTKernel = instance.exports.csrT as (
  rowPtr: number,
  colIdx: number,
  vals: number,
  m: number,
  k: number,
  tPtr: number,
  tIdx: number,
  tVals: number,
) => void;

/** A sparse-times-dense kernel with panels of V f32x4 vectors; see `_spmm_wat.ts`. */
export type SpmmKernel = (
  rowPtr: number,
  colIdx: number,
  vals: number,
  m: number,
  b: number,
  rsB: number,
  c: number,
  ldc: number,
  nPanels: number,
  bias: number,
  hasBias: number,
  relu: number,
) => void;

/** `spmmKernels[V]` has panels of V vectors (V = 1 … 8; index 0 unused). */
export const spmmKernels: readonly SpmmKernel[] = [0, ...SPMM_WIDTHS].map((v) =>
  instance.exports[`spmm${v}`] as SpmmKernel
);

const PAGE = 65536;
let view = new Float32Array(memory.buffer);
let ints = new Int32Array(memory.buffer);

/**
 * The workspace as floats, grown to hold at least `floats` of them. Growing
 * replaces the buffer, so take the view again after every call.
 */
export function workspace(floats: number): Float32Array {
  const bytes = floats * 4;
  if (bytes > memory.buffer.byteLength) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  if (view.buffer !== memory.buffer) view = new Float32Array(memory.buffer);
  return view;
}

/** The workspace as 32-bit integers (same memory as {@link workspace}; call that first). */
export function workspaceInts(): Int32Array {
  if (ints.buffer !== memory.buffer) ints = new Int32Array(memory.buffer);
  return ints;
}

// ---------------------------------------------------------------------------
// The convolutional network's layer kernels (`_layers_wat.ts`); byte addresses
// into the same workspace.

/** ReLU with bias, LRN (β = 3/4) and 2×2 max-pooling, forward; see `_layers_wat.ts`. */
export const lrnPoolKernel = instance.exports.lrnPool as (
  z: number,
  bias: number,
  out: number,
  codes: number,
  scr: number,
  b: number,
  h: number,
  w: number,
  c: number,
  n: number,
  k: number,
  alpha: number,
) => void;

/**
 * The backward pass of {@link lrnPoolKernel}: ∂L/∂z written over z, its column
 * sums added to C doubles at `gb`; see `_layers_wat.ts`.
 */
export const lrnPoolBackKernel = instance.exports.lrnPoolBack as (
  z: number,
  bias: number,
  dp: number,
  codes: number,
  scr: number,
  b: number,
  h: number,
  w: number,
  c: number,
  n: number,
  k: number,
  alpha: number,
  coef: number,
  gb: number,
) => void;

/** im2col / col2im on NHWC images (src, B, H, W, C, K, dst); see `_layers_wat.ts`. */
export const im2colKernel = instance.exports.im2col as (
  x: number,
  b: number,
  h: number,
  w: number,
  c: number,
  k: number,
  cols: number,
) => void;

/** The adjoint of {@link im2colKernel}: adds the runs of `dcols` onto `dx` (zeroed by the caller). */
export const col2imKernel = instance.exports.col2im as typeof im2colKernel;
