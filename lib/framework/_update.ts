/**
 * The one description of Adam's family's step, from which the float64 loop,
 * the float32 definition and the WebAssembly SIMD kernel are all generated
 * (`_codegen.ts`), and `learningRate` evaluated:
 *
 * ```
 * m_i ← B1·m_i + K1·g_i                       v_i ← B2·v_i + (K2·g_i)·g_i
 * d_i = max(KPREV·v̂_i, KIN·v_i) → v̂_i        (AMSGrad; else d_i = v_i)
 * D_i = √(S2·d_i + EPSIN) + EPSOUT            (raised to 2p when p ≠ 1/2)
 * η_i = clamp(STEP / D_i, LOWER, UPPER)       (STEP/∞ where D_i = 0; η_i = STEP without D)
 * x_i ← clamp(DECAY·x_i − η_i·(A·m_i + B·g_i), LO, HI)
 * ```
 *
 * The scalars are one record, {@link SCALARS} (a Float64Array in that order):
 * the recipe's fixed ones set once ({@link fixScalars}), the others each step
 * from φ's, ψ's and the transforms' contributions ({@link fillMoments},
 * {@link fillTransforms}; see `scalars.ts`). Shape
 * specialisations come from constant folding: {@link fold} substitutes known
 * scalar values ({@link Facts}) and simplifies; the facts it actually used are
 * the condition under which the folded copy applies, so the condition cannot
 * drift from the code. `max(a, b)` is `a < b ? b : a` and `min(a, b)` is
 * `b < a ? b : a` (WebAssembly's `pmax`/`pmin`), which the readable loops of
 * Algorithm 1 write as `b > a ? b : a` and the clamp `y < lo ? lo : y > hi ? hi : y`.
 *
 * The same language describes the blocks' own loops (`_blocks.ts`), whose
 * scalars are the loop's parameters ({@link BlockLoop}); m_i, v_i and v̂_i are
 * described once, by {@link movingAverage}, {@link movingSquares} and
 * {@link runningMax}, for the step and the blocks alike.
 *
 * @module
 */
import type { PhiScalars, PsiScalars, StepScalars } from "./types.ts";

/** The scalars of one step, in the order of the scalars record. */
export const SCALARS = [
  "B1",
  "K1",
  "B2",
  "K2",
  "KIN",
  "KPREV",
  "STEP",
  "S2",
  "EPSIN",
  "EPSOUT",
  "LOWER",
  "UPPER",
  "A",
  "B",
  "DECAY",
  "LO",
  "HI",
  "P2",
] as const;

/** A scalar's name. */
export type Scalar = typeof SCALARS[number];

/** The index of each scalar in the record. */
export const AT: Readonly<Record<Scalar, number>> = Object.fromEntries(
  SCALARS.map((name, i) => [name, i]),
) as Record<Scalar, number>;

/**
 * The arrays a step reads and writes (`w`, `loAt`, `hiAt`: float64 only), and
 * the blocks' own slots (`s`: AdaBelief's, `u`: AdaMax's; see `_blocks.ts`).
 */
export type ArrayName = "x" | "g" | "m" | "v" | "vh" | "w" | "loAt" | "hiAt" | "s" | "u";

/** An expression of one coordinate. */
export type Expr =
  | { readonly op: "load"; readonly array: ArrayName }
  | { readonly op: "scalar"; readonly name: Scalar }
  /** A scalar parameter of a block's loop (see {@link BlockLoop}). */
  | { readonly op: "arg"; readonly name: string }
  | { readonly op: "const"; readonly value: number }
  | { readonly op: "ref"; readonly name: string }
  | {
    readonly op: "add" | "sub" | "mul" | "div" | "max" | "min";
    readonly a: Expr;
    readonly b: Expr;
  }
  | { readonly op: "sqrt" | "pow2p" | "abs"; readonly a: Expr }
  /** a > 0 ? 1 : a < 0 ? −1 : 0 (0 for ±0 and NaN): Yogi's sign. */
  | { readonly op: "sign"; readonly a: Expr }
  /** a / b, or a / ∞ where b = 0 (a coordinate that has seen no gradient stays put). */
  | { readonly op: "safeDiv"; readonly a: Expr; readonly b: Expr }
  /** b = 0 ? ∞ : b (the weights of a non-separable projection). */
  | { readonly op: "orInf"; readonly a: Expr };

/** A statement: name a value, or store one into an array. */
export type Stmt =
  | { readonly kind: "let"; readonly name: string; readonly value: Expr }
  | { readonly kind: "store"; readonly array: ArrayName; readonly value: Expr };

