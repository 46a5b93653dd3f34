/**
 * RMSProp (Tieleman & Hinton 2012): Adam with β1 = 0, i.e. φ_t = g_t and
 * v_t = β2 v_{t−1} + (1 − β2) g_t²; x_{t+1} = Π_F(x_t − α_t g_t/(√v_t + ε)).
 * No bias correction, as in PyTorch's `RMSprop` (whose β2 is called `alpha`).
 *
 * @module
 */
import type { Optimizer } from "../framework/types.ts";
import { knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";
import { adamParts } from "./_adam_family.ts";

/** Options of {@link rmsprop}: the common options and β2 (β1 is fixed at 0). */
export interface RmspropOptions extends CommonOptions {
  /** β2 in [0, 1), the decay of v_t (default 0.99, PyTorch's `alpha`). */
  beta2?: number;
}

/** RMSProp = Adam with β1 = 0 in paper conventions. */
export function rmsprop(opts: RmspropOptions = {}): Optimizer {
  knownOptions("RMSProp", opts, OPTION_NAMES.rmsprop);
  return build("RMSProp", opts, adamParts({ ...opts, beta1: 0, beta2: opts.beta2 ?? 0.99 }));
}
