/**
 * The job that `threads.ts` (the main thread) shares with the helpers
 * (`_thread_worker.ts`), and the loop both sides run on it. A job is a range of
 * `units` independent blocks of C and up to {@link CALLS} kernel calls whose
 * arguments are affine in the block: blocks u … u + s − 1 are computed by
 *
 * ```
 * fn(args + u·deltas), with argument `countArg` set to s
 * ```
 *
 * Threads claim chunks of blocks from one counter until none is left, so a
 * thread that is slow to wake (a busy machine) just claims fewer; which thread
 * computes a block never changes its bits.
 *
 * Layout of the control block (32-bit integers, read and written with `Atomics`;
 * the 64-bit claim word at {@link CLAIM64} is the job's number ≪ 32 | next block):
 *
 * ```
 * [SEQ]       the job's number, bumped by the main thread to post one
 * [FINISHED]  blocks finished; the job is done when it reaches [UNITS]
 * [ERROR]     the number of a job in which a helper's kernel threw
 * [UNITS] [CHUNK] [COUNT]   blocks, blocks per claim, calls
 * [HELPERS]   how many helpers may take part (helpers 0 … HELPERS − 1)
 * [SPIN_US]   how long a helper spins after a job before it sleeps (µs)
 * [FIRST + i·CALL_INTS ..]  call i: export index, argument count, countArg, args, deltas
 * [READY + h·READY_STRIDE]  1 once helper h has instantiated the module
 * ```
 *
 * Posting a job, in this order: close the claim word ({@link CLOSED}), write
 * the descriptor, zero [FINISHED], open the claim word (job number ≪ 32 | 0),
 * store [SEQ], notify. A helper that reads a descriptor under an older job's
 * number can then claim nothing, and every claim of a job is counted in its own
 * [FINISHED] before the main thread, which waits for [FINISHED] = [UNITS],
 * posts the next one.
 *
 * @module
 */

export const SEQ = 0;
export const FINISHED = 1;
export const ERROR = 2;
export const UNITS = 3;
export const CHUNK = 4;
export const COUNT = 5;
export const HELPERS = 6;
export const SPIN_US = 7;
/** The claim word: index in a `BigInt64Array` over the same buffer (ints 8 and 9). */
export const CLAIM64 = 4;
/** The claim word between jobs: job number 0, which no job has (they start at 1). */
export const CLOSED = 0n;
/** The first call, on its own cache line away from the claim word. */
export const FIRST = 16;
/** Most calls in one job, and most arguments per call. */
export const CALLS = 2;
export const MAX_ARGS = 12;
export const CALL_INTS = 3 + 2 * MAX_ARGS;
/** Helpers' ready flags, each on its own 64-byte cache line. */
export const READY = 128;
export const READY_STRIDE = 16;
/** The most helpers. */
export const MAX_HELPERS = 63;
/** The control block's size in bytes. */
export const CONTROL_BYTES = 4 * (READY + READY_STRIDE * MAX_HELPERS);

/** The module's function exports, in one order both sides agree on (sorted names). */
export function kernelNames(exports: WebAssembly.ModuleExportDescriptor[]): string[] {
  return exports.filter((e) => e.kind === "function").map((e) => e.name).sort();
}

/** A kernel export, as both sides call it. */
export type Kernel = (...args: number[]) => unknown;

/** The kernels named `names` of an instance, in that order (a job names them by index). */
export function kernelsOf(instance: WebAssembly.Instance, names: readonly string[]): Kernel[] {
  return names.map((n) => instance.exports[n] as Kernel);
}

/**
 * Claims chunks of job `seq` and runs them until none is left (or the job is
 * no longer `seq`); returns how many blocks this thread ran. The same on both
 * sides. A kernel that throws still counts its blocks as finished (so no
 * thread waits forever) and marks the job in [ERROR].
 */
export function runJob(
  control: Int32Array,
  claim: BigInt64Array,
  fns: readonly Kernel[],
  seq: number,
): number {
  // The next job's descriptor may be read here: the main thread closes the claim
  // word before it writes one, so the claims below then fail (wrong job number).
  const units = Atomics.load(control, UNITS);
  const chunk = Atomics.load(control, CHUNK);
  const count = Atomics.load(control, COUNT);
  const tag = BigInt(seq) << 32n;
  let ran = 0;
  for (;;) {
    const w = Atomics.load(claim, CLAIM64);
    if ((w & ~0xffffffffn) !== tag) return ran;
    const u = Number(w & 0xffffffffn);
    if (u >= units) return ran;
    const s = Math.min(chunk, units - u);
    if (Atomics.compareExchange(claim, CLAIM64, w, w + BigInt(s)) !== w) continue;
    try {
      for (let i = 0; i < count; i++) {
        const at = FIRST + i * CALL_INTS;
        const n = control[at + 1]!;
        const countArg = control[at + 2]!;
        const args = new Array<number>(n);
        for (let j = 0; j < n; j++) {
          args[j] = control[at + 3 + j]! + u * control[at + 3 + MAX_ARGS + j]!;
        }
        if (countArg >= 0) args[countArg] = s;
        fns[control[at]!]!(...args);
      }
    } catch {
      Atomics.store(control, ERROR, seq);
    }
    ran += s;
    if (Atomics.add(control, FINISHED, s) + s === units) Atomics.notify(control, FINISHED);
  }
}