/**
 * A loop of its own, `(…arrays, …args, lo, hi)`: a block's update (see
 * `_blocks.ts`), with its arrays and scalar parameters in order.
 */
export interface BlockLoop {
  /** The arrays, in parameter order. */
  readonly arrays: readonly ArrayName[];
  /** The scalar parameters (read by `arg`), in order after the arrays. */
  readonly args: readonly string[];
  /** The statements over one coordinate. */
  readonly body: readonly Stmt[];
}

/** Which step: AMSGrad's max, the denominator used, and the float64-only extras. */
export interface Shape {
  /** AMSGrad's running max v̂ (at `vh`). */
  readonly hasMax: boolean;
  /** The step uses D_i (false: RAdam before rectification). */
  readonly useDen: boolean;
  /** p ≠ 1/2: D_i raised to 2p (`P2`). Float64 only. */
  readonly pow?: boolean;
  /** D_i stored into `w` for a non-separable projection. Float64 only. */
  readonly weights?: boolean;
  /** Per-coordinate box bounds `loAt`, `hiAt` instead of LO, HI. Float64 only. */
  readonly boundsAt?: boolean;
  /** D_i from the slot itself, not its square root (AdaMax's u_t). Float64 only. */
  readonly linear?: boolean;
}

/** An array's coordinate i. */
export const load = (array: ArrayName): Expr => ({ op: "load", array });
/** A scalar of the step's record. */
export const sc = (name: Scalar): Expr => ({ op: "scalar", name });
/** A value named by a `let`. */
export const ref = (name: string): Expr => ({ op: "ref", name });
/** An operation of two values. */
export const bin = (
  op: "add" | "sub" | "mul" | "div" | "max" | "min",
  a: Expr,
  b: Expr,
): Expr => ({ op, a, b });

/** `name` = `value`, stored into `array` (the new value of a slot, kept for what follows). */
const update = (name: string, array: ArrayName, value: Expr): Stmt[] => [
  { kind: "let", name, value },
  { kind: "store", array, value: ref(name) },
];

/**
 * m_i ← β·m_i + k·g_i (φ's moving average, k = 1 − β; momentum, k = 1 − τ):
 * one description for the fused step and φ's block.
 */
export function movingAverage(name: string, m: ArrayName, beta: Expr, k: Expr, g: Expr): Stmt[] {
  return update(name, m, bin("add", bin("mul", beta, load(m)), bin("mul", k, g)));
}

/**
 * v_i ← β·v_i + (k·g_i)·g_i (Adam's ψ, k = 1 − β; AdaGrad's sum, β = k = 1):
 * one description for the fused step and ψ's block.
 */
export function movingSquares(name: string, v: ArrayName, beta: Expr, k: Expr, g: Expr): Stmt[] {
  return update(name, v, bin("add", bin("mul", beta, load(v)), bin("mul", bin("mul", k, g), g)));
}

/**
 * AMSGrad's v̂_i ← max(kPrev·v̂_i, kIn·v_i), `max(a, b)` being `a < b ? b : a`
 * (v̂_i's old value on a tie or a NaN): one description for the fused step and
 * ψ's block.
 */
export function runningMax(name: string, vh: ArrayName, kPrev: Expr, kIn: Expr, v: Expr): Stmt[] {
  return update(name, vh, bin("max", bin("mul", kPrev, load(vh)), bin("mul", kIn, v)));
}

/** The step of `shape`, as statements over one coordinate. */
export function adamStep(shape: Shape): Stmt[] {
  const body: Stmt[] = [
    { kind: "let", name: "gi", value: load("g") },
    ...movingAverage("mi", "m", sc("B1"), sc("K1"), ref("gi")),
    ...movingSquares("vi", "v", sc("B2"), sc("K2"), ref("gi")),
  ];
  if (shape.hasMax) {
    body.push(...runningMax("di", "vh", sc("KPREV"), sc("KIN"), ref("vi")));
  } else {
    body.push({ kind: "let", name: "di", value: ref("vi") });
  }
  body.push(...updateStep(shape));
  return body;
}

/**
 * The update alone (η_i and x_i from m_i = `mi`, d_i = `di`, g_i = `gi`): the
 * part of the step that every method shares, and what `learningRate` reads.
 */
