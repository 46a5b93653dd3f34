/**
 * The per-coordinate loops of the blocks φ and ψ (the step's own loops are
 * generated from one description: `_update.ts`), as plain functions of arrays
 * and numbers over coordinates [lo, hi).
 *
 * Why they are built by a factory and copied: V8 specialises a function to the
 * array types it has seen, and a loop that has seen both Float64Array and
 * Float32Array tests the type at every access, which made every loop here
 * 2–3x slower on both (`deno task bench`: the 10M Float32 step after the 1-D
 * Float64 problem). Each array type therefore gets its own copy of
 * {@link makeLoops}, compiled from its source text with a tag that keeps V8 from
 * sharing the compiled copy (and its type feedback) between the two. The
 * factory reads nothing but its arguments and `Math`, so a copy computes exactly
 * what the original does; where `new Function` is not allowed the original is
 * used. {@link loops} sends each call to the copy for its arrays' type.
 *
 * @module
 */
import type { Vec } from "./types.ts";

/** The loops; see the module's doc for why they come from a factory. */
export function makeLoops() {
  /** The index of the first non-finite g_i, or −1. */
  function firstNonFinite(g: Vec): number {
    for (let i = 0; i < g.length; i++) {
      const gi = g[i]!;
      // NaN and ±∞ are exactly the values for which gi − gi is not 0.
      if (gi - gi !== 0) return i;
    }
    return -1;
  }

  /** The index of the first g_i that is not below `limit` in magnitude (NaN included), or −1. */
  function firstBeyond(g: Vec, limit: number): number {
    for (let i = 0; i < g.length; i++) {
      if (!(Math.abs(g[i]!) < limit)) return i;
    }
    return -1;
  }

  /** m_i ← β·m_i + k·g_i: φ's moving average (k = 1 − β) and momentum. */
  function ema(m: Vec, g: Vec, beta: number, k: number, lo: number, hi: number): void {
    for (let i = lo; i < hi; i++) m[i] = beta * m[i]! + k * g[i]!;
  }

  /** v_i ← β·v_i + k·g_i²: Adam's ψ (k = 1 − β); AdaGrad's sum with β = k = 1. */
  function emaSquares(v: Vec, g: Vec, beta: number, k: number, lo: number, hi: number): void {
    for (let i = lo; i < hi; i++) v[i] = beta * v[i]! + k * g[i]! * g[i]!;
  }

  /** AMSGrad's v̂_i ← max(kPrev·v̂_i, kIn·v_i). */
  function runningMax(
    vHat: Vec,
    v: Vec,
    kIn: number,
    kPrev: number,
    lo: number,
    hi: number,
  ): void {
    for (let i = lo; i < hi; i++) {
      const cur = kIn * v[i]!;
      const prev = kPrev * vHat[i]!;
      vHat[i] = cur > prev ? cur : prev;
    }
  }

  /** AdaBelief's s_i ← β·s_i + k·(g_i − m_i)² + ε_root. */
  function belief(
    s: Vec,
    g: Vec,
    m: Vec,
    beta: number,
    k: number,
    epsRoot: number,
    lo: number,
    hi: number,
  ): void {
    for (let i = lo; i < hi; i++) {
      const d = g[i]! - m[i]!;
      s[i] = beta * s[i]! + k * d * d + epsRoot;
    }
  }

  /** Yogi's v_i ← v_i − k·sign(v_i − g_i²)·g_i². */
  function yogi(v: Vec, g: Vec, k: number, lo: number, hi: number): void {
    for (let i = lo; i < hi; i++) {
      const g2 = g[i]! * g[i]!;
      const d = v[i]! - g2;
      v[i] = v[i]! - k * (d > 0 ? 1 : d < 0 ? -1 : 0) * g2;
    }
  }

  /** AdaMax's u_i ← max(β·u_i, |g_i| + ε). */
  function infinityNorm(
    u: Vec,
    g: Vec,
    beta: number,
    eps: number,
    lo: number,
    hi: number,
  ): void {
    for (let i = lo; i < hi; i++) {
      const a = beta * u[i]!;
      const c = Math.abs(g[i]!) + eps;
      u[i] = a > c ? a : c;
    }
  }

  return {
    firstNonFinite,
    firstBeyond,
    ema,
    emaSquares,
    runningMax,
    belief,
    yogi,
    infinityNorm,
  };
}

/** The loops, one function each. */
export type Loops = ReturnType<typeof makeLoops>;

/** A copy of the loops with type feedback of its own (see the module's doc). */
function copyLoops(tag: string): Loops {
  try {
    // The tag makes the source text unique: V8 caches compiled code by source.
    const factory = new Function(`"use strict"; return (${makeLoops.toString()}); // ${tag}`);
    return factory()() as Loops;
  } catch {
    return makeLoops();
  }
}

const F32 = copyLoops("Float32Array");
const F64 = copyLoops("Float64Array");
const is32 = (x: Vec) => x.BYTES_PER_ELEMENT === 4;

/**
 * The loops, each call sent to the copy for the type of its first array. Every
 * line names both copies, so that each call site in it only ever sees one
 * function: V8 then inlines it, which a 1-D step's speed depends on.
 */
export const loops: Loops = {
  firstNonFinite: (g) => is32(g) ? F32.firstNonFinite(g) : F64.firstNonFinite(g),
  firstBeyond: (g, limit) => is32(g) ? F32.firstBeyond(g, limit) : F64.firstBeyond(g, limit),
  ema: (m, g, beta, k, lo, hi) =>
    is32(m) ? F32.ema(m, g, beta, k, lo, hi) : F64.ema(m, g, beta, k, lo, hi),
  emaSquares: (v, g, beta, k, lo, hi) =>
    is32(v) ? F32.emaSquares(v, g, beta, k, lo, hi) : F64.emaSquares(v, g, beta, k, lo, hi),
  runningMax: (vHat, v, kIn, kPrev, lo, hi) =>
    is32(vHat)
      ? F32.runningMax(vHat, v, kIn, kPrev, lo, hi)
      : F64.runningMax(vHat, v, kIn, kPrev, lo, hi),
  belief: (s, g, m, beta, k, e, lo, hi) =>
    is32(s) ? F32.belief(s, g, m, beta, k, e, lo, hi) : F64.belief(s, g, m, beta, k, e, lo, hi),
  yogi: (v, g, k, lo, hi) => is32(v) ? F32.yogi(v, g, k, lo, hi) : F64.yogi(v, g, k, lo, hi),
  infinityNorm: (u, g, beta, eps, lo, hi) =>
    is32(u) ? F32.infinityNorm(u, g, beta, eps, lo, hi) : F64.infinityNorm(u, g, beta, eps, lo, hi),
};

/** The copy of the loops for arrays of `x`'s type (for tests). */
export function loopsFor(x: Vec): Loops {
  return is32(x) ? F32 : F64;
}
