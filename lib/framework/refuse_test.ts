/**
 * What the generic step and `restoreState` refuse, each leaving the state as it
 * was: a step size that is not a finite number ≥ 0, a step that would make the
 * state non-finite, another optimizer's state, and a record that breaks the
 * state's invariants.
 *
 * @module
 */
import assert from "node:assert/strict";
import { adabelief, adagrad, adam, amsgrad, sgd } from "../optimizers/mod.ts";
import { NonFiniteStateError } from "./errors.ts";
import { restoreState, saveState, type StateJSON } from "./state.ts";
import type { Optimizer, State, Vec } from "./types.ts";

const snapshot = (s: State) => JSON.stringify(saveState(s));

type ArrayType = { from(a: ArrayLike<number>): Vec };

function stepped(opt: Optimizer, x: number[], Arr: ArrayType = Float64Array): State {
  const state = opt.init(Arr.from(x));
  opt.step(state, Arr.from(x.map((v) => v / 2)));
  return state;
}

Deno.test("a schedule that returns NaN, ∞ or a negative α_t is refused at that step", () => {
  for (const bad of [NaN, -0.1, Infinity]) {
    const opt = amsgrad({ alpha: 0.1, schedule: (t) => (t < 3 ? 0.1 : bad) });
    const state = stepped(opt, [1, 2]);
    opt.step(state, new Float64Array([1, 1]));
    const before = snapshot(state);
    assert.throws(
      () => opt.step(state, new Float64Array([1, 1])),
      (e: unknown) => e instanceof RangeError && e.message.includes(`step 3 is ${bad}`),
    );
    assert.equal(snapshot(state), before);
  }
});

Deno.test("a finite gradient that would overflow the state is refused, the state unchanged", () => {
  for (const Arr of [Float64Array, Float32Array] as ArrayType[]) {
    const huge = Arr === Float64Array ? 1e200 : 1e30;
    for (const make of [() => adam({ alpha: 0.1 }), () => adabelief(), () => adagrad()]) {
      const opt = make();
      const state = stepped(opt, [1, 2, 3], Arr);
      const before = snapshot(state);
      assert.throws(
        () => opt.step(state, Arr.from([0.5, huge, 1])),
        (e: unknown) =>
          e instanceof NonFiniteStateError && e.step === 2 && e.coordinate === 1 &&
          /step 2 would make \w+\[1\] non-finite/.test(e.message),
        `${opt.name} ${huge}`,
      );
      assert.equal(snapshot(state), before, `${opt.name} ${huge}`);
      opt.step(state, Arr.from([0.5, 1, 1])); // and it goes on
      assert.equal(state.t, 2);
    }
  }
  // The float32 arena (WebAssembly memory) too.
  const opt = amsgrad({ alpha: 0.1, arithmetic: "float32" });
  const state = stepped(opt, [1, 2, 3, 4, 5], Float32Array);
  const before = snapshot(state);
  assert.throws(() => opt.step(state, Float32Array.from([0, 0, 0, 0, 1e30])), NonFiniteStateError);
  assert.equal(snapshot(state), before);
  // A huge gradient that overflows nothing is stepped: SGD has no square.
  const plain = sgd({ alpha: 1e-300 });
  const s = plain.init(new Float64Array([1]));
  plain.step(s, new Float64Array([1e200]));
  assert.equal(s.x[0], 1 - 1e-100);
});

Deno.test("stepping another optimizer's state is a TypeError before anything moves", () => {
  const state = stepped(sgd({ momentum: 0.9 }), [1, 2]);
  const before = snapshot(state);
  assert.throws(() => amsgrad().step(state, new Float64Array([1, 1])), /no slot "m"/);
  assert.equal(snapshot(state), before);
});

Deno.test("restoreState checks the optimizer, the dtype, the ranges and v̂ ≥ v", () => {
  const opt = amsgrad({ alpha: 0.1 });
  const good = saveState(stepped(opt, [1, 2]));
  const bad = (edit: (j: StateJSON) => void): StateJSON => {
    const j = structuredClone(good);
    edit(j);
    return j;
  };
  assert.deepEqual(restoreState(good, opt).slots.vHat, Float64Array.from(good.slots.vHat!));
  assert.throws(() => restoreState(good, adam()), /but Adam keeps m, v/);
  assert.throws(() => restoreState(good, sgd()), /but SGD keeps none/);
  assert.throws(() => restoreState(bad((j) => (j.slots.v![0] = -1)), opt), /v\[0\] must be ≥ 0/);
  assert.throws(
    () => restoreState(bad((j) => (j.slots.vHat![1] = 0)), opt),
    /vHat\[1\] = 0 is below v\[1\]/,
  );
  assert.throws(
    () => restoreState(bad((j) => (j.slots.m![0] = NaN)), opt),
    /array of finite numbers/,
  );
  assert.throws(() => restoreState(bad((j) => (j.scalars.mu = NaN)), opt), /scalars.mu/);
  const f32 = bad((j) => (j.dtype = "float32"));
  assert.throws(
    () => restoreState(bad((j) => (j.dtype = "float32", j.x[0] = 1e39))),
    /within float32's range/,
  );
  assert.doesNotThrow(() => restoreState(f32, amsgrad({ arithmetic: "float32" })));
  assert.throws(() => restoreState(good, amsgrad({ arithmetic: "float32" })), /needs a "float32"/);
});