export function updateStep(shape: Shape): Stmt[] {
  const body: Stmt[] = [];
  let eta: Expr = sc("STEP");
  if (shape.useDen) {
    const inner = bin("add", bin("mul", sc("S2"), ref("di")), sc("EPSIN"));
    let den: Expr = bin("add", shape.linear ? inner : { op: "sqrt", a: inner }, sc("EPSOUT"));
    if (shape.pow) den = { op: "pow2p", a: den };
    body.push({ kind: "let", name: "den", value: den });
    if (shape.weights) {
      body.push({ kind: "store", array: "w", value: { op: "orInf", a: ref("den") } });
    }
    eta = { op: "safeDiv", a: sc("STEP"), b: ref("den") };
  } else if (shape.weights) {
    body.push({ kind: "store", array: "w", value: { op: "const", value: 1 } });
  }
  body.push({
    kind: "let",
    name: "eta",
    value: bin("min", bin("max", eta, sc("LOWER")), sc("UPPER")),
  });
  const xi = bin(
    "sub",
    bin("mul", sc("DECAY"), load("x")),
    bin(
      "mul",
      ref("eta"),
      bin("add", bin("mul", sc("A"), ref("mi")), bin("mul", sc("B"), ref("gi"))),
    ),
  );
  const [lo, hi] = shape.boundsAt ? [load("loAt"), load("hiAt")] : [sc("LO"), sc("HI")];
  body.push({ kind: "store", array: "x", value: bin("min", bin("max", xi, lo), hi) });
  return body;
}

/**
 * The update of any method from its slots (`m`, the denominator's slot `v`):
 * what the generic step runs after the blocks' own loops.
 */
export function blockUpdate(shape: Shape): Stmt[] {
  return [
    { kind: "let", name: "gi", value: load("g") },
    { kind: "let", name: "mi", value: load("m") },
    ...(shape.useDen ? [{ kind: "let", name: "di", value: load("v") } as const] : []),
    ...updateStep(shape),
  ];
}

/** η_i alone, into `w`, from the denominator's slot `v`: `learningRate`'s loop. */
export function learningRateStep(shape: Shape): Stmt[] {
  const lets = updateStep({ ...shape, weights: false }).filter((s) => s.kind === "let");
  return [
    ...(shape.useDen ? [{ kind: "let", name: "di", value: load("v") } as const] : []),
    ...lets,
    { kind: "store", array: "w", value: ref("eta") },
  ];
}

/**
 * What a specialised copy may assume: scalars with a known value, and scalars
 * known to be > 0.
 */
export interface Facts {
  readonly equal?: Readonly<Partial<Record<Scalar, number>>>;
  readonly positive?: readonly Scalar[];
}

/**
 * The "plain" facts: AMSGrad's max over the raw v (KIN = KPREV = 1), numerator
 * m_t (A = 1, B = 0), no decay, ε outside the root only (EPSIN = 0,
 * EPSOUT > 0), no bounds on η_i or x. Folding by them is exact: 1·y = y;
 * y + 0 = y for the y ≥ +0 it meets under the root; A·m + 0·g = m since m is −0
 * only when g's sign bit is set; clamps to ±∞ change nothing; and D_i ≥ EPSOUT > 0.
 */
export const PLAIN: Facts = {
  equal: {
    KIN: 1,
    KPREV: 1,
    A: 1,
    B: 0,
    DECAY: 1,
    EPSIN: 0,
    LOWER: -Infinity,
    UPPER: Infinity,
    LO: -Infinity,
    HI: Infinity,
  },
  positive: ["EPSOUT"],
};

/** Statements folded by facts, and the facts the folding used (its applicability). */
export interface Folded {
  readonly body: Stmt[];
  readonly used: Facts;
}

