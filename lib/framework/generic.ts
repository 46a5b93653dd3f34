/**
 * The one generic step: Algorithm 1 of Reddi, Kale & Kumar (2018),
 *
 * ```
 * m_t = φ_t(g_1..g_t),  V_t = ψ_t(g_1²..g_t²)
 * x̂_{t+1} = x_t − α_t m_t / √V_t,   x_{t+1} = Π_{F, √V_t}(x̂_{t+1})
 * ```
 *
 * in the generalised form documented on {@link StepScalars}. Every named
 * optimizer in `lib/optimizers` is a {@link MethodSpec} handed to
 * {@link makeOptimizer}.
 *
 * Coordinates are processed in tiles that fit in the L1/L2 cache: within a tile,
 * phi updates its slots, psi updates its slots, then one loop forms the update
 * and applies a separable projection. Each array is thus read from memory once
 * per step, and no block's loop sees another block's types.
 *
 * @module
 */
import type { MethodSpec, Optimizer, State, StepScalars, Vec } from "./types.ts";
import { NonFiniteGradientError } from "./errors.ts";

/** Coordinates per tile: 4 state arrays × 2048 × 8 bytes = 64 KiB. */
const TILE = 2048;

/** A fresh scalars record (the one allocation per optimizer). */
export function newScalars(): StepScalars {
  return {
    t: 0,
    alphaT: 0,
    beta1T: 0,
    beta2T: 0,
    a: 1,
    b: 0,
    c: 1,
    s2: 1,
    adaptive: true,
    lower: -Infinity,
    upper: Infinity,
    decay: 1,
  };
}

/** Computes the scalars of step `t` into `s` (pure in `state`). */
export function prepare(spec: MethodSpec, state: State, s: StepScalars, t: number): void {
  s.t = t;
  s.alphaT = spec.alpha(t);
  s.beta1T = 0;
  s.beta2T = 0;
  s.a = 1;
  s.b = 0;
  s.c = 1;
  s.s2 = 1;
  s.adaptive = true;
  s.lower = -Infinity;
  s.upper = Infinity;
  s.decay = 1;
  spec.phi.prepare(state, s);
  spec.psi.prepare(state, s);
  for (const hook of spec.hooks) hook(state, s);
}

/** Throws {@link NonFiniteGradientError} at the first non-finite coordinate of `g`. */
function checkFinite(g: Vec, t: number): void {
  for (let i = 0; i < g.length; i++) {
    const gi = g[i]!;
    // NaN and ±∞ are exactly the values for which gi − gi is not 0.
    if (gi - gi !== 0) throw new NonFiniteGradientError(t, i, gi);
  }
}

function zeros(x: Vec, n: number, fill: number): Vec {
  const out = x instanceof Float32Array ? new Float32Array(n) : new Float64Array(n);
  if (fill !== 0) out.fill(fill);
  return out;
}

/**
 * η_i = clamp(α_t·c / D_i, lower, upper) on one tile, into `eta[0, hi − lo)`;
 * D_i also into `w` when a non-separable projection needs the weights.
 */
function learningRates(
  spec: MethodSpec,
  state: State,
  s: StepScalars,
  eta: Float64Array,
  w: Vec | null,
  lo: number,
  hi: number,
): void {
  const denSlot = spec.psi.denSlot;
  const step = s.alphaT * s.c;
  if (denSlot === null || !s.adaptive) {
    eta.fill(step < s.lower ? s.lower : step > s.upper ? s.upper : step, 0, hi - lo);
    if (w !== null) w.fill(1, lo, hi);
    return;
  }
  const v = state.slots[denSlot]!;
  const { s2, lower, upper } = s;
  const { epsIn, epsOut, p } = spec;
  const sqrt = spec.psi.root === "sqrt";
  for (let i = lo; i < hi; i++) {
    const d = s2 * v[i]! + epsIn;
    let den = (sqrt ? Math.sqrt(d) : d) + epsOut;
    if (p !== 0.5) den = Math.pow(den, 2 * p);
    // A coordinate that has seen no gradient has D = 0 and numerator 0: it stays put.
    if (den === 0) den = Infinity;
    const e = step / den;
    eta[i - lo] = e < lower ? lower : e > upper ? upper : e;
    if (w !== null) w[i] = den;
  }
}

