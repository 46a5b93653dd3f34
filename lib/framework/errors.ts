/**
 * Errors with a message that names what was wrong and what was expected.
 *
 * @module
 */

/** A gradient coordinate was NaN or ±∞; the state was left unchanged. */
export class NonFiniteGradientError extends Error {
  /** The step (1-based) whose gradient was rejected. */
  readonly step: number;
  /** The first offending coordinate. */
  readonly coordinate: number;
  /** Its value. */
  readonly value: number;

  constructor(step: number, coordinate: number, value: number) {
    super(
      `non-finite gradient at step ${step}, coordinate ${coordinate}: ${value} ` +
        `(expected a finite number; the optimizer state was left unchanged)`,
    );
    this.name = "NonFiniteGradientError";
    this.step = step;
    this.coordinate = coordinate;
    this.value = value;
  }
}