/** Constant folding of `body` by `facts`; see the module documentation. */
export function fold(body: readonly Stmt[], facts: Facts): Folded {
  const equal = facts.equal ?? {};
  const positive = new Set(facts.positive ?? []);
  const usedEqual: Partial<Record<Scalar, number>> = {};
  const usedPositive = new Set<Scalar>();
  const isConst = (e: Expr, v: number) => e.op === "const" && Object.is(e.value, v);
  const isPositive = (e: Expr): boolean => {
    if (e.op === "scalar" && positive.has(e.name)) {
      usedPositive.add(e.name);
      return true;
    }
    return e.op === "const" && e.value > 0;
  };
  const f = (e: Expr): Expr => {
    switch (e.op) {
      case "scalar": {
        const v = equal[e.name];
        if (v === undefined) return e;
        usedEqual[e.name] = v;
        return { op: "const", value: v };
      }
      case "load":
      case "const":
      case "ref":
      case "arg":
        return e;
      case "sqrt":
      case "pow2p":
      case "abs":
      case "sign":
      case "orInf":
        return { op: e.op, a: f(e.a) };
      case "safeDiv": {
        const a = f(e.a), b = f(e.b);
        // b = √(…) + c with c > 0 (or a name for it) is never 0: the plain quotient.
        const d = b.op === "ref" ? defs.get(b.name) ?? b : b;
        const never0 = d.op === "add" && d.a.op === "sqrt" && isPositive(d.b);
        return never0 ? { op: "div", a, b } : { op: "safeDiv", a, b };
      }
      default: {
        const a = f(e.a), b = f(e.b);
        if (e.op === "mul" && isConst(a, 1)) return b;
        if (e.op === "mul" && isConst(b, 1)) return a;
        if (e.op === "mul" && (isConst(a, 0) || isConst(b, 0))) return { op: "const", value: 0 };
        if (e.op === "add" && isConst(b, 0)) return a;
        if (e.op === "add" && isConst(a, 0)) return b;
        if (e.op === "max" && isConst(b, -Infinity)) return a;
        if (e.op === "min" && isConst(b, Infinity)) return a;
        return { op: e.op, a, b };
      }
    }
  };
  const defs = new Map<string, Expr>();
  const out = body.map((s): Stmt => {
    const value = f(s.value);
    if (s.kind === "let") defs.set(s.name, value);
    return { ...s, value };
  });
  return { body: out, used: { equal: usedEqual, positive: [...usedPositive] } };
}

/** Whether the scalars record `S` satisfies `facts` (a folded copy's applicability). */
export function holds(facts: Facts, S: ArrayLike<number>): boolean {
  for (const [name, v] of Object.entries(facts.equal ?? {})) {
    if (S[AT[name as Scalar]] !== v) return false;
  }
  for (const name of facts.positive ?? []) if (!(S[AT[name]]! > 0)) return false;
  return true;
}

/** The scalars that are fixed for a recipe (set once by {@link fixScalars}). */
export const FIXED: readonly Scalar[] = ["EPSIN", "EPSOUT", "LO", "HI", "P2"];

/**
 * Sets the recipe's fixed scalars in `S` (its ε's, uniform box bounds and 2p),
 * and the transforms' entries to their neutral values (no bounds on η_i, no
 * decay), which a recipe without transforms keeps.
 */
export function fixScalars(
  S: Float64Array,
  r: { epsIn: number; epsOut: number; lo: number; hi: number; p: number },
): void {
  S[8] = r.epsIn;
  S[9] = r.epsOut;
  S[10] = -Infinity;
  S[11] = Infinity;
  S[14] = 1;
  S[15] = r.lo;
  S[16] = r.hi;
  S[17] = 2 * r.p;
}

/** Sets step t's β_{1t}, β_{2t} and step α_t·c (`step`) in `S`, from φ's and ψ's records. */
export function fillMoments(ph: PhiScalars, ps: PsiScalars, step: number, S: Float64Array): void {
  S[0] = ph.beta1T;
  S[1] = 1 - ph.beta1T;
  S[2] = ps.beta2T;
  S[3] = 1 - ps.beta2T;
  S[6] = step;
}

/** Sets the numerator's weights a, b (φ's) in `S`. */
export function fillNumerator(
  ph: { readonly a: number; readonly b: number },
  S: Float64Array,
): void {
  S[12] = ph.a;
  S[13] = ph.b;
}

/** Sets s2 and the running max's factors (ψ's) in `S`. */
export function fillDenominator(
  ps: { readonly s2: number; readonly maxIn: number; readonly maxPrev: number },
  S: Float64Array,
): void {
  S[4] = ps.maxIn;
  S[5] = ps.maxPrev;
  S[7] = ps.s2;
}

/** Sets the transforms' entries in `S` from their combination in `s`: η's bounds and the decay. */
export function fillTransforms(s: StepScalars, S: Float64Array): void {
  S[10] = s.lower;
  S[11] = s.upper;
  S[14] = s.decay;
}

/**
 * Names `S`'s entries in `s` (β_{1t}, β_{2t}, the running max's factors, s2,
 * a, b): for what reads them by name, φ's and ψ's own loops and `finish`.
 */
export function nameScalars(S: Float64Array, s: StepScalars): void {
  s.beta1T = S[0]!;
  s.beta2T = S[2]!;
  s.maxIn = S[4]!;
  s.maxPrev = S[5]!;
  s.s2 = S[7]!;
  s.a = S[12]!;
  s.b = S[13]!;
}
