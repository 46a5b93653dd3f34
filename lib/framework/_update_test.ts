/**
 * The description of the update and what is generated from it: folding uses
 * exactly the facts it needs, a folded loop equals the general one wherever its
 * facts hold, and the float64 and float32 loops and the WebAssembly text all
 * come from the same statements.
 */
import assert from "node:assert/strict";
import { jsSource, watFunction } from "./_codegen.ts";
import { loop, loopCode, runner } from "./_kernels.ts";
import { adamStep, AT, fixScalars, fold, holds, PLAIN, SCALARS, type Shape } from "./_update.ts";
import { Rng } from "../random/rng.ts";

Deno.test("folding by the plain facts keeps only the facts the step reads", () => {
  const noDen = fold(adamStep({ hasMax: false, useDen: false }), PLAIN);
  // Without D_i there is no ε and no quotient to fold; without the max, no KIN/KPREV.
  assert.deepEqual(Object.keys(noDen.used.equal!).sort(), [
    "A",
    "B",
    "DECAY",
    "HI",
    "LO",
    "LOWER",
    "UPPER",
  ]);
  assert.deepEqual(noDen.used.positive, []);
  const full = fold(adamStep({ hasMax: true, useDen: true }), PLAIN);
  assert.deepEqual(
    Object.keys(full.used.equal!).sort(),
    Object.keys(PLAIN.equal!).sort(),
  );
  assert.deepEqual(full.used.positive, ["EPSOUT"]);
  // The folded text has none of the folded scalars left.
  const text = jsSource(full.body, false);
  for (const name of Object.keys(PLAIN.equal!)) assert.ok(!text.includes(`const ${name} =`), name);
  assert.ok(!text.includes("Infinity"), "the zero-denominator branch is folded away");
});

/** Random scalars, with the plain facts holding or not. */
function scalars(rng: Rng, plain: boolean): Float64Array {
  const S = new Float64Array(SCALARS.length);
  for (let i = 0; i < S.length; i++) S[i] = 0.5 + rng.next();
  S[AT.P2] = 1;
  if (plain) { for (const [k, v] of Object.entries(PLAIN.equal!)) S[AT[k as "A"]] = v; }
  return S;
}

Deno.test("where its facts hold, the folded loop = the general loop, bit for bit", () => {
  const rng = new Rng(3);
  const shapes: Shape[] = [
    { hasMax: true, useDen: true },
    { hasMax: false, useDen: true },
    { hasMax: true, useDen: false },
  ];
  for (const float32 of [false, true]) {
    for (const shape of shapes) {
      const L = loop(loopCode("adam", shape, float32, true));
      for (let trial = 0; trial < 20; trial++) {
        const S = scalars(rng, trial % 2 === 0);
        if (float32) { for (let i = 0; i < S.length; i++) S[i] = Math.fround(S[i]!); }
        assert.equal(L.applies(S), holds(L.used, S));
        if (!L.applies(S)) continue;
        const arrays = () =>
          Array.from(
            { length: 5 },
            (_, k) => Float32Array.from({ length: 9 }, () => (k >= 3 ? rng.next() : rng.normal())),
          );
        const a = arrays();
        const b = a.map((x) => x.slice());
        L.plain(S, a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, null, null, null, 0, 9);
        L.general(S, b[0]!, b[1]!, b[2]!, b[3]!, b[4]!, null, null, null, 0, 9);
        assert.deepEqual(a, b, `${JSON.stringify(shape)} float32 ${float32}`);
      }
    }
  }
});

Deno.test("float32 arithmetic: a loop folded by ε = 1e-8 rounds it as the record's f(S[k]) does", () => {
  // √v_i = 1.2345·2^-26 in float32, where f(√v_i + 1e-8) ≠ f(√v_i + f(1e-8)).
  const root = Math.fround(1.2345 * 2 ** -26);
  assert.notEqual(Math.fround(root + 1e-8), Math.fround(root + Math.fround(1e-8)));
  const S = new Float64Array(SCALARS.length);
  fixScalars(S, { epsIn: 0, epsOut: 1e-8, lo: -Infinity, hi: Infinity, p: 0.5 });
  // m and v kept (B1 = B2 = 1, K1 = K2 = 0), the plain facts holding.
  S.set([1, 0, 1, 0, 1, 1, 1, 1], 0);
  S[AT.A] = 1;
  S[AT.B] = 0;
  const code = loopCode("adam", { hasMax: false, useDen: true }, true, true);
  const folded = runner(code, S), general = loop(code).general;
  for (let k = 0; k < 50; k++) {
    S[AT.STEP] = Math.fround(1 + k / 64);
    const arrays = () =>
      [[0], [0], [1], [Math.fround(root * root)]].map((a) => Float32Array.from(a));
    const [x, g, m, v] = arrays(), [x2, g2, m2, v2] = arrays();
    folded(S, x!, g!, m!, v!, null, null, null, null, 0, 1);
    general(S, x2!, g2!, m2!, v2!, null, null, null, null, 0, 1);
    assert.equal(x![0], x2![0], `STEP = ${S[AT.STEP]}`);
  }
});

Deno.test("the WebAssembly text is the same statements: one instruction per operation", () => {
  const body = adamStep({ hasMax: true, useDen: true });
  const wat = watFunction("k", body);
  const js = jsSource(body, true);
  const count = (s: string, re: RegExp) => s.match(re)?.length ?? 0;
  assert.equal(count(wat, /f32x4\.mul/g), count(js, /\*/g));
  assert.equal(count(wat, /f32x4\.sqrt/g), count(js, /Math\.sqrt/g));
  assert.equal(count(wat, /v128\.store/g), count(js, /\w+\[i\] =/g));
  assert.throws(() => watFunction("k", adamStep({ hasMax: false, useDen: true, pow: true })));
});
