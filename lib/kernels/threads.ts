/**
 * Helper threads for the kernels: T − 1 long-lived workers (`_thread_worker.ts`)
 * that instantiate the same kernels module (`_wasm.ts`) over the same shared
 * memory, so that a product can be split into disjoint blocks of C, one per
 * thread, with no copy. The main thread posts each helper a list of kernel calls
 * (export name and integer arguments) in a small shared control block, wakes it
 * with `Atomics.notify`, runs its own block, then waits for the helpers' done
 * flags. Nothing else crosses threads: no messages, no promises, so a product
 * stays a synchronous call.
 *
 * Because each block of C is computed by the same kernel instructions in the
 * same order whichever thread runs it, results do not depend on the thread
 * count: `gemm` and `spmm` give the same bits with 1, 2 or 8 threads.
 *
 * The helpers are `node:worker_threads` workers, unref'd: they never keep the
 * process alive, even while parked in `Atomics.wait`. They start on the first
 * product big enough to split; until one has instantiated the module (some tens
 * of milliseconds) products simply run on fewer threads. {@link startThreads}
 * waits for them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { setThreads, threads } from "./threads.ts";
 * const before = threads();
 * setThreads(1); // every product on the calling thread
 * assert.equal(threads(), 1);
 * setThreads(before);
 * ```
 *
 * @module
 */
import { Worker } from "node:worker_threads";
import { kernelsMemory, kernelsModule } from "./_wasm.ts";
import {
  CALL_INTS,
  CALLS,
  COUNT,
  DONE,
  ERROR,
  FIRST,
  kernelNames,
  MAX_ARGS,
  READY,
  SEQ,
  SLOT,
  STOP,
} from "./_thread_protocol.ts";

/** The most threads {@link setThreads} accepts. */
export const MAX_THREADS = 64;

/**
 * The default thread count: the machine's logical cores, at most 2 (the most
 * this project has measured; {@link setThreads} allows more).
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
}

/** One kernel call for a helper: an export of the kernels module and its integer arguments. */
export interface KernelCall {
  /** The export's name, e.g. `"gemm"`. */
  readonly fn: string;
  /** Its arguments (at most 12 integers: byte addresses, strides, counts). */
  readonly args: readonly number[];
}

let wanted = defaultThreads();
const names = kernelNames(WebAssembly.Module.exports(kernelsModule));
const control = new Int32Array(new SharedArrayBuffer(4 * SLOT * MAX_THREADS));
const workers: (Worker | undefined)[] = [];
/** Helpers posted to since the last {@link join}. */
let posted = 0;

/** The thread count products use (the calling thread included); see {@link setThreads}. */
export function threads(): number {
  return wanted;
}

/**
 * Products large enough to pay will be split over `n` threads: the calling one
 * and n − 1 helpers (started on demand; surplus ones are stopped). Results are
 * the same bits for every n. Inside the training grid's workers, which already
 * use one core each, it is 1.
 *
 * @throws {RangeError} unless 1 ≤ n ≤ {@link MAX_THREADS} is an integer
 */
export function setThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new RangeError(`setThreads: n must be an integer in 1 … ${MAX_THREADS}, got ${n}`);
  }
  wanted = n;
  for (let h = n - 1; h < workers.length; h++) stop(h);
  workers.length = Math.min(workers.length, n - 1);
}

function slot(h: number): number {
  return h * SLOT;
}

function stop(h: number): void {
  const w = workers[h];
  if (w === undefined) return;
  const s = slot(h);
  Atomics.store(control, s + SEQ, STOP);
  Atomics.notify(control, s + SEQ);
  w.terminate();
  workers[h] = undefined;
  Atomics.store(control, s + READY, 0);
  Atomics.store(control, s + DONE, 0);
}

function spawn(h: number): void {
  const s = slot(h);
  Atomics.store(control, s + SEQ, 0);
  Atomics.store(control, s + DONE, 0);
  Atomics.store(control, s + READY, 0);
  try {
    const w = new Worker(new URL("./_thread_worker.ts", import.meta.url), {
      workerData: { module: kernelsModule, memory: kernelsMemory, control, slot: s, names },
    });
    w.unref();
    workers[h] = w;
  } catch (e) {
    // No workers here (e.g. no permission): products stay on one thread.
    wanted = 1;
    console.warn(`lib/kernels: no helper threads (${(e as Error).message}); using 1 thread`);
  }
}

