/**
 * Every WebAssembly module of the library, one entry each: where its text comes
 * from and where `deno task wasm` writes its bytes. To add a kernel, put its
 * functions into an existing module's text (e.g. `lib/kernels/_kernels_wat.ts`),
 * or add one entry here for a new module, then run `deno task wasm` and commit
 * the generated file; `tools/wasm_test.ts` fails while any is stale.
 *
 * @module
 */
import { FLOAT32_WAT } from "../../lib/framework/_float32_wat.ts";
import { KERNELS_PRIVATE_WAT, KERNELS_WAT } from "../../lib/kernels/_kernels_wat.ts";

/** One module: its text, which extra features it may use, and its generated file. */
export interface WasmModule {
  /** A short name, used in messages and as the text's file name for the assembler. */
  readonly name: string;
  /** The WebAssembly text. */
  readonly wat: string;
  /** Whether the relaxed SIMD instructions are allowed. */
  readonly relaxed: boolean;
  /** Whether shared memories (and atomics) are allowed: the threads proposal. */
  readonly threads: boolean;
  /** The TypeScript file that holds the bytes, relative to the repository root. */
  readonly target: string;
  /** The name of the base64 constant exported by `target`. */
  readonly constant: string;
  /** The text's source file, named in the generated file's header. */
  readonly source: string;
}

/** Every module, in the order they are built. */
export const MODULES: readonly WasmModule[] = [
  {
    name: "float32",
    wat: FLOAT32_WAT,
    relaxed: false,
    threads: false,
    target: "lib/framework/_float32_wasm.ts",
    constant: "FLOAT32_WASM_BASE64",
    source: "_float32_wat.ts",
  },
  {
    name: "kernels",
    wat: KERNELS_WAT,
    relaxed: true,
    threads: true,
    target: "lib/kernels/_kernels_wasm.ts",
    constant: "KERNELS_WASM_BASE64",
    source: "_kernels_wat.ts",
  },
  {
    name: "kernels-private",
    wat: KERNELS_PRIVATE_WAT,
    relaxed: true,
    threads: false,
    target: "lib/kernels/_kernels_private_wasm.ts",
    constant: "KERNELS_PRIVATE_WASM_BASE64",
    source: "_kernels_wat.ts",
  },
];
