/**
 * Algorithm 1's building blocks: the generic step, φ and ψ estimators,
 * schedules, projections, validation and state persistence.
 *
 * @module
 */
export * from "./types.ts";
export { makeOptimizer, prepare, resolve } from "./generic.ts";
export { newScalars } from "./scalars.ts";
export * from "./transforms.ts";
export * from "./phi.ts";
export * from "./psi.ts";
export * from "./schedule.ts";
export { box, l2Ball, unconstrained } from "./projection.ts";
export { NonFiniteGradientError, NonFiniteStateError } from "./errors.ts";
export { float32Unsupported } from "./_float32.ts";
export { restoreState, saveState, type StateJSON } from "./state.ts";
export * as validate from "./validate.ts";