/**
 * How many threads a product may use now, at most `units` (its independent
 * blocks): {@link threads}, less helpers not yet ready. Starts missing helpers.
 */
export function available(units: number): number {
  const t = Math.min(wanted, units);
  let ready = 1;
  for (let h = 0; h < t - 1; h++) {
    if (workers[h] === undefined) spawn(h);
    if (Atomics.load(control, slot(h) + READY) === 1) ready++;
    else break;
  }
  return ready;
}

/**
 * Blocks until the helpers of {@link threads} have started (at most
 * `timeoutMs` ms), so that the next products split; returns how many threads
 * are ready, the calling one included.
 */
export function startThreads(timeoutMs = 10_000): number {
  available(wanted);
  const until = performance.now() + timeoutMs;
  for (let h = 0; h < wanted - 1; h++) {
    const at = slot(h) + READY;
    while (Atomics.load(control, at) === 0 && workers[h] !== undefined) {
      const left = until - performance.now();
      if (left <= 0) return available(wanted);
      Atomics.wait(control, at, 0, Math.min(left, 50));
    }
  }
  return available(wanted);
}

/** Sequence number of the last work posted to each helper. */
const seqs = new Int32Array(MAX_THREADS);

/**
 * Starts `calls` on helper `h` (0-based; the calling thread is not one), which
 * must be ready (see {@link available}); {@link join} waits for it.
 */
export function post(h: number, calls: readonly KernelCall[]): void {
  if (calls.length > CALLS) throw new RangeError(`post: at most ${CALLS} calls`);
  const s = slot(h);
  control[s + COUNT] = calls.length;
  calls.forEach((call, i) => {
    const at = s + FIRST + i * CALL_INTS;
    const fn = names.indexOf(call.fn);
    if (fn < 0) throw new RangeError(`post: the kernels module exports no ${call.fn}`);
    if (call.args.length > MAX_ARGS) throw new RangeError(`post: ${call.fn}: too many arguments`);
    control[at] = fn;
    control[at + 1] = call.args.length;
    for (let a = 0; a < call.args.length; a++) control[at + 2 + a] = call.args[a]!;
  });
  const seq = seqs[h] = (seqs[h]! % 0x3fffffff) + 1;
  Atomics.store(control, s + SEQ, seq);
  Atomics.notify(control, s + SEQ);
  posted = Math.max(posted, h + 1);
  handedOut++;
}

let handedOut = 0;

/** How many pieces of work helpers have been handed so far (for tests: did a product split?). */
export function helperWork(): number {
  return handedOut;
}

/** Spins on a done flag this many times before sleeping in `Atomics.wait`. */
const SPIN = 20_000;

/**
 * Waits until every helper posted to since the last join has finished.
 *
 * @throws {Error} if a helper's kernel failed (a trap), or no helper answered for a minute
 */
export function join(): void {
  const n = posted;
  posted = 0;
  for (let h = 0; h < n; h++) {
    const at = slot(h) + DONE;
    const seq = seqs[h]!;
    let spins = 0;
    let waited = 0;
    while (Atomics.load(control, at) !== seq) {
      if (++spins < SPIN) continue;
      const t0 = performance.now();
      Atomics.wait(control, at, Atomics.load(control, at), 100);
      waited += performance.now() - t0;
      if (waited > 60_000) throw new Error(`lib/kernels: helper thread ${h + 1} did not answer`);
    }
    if (Atomics.load(control, slot(h) + ERROR) !== 0) {
      Atomics.store(control, slot(h) + ERROR, 0);
      throw new Error(`lib/kernels: a kernel failed on helper thread ${h + 1}`);
    }
  }
}

/**
 * Splits `units` independent blocks into `t` contiguous ranges as equal as can
 * be, the first ones one larger: range i is `[starts[i], starts[i + 1])`.
 */
export function splitRanges(units: number, t: number): number[] {
  const base = Math.floor(units / t);
  const extra = units % t;
  const starts = [0];
  for (let i = 0; i < t; i++) starts.push(starts[i]! + base + (i < extra ? 1 : 0));
  return starts;
}
