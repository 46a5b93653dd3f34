/**
 * AdamW (Loshchilov & Hutter 2019): decoupled weight decay,
 * x_t ← (1 − α_t λ) x_t, then the Adam (or AMSGrad) step with the same α_t.
 * PyTorch's `AdamW` is `variant: "pytorch"`.
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { flag, knownOptions, nonNegative } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build } from "./_common.ts";
import { decoupledWeightDecay } from "../framework/transforms.ts";
import { type AdamFamilyOptions, adamParts } from "./_adam_family.ts";

/** Options of {@link adamw}: Adam's, plus the decoupled weight decay. */
export interface AdamWOptions extends AdamFamilyOptions {
  /** λ ≥ 0, the decoupled weight decay (default 1e-2, PyTorch's). */
  weightDecay?: number;
  /** Use AMSGrad's running max (default false). */
  amsgrad?: boolean;
}

/**
 * AdamW: x_t ← (1 − α_t λ) x_t, then Adam's step (AMSGrad's with `amsgrad: true`)
 * in the chosen variant; PyTorch's `AdamW` is `variant: "pytorch"`.
 */
export function adamw(opts: AdamWOptions = {}): Optimizer {
  knownOptions("AdamW", opts, OPTION_NAMES.adamw);
  const lambda = nonNegative("weightDecay", opts.weightDecay ?? 1e-2);
  const amsgrad = flag("amsgrad", opts.amsgrad ?? false);
  const parts = adamParts(opts, amsgrad ? { max: "variant" } : {});
  return build(amsgrad ? "AMSGradW" : "AdamW", opts, {
    ...parts,
    transforms: [decoupledWeightDecay(lambda)],
  });
}
