/**
 * The φ and ψ that Adam, AMSGrad, AdamNC and their descendants share.
 *
 * @module
 */
import { emaPhi } from "../framework/phi.ts";
import { emaPsi, type MaxOver, runningMaxPsi } from "../framework/psi.ts";
import { type Beta1Schedule, beta1Schedule } from "../framework/schedule.ts";
import type { FirstMoment, SecondMoment } from "../framework/types.ts";
import { beta } from "../framework/validate.ts";
import { type CommonOptions, conventions, type Variant, VARIANTS } from "./_common.ts";

/** Options of the Adam family. */
export interface AdamFamilyOptions extends CommonOptions {
  /** β1 in [0, 1), the decay of m_t = β1 m_{t−1} + (1 − β1) g_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the decay of v_t = β2 v_{t−1} + (1 − β2) g_t² (default 0.999). */
  beta2?: number;
  /** Whose conventions to follow (default `"paper"`); see {@link Variant}. */
  variant?: Variant;
}

/** Options of the methods with a β_{1t} schedule (AMSGrad, AdamNC, AdamX). */
export interface Beta1ScheduleOptions {
  /** β_{1t}: `"constant"` (default), `"exponential"` (β1 λ^{t−1}), `"inverse"` (β1/t), or a function. */
  beta1Schedule?: Beta1Schedule;
  /** λ in [0, 1] of the exponential schedule (default 1). */
  lambda?: number;
}

/** The parts of an Adam-type method. */
export interface AdamParts {
  phi: FirstMoment;
  psi: SecondMoment;
  defaultEps: number;
  beta1T: (t: number) => number;
}

/**
 * φ: m_t = β_{1t} m_{t−1} + (1 − β_{1t}) g_t. ψ: v_t = β_{2t} v_{t−1} + (1 − β_{2t}) g_t²,
 * followed by v̂_t = max(v̂_{t−1}, v_t) when `max` is set. Corrections follow the variant.
 */
export function adamParts(
  opts: AdamFamilyOptions & Beta1ScheduleOptions,
  extra: {
    max?: MaxOver | "variant";
    beta2T?: (t: number) => number;
    variants?: readonly Variant[];
  } = {},
): AdamParts {
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  const conv = conventions(opts.variant ?? "paper", extra.variants ?? VARIANTS);
  const beta1T = beta1Schedule(beta1, opts.beta1Schedule ?? "constant", opts.lambda ?? 1);
  const phi = emaPhi({ beta1T, beta1, correction: conv.phi });
  const inner = emaPsi({ beta2T: extra.beta2T ?? (() => beta2), beta2, correction: conv.psi });
  const over = extra.max === "variant" ? conv.over : extra.max;
  const psi = over === undefined ? inner : runningMaxPsi(inner, { over, beta1T });
  return { phi, psi, defaultEps: conv.eps, beta1T };
}
