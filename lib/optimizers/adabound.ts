/**
 * AdaBound and AMSBound (Luo et al. 2019), as the authors' `AdaBound`: Adam (or
 * AMSGrad) whose per-coordinate learning rate is clipped to bounds that close
 * in on `finalAlpha`, turning the method into SGD over time:
 *
 * ```
 * η_{t,i} = clip(α_t √(1 − β2^t)/(1 − β1^t) / (√v_{t,i} + ε), η_l(t), η_u(t))
 * η_l(t) = α*(1 − 1/(γt + 1)),  η_u(t) = α*(1 + 1/(γt)),  x −= η_t ⊙ m_t
 * ```
 *
 * The authors' `AdaBound(params, lr, betas, final_lr, gamma, eps, weight_decay,
 * amsbound)` with a constant learning rate is `adabound({ alpha: lr, beta1, beta2,
 * finalAlpha: final_lr, gamma, eps, weightDecay: weight_decay })` (their weight
 * decay is L2, the default here: `decoupled: false`); `amsbound=True` is
 * {@link amsbound}. `decoupled: true` is AdamW's form instead, not theirs.
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions, nonNegative, positive } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, weightDecay, type WeightDecayOptions } from "./_common.ts";
import { adaboundBounds } from "../framework/transforms.ts";
import { type AdamFamilyOptions, adamParts } from "./_adam_family.ts";

/**
 * Options of {@link adabound} and {@link amsbound}: Adam's (the correction is
 * always the authors' α_t √(1 − β2^t)/(1 − β1^t); ε default 1e-8), plus the bounds.
 */
export interface AdaBoundOptions extends Omit<AdamFamilyOptions, "variant">, WeightDecayOptions {
  /** α*, the SGD step size the bounds converge to (default 0.1). */
  finalAlpha?: number;
  /** γ > 0, the speed of convergence of the bounds (default 1e-3). */
  gamma?: number;
}

function bounded(name: string, opts: AdaBoundOptions, amsbound: boolean): Optimizer {
  knownOptions(name, opts, OPTION_NAMES.adabound);
  const finalAlpha = nonNegative("finalAlpha", opts.finalAlpha ?? 0.1);
  const gamma = positive("gamma", opts.gamma ?? 1e-3);
  const parts = adamParts({ ...opts, variant: "keras" }, amsbound ? { max: "raw" } : {});
  return build(name, opts, {
    ...parts,
    defaultEps: 1e-8,
    transforms: [...weightDecay(opts, false), adaboundBounds(finalAlpha, gamma)],
  });
}

/** AdaBound: Adam with dynamic bounds on the learning rate. */
export function adabound(opts: AdaBoundOptions = {}): Optimizer {
  return bounded("AdaBound", opts, false);
}

/** AMSBound: AMSGrad with dynamic bounds on the learning rate. */
export function amsbound(opts: AdaBoundOptions = {}): Optimizer {
  return bounded("AMSBound", opts, true);
}
