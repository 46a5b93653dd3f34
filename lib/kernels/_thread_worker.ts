/**
 * A helper thread of `threads.ts`: instantiates the kernels module over the
 * shared memory it is handed, says it is ready, then loops: sleep in
 * `Atomics.wait` until the main thread posts a job, claim and run chunks of it
 * (`runJob` of `_thread_protocol.ts`, the main thread's own loop) when the job
 * wants this many helpers, sleep again. It never posts a message and never
 * returns to its event loop; it is unref'd, so it ends with the process.
 *
 * @module
 */
import { workerData } from "node:worker_threads";
import {
  HELPERS,
  kernelsOf,
  READY,
  READY_STRIDE,
  runJob,
  SEQ,
  SPIN_US,
} from "./_thread_protocol.ts";

interface Setup {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  helper: number;
  names: string[];
}

const { module, memory, control, helper, names } = workerData as Setup;
const claim = new BigInt64Array(control.buffer);
const fns = kernelsOf(new WebAssembly.Instance(module, { env: { memory } }), names);

const ready = READY + READY_STRIDE * helper;
Atomics.store(control, ready, 1);
Atomics.notify(control, ready);
let seen = Atomics.load(control, SEQ);
for (;;) {
  let seq = Atomics.load(control, SEQ);
  // Spin a while before sleeping: see `spin` in threads.ts.
  const until = performance.now() + Atomics.load(control, SPIN_US) / 1000;
  for (let spins = 0; seq === seen; seq = Atomics.load(control, SEQ)) {
    if ((++spins & 255) === 0 && performance.now() > until) Atomics.wait(control, SEQ, seen);
  }
  seen = seq;
  if (helper < Atomics.load(control, HELPERS)) runJob(control, claim, fns, seq);
}
