/**
 * Projections Π_{F, A}(y) = argmin_{x ∈ F} ‖A^{1/2}(x − y)‖, used by Algorithm 1
 * with A = √V_t. For a box and diagonal V_t this is coordinate-wise clipping,
 * whatever the weights; for an ℓ2 ball it is not the Euclidean projection, and
 * {@link l2Ball} solves the weighted problem exactly.
 *
 * @module
 */
import type { Projection, Vec } from "./types.ts";
import { positive } from "./validate.ts";

/** F = ℝ^d: no projection. */
export function unconstrained(): Projection {
  return {
    name: "none",
    separable: true,
    lo: null,
    hi: null,
    // NaN and ±∞ are not points of ℝ^d.
    contains: (x) => x.every((v) => v - v === 0),
  };
}

/**
 * F = {x : lo ≤ x ≤ hi}, bounds scalar or per coordinate. Exact: with diagonal
 * weights the problem splits into one clamp per coordinate.
 */
export function box(lo: number | Vec, hi: number | Vec): Projection {
  const at = (b: number | Vec, i: number) => (typeof b === "number" ? b : b[i]!);
  const n = typeof lo === "number" ? (typeof hi === "number" ? 0 : hi.length) : lo.length;
  if (typeof lo !== "number" && typeof hi !== "number" && lo.length !== hi.length) {
    throw new RangeError(`box bounds differ in length: ${lo.length} and ${hi.length}`);
  }
  // The step reads bounds as both scalars or both arrays: widen a scalar next to an array.
  if (typeof lo === "number" && typeof hi !== "number") lo = new Float64Array(n).fill(lo);
  if (typeof hi === "number" && typeof lo !== "number") hi = new Float64Array(n).fill(hi);
  for (let i = 0; i < Math.max(n, 1); i++) {
    if (!(at(lo, i) <= at(hi, i))) {
      throw new RangeError(`box needs lo ≤ hi, got lo=${at(lo, i)} > hi=${at(hi, i)} at ${i}`);
    }
  }
  return {
    name: typeof lo === "number" && typeof hi === "number" ? `box [${lo}, ${hi}]` : "box",
    separable: true,
    lo,
    hi,
    contains(x, tol = 0) {
      for (let i = 0; i < x.length; i++) {
        // Written so that NaN is outside.
        if (!(x[i]! >= at(lo, i) - tol && x[i]! <= at(hi, i) + tol)) return false;
      }
      return true;
    },
  };
}

/**
 * F = {x : ‖x‖₂ ≤ r}, projected in the weighted norm Σ w_i (x_i − y_i)².
 *
 * Stationarity gives x_i = w_i y_i / (w_i + λ) for a multiplier λ ≥ 0 with
 * ‖x(λ)‖₂ = r; ‖x(λ)‖ is decreasing in λ, so λ is found by bracketing and
 * bisection to machine precision. With equal weights this reduces to the
 * Euclidean projection y·r/‖y‖.
 */
export function l2Ball(radius: number): Projection {
  positive("radius", radius);
  const r2 = radius * radius;
  const normSq = (x: Vec) => {
    let s = 0;
    for (let i = 0; i < x.length; i++) s += x[i]! * x[i]!;
    return s;
  };
  // x_i(λ) = w_i y_i/(w_i + λ); an infinite weight (a coordinate the step left
  // alone, D_i = ∞) pins x_i = y_i, the limit of that formula.
  const shrunk = (y: number, w: number, lambda: number) =>
    w === 0 ? 0 : w === Infinity ? y : (w * y) / (w + lambda);
  const shrunkNormSq = (y: Vec, w: Vec, lambda: number) => {
    let s = 0;
    for (let i = 0; i < y.length; i++) {
      const xi = shrunk(y[i]!, w[i]!, lambda);
      s += xi * xi;
    }
    return s;
  };
  return {
    name: `l2 ball (r=${radius})`,
    separable: false,
    lo: null,
    hi: null,
    project(y: Vec, w: Vec) {
      if (normSq(y) <= r2) return;
      let lo = 0;
      let hi = 1;
      for (let i = 0; i < w.length; i++) if (w[i]! < Infinity) hi = Math.max(hi, w[i]!);
      // At λ = max(w)·‖y‖/r every |x_i| ≤ |y_i|·r/‖y‖, so ‖x‖ ≤ r.
      hi *= Math.sqrt(normSq(y)) / radius;
      // Pinned coordinates void that bound: widen until feasible.
      for (let k = 0; k < 64 && shrunkNormSq(y, w, hi) > r2; k++) hi *= 2;
      for (let k = 0; k < 200 && hi - lo > 1e-15 * hi; k++) {
        const mid = 0.5 * (lo + hi);
        if (shrunkNormSq(y, w, mid) > r2) lo = mid;
        else hi = mid;
      }
      for (let i = 0; i < y.length; i++) y[i] = shrunk(y[i]!, w[i]!, hi);
    },
    contains(x, tol = 0) {
      return Math.sqrt(normSq(x)) <= radius + tol;
    },
  };
}
