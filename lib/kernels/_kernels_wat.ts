/**
 * The WebAssembly text of lib/kernels' module: the dense micro-kernel
 * (`_gemm_wat.ts`) and the sparse kernels (`_spmm_wat.ts`), one module with one
 * exported memory. `deno task wasm` assembles it into `_kernels_wasm.ts`; a new
 * kernel's functions go into {@link KERNELS_WAT} (then run `deno task wasm`).
 *
 * @module
 */
import { GEMM_FUNC } from "./_gemm_wat.ts";
import { SPMM_FUNCS } from "./_spmm_wat.ts";
import { LAYERS_FUNCS } from "./_layers_wat.ts";

/** The module's text (it uses relaxed SIMD: `relaxed_madd`). */
export const KERNELS_WAT =
  `(module (memory (export "memory") 1) ${GEMM_FUNC} ${SPMM_FUNCS} ${LAYERS_FUNCS})`;
