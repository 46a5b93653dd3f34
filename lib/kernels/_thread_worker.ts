/**
 * A helper thread of `threads.ts`: instantiates the kernels module over the
 * shared memory it is handed, says it is ready, then loops: sleep in
 * `Atomics.wait` until the main thread posts work, run its kernel calls, store
 * the work's number as done. It never posts a message and never returns to its
 * event loop until told to stop; layout in `_thread_protocol.ts`.
 *
 * @module
 */
import { workerData } from "node:worker_threads";
import {
  CALL_INTS,
  COUNT,
  DONE,
  ERROR,
  FIRST,
  READY,
  SEQ,
  SLOT,
  STOP,
} from "./_thread_protocol.ts";

interface Setup {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  slot: number;
  names: string[];
}

const { module, memory, control: all, slot, names } = workerData as Setup;
const control = all.subarray(slot, slot + SLOT);
const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
const fns = names.map((n) => exports[n] as (...args: number[]) => unknown);
const args: number[][] = Array.from({ length: 13 }, (_, n) => new Array(n).fill(0));

/** Spins this many times on SEQ before sleeping: work often follows work within microseconds. */
const SPIN = 2_000;

Atomics.store(control, READY, 1);
Atomics.notify(control, READY);
let seen = 0;
for (;;) {
  let seq = Atomics.load(control, SEQ);
  for (let spins = 0; seq === seen; seq = Atomics.load(control, SEQ)) {
    if (++spins > SPIN) Atomics.wait(control, SEQ, seen);
  }
  if (seq === STOP) break;
  seen = seq;
  try {
    const count = control[COUNT]!;
    for (let i = 0; i < count; i++) {
      const at = FIRST + i * CALL_INTS;
      const a = args[control[at + 1]!]!;
      for (let j = 0; j < a.length; j++) a[j] = control[at + 2 + j]!;
      fns[control[at]!]!(...a);
    }
  } catch {
    Atomics.store(control, ERROR, 1);
  }
  Atomics.store(control, DONE, seq);
  Atomics.notify(control, DONE);
}
