/**
 * Second-moment estimators ψ_t of Algorithm 1 (diagonal V_t = diag(v_t); their loops:
 * `_blocks.ts`).
 *
 * @module
 */
import type { SecondMoment } from "./types.ts";
import { blocks } from "./_blocks.ts";
import { beta2Prepare, scheduleOf } from "./scalars.ts";

/** s2 = maxIn = maxPrev = 1 at every step: no correction inside the root, a max over the raw v_t. */
const NEUTRAL = { s2: 1, maxIn: 1, maxPrev: 1 } as const;

/** ψ_t = I: SGD. */
export function identityPsi(): SecondMoment {
  return {
    name: "identity",
    slots: {},
    denSlot: null,
    root: "sqrt",
    fixed: NEUTRAL,
    prepare() {},
    update() {},
  };
}

/**
 * AdaGrad's ψ_t = diag(Σ_{i≤t} g_i²)/t. The slot keeps the sum s_t; with
 * `average: true` (the paper) the denominator is √(s_t/t), so that with
 * α_t = α/√t the learning rate is α/√s_t; with `average: false` (PyTorch) it is √s_t.
 */
export function sumOfSquaresPsi(opts: { average: boolean; init?: number }): SecondMoment {
  return {
    name: "sum-of-squares",
    slots: { sumSq: opts.init ?? 0 },
    denSlot: "sumSq",
    root: "sqrt",
    fixed: opts.average ? undefined : NEUTRAL,
    prepare(_state, s) {
      if (opts.average) s.s2 = 1 / s.t;
    },
    update(state, g, _s, lo, hi) {
      // 1·s + 1·g·g is exactly s + g², so AdaGrad shares Adam's loop.
      blocks.emaSquares(state.slots.sumSq!, g, 1, 1, lo, hi);
    },
  };
}

/**
 * How Kingma & Ba's correction 1/(1 − β2^t) enters: `"none"` (the paper),
 * `"inside"` (v_t/(1 − β2^t) under the square root: PyTorch, optax),
 * `"step"` (the step size times √(1 − β2^t): Keras, Lasagne, AdaBound, Padam).
 */
export type SecondCorrection = "none" | "inside" | "step";

/**
 * Adam's ψ_t = (1 − β2) diag(Σ_i β2^{t−i} g_i²), computed as
 * v_t = β_{2t} v_{t−1} + (1 − β_{2t}) g_t² with v_0 = `init`. A time-varying
 * β_{2t} gives AdamNC (Algorithm 3); β_{2t} = 1 − 1/t gives v_t = (1/t) Σ g_i².
 */
export function emaPsi(opts: {
  beta2T: (t: number) => number;
  beta2: number;
  correction: SecondCorrection;
  init?: number;
}): SecondMoment {
  const { beta2T, beta2, correction } = opts;
  return {
    name: "ema",
    slots: { v: opts.init ?? 0 },
    denSlot: "v",
    root: "sqrt",
    movingAverage: "v",
    fixed: correction === "inside" ? undefined : NEUTRAL,
    // One function per correction, chosen here (see `emaPhi`).
    prepare: correction === "none" ? beta2Prepare(beta2T) : (_state, s) => {
      s.beta2T = beta2T(s.t);
      const bc2 = 1 - Math.pow(beta2, s.t);
      if (correction === "inside") s.s2 = 1 / bc2;
      else s.c *= Math.sqrt(bc2);
    },
    update(state, g, s, lo, hi) {
      const b = s.beta2T;
      blocks.emaSquares(state.slots.v!, g, b, 1 - b, lo, hi);
    },
  };
}

/**
 * Which v the running maximum is taken over: the raw v_t (the paper, PyTorch,
 * Keras), the bias-corrected v_t/(1 − β2^t) (optax), or AdamX's
 * v̂_t = max(((1 − β_{1t})/(1 − β_{1,t−1}))² v̂_{t−1}, v_t) (Tran & Phong 2019).
 */
export type MaxOver = "raw" | "corrected" | "adamx";

/**
 * AMSGrad's ψ: the inner estimator followed by v̂_t = max(v̂_{t−1}, v_t), so that
 * √v̂_t/α_t never decreases and Γ_t ⪰ 0 for non-increasing α_t. With
 * `over: "corrected"` the inner correction is applied before the max (optax).
 */
