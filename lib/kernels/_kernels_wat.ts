/**
 * The WebAssembly text of lib/kernels' module: the dense micro-kernel
 * (`_gemm_wat.ts`), the sparse kernels (`_spmm_wat.ts`) and the convolutional
 * network's layer kernels (`_layers_wat.ts`), one module over one imported
 * memory (`env.memory`, made by `_wasm.ts`), in two builds: over a shared
 * memory, so that the helper threads of `threads.ts` instantiate the same
 * module over the same memory, and over a private one for one thread. `deno
 * task wasm` assembles them into `_kernels_wasm.ts` and
 * `_kernels_private_wasm.ts`; a new kernel's functions go into `kernelsWat`
 * (then run `deno task wasm`).
 *
 * @module
 */
import { GEMM_FUNC } from "./_gemm_wat.ts";
import { SPMM_FUNCS } from "./_spmm_wat.ts";
import { LAYERS_FUNCS } from "./_layers_wat.ts";

/** The imported memory: 1 to 65536 pages of 64 KiB (`_wasm.ts` makes it). */
export const KERNELS_MEMORY = { initial: 1, maximum: 65536 } as const;

/** The module's text over a shared or a private memory (it uses relaxed SIMD, `relaxed_madd`). */
function kernelsWat(shared: boolean): string {
  return `(module
  (import "env" "memory" (memory ${KERNELS_MEMORY.initial} ${KERNELS_MEMORY.maximum}${
    shared ? " shared" : ""
  }))
  ${GEMM_FUNC} ${SPMM_FUNCS} ${LAYERS_FUNCS})`;
}

/** The module's text over a shared memory (for more than one thread). */
export const KERNELS_WAT: string = kernelsWat(true);

/** The same text over a private memory (one thread; see `_wasm.ts` for why). */
export const KERNELS_PRIVATE_WAT: string = kernelsWat(false);
