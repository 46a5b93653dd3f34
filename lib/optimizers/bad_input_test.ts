/**
 * Bad input. A hyperparameter out of range throws a RangeError at construction,
 * and the message names the option and the range. A non-finite gradient throws
 * NonFiniteGradientError naming the step and the coordinate, and leaves the
 * state exactly as it was.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  adabelief,
  adabound,
  adagrad,
  adam,
  adamNC,
  adamw,
  amsgrad,
  nadam,
  type OptimizerFactory,
  OPTIMIZERS,
  padam,
  rmsprop,
  sgd,
  yogi,
} from "./mod.ts";
import { NonFiniteGradientError } from "../framework/errors.ts";
import { saveState } from "../framework/state.ts";

// Every optimizer of the registry, so that a new one is checked without editing this file.
const ALL: Readonly<Record<string, OptimizerFactory>> = OPTIMIZERS;
// Those with β1/β2 options (all but SGD, AdaGrad and RMSProp).
const ADAM_LIKE: Record<string, OptimizerFactory> = Object.fromEntries(
  Object.entries(ALL).filter(([name]) => !["sgd", "adagrad", "rmsprop"].includes(name)),
);
const WITH_VARIANT: Record<string, OptimizerFactory> = { adam, amsgrad, adamw };

/** Options the types forbid, as an untyped (JavaScript or JSON) caller could pass them. */
const untyped = (o: Record<string, unknown>) => o as never;

const BAD_BETAS = [1, -0.1, 1.5, NaN, Infinity];
const RANGE01 = /must be in \[0, 1\), got/;

function throwsRange(f: () => unknown, option: string, range: RegExp, what: string): void {
  assert.throws(f, (e: unknown) => {
    assert.ok(e instanceof RangeError, `${what}: ${e} is not a RangeError`);
    assert.ok(
      e.message.startsWith(`${option} `),
      `${what}: "${e.message}" does not name ${option}`,
    );
    assert.match(e.message, range, what);
    return true;
  }, what);
}

Deno.test("β1 and β2 outside [0, 1) are refused at construction, naming the option", () => {
  for (const [name, make] of Object.entries(ADAM_LIKE)) {
    for (const b of BAD_BETAS) {
      throwsRange(() => make({ beta1: b }), "beta1", RANGE01, `${name}({ beta1: ${b} })`);
      if (name !== "adamnc") {
        throwsRange(() => make({ beta2: b }), "beta2", RANGE01, `${name}({ beta2: ${b} })`);
      }
    }
  }
  for (const b of BAD_BETAS) throwsRange(() => rmsprop({ beta2: b }), "beta2", RANGE01, "rmsprop");
  // The edge of the range: β = 0 is allowed (RMSProp is Adam with β1 = 0).
  assert.doesNotThrow(() => adam({ beta1: 0, beta2: 0 }));
});

Deno.test("a negative or non-finite α or ε is refused at construction", () => {
  const range = /must be a finite number ≥ 0, got/;
  for (const [name, make] of Object.entries(ALL)) {
    for (const v of [-1, -1e-300, NaN, Infinity]) {
      throwsRange(() => make({ alpha: v }), "alpha", range, `${name}({ alpha: ${v} })`);
      throwsRange(() => make({ eps: v }), "eps", range, `${name}({ eps: ${v} })`);
    }
  }
});

Deno.test("an unknown variant, schedule or ε placement is refused, listing the choices", () => {
  for (const [name, make] of Object.entries(WITH_VARIANT)) {
    throwsRange(
      () => make({ variant: "tensorflow" }),
      "variant",
      /one of "paper", "pytorch", "keras", "optax", got tensorflow/,
      name,
    );
  }
  throwsRange(
    () => adagrad(untyped({ variant: "keras" })),
    "variant",
    /"paper", "pytorch", got keras/,
    "ag",
  );
  for (const [name, make] of Object.entries(ALL)) {
    throwsRange(
      () => make({ schedule: "cosine" }),
      "schedule",
      /one of "constant", "invsqrt", got cosine/,
      name,
    );
  }
  throwsRange(
    () => adam(untyped({ epsPlacement: "under" })),
    "epsPlacement",
    /"outside", "inside"/,
    "eps",
  );
  throwsRange(
    () => amsgrad(untyped({ beta1Schedule: "linear" })),
    "beta1Schedule",
    /"constant", "exponential", "inverse", got linear/,
    "amsgrad",
  );
  throwsRange(
    () => adamNC(untyped({ beta2Schedule: "1/t" })),
    "beta2Schedule",
    /"1-1\/t"/,
    "adamNC",
  );
});

