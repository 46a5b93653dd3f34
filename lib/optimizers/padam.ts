/**
 * Padam (Chen & Gu 2018), the partially adaptive AMSGrad of the authors' code:
 * x −= α_t √(1 − β2^t)/(1 − β1^t) · m_t / (√v̂_t + ε)^{2p}, p ∈ (0, ½]; p = ½ is
 * AMSGrad (with Keras-style correction), p → 0 is SGD with momentum.
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { inClosed, knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, weightDecay, type WeightDecayOptions } from "./_common.ts";
import { type AdamFamilyOptions, adamParts } from "./_adam_family.ts";

/** Options of {@link padam}: Adam's (Keras-style correction; α default 0.1), plus p. */
export interface PadamOptions extends Omit<AdamFamilyOptions, "variant">, WeightDecayOptions {
  /** The partial exponent p in [0, ½] (default ¼, the authors' code). */
  p?: number;
}

/**
 * Padam: AMSGrad's max over the raw v_t, the step
 * α_t √(1 − β2^t)/(1 − β1^t) · m_t / (√v̂_t + ε)^{2p}, α default 0.1, p default ¼.
 * The authors' `Padam(params, lr, partial, weight_decay, betas)` (amsgrad, their
 * default) with a constant learning rate is `padam({ alpha: lr, p: partial,
 * weightDecay: weight_decay, beta1, beta2 })`: their weight decay is L2 (the
 * default here, `decoupled: false`); `decoupled: true` is AdamW's form instead.
 */
export function padam(opts: PadamOptions = {}): Optimizer {
  knownOptions("Padam", opts, OPTION_NAMES.padam);
  const p = inClosed("p", opts.p ?? 0.25, 0, 0.5);
  return build("Padam", { ...opts, alpha: opts.alpha ?? 0.1 }, {
    ...adamParts({ ...opts, variant: "keras" }, { max: "raw" }),
    defaultEps: 1e-8,
    p,
    transforms: weightDecay(opts, false),
  });
}
