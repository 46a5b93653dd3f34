import assert from "node:assert/strict";
import { logAxisTicks, logTickLabel, plainNumber } from "./ticks.ts";

Deno.test("plainNumber: decimals in [1e-3, 1e5), powers of ten outside, never SI prefixes", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [0.3, "0.3"],
    [0.001, "0.001"],
    [1500, "1,500"],
    [10_000_000, "10⁷"],
    [3e-4, "3×10⁻⁴"],
    [-0.5, "−0.5"],
    [0.1 + 0.2, "0.3"],
  ];
  for (const [x, label] of cases) assert.equal(plainNumber(x), label, `${x}`);
});

Deno.test("logTickLabel keeps 1, 2, 5 mantissas only", () => {
  assert.deepEqual([1, 2, 3, 5, 7, 10, 20].map(logTickLabel), ["1", "2", "", "5", "", "10", "20"]);
});

Deno.test("logAxisTicks: round, evenly spaced ticks inside a narrow log span; none for a wide one", () => {
  assert.deepEqual(logAxisTicks(0.16, 0.3), [0.16, 0.18, 0.2, 0.22, 0.24, 0.26, 0.28, 0.3]);
  assert.deepEqual(logAxisTicks(0.0061, 0.0142), [
    0.007,
    0.008,
    0.009,
    0.01,
    0.011,
    0.012,
    0.013,
    0.014,
  ]);
  assert.equal(logAxisTicks(0.01, 1), undefined);
  assert.equal(logAxisTicks(0, 1), undefined);
  assert.equal(logAxisTicks(Infinity, -Infinity), undefined);
});
