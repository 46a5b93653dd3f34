/**
 * The catalogue of exercises, the lecturer's fixed registry: which notebook
 * (sheet) holds each, the function the student writes, its points and its
 * checks. `deno task grade` takes all of this from here, never from a
 * submission.
 *
 * @module
 */
import * as amsgradPsi from "./amsgrad_psi.ts";
import * as adamncBeta2 from "./adamnc_beta2.ts";
import * as ballProjection from "./ball_projection.ts";
import * as intervalProjection from "./projection.ts";
import * as pytorchDenominator from "./pytorch_denominator.ts";
import * as regret from "./regret.ts";
import type { TraceCheck } from "./check.ts";
export type { TraceCheck } from "./check.ts";
import type { DisplayedReport } from "./report.ts";

/** One exercise of the kit. */
export interface Exercise {
  /** The id its reports carry, e.g. `"amsgrad-psi"`. */
  id: string;
  /** The notebook's file name in notebooks/exercises/, without `.ipynb`. */
  notebook: string;
  /** What it is about, one line (the reports' title). */
  title: string;
  /** The function the student defines. */
  fn: string;
  /** Points of a full pass. */
  maxPoints: number;
  /** Bonus exercises add to the score but not to the maximum. */
  bonus: boolean;
  /** The grader, called by the check cell as `check(() => fn)`. */
  check: (get: () => unknown) => DisplayedReport;
  /** Its checks, which judge the values the student's function produced. */
  // deno-lint-ignore no-explicit-any
  checks: () => TraceCheck<any>[];
}

/** Every exercise, in notebook order. */
export const EXERCISES: readonly Exercise[] = [
  {
    id: "amsgrad-psi",
    title: amsgradPsi.TITLE,
    notebook: "01_amsgrad_psi",
    fn: "amsgradPsi",
    maxPoints: 4,
    bonus: false,
    check: amsgradPsi.checkAmsgradPsi,
    checks: amsgradPsi.checks,
  },
  {
    id: "pytorch-denominator",
    title: pytorchDenominator.TITLE,
    notebook: "01_amsgrad_psi",
    fn: "pytorchDenominator",
    maxPoints: 3,
    bonus: false,
    check: pytorchDenominator.checkPytorchDenominator,
    checks: pytorchDenominator.checks,
  },
  {
    id: "adamnc-beta2",
    title: adamncBeta2.TITLE,
    notebook: "02_adamnc_beta2",
    fn: "beta2T",
    maxPoints: 3,
    bonus: false,
    check: adamncBeta2.checkBeta2T,
    checks: adamncBeta2.checks,
  },
  {
    id: "interval-projection",
    title: intervalProjection.TITLE,
    notebook: "03_weighted_projection",
    fn: "projectInterval",
    maxPoints: 4,
    bonus: false,
    check: intervalProjection.checkProjectInterval,
    checks: intervalProjection.checks,
  },
  {
    id: "ball-projection",
    title: ballProjection.TITLE,
    notebook: "03_weighted_projection",
    fn: "projectBall",
    maxPoints: 3,
    bonus: true,
    check: ballProjection.checkProjectBall,
    checks: ballProjection.checks,
  },
  {
    id: "regret",
    title: regret.TITLE,
    notebook: "04_regret",
    fn: "regret",
    maxPoints: 3,
    bonus: false,
    check: regret.checkRegret,
    checks: regret.checks,
  },
];

/** The student cell of an exercise: its notebook cell id. */
export const studentCellId = (exercise: string): string => `student-${exercise}`;

/** The check cell of an exercise: its notebook cell id. */
export const checkCellId = (exercise: string): string => `check-${exercise}`;

/** The exercise with this id, or a RangeError listing the known ones. */
export function exercise(id: string): Exercise {
  const e = EXERCISES.find((x) => x.id === id);
  if (!e) {
    throw new RangeError(
      `unknown exercise "${id}"; known: ${EXERCISES.map((x) => x.id).join(", ")}`,
    );
  }
  return e;
}
