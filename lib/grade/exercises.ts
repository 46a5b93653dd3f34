/**
 * The catalogue of exercises: which notebook holds each, the student cell it
 * grades, and its points, so that `deno task grade` can score an exercise
 * whose check cell produced nothing.
 *
 * @module
 */
import { checkAmsgradPsi, TITLE as AMSGRAD_PSI } from "./amsgrad_psi.ts";
import { checkBeta2T, TITLE as ADAMNC_BETA2 } from "./adamnc_beta2.ts";
import { checkProjectBall, TITLE as BALL_PROJECTION } from "./ball_projection.ts";
import { checkProjectInterval, TITLE as INTERVAL_PROJECTION } from "./projection.ts";
import { checkPytorchDenominator, TITLE as PYTORCH_DENOMINATOR } from "./pytorch_denominator.ts";
import { checkRegret, TITLE as REGRET } from "./regret.ts";
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
  bonus: boolean;
  /** The grader, called by the check cell as `check(() => fn)`. */
  check: (get: () => unknown) => DisplayedReport;
}

/** Every exercise, in notebook order. */
export const EXERCISES: readonly Exercise[] = [
  {
    id: "amsgrad-psi",
    title: AMSGRAD_PSI,
    notebook: "01_amsgrad_psi",
    fn: "amsgradPsi",
    maxPoints: 4,
    bonus: false,
    check: checkAmsgradPsi,
  },
  {
    id: "pytorch-denominator",
    title: PYTORCH_DENOMINATOR,
    notebook: "01_amsgrad_psi",
    fn: "pytorchDenominator",
    maxPoints: 3,
    bonus: false,
    check: checkPytorchDenominator,
  },
  {
    id: "adamnc-beta2",
    title: ADAMNC_BETA2,
    notebook: "02_adamnc_beta2",
    fn: "beta2T",
    maxPoints: 3,
    bonus: false,
    check: checkBeta2T,
  },
  {
    id: "interval-projection",
    title: INTERVAL_PROJECTION,
    notebook: "03_weighted_projection",
    fn: "projectInterval",
    maxPoints: 4,
    bonus: false,
    check: checkProjectInterval,
  },
  {
    id: "ball-projection",
    title: BALL_PROJECTION,
    notebook: "03_weighted_projection",
    fn: "projectBall",
    maxPoints: 3,
    bonus: true,
    check: checkProjectBall,
  },
  {
    id: "regret",
    title: REGRET,
    notebook: "04_regret",
    fn: "regret",
    maxPoints: 3,
    bonus: false,
    check: checkRegret,
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
