/**
 * SGD: φ_t = g_t, ψ_t = I, so x_{t+1} = Π_F(x_t − α_t g_t). The paper's
 * instance uses α_t = α/√t (`schedule: "invsqrt"`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { sgd } from "./sgd.ts";
 * const opt = sgd({ alpha: 0.1 });
 * const state = opt.init(new Float64Array([1]));
 * opt.step(state, new Float64Array([2]));
 * assert.ok(Math.abs(state.x[0]! - 0.8) < 1e-15);
 * ```
 *
 * @module
 */
import { gradientPhi, momentumPhi } from "../framework/phi.ts";
import { identityPsi } from "../framework/psi.ts";
import type { Optimizer } from "../framework/types.ts";
import { flag, inClosed, knownOptions } from "../framework/validate.ts";
import { OPTION_NAMES } from "./_options.ts";
import { build, type CommonOptions } from "./_common.ts";

/** Options of {@link sgd}. */
export interface SgdOptions extends CommonOptions {
  /** Momentum μ in [0, 1] (default 0: plain SGD). */
  momentum?: number;
  /** Dampening τ in [0, 1] of the momentum buffer (default 0). */
  dampening?: number;
  /** Nesterov's look-ahead: the update uses g_t + μ b_t (default false; needs μ > 0, τ = 0). */
  nesterov?: boolean;
}

/**
 * SGD, with optional heavy-ball or Nesterov momentum as PyTorch defines it:
 * b_1 = g_1, b_t = μ b_{t−1} + (1 − τ) g_t, x_{t+1} = x_t − α_t b_t (or
 * x_t − α_t (g_t + μ b_t) with Nesterov).
 */
export function sgd(opts: SgdOptions = {}): Optimizer {
  knownOptions("SGD", opts, OPTION_NAMES.sgd);
  const mu = inClosed("momentum", opts.momentum ?? 0, 0, 1);
  const dampening = inClosed("dampening", opts.dampening ?? 0, 0, 1);
  const nesterov = flag("nesterov", opts.nesterov ?? false);
  if (nesterov && (mu <= 0 || dampening !== 0)) {
    throw new RangeError(
      `nesterov needs momentum > 0 and dampening = 0, got ${mu} and ${dampening}`,
    );
  }
  const phi = mu === 0 ? gradientPhi() : momentumPhi({ mu, dampening, nesterov });
  const name = mu === 0 ? "SGD" : nesterov ? "SGD-Nesterov" : "SGD-momentum";
  return build(name, opts, { phi, psi: identityPsi(), defaultEps: 0 });
}
