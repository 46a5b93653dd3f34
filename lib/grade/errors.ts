/**
 * The grader's error for a submission it cannot grade at all.
 *
 * @module
 */

/** A submission that cannot be graded at all, with the reason in plain words. */
export class SubmissionError extends Error {
  /** The error's name. */
  override name = "SubmissionError";
}
