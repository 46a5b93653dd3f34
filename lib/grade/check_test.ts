import assert from "node:assert/strict";
import { matchMistakes, runTraceCheck, runTraceChecks, type TraceCheck } from "./check.ts";
import { resolveStudent } from "./student.ts";

type F = (x: number) => number;

/** A toy check: f on 1..4, against x². */
function spec(overrides: Partial<TraceCheck<F>> = {}): TraceCheck<F> {
  return {
    exercise: "toy",
    check: "squares",
    title: "squares",
    name: "f",
    run: (f, out) => [1, 2, 3, 4].forEach((x) => out.push({ label: `x = ${x}`, value: f(x) })),
    expected: () => [1, 2, 3, 4].map((x) => ({ label: `x = ${x}`, value: x * x })),
    mistakes: [
      { id: "double", hint: "doubled", impl: (x) => 2 * x },
      { id: "cube", hint: "cubed", impl: (x) => x ** 3 },
      {
        id: "throws",
        hint: "never matched",
        impl: () => {
          throw new Error("x");
        },
      },
    ],
    tol: { rel: 1e-12, abs: 0 },
    passMessage: () => "ok",
    fallbackHint: "look again",
    ...overrides,
  };
}

const student = (f: F) => resolveStudent<F>("f", () => f);

Deno.test("runTraceCheck: pass, a known mistake, an unknown one, a throw, a missing function", () => {
  const pass = runTraceCheck(spec(), student((x) => x * x));
  assert.deepEqual([pass.pass, pass.points, pass.hint, pass.message], [true, 1, null, "ok"]);
  const cube = runTraceCheck(spec({ points: 2 }), student((x) => x * x * x));
  assert.deepEqual([cube.pass, cube.points, cube.maxPoints, cube.mistake, cube.hint], [
    false,
    0,
    2,
    "cube",
    "cubed",
  ]);
  assert.equal(cube.message, "x = 2: expected 4, got 8 (off by +4.0, 100%)");
  const other = runTraceCheck(spec(), student((x) => x * x + (x === 4 ? 1 : 0)));
  assert.deepEqual([other.mistake, other.hint], [null, "look again"]);
  assert.match(other.message, /^x = 4:/);
  const threw = runTraceCheck(
    spec(),
    student((x) => {
      if (x === 3) throw new Error("f: not implemented yet");
      return x * x;
    }),
  );
  assert.match(threw.message, /^threw at x = 3 while running `f`: Error: f: not implemented yet/);
  assert.match(threw.hint!, /replace the `throw`/);
  const custom = runTraceCheck(
    spec({ throwHint: () => "custom" }),
    student(() => {
      throw new Error("boom");
    }),
  );
  assert.equal(custom.hint, "custom");
  const missing = runTraceCheck(
    spec(),
    resolveStudent<F>("f", () => {
      throw new ReferenceError("f is not defined");
    }),
  );
  assert.equal(missing.message, "`f` is not defined");
});

Deno.test("runTraceCheck: a trace of the wrong length fails", () => {
  const short = spec({
    run: (f, out) => [1, 2].forEach((x) => out.push({ label: `x = ${x}`, value: f(x) })),
  });
  assert.equal(runTraceCheck(short, student((x) => x * x)).pass, false);
  const long = spec({
    run: (f, out) => [1, 2, 3, 4, 5].forEach((x) => out.push({ label: `x = ${x}`, value: f(x) })),
  });
  const r = runTraceCheck(long, student((x) => x * x));
  assert.equal(r.pass, false);
  assert.match(r.message, /produced 5 values where 4 were expected/);
});

Deno.test("matchMistakes: every mistake reproducing the trace, none that throws", () => {
  const s = spec({ mistakes: [...spec().mistakes, { id: "twice", hint: "", impl: (x) => x + x }] });
  const trace = [1, 2, 3, 4].map((x) => ({ label: `x = ${x}`, value: 2 * x }));
  assert.deepEqual(matchMistakes(s, trace).map((m) => m.id), ["double", "twice"]);
});

Deno.test("runTraceChecks: the most telling check's mistake names the others it explains", () => {
  // On x = 1, 2 only, "x + x" and "2x" look alike; a check that also sees x² = 4
  // at x = 2 is no better. Make a blunt check where two mistakes coincide.
  const ids = { same: "alike-a", other: "alike-b" };
  const blunt = spec({
    check: "blunt",
    run: (f, out) => out.push({ label: "x = 0", value: f(0) }),
    expected: () => [{ label: "x = 0", value: 1 }],
    mistakes: [
      { id: ids.same, hint: "hint a", impl: (x) => 2 * x },
      { id: ids.other, hint: "hint b", impl: (x) => 3 * x },
    ],
  });
  const sharp = spec({
    check: "sharp",
    mistakes: [{ id: ids.other, hint: "hint b", impl: (x) => 3 * x }],
    expected: () => [1, 2, 3, 4].map((x) => ({ label: `x = ${x}`, value: x })),
  });
  const [b, s] = runTraceChecks([blunt, sharp], student((x) => 3 * x));
  assert.equal(s!.mistake, ids.other);
  assert.equal(b!.mistake, ids.other, "blunt check adopts the sharp check's diagnosis");
  assert.equal(b!.hint, "hint b");
  const [alone] = runTraceChecks([blunt], student((x) => 3 * x));
  assert.equal(alone!.mistake, ids.same, "on its own the first listed match is named");
});
