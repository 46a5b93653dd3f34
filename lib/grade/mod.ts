/**
 * The course-assignment grader. In the notebook, each check cell calls
 * `check.<fn>(() => fn)`, which compares the student's function with the
 * library on golden traces and on the paper's counterexamples and displays a
 * report (PASS, or where it diverged and a hint): feedback for the student.
 * `deno task grade` does not read those reports: it runs each exercise's
 * probes (probe/) on the student's answer in a sandboxed process and judges
 * the values that come back here ({@link judgeExercise}), with the exercises
 * and points of the lecturer's template ({@link EXERCISES}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { check } from "./mod.ts";
 * const report = check.beta2T(() => (t: number) => 1 - 1 / t);
 * assert.equal(report.points, report.maxPoints);
 * ```
 *
 * @module
 */
import { checkAmsgradPsi } from "./amsgrad_psi.ts";
import { checkBeta2T } from "./adamnc_beta2.ts";
import { checkProjectBall } from "./ball_projection.ts";
import { checkProjectInterval } from "./projection.ts";
import { checkPytorchDenominator } from "./pytorch_denominator.ts";
import { checkRegret } from "./regret.ts";
import type { DisplayedReport } from "./report.ts";

/** The functions the check cells call, by the name of the function the student writes. */
export type CheckCells = Readonly<
  Record<
    | "amsgradPsi"
    | "pytorchDenominator"
    | "beta2T"
    | "projectInterval"
    | "projectBall"
    | "regret",
    (get: () => unknown) => DisplayedReport
  >
>;

/** The check-cell entry points, by the name of the function the student writes. */
export const check: CheckCells = Object.freeze({
  amsgradPsi: checkAmsgradPsi,
  pytorchDenominator: checkPytorchDenominator,
  beta2T: checkBeta2T,
  projectInterval: checkProjectInterval,
  projectBall: checkProjectBall,
  regret: checkRegret,
});

export * from "./types.ts";
export { type DisplayedReport, exerciseReport, formatHtml, formatText } from "./report.ts";
export { checkCellId, type Exercise, exercise, EXERCISES, studentCellId } from "./exercises.ts";
export { GOLDEN_GRADIENTS, GOLDEN_SETTINGS, GOLDEN_X } from "./golden.ts";
export type { Moments } from "./probe/_moments.ts";
export type { AmsgradPsi } from "./amsgrad_psi.ts";
export type { PytorchDenominator } from "./pytorch_denominator.ts";
export type { Beta2T } from "./adamnc_beta2.ts";
export type { ProjectInterval } from "./projection.ts";
export type { ProjectBall } from "./ball_projection.ts";
export type { Regret } from "./regret.ts";
export * from "./notebook.ts";
export * from "./submission.ts";
export { judgeExercise, type NotRun } from "./judge.ts";
export {
  type LoadFailure,
  MAX_OUTPUT_BYTES,
  type ParsedRun,
  parseRun,
  type RunEnd,
  stopped,
  type StudentTraces,
  type Trace,
  type TraceOutcome,
} from "./protocol.ts";
export type { TraceCheck } from "./check.ts";
export type { Tolerance } from "./compare.ts";
export * from "./score.ts";
