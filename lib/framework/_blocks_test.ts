/**
 * The blocks' generated loops against readable loops of the same maths (the
 * hand-written loops they replace, operation for operation), bit for bit, on
 * both array types and on awkward values (±0, ±∞, NaN, ties); and the fused
 * step's m, v, v̂ statements are the blocks' own.
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { type BlockName, BLOCKS, blocks, blocksFor } from "./_blocks.ts";
import { adamStep, type Expr, sc, type Scalar, type Stmt } from "./_update.ts";
import type { Vec } from "./types.ts";

type Readable = (arrays: Vec[], args: number[], lo: number, hi: number) => void;

/** The readable loops: each block's maths written out, with its order of operations. */
const READABLE: Record<BlockName, Readable> = {
  ema([m, g], [beta, k], lo, hi) {
    for (let i = lo; i < hi; i++) m![i] = beta! * m![i]! + k! * g![i]!;
  },
  emaSquares([v, g], [beta, k], lo, hi) {
    for (let i = lo; i < hi; i++) v![i] = beta! * v![i]! + k! * g![i]! * g![i]!;
  },
  runningMax([vHat, v], [kIn, kPrev], lo, hi) {
    for (let i = lo; i < hi; i++) {
      const cur = kIn! * v![i]!;
      const prev = kPrev! * vHat![i]!;
      vHat![i] = cur > prev ? cur : prev;
    }
  },
  belief([s, g, m], [beta, k, epsRoot], lo, hi) {
    for (let i = lo; i < hi; i++) {
      const d = g![i]! - m![i]!;
      s![i] = beta! * s![i]! + k! * d * d + epsRoot!;
    }
  },
  yogi([v, g], [k], lo, hi) {
    for (let i = lo; i < hi; i++) {
      const g2 = g![i]! * g![i]!;
      const d = v![i]! - g2;
      v![i] = v![i]! - k! * (d > 0 ? 1 : d < 0 ? -1 : 0) * g2;
    }
  },
  infinityNorm([u, g], [beta, eps], lo, hi) {
    for (let i = lo; i < hi; i++) {
      const a = beta! * u![i]!;
      const c = Math.abs(g![i]!) + eps!;
      u![i] = a > c ? a : c;
    }
  },
};

/** Whether two arrays hold the same values, −0 and NaN included. */
function sameBits(a: Vec, b: Vec): boolean {
  return a.length === b.length && Array.prototype.every.call(a, (x, i) => Object.is(x, b[i]));
}

/** Doubles with the awkward ones often: ±0, ±∞, NaN, and a small set that makes ties. */
const value = fc.oneof(
  fc.double(),
  fc.constantFrom(0, -0, Infinity, -Infinity, NaN, 1, -1, 0.5, 2, 1e-300, 1e300),
);

const NAMES = Object.keys(BLOCKS) as BlockName[];

Deno.test("each generated block loop = its readable loop, bit for bit, on both array types", () => {
  for (const name of NAMES) {
    const { arrays, args } = BLOCKS[name];
    const input = fc.record({
      n: fc.integer({ min: 0, max: 9 }),
      data: fc.array(fc.array(value, { minLength: 9, maxLength: 9 }), {
        minLength: arrays.length,
        maxLength: arrays.length,
      }),
      args: fc.array(value, { minLength: args.length, maxLength: args.length }),
      lo: fc.integer({ min: 0, max: 9 }),
    });
    for (const type of [Float64Array, Float32Array]) {
      fc.assert(
        fc.property(input, ({ n, data, args, lo }) => {
          const hi = Math.max(lo, n);
          const ours = data.map((a) => type.from(a));
          const theirs = data.map((a) => type.from(a));
          const call = (loop: (...a: unknown[]) => void, xs: Vec[]) => loop(...xs, ...args, lo, hi);
          call(blocks[name] as (...a: unknown[]) => void, ours);
          READABLE[name](theirs, args, lo, hi);
          ours.forEach((a, k) => assert.ok(sameBits(a, theirs[k]!), `${name} ${type.name}`));
        }),
        { numRuns: 300 },
      );
    }
  }
});

Deno.test("the max's ties and NaNs: v̂ keeps its value; AdaMax's u takes |g| + ε", () => {
  const vHat = Float64Array.from([0, -0, NaN, 1, 2]);
  blocks.runningMax(vHat, Float64Array.from([-0, 0, 1, NaN, 2]), 1, 1, 0, 5);
  assert.ok(sameBits(vHat, Float64Array.from([0, -0, NaN, 1, 2])));
  const u = Float64Array.from([0, NaN, 2]);
  blocks.infinityNorm(u, Float64Array.from([-0, 1, 2]), 1, 0, 0, 3);
  assert.ok(sameBits(u, Float64Array.from([0, 1, 2])));
});

Deno.test("blocksFor: Float32 and Float64 arrays get separate copies of every loop", () => {
  const f32 = blocksFor(new Float32Array(1));
  const f64 = blocksFor(new Float64Array(1));
  assert.equal(blocksFor(new Float32Array(3)), f32, "one copy per type, made once");
  for (const name of NAMES) {
    assert.equal(typeof f32[name], "function");
    assert.notEqual(f32[name], f64[name], `${name} is shared`);
  }
});

/** `body` with each block argument replaced by the step's scalar of `names`. */
function withScalars(body: readonly Stmt[], names: Record<string, Scalar>): Stmt[] {
  const f = (e: Expr): Expr => {
    if (e.op === "arg") return sc(names[e.name]!);
    if (e.op === "safeDiv" || "b" in e) return { ...e, a: f(e.a), b: f(e.b) } as Expr;
    if ("a" in e) return { ...e, a: f(e.a) } as Expr;
    return e;
  };
  return body.map((s) => ({ ...s, value: f(s.value) }));
}

Deno.test("one description: the fused step's m, v and v̂ statements are the blocks' own", () => {
  const [gi, m1, m2, v1, v2, h1, h2] = adamStep({ hasMax: true, useDen: true });
  assert.deepEqual([gi, m1, m2], withScalars(BLOCKS.ema.body, { BETA: "B1", K: "K1" }));
  const squares = withScalars(BLOCKS.emaSquares.body, { BETA: "B2", K: "K2" });
  assert.deepEqual([gi, v1, v2], squares);
  // The block reads v_i from its array, the step from the value it just stored there.
  const max = withScalars(BLOCKS.runningMax.body, { KIN: "KIN", KPREV: "KPREV" });
  assert.deepEqual(
    JSON.parse(
      JSON.stringify([h1, h2]).replaceAll('{"op":"ref","name":"vi"}', '{"op":"load","array":"v"}'),
    ),
    max,
  );
});
