/**
 * The WebAssembly text of lib/kernels' module: the dense micro-kernel
 * (`_gemm_wat.ts`), the sparse kernels (`_spmm_wat.ts`) and the convolutional
 * network's layer kernels (`_layers_wat.ts`), one module over one imported
 * shared memory (`env.memory`, made by `_wasm.ts`, so that the helper threads
 * of `threads.ts` instantiate the same module over the same memory). `deno task
 * wasm` assembles it into `_kernels_wasm.ts`; a new kernel's functions go into
 * {@link KERNELS_WAT} (then run `deno task wasm`).
 *
 * @module
 */
import { GEMM_FUNC } from "./_gemm_wat.ts";
import { SPMM_FUNCS } from "./_spmm_wat.ts";
import { LAYERS_FUNCS } from "./_layers_wat.ts";

/** The imported memory: shared, 1 to 65536 pages of 64 KiB (`_wasm.ts` makes it). */
export const KERNELS_MEMORY = { initial: 1, maximum: 65536 } as const;

/** The module's text (it uses relaxed SIMD, `relaxed_madd`, and a shared memory). */
export const KERNELS_WAT = `(module
  (import "env" "memory" (memory ${KERNELS_MEMORY.initial} ${KERNELS_MEMORY.maximum} shared))
  ${GEMM_FUNC} ${SPMM_FUNCS} ${LAYERS_FUNCS})`;