Deno.test("the other options are range-checked too", () => {
  throwsRange(() => sgd({ momentum: 1.5 }), "momentum", /in \[0, 1\], got 1.5/, "momentum");
  throwsRange(() => sgd({ dampening: -1 }), "dampening", /in \[0, 1\]/, "dampening");
  throwsRange(
    () => amsgrad({ beta1Schedule: "exponential", lambda: 2 }),
    "lambda",
    /\[0, 1\]/,
    "λ",
  );
  throwsRange(() => adagrad({ initialAccumulator: -1 }), "initialAccumulator", /≥ 0/, "acc");
  throwsRange(() => adamw({ weightDecay: -0.1 }), "weightDecay", /≥ 0/, "wd");
  throwsRange(() => nadam({ momentumDecay: NaN }), "momentumDecay", /≥ 0/, "ψ");
  throwsRange(() => padam({ p: 0.75 }), "p", /in \[0, 0.5\], got 0.75/, "p");
  throwsRange(() => adabound({ gamma: 0 }), "gamma", /> 0/, "γ");
  throwsRange(() => adabound({ finalAlpha: -1 }), "finalAlpha", /≥ 0/, "α*");
  throwsRange(() => adabelief({ epsRoot: -1 }), "epsRoot", /≥ 0/, "ε_root");
  throwsRange(() => yogi({ initialAccumulator: -1 }), "initialAccumulator", /≥ 0/, "yogi");
});

Deno.test("a user β schedule that leaves [0, 1) is named at the step where it does", () => {
  const opt = amsgrad({ beta1Schedule: (t: number) => (t < 3 ? 0.9 : 1) });
  const state = opt.init(new Float64Array(1));
  opt.step(state, new Float64Array([1]));
  opt.step(state, new Float64Array([1]));
  const before = JSON.stringify(saveState(state));
  assert.throws(() => opt.step(state, new Float64Array([1])), {
    name: "RangeError",
    message: "beta1Schedule(3) must be in [0, 1), got 1",
  });
  assert.equal(JSON.stringify(saveState(state)), before, "state changed");
});

Deno.test("a non-finite gradient throws NonFiniteGradientError and leaves the state unchanged", () => {
  for (const [name, make] of Object.entries(ALL)) {
    for (const bad of [NaN, Infinity, -Infinity]) {
      const opt = make({ alpha: 0.1 });
      const state = opt.init(new Float64Array([0.5, -0.25, 1, 2]));
      opt.step(state, new Float64Array([1, -2, 3, 0.5]));
      opt.step(state, new Float64Array([0.1, 0.2, -0.3, 4]));
      const before = JSON.stringify(saveState(state));
      const g = new Float64Array([1, 2, 3, 4]);
      g[2] = bad;
      g[3] = NaN; // only the first offending coordinate is reported
      assert.throws(() => opt.step(state, g), (e: unknown) => {
        assert.ok(e instanceof NonFiniteGradientError, `${name}: ${e}`);
        assert.equal(e.step, 3);
        assert.equal(e.coordinate, 2);
        assert.ok(Object.is(e.value, bad));
        assert.match(e.message, /step 3, coordinate 2/);
        return true;
      });
      assert.equal(JSON.stringify(saveState(state)), before, `${name}: state changed`);
      // The optimizer itself is unharmed: the next good step matches a run that never saw g.
      const fresh = make({ alpha: 0.1 });
      const ref = fresh.init(new Float64Array([0.5, -0.25, 1, 2]));
      fresh.step(ref, new Float64Array([1, -2, 3, 0.5]));
      fresh.step(ref, new Float64Array([0.1, 0.2, -0.3, 4]));
      const next = new Float64Array([-1, 1, -1, 1]);
      opt.step(state, next);
      fresh.step(ref, next);
      assert.equal(JSON.stringify(saveState(state)), JSON.stringify(saveState(ref)), name);
    }
  }
});

Deno.test("a gradient of the wrong length is refused before anything changes", () => {
  const opt = adam();
  const state = opt.init(new Float64Array(3));
  assert.throws(() => opt.step(state, new Float64Array(2)), {
    name: "RangeError",
    message: "gradient has length 2, the iterate has 3",
  });
  assert.equal(state.t, 0);
});
