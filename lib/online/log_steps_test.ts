import assert from "node:assert/strict";
import { logSpacedSteps } from "./log_steps.ts";

Deno.test("logSpacedSteps keeps every step of a short run", () => {
  assert.deepEqual(logSpacedSteps(5, 10), [1, 2, 3, 4, 5]);
});

Deno.test("logSpacedSteps of 10^8 steps: sorted, distinct, from 1 to T, about `points` long", () => {
  const s = logSpacedSteps(1e8, 400);
  assert.equal(s[0], 1);
  assert.equal(s[s.length - 1], 1e8);
  assert.ok(s.length <= 401 && s.length > 300, `length ${s.length}`);
  for (let i = 1; i < s.length; i++) assert.ok(s[i]! > s[i - 1]!);
});

Deno.test("logSpacedSteps rejects a bad T", () => {
  assert.throws(() => logSpacedSteps(0), RangeError);
  assert.throws(() => logSpacedSteps(2.5), RangeError);
});
