import assert from "node:assert/strict";
import {
  CALL_INTS,
  CHUNK,
  CLAIM64,
  CLOSED,
  CONTROL_BYTES,
  COUNT,
  ERROR,
  FINISHED,
  FIRST,
  MAX_ARGS,
  runJob,
  UNITS,
} from "./_thread_protocol.ts";

/** A control block holding one job of `units` blocks in chunks of `chunk`: f(10 + 3u, 7, s). */
function job(units: number, chunk: number) {
  const buffer = new SharedArrayBuffer(CONTROL_BYTES);
  const control = new Int32Array(buffer);
  control[UNITS] = units;
  control[CHUNK] = chunk;
  control[COUNT] = 1;
  control.set([0, 3, 2], FIRST); // export 0, 3 arguments, the third takes the count
  control.set([10, 7, 0], FIRST + 3);
  control.set([3, 0, 0], FIRST + 3 + MAX_ARGS);
  return { control, claim: new BigInt64Array(buffer) };
}

Deno.test("runJob: chunks cover every block once, with affine arguments and the count", () => {
  const { control, claim } = job(10, 4);
  claim[CLAIM64] = 5n << 32n;
  const calls: number[][] = [];
  assert.equal(runJob(control, claim, [(...a: number[]) => calls.push(a)], 5), 10);
  assert.deepEqual(calls, [[10, 7, 4], [22, 7, 4], [34, 7, 2]]); // blocks 0–3, 4–7, 8–9
  assert.equal(control[FINISHED], 10);
  assert.equal(CALL_INTS, 3 + 2 * MAX_ARGS);
});

Deno.test("runJob: under another job's number, or a closed claim word, nothing is claimed", () => {
  // A helper still in job 5's loop, reading job 6's descriptor (50 blocks) while the
  // main thread posts it: job 5's claim word (all 5 blocks claimed) must be closed first.
  const { control, claim } = job(50, 7);
  const calls: number[][] = [];
  const kernel = (...a: number[]) => calls.push(a);
  claim[CLAIM64] = CLOSED;
  assert.equal(runJob(control, claim, [kernel], 5), 0);
  claim[CLAIM64] = (6n << 32n) | 0n; // job 6 opened
  assert.equal(runJob(control, claim, [kernel], 5), 0);
  assert.deepEqual(calls, []);
  assert.equal(control[FINISHED], 0);
  // What closing prevents: job 5's claim word left open past its 5 blocks.
  claim[CLAIM64] = (5n << 32n) | 5n;
  assert.equal(runJob(control, claim, [kernel], 5), 45);
});

Deno.test("runJob: a kernel that throws still counts its blocks and marks the job", () => {
  const { control, claim } = job(3, 2);
  claim[CLAIM64] = 9n << 32n;
  assert.equal(
    runJob(control, claim, [() => {
      throw new Error("trap");
    }], 9),
    3,
  );
  assert.equal(control[FINISHED], 3);
  assert.equal(control[ERROR], 9);
});
