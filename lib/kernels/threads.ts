/**
 * Helper threads for the kernels: T − 1 long-lived workers (`_thread_worker.ts`)
 * that instantiate the same kernels module (`_wasm.ts`) over the same shared
 * memory, so that a product is split into disjoint blocks of C with no copy.
 * {@link runParallel} posts a job (the kernel calls of one block, and how their
 * arguments move from block to block) in a small shared control block, wakes
 * the helpers with `Atomics.notify`, and claims chunks of blocks itself as the
 * helpers do, until none is left (`_thread_protocol.ts`); then it waits for the
 * chunks the helpers hold. No messages, no promises: a product stays a
 * synchronous call, and a helper that is slow to wake (a busy machine) just
 * gets fewer chunks.
 *
 * Each block of C is computed by the same kernel instructions in the same order
 * whichever thread claims it, so results do not depend on the thread count:
 * `gemm` and `spmm` give the same bits with 1, 2 or 8 threads, and from run to
 * run.
 *
 * The helpers are `node:worker_threads` workers, unref'd: they never keep the
 * process alive, even while parked in `Atomics.wait`, and they open nothing
 * that `Deno.test`'s sanitizers track. They start on the first product big
 * enough to split; until one has instantiated the module (some tens of
 * milliseconds) products run on fewer threads. {@link startThreads} waits for
 * them.
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
import {
  currentInstance,
  kernelsInstance,
  kernelsMemory,
  kernelsModule,
  sharedMemoryInUse,
  useSharedMemory,
} from "./_wasm.ts";
import {
  CALL_INTS,
  CALLS,
  CHUNK,
  CLAIM64,
  CLOSED,
  CONTROL_BYTES,
  COUNT,
  ERROR,
  FINISHED,
  FIRST,
  HELPERS,
  type Kernel,
  kernelNames,
  kernelsOf,
  MAX_ARGS,
  MAX_HELPERS,
  READY,
  READY_STRIDE,
  runJob,
  SEQ,
  SPIN_US,
  UNITS,
} from "./_thread_protocol.ts";

/** The most threads {@link setThreads} accepts (the calling one and 63 helpers). */
export const MAX_THREADS = MAX_HELPERS + 1;

/**
 * The default thread count: the machine's logical cores, at most 2 (the most
 * this project has measured; {@link setThreads} allows more).
 */
export function defaultThreads(): number {
  return Math.max(1, Math.min(2, navigator.hardwareConcurrency || 1));
}

/**
 * One kernel call of a job: for blocks u … u + s − 1 the thread that claims them
 * calls `fn(args[0] + u·deltas[0], …)` with argument `countArg` set to s.
 */
export interface KernelCall {
  /** The export's name, e.g. `"gemm"`. */
  readonly fn: string;
  /** Its arguments for block 0 (at most 12 integers: byte addresses, strides, counts). */
  readonly args: readonly number[];
  /** How much each argument grows per block (missing: 0). */
  readonly deltas: readonly number[];
  /** The argument that takes the number of blocks (−1: none). */
  readonly countArg: number;
}

let wanted = defaultThreads();
useSharedMemory(wanted > 1);
const names = kernelNames(WebAssembly.Module.exports(kernelsModule));
/** The shared build's kernels (what every thread of a split job runs). */
const fns = kernelsOf(kernelsInstance, names);
/** The calling thread's kernels for a job it runs alone, by instance (shared or private). */
const aloneFns = new Map<WebAssembly.Instance, Kernel[]>([[kernelsInstance, fns]]);
function fnsAlone(): Kernel[] {
  const instance = currentInstance();
  let f = aloneFns.get(instance);
  if (f === undefined) aloneFns.set(instance, f = kernelsOf(instance, names));
  return f;
}
const buffer = new SharedArrayBuffer(CONTROL_BYTES);
const control = new Int32Array(buffer);
const claim = new BigInt64Array(buffer);
const workers: (Worker | undefined)[] = [];
let seq = 0;
let handedOut = 0;

/** The thread count products use (the calling thread included); see {@link setThreads}. */
export function threads(): number {
  return wanted;
}

/**
 * Products large enough to pay will be split over `n` threads: the calling one
 * and n − 1 helpers (started on demand; after a lower n, the surplus ones stay
 * parked in `Atomics.wait`, costing nothing). Results are the same bits for
 * every n. The training grid's workers, which already use one
 * core each, set 1.
 *
 * @throws {RangeError} unless n is an integer in 1 … {@link MAX_THREADS}
 */
export function setThreads(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > MAX_THREADS) {
    throw new RangeError(`setThreads: n must be an integer in 1 … ${MAX_THREADS}, got ${n}`);
  }
  wanted = n;
  // One thread works on a private memory, faster to copy into (see `_wasm.ts`).
  useSharedMemory(n > 1);
}

const WORKER_URL = new URL("./_thread_worker.ts", import.meta.url);

/** Why helpers cannot start here (no permission to read their module), or "" when they can. */
function cannotSpawn(): string {
  if (WORKER_URL.protocol !== "file:") return "";
  const state = Deno.permissions.querySync({ name: "read", path: WORKER_URL });
  return state.state === "granted" ? "" : `no read permission for ${WORKER_URL.pathname}`;
}

