import assert from "node:assert/strict";
import { beta, inClosed, nonNegative, oneOf, positive } from "./validate.ts";

Deno.test("validators return good values unchanged", () => {
  assert.equal(nonNegative("eps", 0), 0);
  assert.equal(positive("radius", 2), 2);
  assert.equal(beta("beta1", 0), 0);
  assert.equal(beta("beta1", 0.999), 0.999);
  assert.equal(inClosed("p", 0.5, 0, 0.5), 0.5);
  assert.equal(oneOf("variant", "paper", ["paper", "pytorch"]), "paper");
});

Deno.test("validators name the option, the range and the value", () => {
  const cases: [() => unknown, string][] = [
    [() => nonNegative("eps", -1), "eps must be a finite number ≥ 0, got -1"],
    [() => nonNegative("eps", NaN), "eps must be a finite number ≥ 0, got NaN"],
    [() => nonNegative("alpha", "0.1" as never), "alpha must be a finite number ≥ 0, got 0.1"],
    [() => positive("gamma", 0), "gamma must be a finite number > 0, got 0"],
    [() => beta("beta2", 1), "beta2 must be in [0, 1), got 1"],
    [() => beta("beta1", -0.01), "beta1 must be in [0, 1), got -0.01"],
    [() => beta("beta1", NaN), "beta1 must be in [0, 1), got NaN"],
    [() => inClosed("momentum", 1.5, 0, 1), "momentum must be in [0, 1], got 1.5"],
    [
      () => oneOf("variant", "tf" as string, ["paper", "pytorch"]),
      'variant must be one of "paper", "pytorch", got tf',
    ],
  ];
  for (const [f, message] of cases) assert.throws(f, { name: "RangeError", message });
});
