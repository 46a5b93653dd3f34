import assert from "node:assert/strict";
import { NonFiniteGradientError } from "./errors.ts";

Deno.test("NonFiniteGradientError: carries the step, coordinate and value, and says so", () => {
  const e = new NonFiniteGradientError(12, 3, -Infinity);
  assert.ok(e instanceof Error);
  assert.equal(e.name, "NonFiniteGradientError");
  assert.deepEqual([e.step, e.coordinate, e.value], [12, 3, -Infinity]);
  assert.equal(
    e.message,
    "non-finite gradient at step 12, coordinate 3: -Infinity " +
      "(expected a finite number; the optimizer state was left unchanged)",
  );
});
