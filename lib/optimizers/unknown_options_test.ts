/**
 * Options an optimizer does not understand are refused, not ignored: a misspelt
 * name, another library's name, an option of a different method, or a value of
 * the wrong type. The error lists the names the optimizer does take.
 *
 * @module
 */
import assert from "node:assert/strict";
import { adam, adamw, amsgrad, byName, OPTIMIZERS, sgd } from "./mod.ts";
import { OPTION_NAMES } from "./_options.ts";

const untyped = (o: Record<string, unknown>) => o as never;

Deno.test("a misspelt or foreign option name is a RangeError listing the valid names", () => {
  assert.throws(
    () => amsgrad(untyped({ beta_1: 0.5 })),
    (e: unknown) =>
      e instanceof RangeError && /unknown option "beta_1" for AMSGrad/.test(e.message) &&
      /alpha, arithmetic, beta1, beta1Schedule, beta2,/.test(e.message),
  );
  assert.throws(() => adam(untyped({ lr: 0.1 })), /unknown option "lr" for Adam; its options are/);
  assert.throws(() => sgd(untyped({ beta1: 0.9 })), /unknown option "beta1" for SGD/);
  assert.throws(() => adam(untyped({ amsgrad: true })), /unknown option "amsgrad" for Adam/);
});

Deno.test("every optimizer refuses an unknown name and accepts each of its own as undefined", () => {
  for (const [key, make] of Object.entries(OPTIMIZERS)) {
    assert.throws(() => make({ bogus: 1 }), /unknown option "bogus"/, key);
    const names: readonly string[] = OPTION_NAMES[key as keyof typeof OPTION_NAMES];
    assert.doesNotThrow(() => make(Object.fromEntries(names.map((n) => [n, undefined]))), key);
  }
});

Deno.test("a flag that is not a boolean is refused", () => {
  assert.throws(() => adamw(untyped({ amsgrad: "yes" })), /amsgrad must be true or false/);
  assert.throws(() => sgd(untyped({ momentum: 0.9, nesterov: 1 })), /nesterov must be/);
  assert.equal(adamw({ amsgrad: true }).name, "AMSGradW");
});

Deno.test("byName passes each optimizer its own options and refuses names none takes", () => {
  const a = byName("sgd", { alpha: 0.1, beta1: 0.5 });
  assert.equal(a.spec.alpha(1), 0.1);
  assert.equal(byName("adam", { beta1: 0.5 }).spec.name, "Adam");
  assert.throws(() => byName("adam", { lr: 0.1 }), /unknown option "lr"/);
  assert.throws(() => byName("sgd", { beta_1: 0.1 }), /unknown option "beta_1"/);
});