function spawn(h: number): void {
  Atomics.store(control, READY + READY_STRIDE * h, 0);
  let why = cannotSpawn();
  if (why === "") {
    try {
      const w = new Worker(WORKER_URL, {
        workerData: { module: kernelsModule, memory: kernelsMemory, control, helper: h, names },
      });
      w.unref();
      workers[h] = w;
      return;
    } catch (e) {
      why = (e as Error).message;
    }
  }
  wanted = 1;
  console.warn(`lib/kernels: no helper threads (${why}); products run on 1 thread`);
}

/**
 * How many threads a job of `units` blocks may use now: {@link threads}, at
 * most `units`, less helpers not yet ready. Starts missing helpers.
 */
export function available(units: number): number {
  if (!sharedMemoryInUse()) return 1;
  const t = Math.min(wanted, units);
  let ready = 1;
  for (let h = 0; h < t - 1; h++) {
    if (workers[h] === undefined) spawn(h);
    if (Atomics.load(control, READY + READY_STRIDE * h) === 1) ready++;
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
  for (let h = 0; h < wanted - 1 && workers[h] !== undefined; h++) {
    const at = READY + READY_STRIDE * h;
    while (Atomics.load(control, at) === 0 && performance.now() < until) {
      Atomics.wait(control, at, 0, 50);
    }
  }
  return available(wanted);
}

/** How many jobs helpers have been woken for so far (for tests: did a product split?). */
export function helperJobs(): number {
  return handedOut;
}

let helped = 0;

/** How many blocks of C helpers have computed so far (for tests: did they take part?). */
export function helperBlocks(): number {
  return helped;
}

/**
 * Spin-then-sleep, as OpenMP's and OpenBLAS's threads do: after a job a helper
 * spins `helperUs` µs before it sleeps in `Atomics.wait` (the products of a
 * training step come tens to hundreds of microseconds apart, and waking a
 * sleeping thread can take longer than a small product); the calling thread
 * spins `mainSpins` loads on the finished count before it sleeps. Measured on
 * the dense-input MLP step on 2 threads, all settings interleaved (this busy
 * 2-core machine; medians of 60 trials, 3 runs): helpers spinning 0 µs
 * 1.04–1.07 ms, 250 µs 0.93–0.97 ms, 1000 µs 0.92–0.93 ms (1 thread:
 * 1.14 ms); the calling thread spinning 20 000 loads rather than 500 saved
 * another 0.02–0.03 ms.
 */
const spin = { helperUs: 250, mainSpins: 20_000 } as const;
Atomics.store(control, SPIN_US, spin.helperUs); // the helpers read it there

/**
 * Runs `calls` on blocks 0 … units − 1 (see {@link KernelCall}) over `t`
 * threads (from {@link available}; 1 runs them here, in one go), in chunks of
 * about units / 4t blocks. Returns when every block is done.
 *
 * @throws {Error} if a kernel trapped (on any thread), or no block finished for a minute
 */
export function runParallel(units: number, calls: readonly KernelCall[], t: number): void {
  if (calls.length > CALLS) throw new RangeError(`runParallel: at most ${CALLS} calls`);
  if (units <= 0) return;
  // Close the claim word first: a helper still in the last job's loop may read
  // this job's descriptor, and must then find no block to claim under the last
  // job's number (it would claim past that job's end).
  Atomics.store(claim, CLAIM64, CLOSED);
  calls.forEach((call, i) => {
    const at = FIRST + i * CALL_INTS;
    const fn = names.indexOf(call.fn);
    if (fn < 0) throw new RangeError(`runParallel: the kernels module exports no ${call.fn}`);
    if (call.args.length > MAX_ARGS) throw new RangeError(`runParallel: ${call.fn}: > 12 args`);
    control[at] = fn;
    control[at + 1] = call.args.length;
    control[at + 2] = call.countArg;
    for (let j = 0; j < MAX_ARGS; j++) {
      control[at + 3 + j] = call.args[j] ?? 0;
      control[at + 3 + MAX_ARGS + j] = call.deltas[j] ?? 0;
    }
  });
  control[UNITS] = units;
  control[CHUNK] = t === 1 ? units : Math.max(1, Math.ceil(units / (4 * t)));
  control[COUNT] = calls.length;
  control[HELPERS] = t - 1;
  Atomics.store(control, FINISHED, 0);
  seq = (seq % 0x7ffffffe) + 1;
  Atomics.store(claim, CLAIM64, BigInt(seq) << 32n);
  Atomics.store(control, SEQ, seq);
  if (t > 1) {
    Atomics.notify(control, SEQ); // all: a parked surplus helper (h ≥ t − 1) goes back to sleep
    handedOut++;
  }
  const ran = runJob(control, claim, t > 1 ? fns : fnsAlone(), seq);
  let spins = 0;
  let last = -1;
  let since = 0;
  for (let done = Atomics.load(control, FINISHED); done !== units;) {
    if (++spins > spin.mainSpins) {
      Atomics.wait(control, FINISHED, done, 100);
      if (done !== last) [last, since] = [done, performance.now()];
      else if (performance.now() - since > 60_000) {
        throw new Error("lib/kernels: a helper thread held blocks for a minute");
      }
    }
    done = Atomics.load(control, FINISHED);
  }
  helped += units - ran;
  if (Atomics.load(control, ERROR) === seq) {
    throw new Error(`lib/kernels: ${calls.map((c) => c.fn).join(", ")} trapped (out of bounds?)`);
  }
}
