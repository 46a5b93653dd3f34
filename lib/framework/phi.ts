/**
 * First-moment estimators φ_t of Algorithm 1 (their loops: `_blocks.ts`).
 *
 * @module
 */
import type { FirstMoment } from "./types.ts";
import { blocks } from "./_blocks.ts";
import { beta1Prepare } from "./scalars.ts";

/** φ_t(g_1..g_t) = g_t: SGD and AdaGrad. No state. */
export function gradientPhi(): FirstMoment {
  return {
    name: "gradient",
    slots: {},
    numSlot: null,
    fixed: { a: 0, b: 1 },
    prepare(_state, s) {
      s.a = 0;
      s.b = 1;
    },
    update() {},
  };
}

/** How a bias correction 1/(1 − β1^t) enters the step: not at all, or as a factor of α_t. */
export type MomentCorrection = "none" | "step";

/**
 * φ_t = (1 − β_{1t}) Σ_i (Π_{k>i} β_{1k}) g_i, computed as
 * m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t with m_0 = `init` (0 in the paper; Flux
 * and Yogi start from a small constant). With `correction: "step"` the step size
 * is multiplied by 1/(1 − β1^t) (Kingma & Ba's bias correction).
 */
export function emaPhi(opts: {
  beta1T: (t: number) => number;
  beta1: number;
  correction: MomentCorrection;
  init?: number;
}): FirstMoment {
  const { beta1T, beta1, correction } = opts;
  return {
    name: "ema",
    slots: { m: opts.init ?? 0 },
    numSlot: "m",
    movingAverage: true,
    fixed: { a: 1, b: 0 },
    // One function per correction, chosen here, so that a step runs only what
    // its variant needs (a, b and, without a correction, c keep their neutral
    // values 1, 0, 1). With ψ's alike: about 43 → 41 ns per 1-D step of the
    // paper's AMSGrad once several optimizers were built (`deno task bench "1-D"`).
    prepare: correction === "step"
      ? (_state, s) => {
        s.beta1T = beta1T(s.t);
        s.c /= 1 - Math.pow(beta1, s.t);
      }
      : beta1Prepare(beta1T),
    update(state, g, s, lo, hi) {
      const b = s.beta1T;
      blocks.ema(state.slots.m!, g, b, 1 - b, lo, hi);
    },
  };
}

/**
 * Heavy-ball momentum as PyTorch's SGD writes it: b_1 = g_1,
 * b_t = μ b_{t−1} + (1 − τ) g_t; the numerator is b_t, or g_t + μ b_t with Nesterov.
 */
export function momentumPhi(
  opts: { mu: number; dampening: number; nesterov: boolean },
): FirstMoment {
  const { mu, dampening, nesterov } = opts;
  return {
    name: nesterov ? "nesterov" : "momentum",
    slots: { buf: 0 },
    numSlot: "buf",
    fixed: { a: nesterov ? mu : 1, b: nesterov ? 1 : 0 },
    prepare(_state, s) {
      s.beta1T = mu;
      s.a = nesterov ? mu : 1;
      s.b = nesterov ? 1 : 0;
    },
    update(state, g, s, lo, hi) {
      const buf = state.slots.buf!;
      if (s.t === 1) buf.set(g.subarray(lo, hi), lo);
      else blocks.ema(buf, g, mu, 1 - dampening, lo, hi);
    },
  };
}

/**
 * Nadam's numerator (Dozat 2016, as PyTorch computes it): with
 * μ_t = β1(1 − ½·0.96^{tψ}) and P_t = Π_{i≤t} μ_i,
 * n_t = μ_{t+1} m_t / (1 − P_t μ_{t+1}) + (1 − μ_t) g_t / (1 − P_t).
 * P_t is carried in `state.scalars.muProduct`.
 */
export function nesterovEmaPhi(opts: { beta1: number; momentumDecay: number }): FirstMoment {
  const { beta1, momentumDecay } = opts;
  const mu = (t: number) => beta1 * (1 - 0.5 * Math.pow(0.96, t * momentumDecay));
  return {
    name: "nesterov-ema",
    slots: { m: 0 },
    numSlot: "m",
    movingAverage: true, // m_t = β1 m + (1 − β1) g, with β_{1t} = β1 set by prepare
    prepare(state, s) {
      const muT = mu(s.t);
      const muNext = mu(s.t + 1);
      const product = (state.scalars.muProduct ?? 1) * muT;
      s.beta1T = beta1;
      s.a = muNext / (1 - product * muNext);
      s.b = (1 - muT) / (1 - product);
    },
    update(state, g, _s, lo, hi) {
      blocks.ema(state.slots.m!, g, beta1, 1 - beta1, lo, hi);
    },
    finish(state, s) {
      state.scalars.muProduct = (state.scalars.muProduct ?? 1) * mu(s.t);
    },
  };
}
