/**
 * The WebAssembly side of the kernels: instantiates the module of the dense
 * micro-kernel, the sparse kernels and the layer kernels (text in
 * `_kernels_wat.ts`, bytes assembled by `deno task wasm`) at module load, and
 * lends its linear memory out as a scratch workspace. Everything that calls
 * into the module copies its operands into that workspace first, so no caller's
 * array ever has to live in it, and nothing is kept there between calls.
 *
 * The module comes in two builds of the same text, differing only in their
 * memory: over a shared memory ({@link kernelsModule}, {@link kernelsMemory}),
 * which the helper threads of `threads.ts` instantiate too, to run kernels on
 * disjoint parts of the workspace; and over a private one, for one thread.
 * Both compute the same bits. The private one exists for speed: V8 copies into
 * and out of a shared memory with relaxed atomic copies, about 2.5x slower
 * than an ordinary copy (400 KB: 11 µs against 4.3 µs), which made the MNIST
 * training steps about 15% slower on one thread. {@link useSharedMemory}
 * (called by `setThreads`) switches between them, rebinding the kernels
 * exported here (ES modules' live bindings: importers see the new ones). Only
 * this (the main) thread grows a memory, in {@link workspace}, and only while
 * no helper runs.
 *
 * @module
 */
import { KERNELS_WASM_BASE64 } from "./_kernels_wasm.ts";
import { KERNELS_PRIVATE_WASM_BASE64 } from "./_kernels_private_wasm.ts";
import { KERNELS_MEMORY } from "./_kernels_wat.ts";

const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

/** The compiled kernels module over a shared memory (its one import is `env.memory`). */
export const kernelsModule: WebAssembly.Module = new WebAssembly.Module(bytes(KERNELS_WASM_BASE64));
/** The shared workspace, for the helper threads. */
export const kernelsMemory: WebAssembly.Memory = new WebAssembly.Memory({
  ...KERNELS_MEMORY,
  shared: true,
});
/** This thread's instance of {@link kernelsModule}. */
export const kernelsInstance: WebAssembly.Instance = new WebAssembly.Instance(kernelsModule, {
  env: { memory: kernelsMemory },
});
const privateMemory = new WebAssembly.Memory({ ...KERNELS_MEMORY });
const privateInstance = new WebAssembly.Instance(
  new WebAssembly.Module(bytes(KERNELS_PRIVATE_WASM_BASE64)),
  { env: { memory: privateMemory } },
);

/** The micro-kernel; see `_gemm_wat.ts` for its arguments (byte addresses and strides). */
export type GemmKernel = (
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
export type CsrKernel = (
  x: number,
  m: number,
  k: number,
  rowPtr: number,
  colIdx: number,
  vals: number,
  cap: number,
) => number;

/** CSR of the transpose from a CSR; see `_spmm_wat.ts`. */
export type CsrTKernel = (
  rowPtr: number,
  colIdx: number,
  vals: number,
  m: number,
  k: number,
  tPtr: number,
  tIdx: number,
  tVals: number,
) => void;

const PAGE = 65536;
let memory = kernelsMemory;
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
export type LrnPoolKernel = (
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
export type LrnPoolBackKernel = (
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
export type Im2colKernel = (
  x: number,
  b: number,
  h: number,
  w: number,
  c: number,
  k: number,
  cols: number,
) => void;

/** The adjoint of {@link im2colKernel}: adds the runs of `dcols` onto `dx` (zeroed by the caller). */
export type Col2imKernel = Im2colKernel;

// ---------------------------------------------------------------------------
// The kernels of the instance in use, rebound by `useSharedMemory`.

/** The micro-kernel. */
export let gemmKernel: GemmKernel;
/** CSR of a dense matrix. */
export let csrKernel: CsrKernel;
/** CSR of the transpose from a CSR. */
export let csrTKernel: CsrTKernel;
/** The fused layer pass, forward. */
export let lrnPoolKernel: LrnPoolKernel;
/** The fused layer pass, backward. */
export let lrnPoolBackKernel: LrnPoolBackKernel;
/** im2col. */
export let im2colKernel: Im2colKernel;
/** col2im. */
export let col2imKernel: Col2imKernel;
let instance: WebAssembly.Instance;

/** The instance whose kernels are in use (for `threads.ts`: the calling thread's kernels). */
export function currentInstance(): WebAssembly.Instance {
  return instance;
}

/** Whether the kernels in use work on the shared memory (else on the private one). */
export function sharedMemoryInUse(): boolean {
  return instance === kernelsInstance;
}

/**
 * Puts the shared build's kernels in use (`shared`), or the private build's:
 * `setThreads` calls it, shared for more than one thread. Call it between
 * kernel calls only: the workspace's contents do not carry over (nothing is
 * kept there between calls).
 */
export function useSharedMemory(shared: boolean): void {
  instance = shared ? kernelsInstance : privateInstance;
  memory = shared ? kernelsMemory : privateMemory;
  const e = instance.exports;
  gemmKernel = e.gemm as GemmKernel;
  csrKernel = e.csr as CsrKernel;
  csrTKernel = e.csrT as CsrTKernel;
  lrnPoolKernel = e.lrnPool as LrnPoolKernel;
  lrnPoolBackKernel = e.lrnPoolBack as LrnPoolBackKernel;
  im2colKernel = e.im2col as Im2colKernel;
  col2imKernel = e.col2im as Col2imKernel;
  view = new Float32Array(memory.buffer);
  ints = new Int32Array(memory.buffer);
}
useSharedMemory(true);
