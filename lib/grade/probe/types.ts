/**
 * What a probe records: the student's function is run on inputs the grader
 * chose, and each value it produces (or that the library produced with it
 * plugged in) is pushed as a labelled point. Only the values travel back to
 * the grader, which judges them in its own process.
 *
 * @module
 */

/** One recorded value of a trace: what it is (`"step 3, s.vHat"`) and its value. */
export interface TracePoint {
  /** What the value is, in words, e.g. `"step 3, s.vHat"`. */
  label: string;
  /** The value recorded. */
  value: unknown;
}

/** Runs the student's function `f` on one scenario, pushing each recorded value into `out`. */
export type Probe<F> = (f: F, out: TracePoint[]) => void;

/** An exercise's probes: the student's function's name and one probe per check id. */
export interface ExerciseProbes<F> {
  /** The function the student defines. */
  fn: string;
  probes: Readonly<Record<string, Probe<F>>>;
}
