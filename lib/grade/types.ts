/**
 * The grader's vocabulary: one exercise is a few checks, each worth points; a
 * check either passes or says where the student's code diverged from the
 * library's and, when the divergence matches a known mistake, what that
 * mistake usually is.
 *
 * @module
 */

/**
 * The MIME type of a check cell's structured result inside an executed
 * notebook (for the student's front end; `deno task grade` never reads it).
 */
export const GRADE_MIME = "application/vnd.amsgrad-grade+json";

/** The version of the {@link ExerciseReport} JSON that {@link GRADE_MIME} carries. */
export const GRADE_FORMAT = 1;

/** The outcome of one check. */
export interface CheckResult {
  /** The exercise it belongs to, e.g. `"amsgrad-psi"`. */
  exercise: string;
  /** A short id, unique within the exercise, e.g. `"golden"`. */
  check: string;
  /** What the check verifies, in one line. */
  title: string;
  /** Whether the student's values agree with the library's. */
  pass: boolean;
  /** Points earned: `maxPoints` on a pass, 0 otherwise. */
  points: number;
  /** Points of a pass. */
  maxPoints: number;
  /** What was observed: on a pass the evidence, on a failure where it diverged. */
  message: string;
  /** On a failure, what the divergence usually means (a known mistake) or where to look. */
  hint: string | null;
  /** The id of the known mistake the student's outputs reproduce, if any. */
  mistake: string | null;
}

/** The result of one exercise, the JSON carried by {@link GRADE_MIME}. */
export interface ExerciseReport {
  /** The JSON's version, {@link GRADE_FORMAT}. */
  format: typeof GRADE_FORMAT;
  /** The exercise id. */
  exercise: string;
  /** What the exercise is about, one line. */
  title: string;
  /** Bonus exercises add to the score but not to the maximum. */
  bonus: boolean;
  /** Points earned. */
  points: number;
  /** Points of a full pass. */
  maxPoints: number;
  /** Each check's outcome, in order. */
  checks: CheckResult[];
}

/**
 * A known wrong answer: an implementation with the student-facing signature
 * and the hint shown when the student's outputs reproduce it.
 */
export interface Mistake<F> {
  /** A short id, e.g. `"no-max"`. */
  id: string;
  /** What the mistake usually means, shown to the student. */
  hint: string;
  /** The wrong answer itself. */
  impl: F;
}

export type { TracePoint } from "./probe/types.ts";
