/**
 * AdaBelief (Zhuang et al. 2020), as the paper and the authors' PyTorch code write it
 * (optax's `adabelief` uses g_t − m_{t−1} instead): the second moment is the
 * variance of g_t around the prediction m_t,
 * s_t = β2 s_{t−1} + (1 − β2)(g_t − m_t)² + ε_root, and
 * x −= α_t (m_t/(1 − β1^t)) / (√(s_t/(1 − β2^t)) + ε).
 *
 * @module
 */
import { emaPhi } from "../framework/phi.ts";
import { beliefPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { beta, flag, knownOptions, nonNegative } from "../framework/validate.ts";
import { rectification } from "../framework/transforms.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions, weightDecay, type WeightDecayOptions } from "./_common.ts";

/** Options of {@link adabelief}; ε defaults to 1e-16 here (the authors'). */
export interface AdaBeliefOptions extends CommonOptions, WeightDecayOptions {
  /** With decoupled weight decay, x_t ← (1 − λ) x_t instead (the authors' `fixed_decay`; default false). */
  fixedDecay?: boolean;
  /**
   * RAdam's rectification on AdaBelief's step (the authors' `rectify`): while
   * ρ_t ≤ 4 the step is momentum SGD, α_t m_t/(1 − β1^t); after, the usual step
   * times r_t (see `rectification`). Default false.
   */
  rectify?: boolean;
  /** β1 in [0, 1), the decay of m_t (default 0.9). */
  beta1?: number;
  /** β2 in [0, 1), the decay of s_t (default 0.999). */
  beta2?: number;
  /** ε_root added to s_t each step (default 1e-16). */
  epsRoot?: number;
}

/**
 * AdaBelief as the authors' PyTorch code: s_t from (g_t − m_t)², bias-corrected,
 * ε = 1e-16 outside the root, ε_root = 1e-16 added to s_t. With the defaults
 * (no weight decay, no rectification) this is the authors'
 * `AdaBelief(params, lr, betas, eps=1e-16, weight_decay=0, rectify=False)`, and
 * the algorithm of their paper. Their weight decay is decoupled by default
 * (`weight_decouple=True`; here `decoupled`, default true, with `fixedDecay`
 * for their `fixed_decay`); `decoupled: false` is their L2 form. Their
 * `rectify=True` (the default of adabelief-pytorch 0.2) is `rectify: true`,
 * written from their description and not replayed against their code.
 */
export function adabelief(opts: AdaBeliefOptions = {}): Optimizer {
  knownOptions("AdaBelief", opts, OPTION_NAMES.adabelief);
  const beta1 = beta("beta1", opts.beta1 ?? 0.9);
  const beta2 = beta("beta2", opts.beta2 ?? 0.999);
  const epsRoot = nonNegative("epsRoot", opts.epsRoot ?? 1e-16);
  const rectify = flag("rectify", opts.rectify ?? false);
  return build("AdaBelief", opts, {
    phi: emaPhi({ beta1T: () => beta1, beta1, correction: "step" }),
    psi: beliefPsi({ beta2, epsRoot, correction: "inside" }),
    defaultEps: 1e-16,
    transforms: [
      ...weightDecay(opts, true),
      ...(rectify ? [rectification({ beta1, beta2, threshold: 4, corrections: false })] : []),
    ],
  });
}
