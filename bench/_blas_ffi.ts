/**
 * The system BLAS through Deno's FFI, for the bench only: `cblas_sgemm` from
 * Debian's OpenBLAS (`libopenblas0-pthread`), pinned to one thread, to measure
 * what the "system BLAS" route would give against our WebAssembly product. The
 * library does not use it: its results would depend on the BLAS build and the
 * CPU's kernels, not only on the machine's WebAssembly engine.
 *
 * @module
 */

const ROW_MAJOR = 101;
const NO_TRANS = 111;

/** A loaded BLAS: C = A·B (row-major, float32) and its file. */
export interface SystemBlas {
  /** The shared library that was opened. */
  library: string;
  /** C (m×n) = A (m×k) · B (k×n), row-major, by `cblas_sgemm`. */
  sgemm(m: number, k: number, n: number, a: Float32Array, b: Float32Array, c: Float32Array): void;
  /** Unloads the library. */
  close(): void;
}

/** Opens the first BLAS that loads, or returns the reason none did. */
export function openSystemBlas(
  candidates = [
    "/usr/lib/x86_64-linux-gnu/libopenblas.so.0",
    "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
    "libopenblas.so.0",
  ],
): SystemBlas | string {
  const problems: string[] = [];
  for (const library of candidates) {
    try {
      const lib = Deno.dlopen(library, {
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
      lib.symbols.openblas_set_num_threads(1);
      return {
        library,
        sgemm(m, k, n, a, b, c) {
          lib.symbols.cblas_sgemm(
            ROW_MAJOR,
            NO_TRANS,
            NO_TRANS,
            m,
            n,
            k,
            1,
            a as Float32Array<ArrayBuffer>,
            k,
            b as Float32Array<ArrayBuffer>,
            n,
            0,
            c as Float32Array<ArrayBuffer>,
            n,
          );
        },
        close: () => lib.close(),
      };
    } catch (e) {
      problems.push(`${library}: ${(e as Error).message}`);
    }
  }
  return `no system OpenBLAS could be opened (${problems.join("; ")})`;
}