/** x̂_i = decay·x_i − η_i·(a·m_i + b·g_i), then a separable projection, on one tile. */
function update(
  spec: MethodSpec,
  state: State,
  g: Vec,
  s: StepScalars,
  eta: Float64Array,
  lo: number,
  hi: number,
): void {
  const x = state.x;
  const numSlot = spec.phi.numSlot;
  const m = numSlot === null ? g : state.slots[numSlot]!;
  const { a, b, decay } = s;
  const proj = spec.projection;
  const pLo = proj.separable ? proj.lo : null;
  const pHi = proj.separable ? proj.hi : null;
  if (typeof pLo !== "object" || typeof pHi !== "object") {
    // Scalar bounds (or none): the common case, kept branch-light.
    const l = typeof pLo === "number" ? pLo : -Infinity;
    const h = typeof pHi === "number" ? pHi : Infinity;
    for (let i = lo; i < hi; i++) {
      const xi = decay * x[i]! - eta[i - lo]! * (a * m[i]! + b * g[i]!);
      x[i] = xi < l ? l : xi > h ? h : xi;
    }
    return;
  }
  for (let i = lo; i < hi; i++) {
    const xi = decay * x[i]! - eta[i - lo]! * (a * m[i]! + b * g[i]!);
    const l = pLo === null ? -Infinity : pLo[i]!;
    const h = pHi === null ? Infinity : pHi[i]!;
    x[i] = xi < l ? l : xi > h ? h : xi;
  }
}

/**
 * Builds an optimizer from a method's recipe. The returned `step` validates the
 * gradient first (so a bad gradient leaves the state untouched), then runs
 * Algorithm 1 over tiles of coordinates.
 */
export function makeOptimizer(spec: MethodSpec): Optimizer {
  const s = newScalars();
  // Weights √V_t for a non-separable projection, allocated on first use.
  let weights: Vec | null = null;
  const eta = new Float64Array(TILE);

  function init(x0: Vec): State {
    const x = x0.slice() as Vec;
    if (!spec.projection.contains(x, 0)) {
      throw new RangeError(`x1 must lie in the feasible set F (${spec.projection.name})`);
    }
    const slots: Record<string, Vec> = {};
    for (const [name, fill] of Object.entries(spec.phi.slots)) {
      slots[name] = zeros(x, x.length, fill);
    }
    for (const [name, fill] of Object.entries(spec.psi.slots)) {
      slots[name] = zeros(x, x.length, fill);
    }
    return { t: 0, x, slots, scalars: {} };
  }

  function step(state: State, g: Vec): void {
    const x = state.x;
    if (g.length !== x.length) {
      throw new RangeError(`gradient has length ${g.length}, the iterate has ${x.length}`);
    }
    const t = state.t + 1;
    checkFinite(g, t);
    prepare(spec, state, s, t);
    const proj = spec.projection;
    let w: Vec | null = null;
    if (!proj.separable) {
      if (weights === null || weights.length !== x.length) weights = zeros(x, x.length, 0);
      w = weights;
    }
    const n = x.length;
    for (let lo = 0; lo < n; lo += TILE) {
      const hi = lo + TILE < n ? lo + TILE : n;
      spec.phi.update(state, g, s, lo, hi);
      spec.psi.update(state, g, s, lo, hi);
      learningRates(spec, state, s, eta, w, lo, hi);
      update(spec, state, g, s, eta, lo, hi);
    }
    if (w !== null) proj.project!(x, w);
    spec.phi.finish?.(state, s);
    spec.psi.finish?.(state, s);
    state.t = t;
  }

  function learningRate(state: State, out: Vec): void {
    if (state.t === 0) {
      out.fill(0);
      return;
    }
    const r = newScalars();
    prepare(spec, state, r, state.t);
    const denSlot = spec.psi.denSlot;
    const v = denSlot === null || !r.adaptive ? null : state.slots[denSlot]!;
    for (let i = 0; i < out.length; i++) {
      let den = 1;
      if (v !== null) {
        const d = r.s2 * v[i]! + spec.epsIn;
        den = (spec.psi.root === "sqrt" ? Math.sqrt(d) : d) + spec.epsOut;
        if (spec.p !== 0.5) den = Math.pow(den, 2 * spec.p);
      }
      const eta = (r.alphaT * r.c) / den;
      out[i] = eta < r.lower ? r.lower : eta > r.upper ? r.upper : eta;
    }
  }

  return { name: spec.name, spec, init, step, learningRate };
}
