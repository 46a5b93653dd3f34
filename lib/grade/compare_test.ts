import assert from "node:assert/strict";
import { close, describeDivergence, firstDivergence, show } from "./compare.ts";

const tol = { rel: 1e-9, abs: 1e-12 };
const pts = (...v: unknown[]) => v.map((value, i) => ({ label: `step ${i + 1}`, value }));

Deno.test("close: relative and absolute tolerance, NaN and infinities, non-numbers", () => {
  assert.ok(close(1, 1 + 5e-10, tol));
  assert.ok(!close(1, 1 + 5e-9, tol));
  assert.ok(close(0, 5e-13, tol), "absolute tolerance near 0");
  assert.ok(!close(0, 5e-12, tol));
  assert.ok(close(NaN, NaN, tol), "a mistake that also gives NaN matches");
  assert.ok(!close(NaN, 1, tol));
  assert.ok(close(Infinity, Infinity, tol));
  assert.ok(!close(Infinity, 1e308, tol));
  assert.ok(close(true, true, tol) && !close(true, false, tol));
  assert.ok(!close(undefined, 0, tol), "a missing return is not 0");
});

Deno.test("firstDivergence: the first index beyond tolerance, a shorter trace, or null", () => {
  assert.equal(firstDivergence(pts(1, 2, 3), pts(1, 2, 3), tol), null);
  assert.deepEqual(firstDivergence(pts(1, 2, 3), pts(1, 2.5, 4), tol), {
    index: 1,
    label: "step 2",
    expected: 2,
    actual: 2.5,
  });
  assert.deepEqual(firstDivergence(pts(1, 2), pts(1), tol)?.index, 1);
  assert.equal(firstDivergence(pts(1, 2), pts(1), tol)?.actual, undefined);
});

Deno.test("show and describeDivergence: 10 digits, missing returns, percentages", () => {
  assert.equal(show(0.1 + 0.2), "0.3");
  assert.equal(show(3), "3");
  assert.match(show(undefined), /return/);
  assert.equal(show(NaN), "NaN");
  assert.equal(
    describeDivergence({ index: 0, label: "step 2", expected: 2, actual: 1 }),
    "step 2: expected 2, got 1 (off by -1.0, 50%)",
  );
  assert.match(
    describeDivergence({ index: 0, label: "s", expected: 1, actual: 1 + 5e-9 }),
    /off by \+5\.0e-9, relative 5\.0e-9/,
  );
  assert.equal(
    describeDivergence({ index: 0, label: "s", expected: 1, actual: 1e6 }),
    "s: expected 1, got 1000000 (off by +1.0e+6)",
    "no percentage beyond 1000%",
  );
  assert.equal(
    describeDivergence({ index: 0, label: "s", expected: 1, actual: Infinity }),
    "s: expected 1, got Infinity",
  );
});
