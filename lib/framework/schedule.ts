/**
 * Schedules: the step size α_t and the time-varying β_{1t}, β_{2t} of
 * Theorems 4 and 5 and Corollaries 1 and 2.
 *
 * @module
 */
import type { StepSize } from "./types.ts";
import { beta, inClosed, nonNegative, oneOf } from "./validate.ts";

/** `"constant"`: α_t = α. `"invsqrt"`: α_t = α/√t (the paper's theory). Or any t ↦ α_t. */
export type ScheduleOption = "constant" | "invsqrt" | StepSize;

/** α_t from a schedule name (or function) and the base α. */
export function stepSize(alpha: number, schedule: ScheduleOption = "constant"): StepSize {
  nonNegative("alpha", alpha);
  if (typeof schedule === "function") return schedule;
  oneOf("schedule", schedule, ["constant", "invsqrt"]);
  return schedule === "constant" ? () => alpha : (t) => alpha / Math.sqrt(t);
}

/**
 * β_{1t}: `"constant"` (β_{1t} = β1, what "one typically uses in practice"),
 * `"exponential"` (β_{1t} = β1·λ^{t−1}, Corollaries 1 and 2), `"inverse"`
 * (β_{1t} = β1/t, which "still ensures O(√T)" regret), or any t ↦ β_{1t} in [0, 1).
 */
export type Beta1Schedule = "constant" | "exponential" | "inverse" | ((t: number) => number);

/** The β_{1t} schedule as a function; `lambda` is λ of the exponential schedule. */
export function beta1Schedule(
  beta1: number,
  schedule: Beta1Schedule = "constant",
  lambda = 1,
): (t: number) => number {
  beta("beta1", beta1);
  if (typeof schedule === "function") return checked("beta1Schedule", schedule);
  oneOf("beta1Schedule", schedule, ["constant", "exponential", "inverse"]);
  if (schedule === "constant") return () => beta1;
  if (schedule === "inverse") return (t) => beta1 / t;
  inClosed("lambda", lambda, 0, 1);
  return (t) => beta1 * Math.pow(lambda, t - 1);
}

/**
 * β_{2t} for AdamNC: `"1-1/t"` gives v_t = (1/t)·Σ g_j², AdaGrad's ψ with
 * momentum (Corollary 2), or any t ↦ β_{2t} in [0, 1].
 */
export type Beta2Schedule = "1-1/t" | ((t: number) => number);

/**
 * The β_{2t} schedule as a function of the 1-based step t: `"1-1/t"` (default)
 * gives β_{2t} = 1 − 1/t; a function is checked at each call to return a value
 * in [0, 1] (a RangeError otherwise).
 */
export function beta2Schedule(schedule: Beta2Schedule = "1-1/t"): (t: number) => number {
  if (typeof schedule === "function") return checked("beta2Schedule", schedule, true);
  oneOf("beta2Schedule", schedule, ["1-1/t"]);
  return (t) => 1 - 1 / t;
}

/** Wraps a user schedule so that a value outside [0, 1) is a clear error at the step it occurs. */
function checked(name: string, f: (t: number) => number, closed = false): (t: number) => number {
  return (t) => {
    const b = f(t);
    if (!(b >= 0 && (closed ? b <= 1 : b < 1))) {
      throw new RangeError(`${name}(${t}) must be in [0, 1${closed ? "]" : ")"}, got ${b}`);
    }
    return b;
  };
}