export function runningMaxPsi(
  inner: SecondMoment,
  opts: { over: MaxOver; beta1T?: (t: number) => number },
): SecondMoment {
  if (inner.denSlot === null) {
    throw new RangeError("runningMaxPsi needs an inner estimator with a slot");
  }
  const innerSlot = inner.denSlot;
  // Over Adam's moving average, the generic step may fuse it (see SecondMoment.movingAverage).
  const movingAverage = inner.movingAverage === innerSlot ? innerSlot : undefined;
  return {
    name: `max(${inner.name})`,
    slots: { ...inner.slots, vHat: 0 },
    denSlot: "vHat",
    maxOf: innerSlot,
    root: inner.root,
    movingAverage,
    // Over the raw v_t, the max's factors keep their neutral value 1: ψ's
    // contribution is the inner one's (with its schedule, see `beta2Prepare`).
    fixed: opts.over === "raw" ? inner.fixed : undefined,
    prepare: opts.over === "raw" ? rawPrepare(inner) : (state, s) => {
      inner.prepare(state, s);
      if (opts.over === "corrected") {
        s.maxIn = s.s2;
        s.s2 = 1;
      } else if (opts.over === "adamx" && s.t > 1) {
        const b1 = opts.beta1T!;
        const r = (1 - b1(s.t)) / (1 - b1(s.t - 1));
        s.maxPrev = r * r;
      }
    },
    update(state, g, s, lo, hi) {
      inner.update(state, g, s, lo, hi);
      const v = state.slots[innerSlot]!;
      blocks.runningMax(state.slots.vHat!, v, s.maxIn, s.maxPrev, lo, hi);
    },
    finish: inner.finish,
  };
}

/** The inner estimator's `prepare`, carrying its schedule where it has one. */
function rawPrepare(inner: SecondMoment): SecondMoment["prepare"] {
  const schedule = scheduleOf(inner.prepare);
  return schedule !== undefined ? beta2Prepare(schedule) : (state, s) => inner.prepare(state, s);
}

/**
 * AdaBelief's ψ (Zhuang et al. 2020): s_t = β2 s_{t−1} + (1 − β2)(g_t − m_t)² + ε_root,
 * the variance of g around phi's m_t (read from the `m` slot, updated first).
 */
export function beliefPsi(
  opts: { beta2: number; epsRoot: number; correction: SecondCorrection },
): SecondMoment {
  const ema = emaPsi({ beta2T: () => opts.beta2, beta2: opts.beta2, correction: opts.correction });
  return {
    ...ema,
    name: "belief",
    slots: { s: 0 },
    denSlot: "s",
    movingAverage: undefined, // its own update, not Adam's moving average
    update(state, g, _s, lo, hi) {
      const b = opts.beta2;
      blocks.belief(state.slots.s!, g, state.slots.m!, b, 1 - b, opts.epsRoot, lo, hi);
    },
  };
}

/**
 * Yogi's ψ (Zaheer et al. 2018): v_t = v_{t−1} − (1 − β2)·sign(v_{t−1} − g_t²)·g_t²,
 * an additive update that grows or shrinks v by at most (1 − β2) g_t².
 */
export function yogiPsi(
  opts: { beta2: number; init: number; correction: SecondCorrection },
): SecondMoment {
  const ema = emaPsi({ beta2T: () => opts.beta2, beta2: opts.beta2, correction: opts.correction });
  return {
    ...ema,
    name: "yogi",
    slots: { v: opts.init },
    movingAverage: undefined, // its own update, not Adam's moving average
    update(state, g, _s, lo, hi) {
      blocks.yogi(state.slots.v!, g, 1 - opts.beta2, lo, hi);
    },
  };
}

/**
 * AdaMax's ψ (Kingma & Ba §7): u_t = max(β2 u_{t−1}, |g_t| + ε), used without a
 * square root (the ℓ∞ limit of Adam's ℓ2 moment); ε as PyTorch places it.
 */
export function infinityNormPsi(opts: { beta2: number; eps: number }): SecondMoment {
  return {
    name: "infinity-norm",
    slots: { u: 0 },
    denSlot: "u",
    root: "linear",
    fixed: NEUTRAL,
    prepare(_state, s) {
      s.beta2T = opts.beta2;
    },
    update(state, g, _s, lo, hi) {
      blocks.infinityNorm(state.slots.u!, g, opts.beta2, opts.eps, lo, hi);
    },
  };
}
