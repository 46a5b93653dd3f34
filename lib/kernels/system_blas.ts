/**
 * The system BLAS through Deno's FFI: `cblas_sgemm` from Debian's OpenBLAS
 * (`libopenblas0-pthread`), pinned to one thread. An opt-in backend of
 * {@link gemm} (`useSystemBlas()`), never the default:
 *
 * - speed: OpenBLAS uses the CPU's widest vectors (AVX-512 here), where
 *   WebAssembly has 128-bit SIMD; it measured 2–2.6× our product on one core;
 * - determinism: with one thread OpenBLAS gives the same bits run after run on
 *   one machine, but its results depend on the library's version and the kernels
 *   it picks for the CPU, so two machines (or two Debian releases) may differ in
 *   the last bits. The WebAssembly product's results depend only on the machine's
 *   fused multiply-add (see `_gemm_wat.ts`). Golden and bit-identity tests run
 *   on the WebAssembly path.
 *
 * Needs `--allow-ffi` (`deno run -A`).
 *
 * @module
 */

const ROW_MAJOR = 101;
const NO_TRANS = 111;
const TRANS = 112;

/** A loaded BLAS: the row-major float32 product and the file it came from. */
export interface SystemBlas {
  /** The shared library that was opened. */
  readonly library: string;
  /**
   * C (m×n) = op(A)·op(B) + beta·C, row-major: A stored m×k (or k×m when
   * `transA`), B stored k×n (or n×k when `transB`), by `cblas_sgemm`.
   */
  sgemm(
    transA: boolean,
    transB: boolean,
    m: number,
    k: number,
    n: number,
    a: Float32Array,
    b: Float32Array,
    beta: number,
    c: Float32Array,
  ): void;
  /** Unloads the library. */
  close(): void;
}

/** Where Debian installs OpenBLAS (the pthread flavour first). */
export const OPENBLAS_PATHS: readonly string[] = [
  "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
  "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
  "/usr/lib/aarch64-linux-gnu/libopenblas.so.0",
  "libopenblas.so.0",
];

/**
 * Opens the first OpenBLAS that loads, set to one thread.
 *
 * @param candidates paths or names to try, in order
 * @returns the library, or a sentence saying why none loaded
 */
export function openSystemBlas(
  candidates: readonly string[] = OPENBLAS_PATHS,
): SystemBlas | string {
  const problems: string[] = [];
  for (const library of candidates) {
    let lib;
    try {
      lib = Deno.dlopen(library, {
        cblas_sgemm: {
          parameters: [
            "i32",
            "i32",
            "i32",
            "i32",
            "i32",
            "i32",
            "f32",
            "buffer",
            "i32",
            "buffer",
            "i32",
            "f32",
            "buffer",
            "i32",
          ],
          result: "void",
        },
        openblas_set_num_threads: { parameters: ["i32"], result: "void" },
      });
    } catch (e) {
      problems.push(`${library}: ${(e as Error).message}`);
      continue;
    }
    lib.symbols.openblas_set_num_threads(1);
    const f = lib.symbols.cblas_sgemm;
    return {
      library,
      sgemm(transA, transB, m, k, n, a, b, beta, c) {
        f(
          ROW_MAJOR,
          transA ? TRANS : NO_TRANS,
          transB ? TRANS : NO_TRANS,
          m,
          n,
          k,
          1,
          a as Float32Array<ArrayBuffer>,
          transA ? m : k,
          b as Float32Array<ArrayBuffer>,
          transB ? k : n,
          beta,
          c as Float32Array<ArrayBuffer>,
          n,
        );
      },
      close: () => lib.close(),
    };
  }
  return `no system OpenBLAS could be opened (${problems.join("; ")}); ` +
    "on Debian: apt-get install -y libopenblas0-pthread";
}
