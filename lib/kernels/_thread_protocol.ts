/**
 * The layout of the control block shared by `threads.ts` (the main thread) and
 * `_thread_worker.ts` (each helper): one slot of {@link SLOT} 32-bit integers
 * per helper, read and written with `Atomics`.
 *
 * ```
 * slot[SEQ]    work number, bumped by the main thread to post work (STOP: exit)
 * slot[DONE]   the last work number the helper finished
 * slot[READY]  1 once the helper has instantiated the module
 * slot[ERROR]  1 if the helper's last work threw (a trap)
 * slot[COUNT]  how many calls the work has (≤ CALLS)
 * slot[FIRST + i·CALL_INTS ..]  call i: export index, argument count, arguments
 * ```
 *
 * @module
 */

export const SEQ = 0;
export const DONE = 1;
export const READY = 2;
export const ERROR = 3;
export const COUNT = 4;
export const FIRST = 5;
/** Most calls in one piece of work, and most arguments per call. */
export const CALLS = 2;
export const MAX_ARGS = 12;
export const CALL_INTS = 2 + MAX_ARGS;
/** Integers per helper: 32, so that two helpers' flags never share a 64-byte cache line. */
export const SLOT = 32;
/** The SEQ value that tells a helper to leave its loop. */
export const STOP = -1;

/** The module's function exports, in one order both sides agree on (sorted names). */
export function kernelNames(exports: WebAssembly.ModuleExportDescriptor[]): string[] {
  return exports.filter((e) => e.kind === "function").map((e) => e.name).sort();
}
