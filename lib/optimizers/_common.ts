/**
 * Options shared by every optimizer, and the conventions that tell the paper's
 * algorithms apart from the libraries' versions of them.
 *
 * @module
 */
import { makeOptimizer } from "../framework/generic.ts";
import { unconstrained } from "../framework/projection.ts";
import { type ScheduleOption, stepSize } from "../framework/schedule.ts";
import type { MomentCorrection } from "../framework/phi.ts";
import type {
  Arithmetic,
  FirstMoment,
  MethodSpec,
  Optimizer,
  Projection,
  SecondMoment,
  Transform,
} from "../framework/types.ts";
import type { MaxOver, SecondCorrection } from "../framework/psi.ts";
import { flag, nonNegative, oneOf } from "../framework/validate.ts";
import { decoupledWeightDecay, l2WeightDecay } from "../framework/transforms.ts";

/** Options every optimizer takes. */
export interface CommonOptions {
  /** The base step size α (default 1e-3). */
  alpha?: number;
  /** α_t: `"constant"` (default) or `"invsqrt"` (α/√t, the paper's theory), or t ↦ α_t. */
  schedule?: ScheduleOption;
  /** ε ≥ 0 that keeps the denominator away from 0 (default 1e-8; Keras variant 1e-7). */
  eps?: number;
  /**
   * Where ε goes: `"outside"` the square root, √v + ε (default; PyTorch, Keras,
   * optax), or `"inside"`, √(v + ε) (the paper's eq. (3)).
   */
  epsPlacement?: "outside" | "inside";
  /** Π_F: the feasible set (default unconstrained; see `box`, `l2Ball`). */
  projection?: Projection;
  /**
   * `"float64"` (default): each coordinate's update in double precision, rounded
   * once when stored. `"float32"`: every operation in float32, like PyTorch's
   * float32 kernels, four coordinates per SIMD instruction; Adam's family on
   * Float32Array parameters only (a RangeError names what else is missing).
   * `"auto"`: float32 where that is possible (the method allows it and the
   * parameters are a Float32Array), float64 elsewhere.
   */
  arithmetic?: Arithmetic;
}

/**
 * Whose conventions to follow. `"paper"` (default): no bias correction, the max
 * over the raw v_t. `"pytorch"`: bias corrections 1/(1−β1^t) on the step and
 * 1/(1−β2^t) under the root, after the max. `"keras"`: both folded into the step
 * size α√(1−β2^t)/(1−β1^t), ε = 1e-7 ("epsilon hat"). `"optax"`: like PyTorch
 * but the max is over the bias-corrected v_t.
 */
export type Variant = "paper" | "pytorch" | "keras" | "optax";

/** Every {@link Variant}, `"paper"` first. */
export const VARIANTS: readonly Variant[] = ["paper", "pytorch", "keras", "optax"];

/** The corrections a variant implies for an Adam-type method. */
export interface Conventions {
  phi: MomentCorrection;
  psi: SecondCorrection;
  over: MaxOver;
  eps: number;
}

export function conventions(variant: Variant, allowed: readonly Variant[] = VARIANTS): Conventions {
  oneOf("variant", variant, allowed);
  switch (variant) {
    case "paper":
      return { phi: "none", psi: "none", over: "raw", eps: 1e-8 };
    case "pytorch":
      return { phi: "step", psi: "inside", over: "raw", eps: 1e-8 };
    case "keras":
      return { phi: "step", psi: "step", over: "raw", eps: 1e-7 };
    case "optax":
      return { phi: "step", psi: "inside", over: "corrected", eps: 1e-8 };
  }
}

/** Assembles a validated {@link MethodSpec} and returns its optimizer. */
export function build(
  name: string,
  opts: CommonOptions,
  parts: {
    phi: FirstMoment;
    psi: SecondMoment;
    defaultEps?: number;
    p?: number;
    transforms?: readonly Transform[];
  },
): Optimizer {
  const eps = nonNegative("eps", opts.eps ?? parts.defaultEps ?? 1e-8);
  const placement = oneOf("epsPlacement", opts.epsPlacement ?? "outside", ["outside", "inside"]);
  const spec: MethodSpec = {
    name,
    phi: parts.phi,
    psi: parts.psi,
    alpha: stepSize(opts.alpha ?? 1e-3, opts.schedule ?? "constant"),
    projection: opts.projection ?? unconstrained(),
    epsIn: placement === "inside" ? eps : 0,
    epsOut: placement === "outside" ? eps : 0,
    p: parts.p ?? 0.5,
    transforms: parts.transforms ?? [],
    arithmetic: oneOf<Arithmetic>("arithmetic", opts.arithmetic ?? "float64", [
      "float64",
      "float32",
      "auto",
    ]),
  };
  return makeOptimizer(spec);
}

/** Weight decay options, for the methods whose authors offer it. */
export interface WeightDecayOptions {
  /** λ ≥ 0, the weight decay (default 0: none). */
  weightDecay?: number;
  /**
   * true: decoupled, x_t ← (1 − α_t λ) x_t before the step (AdamW's form);
   * false: L2, φ and ψ see g_t + λ x_t. The default is the method's (see its docs).
   */
  decoupled?: boolean;
}

/** The transform for `opts`' weight decay (none when λ = 0). */
export function weightDecay(
  opts: WeightDecayOptions & { fixedDecay?: boolean },
  decoupledByDefault: boolean,
): Transform[] {
  const lambda = nonNegative("weightDecay", opts.weightDecay ?? 0);
  const decoupled = flag("decoupled", opts.decoupled ?? decoupledByDefault);
  const fixed = flag("fixedDecay", opts.fixedDecay ?? false);
  if (fixed && !decoupled) throw new RangeError("fixedDecay needs decoupled weight decay");
  if (lambda === 0) return [];
  return [decoupled ? decoupledWeightDecay(lambda, { fixed }) : l2WeightDecay(lambda)];
}
